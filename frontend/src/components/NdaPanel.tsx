// Staged confidentiality: the teaser is public; the confidential detail shows once the reader's
// organisation has accepted the output's NDA.
import { useState } from 'react';
import { Alert, Button, Modal, Spin, Typography, App } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ndaApi, type Nda } from '../api/interests';
import { toApiError } from '../api/errors';
import { useAuth } from '../auth/AuthProvider';
import { useLocale } from '../i18n/LocaleProvider';
import { errorText } from '../lib/errorText';

export function NdaPanel({ outputId, onAccepted }: { outputId: number; onAccepted: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [nda, setNda] = useState<Nda>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  if (!me) {
    return <Alert type="info" showIcon message={t('listing.confidentialHidden')} description={<Link to="/signin">{t('nda.signInToRead')}</Link>} />;
  }

  const show = async () => {
    setOpen(true);
    try {
      setNda(await ndaApi.get(outputId));
    } catch (e) {
      setOpen(false);
      void message.error(errorText(t, toApiError(e)));
    }
  };
  const accept = async () => {
    if (!nda) return;
    setBusy(true);
    try {
      await ndaApi.accept(outputId, nda.version);
      void message.success(t('nda.accepted'));
      setOpen(false);
      onAccepted();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Alert type="info" showIcon message={t('nda.hidden')}
        action={<Button onClick={() => void show()} data-testid="read-nda">{t('nda.read')}</Button>} />
      <Modal open={open} title={t('nda.title')} okText={t('nda.accept')} cancelText={t('common.cancel')} onOk={() => void accept()}
        okButtonProps={{ disabled: !nda, 'data-testid': 'accept-nda' } as Record<`data-${string}`, string>} confirmLoading={busy} onCancel={() => setOpen(false)} width={680}>
        {nda ? (
          <>
            <Typography.Paragraph type="secondary">{t('nda.version', { version: nda.version })}</Typography.Paragraph>
            <div className="nda-text prewrap">{locale === 'zh-CN' ? nda.text_zh : nda.text_en}</div>
            <Typography.Paragraph style={{ marginTop: 12 }}>{t('nda.onBehalf', { org: me.organisation.name })}</Typography.Paragraph>
          </>
        ) : (
          <Spin />
        )}
      </Modal>
    </>
  );
}
