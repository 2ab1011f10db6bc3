import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LABEL_KEYS } from '../lib/fieldLabels';

/** "Before review, please complete: …" with the missing fields named in the user's language. */
export function SubmitProblems({ missing }: { missing: string[] }) {
  const { t } = useTranslation();
  if (!missing.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="missing-fields"
      message={t('form.missingTitle')}
      description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{missing.map((m) => <li key={m}>{t(FIELD_LABEL_KEYS[m] ?? m, m)}</li>)}</ul>}
      style={{ marginBottom: 16 }}
    />
  );
}
