import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** What went wrong that no single field owns, above a form; a stale version offers a reload. */
export function FormProblems({ problems, onReload, testId = 'form-problems' }: { problems: string[]; onReload?: () => void; testId?: string }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <Alert type="error" showIcon role="alert" data-testid={testId} message={problems[0]} style={{ marginBottom: 12 }}
      description={problems.length > 1 ? <ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.slice(1).map((p) => <li key={p}>{p}</li>)}</ul> : undefined}
      action={onReload && <Button size="small" onClick={onReload}>{t('deal.reload')}</Button>} />
  );
}
