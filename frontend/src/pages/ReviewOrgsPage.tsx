// Reviewers: organisations waiting for verification.
import { useState } from 'react';
import { Table, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';
import { api } from '../api/client';
import { toApiError, unwrap } from '../api/errors';
import type { Organisation } from '../api/types';
import { DecisionButtons } from '../components/DecisionButtons';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';

export function ReviewOrgsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { regionName } = useTaxonomy();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync(
    async () => unwrap(await api.GET('/api/organisations', { params: { query: { status: 'pending', page, page_size: 20 } } })),
    [page],
  );

  const decide = async (org: Organisation, decision: string, reason?: string) => {
    try {
      unwrap(await api.POST('/api/organisations/{org_id}/review', { params: { path: { org_id: org.id } }, body: { decision, reason: reason || null } }));
      void message.success(t('review.done'));
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
      throw e;
    }
  };

  const columns = [
    { title: t('auth.orgName'), dataIndex: 'name', key: 'name', render: (v: string, o: Organisation) => <>{v}{o.name_en ? <div style={{ color: '#888' }}>{o.name_en}</div> : null}</> },
    { title: t('review.kind'), dataIndex: 'kind', key: 'kind', width: 130, render: (k: string) => t(`orgKind.${k}`) },
    { title: t('review.region'), dataIndex: 'region', key: 'region', width: 100, render: (r: string) => regionName(r) },
    { title: t('review.uscc'), dataIndex: 'uscc', key: 'uscc', width: 190, responsive: ['lg' as const] },
    { title: t('common.createdAt'), dataIndex: 'created_at', key: 'created_at', width: 140, responsive: ['md' as const], render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'), key: 'a', width: 180,
      render: (_: unknown, o: Organisation) => (
        <DecisionButtons
          testId={`org-${o.id}`}
          onDecide={(d, r) => decide(o, d, r)}
          decisions={[
            { value: 'verify', label: t('review.verify'), needsReason: false, primary: true },
            { value: 'reject', label: t('review.reject'), needsReason: true, danger: true },
          ]}
        />
      ),
    },
  ];

  return (
    <div className="page">
      <Typography.Title level={2}>{t('review.orgsTitle')}</Typography.Title>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Table<Organisation>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        expandable={{ rowExpandable: (o) => !!o.description, expandedRowRender: (o) => <Typography.Paragraph className="prewrap">{o.description}</Typography.Paragraph> }}
        scroll={{ x: 640 }}
        locale={{ emptyText: <EmptyState hint={t('review.emptyOrgs')} /> }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      />
    </div>
  );
}
