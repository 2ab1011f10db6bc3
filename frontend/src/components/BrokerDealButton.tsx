// For agents: open a deal on a need-output pair and go to it, to carry it to a registered contract.
import { useState } from 'react';
import { Button, App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dealsApi } from '../api/deals';
import { toApiError } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { errorText } from '../lib/errorText';

export function BrokerDealButton({ outputId, needId }: { outputId: number; needId: number }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (me?.role !== 'agent') return null;
  const open = async () => {
    setBusy(true);
    try {
      const deal = await dealsApi.open(outputId, needId);
      void message.success(t('deal.brokered', { id: deal.id }));
      navigate(`/deals/${deal.id}?tab=contract`);
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
      setBusy(false);
    }
  };
  return <Button type="primary" ghost loading={busy} onClick={() => void open()} data-testid="broker-deal">{t('deal.broker')}</Button>;
}
