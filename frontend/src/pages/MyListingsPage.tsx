// My organisation's outputs and needs in every status, with submit / withdraw / delete.
import { useState } from 'react';
import { Alert, Button, Popconfirm, Space, Table, Tabs, Typography, App } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';
import { kindApi, searchNeeds, searchOutputs } from '../api/listings';
import { toApiError } from '../api/errors';
import type { ListingKind, NeedOut, OutputOut } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusTag } from '../components/StatusTag';
import { SubmitProblems } from '../components/SubmitProblems';
import { errorText } from '../lib/errorText';
import { missingFields } from '../lib/fieldLabels';
import { useAsync } from '../lib/useAsync';

type Row = OutputOut | NeedOut;

export function MyListingsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const navigate = useNavigate();
  const params = useParams();
  const { message } = App.useApp();
  const defaultTab: ListingKind = me?.organisation.kind === 'enterprise' ? 'needs' : 'outputs';
  const kind: ListingKind = params.tab === 'needs' || params.tab === 'outputs' ? params.tab : defaultTab;
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string>();
  const [missing, setMissing] = useState<{ id: number; fields: string[] }>();
  const { data, error, loading, reload } = useAsync<{ items: Row[]; total: number }>(
    () => (kind === 'outputs' ? searchOutputs({ mine: true, page, sort: '-updated_at' }) : searchNeeds({ mine: true, page, sort: '-updated_at' })),
    [kind, page],
  );

  const act = async (row: Row, action: 'submit' | 'withdraw' | 'remove') => {
    setBusy(`${action}-${row.id}`);
    setMissing(undefined);
    try {
      await kindApi(kind)[action](row.id);
      void message.success(t(action === 'submit' ? 'mine.submitted' : action === 'withdraw' ? 'mine.withdrawn' : 'mine.deleted'));
      reload();
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'incomplete_listing') setMissing({ id: row.id, fields: missingFields(err.details) });
      else void message.error(errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const columns = [
    { title: t('form.title'), dataIndex: 'title', key: 'title', render: (v: string, r: Row) => <Link to={`/${kind}/${r.id}`}>{v}</Link> },
    { title: t('listing.status'), dataIndex: 'status', key: 'status', width: 120, render: (s: string) => <StatusTag status={s} /> },
    { title: t('common.updatedAt'), dataIndex: 'updated_at', key: 'updated_at', width: 150, responsive: ['md' as const], render: (v: string) => formatTime(v) },
    {
      title: t('common.actions'), key: 'actions', width: 300,
      render: (_: unknown, r: Row) => (
        <Space wrap size={4}>
          {['draft', 'pending_review', 'needs_revision', 'published'].includes(r.status) && (
            <Button size="small" onClick={() => navigate(`/mine/${kind}/${r.id}/edit`)}>{t('common.edit')}</Button>
          )}
          {r.status === 'published' && (
            <Button size="small" type="primary" ghost onClick={() => navigate(`/mine/${kind}/${r.id}/matches`)}>{t('mine.matches')}</Button>
          )}
          {['draft', 'needs_revision'].includes(r.status) && (
            <Button size="small" type="primary" loading={busy === `submit-${r.id}`} onClick={() => void act(r, 'submit')}>{t('mine.submit')}</Button>
          )}
          {['draft', 'pending_review', 'needs_revision', 'published'].includes(r.status) && (
            <Popconfirm title={t('mine.withdrawConfirm')} onConfirm={() => act(r, 'withdraw')} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" loading={busy === `withdraw-${r.id}`}>{t('mine.withdraw')}</Button>
            </Popconfirm>
          )}
          {r.status === 'draft' && (
            <Popconfirm title={t('mine.deleteConfirm')} onConfirm={() => act(r, 'remove')} okText={t('common.confirm')} cancelText={t('common.cancel')}>
              <Button size="small" danger loading={busy === `remove-${r.id}`}>{t('mine.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const newButton = (
    <Button type="primary" onClick={() => navigate(`/mine/${kind}/new`)} data-testid="new-listing">
      {kind === 'outputs' ? t('mine.newOutput') : t('mine.newNeed')}
    </Button>
  );

  return (
    <div className="page">
      <Typography.Title level={2}>{t('mine.title')}</Typography.Title>
      {me?.organisation.status === 'pending' && <Alert type="info" showIcon message={t('profile.orgPending')} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={kind}
        onChange={(k) => { setPage(1); setMissing(undefined); navigate(`/mine/${k}`); }}
        tabBarExtraContent={newButton}
        items={[
          { key: 'outputs', label: t('mine.outputs') },
          { key: 'needs', label: t('mine.needs') },
        ]}
      />
      {missing && <SubmitProblems missing={missing.fields} />}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Table<Row>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 600 }}
        locale={{ emptyText: <EmptyState hint={kind === 'outputs' ? t('mine.emptyOutputs') : t('mine.emptyNeeds')} action={newButton} /> }}
        pagination={{ current: page, pageSize: 10, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
      />
    </div>
  );
}
