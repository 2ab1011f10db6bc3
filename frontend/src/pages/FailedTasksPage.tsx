// Platform admins: background tasks that exhausted their retries, with their error, and "run again".
import { useState } from 'react';
import { App, Button, Checkbox, Result, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/errors';
import { failedTasksApi, type FailedTask } from '../api/failedTasks';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../lib/errorText';
import { formatTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function FailedTasksPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [includeRetried, setIncludeRetried] = useState(false);
  const [busy, setBusy] = useState<number>();
  const admin = me?.role === 'platform_admin';
  const { data, error, loading, reload } = useAsync(
    () => (admin ? failedTasksApi.list(page, includeRetried) : Promise.resolve(undefined)),
    [page, includeRetried, admin],
  );

  if (!admin) return <Result status="403" title={t('admin.adminOnly')} />;

  const retry = async (task: FailedTask) => {
    setBusy(task.id);
    try {
      await failedTasksApi.retry(task.id);
      void message.success(t('admin.retried'));
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="page">
      <Typography.Title level={2}>{t('admin.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.intro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={includeRetried} onChange={(e) => { setPage(1); setIncludeRetried(e.target.checked); }}>
          {t('admin.includeRetried')}
        </Checkbox>
      </Space>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Table<FailedTask>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyState hint={t('admin.empty')} /> }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage } : false}
        columns={[
          { title: t('admin.task'), dataIndex: 'task', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('admin.args'), dataIndex: 'args', render: (v: unknown[]) => <Typography.Text code>{JSON.stringify(v)}</Typography.Text> },
          { title: t('admin.error'), dataIndex: 'error', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
          { title: t('admin.retries'), dataIndex: 'retries', width: 90 },
          { title: t('admin.failedAt'), dataIndex: 'failed_at', width: 170, render: (v: string) => formatTime(v) },
          {
            key: 'action',
            width: 160,
            render: (_: unknown, task: FailedTask) =>
              task.retried_at ? (
                <Typography.Text type="secondary">{t('admin.retriedAt', { time: formatTime(task.retried_at) })}</Typography.Text>
              ) : (
                <Button size="small" loading={busy === task.id} onClick={() => void retry(task)}>{t('admin.retry')}</Button>
              ),
          },
        ]}
      />
    </div>
  );
}
