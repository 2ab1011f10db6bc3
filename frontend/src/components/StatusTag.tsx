import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  draft: 'default', pending_review: 'processing', published: 'success', needs_revision: 'warning',
  rejected: 'error', withdrawn: 'default', expired: 'default', pending: 'processing', verified: 'success',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'}>{t(`status.${status}`, status)}</Tag>;
}
