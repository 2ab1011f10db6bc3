// The selling institution's income split (三权改革): what the research team and the institution get of
// the net income received so far. Only the seller and staff may read it.
import { Alert, Descriptions, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { incomeApi } from '../../api/deals';
import { useAsync } from '../../lib/useAsync';
import { EmptyState } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { MoneyText } from '../MoneyText';

export function IncomeSplitCard({ dealId, refreshKey }: { dealId: number; refreshKey: number }) {
  const { t } = useTranslation();
  const split = useAsync(() => incomeApi.split(dealId), [dealId, refreshKey]);
  if (split.error?.status === 404) return <EmptyState title={t('deal.noSplit')} hint={t('deal.splitNeedsContract')} />;
  if (split.error) return <ErrorAlert error={split.error} onRetry={split.reload} />;
  const s = split.data;
  if (!s) return <Spin />;
  const source = s.share_source === 'institution' ? t('deal.shareInstitution') : t('deal.shareLaw');
  return (
    <div data-testid="income-split">
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('deal.paidTotal')}><MoneyText value={s.paid} /></Descriptions.Item>
        <Descriptions.Item label={t('contract.nonTechnical')}><MoneyText value={s.non_technical_costs} /></Descriptions.Item>
        <Descriptions.Item label={t('deal.netIncome')}><MoneyText value={s.net_income} strong /></Descriptions.Item>
        <Descriptions.Item label={t('deal.teamShare')}>{s.team_share_percent}% ({source})</Descriptions.Item>
        <Descriptions.Item label={t('deal.teamAmount')}><MoneyText value={s.team_amount} strong /></Descriptions.Item>
        <Descriptions.Item label={t('deal.institutionAmount')}><MoneyText value={s.institution_amount} strong /></Descriptions.Item>
      </Descriptions>
      {s.net_income === '0.00' && <Alert type="info" showIcon style={{ marginTop: 12 }} message={t('deal.splitNothingYet')} />}
    </div>
  );
}
