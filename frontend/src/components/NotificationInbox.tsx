// The in-app inbox: newest first, unread highlighted, mark one or all read, follow the link.
import { useState } from 'react';
import { Badge, Button, List, Segmented, Space, Typography, App } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';
import { internalPath, notificationsApi, type Notification } from '../api/notifications';
import { toApiError } from '../api/errors';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';
import { UNREAD_EVENT } from './NotificationBell';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';

export function NotificationInbox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [unread, setUnread] = useState(false);
  const [busy, setBusy] = useState(false);
  const { data, error, loading, reload } = useAsync(() => notificationsApi.list(page, unread), [page, unread]);

  const changed = () => {
    reload();
    window.dispatchEvent(new Event(UNREAD_EVENT));
  };
  const open = async (n: Notification) => {
    if (!n.read_at) await notificationsApi.markRead(n.id).catch(() => undefined);
    changed();
    const path = internalPath(n.link);
    if (path) navigate(path);
  };
  const markAll = async () => {
    setBusy(true);
    try {
      await notificationsApi.markAllRead();
      changed();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={unread ? 'unread' : 'all'}
          onChange={(v) => { setPage(1); setUnread(v === 'unread'); }}
          options={[{ value: 'all', label: t('common.all') }, { value: 'unread', label: t('notifications.onlyUnread') }]}
        />
        <Button onClick={() => void markAll()} loading={busy}>{t('notifications.markAll')}</Button>
      </Space>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<Notification>
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={t('notifications.empty')} /> }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage } : false}
        renderItem={(n) => (
          <List.Item
            className={n.read_at ? '' : 'unread'}
            actions={[
              !n.read_at && (
                <Button key="r" size="small" type="link" onClick={() => void notificationsApi.markRead(n.id).then(changed)}>{t('notifications.markRead')}</Button>
              ),
              n.link && <Button key="o" size="small" onClick={() => void open(n)}>{t('common.view')}</Button>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={<Space>{!n.read_at && <Badge status="processing" aria-label={t('notifications.unread')} />}{n.title}</Space>}
              description={<><div className="prewrap">{n.body}</div><Typography.Text type="secondary">{formatTime(n.created_at)}</Typography.Text></>}
            />
          </List.Item>
        )}
      />
    </>
  );
}
