// The user's saved searches: what each watches, alerts on or off, open its results, delete it.
import { useState } from 'react';
import { App, Button, List, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/errors';
import { savedSearchesApi, searchPath, type SavedSearch, type SavedSearchIn } from '../api/savedSearches';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';

export function SavedSearchesPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { fieldName, regionName } = useTaxonomy();
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<number>();
  const { data, error, loading, reload } = useAsync(() => savedSearchesApi.list(page), [page]);

  const act = async (id: number, work: () => Promise<unknown>, done?: string) => {
    setBusy(id);
    try {
      await work();
      if (done) void message.success(done);
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };
  const toggle = (s: SavedSearch, alerts: boolean) =>
    act(s.id, () =>
      savedSearchesApi.replace(s.id, {
        kind: s.kind as SavedSearchIn['kind'], name: s.name, q: s.q, alerts,
        field_code: s.field_code as SavedSearchIn['field_code'], region: s.region as SavedSearchIn['region'],
      }),
    );

  return (
    <div data-testid="saved-searches">
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<SavedSearch>
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={t('savedSearches.empty')} /> }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage } : false}
        renderItem={(s) => (
          <List.Item
            actions={[
              <Switch
                key="alerts"
                checked={s.alerts}
                loading={busy === s.id}
                aria-label={`${t('savedSearches.alerts')}: ${s.name}`}
                checkedChildren={t('savedSearches.alertsOn')}
                unCheckedChildren={t('savedSearches.alertsOff')}
                onChange={(on) => void toggle(s, on)}
              />,
              <Button key="open" size="small" onClick={() => navigate(searchPath(s))}>{t('savedSearches.open')}</Button>,
              <Popconfirm
                key="delete"
                title={t('savedSearches.confirmDelete')}
                okText={t('savedSearches.delete')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(s.id, () => savedSearchesApi.remove(s.id), t('savedSearches.deleted'))}
              >
                <Button size="small" danger>{t('savedSearches.delete')}</Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={<Space wrap><Tag>{s.kind === 'need' ? t('savedSearches.kindNeed') : t('savedSearches.kindOutput')}</Tag>{s.name}</Space>}
              description={
                <Typography.Text type="secondary">
                  {[
                    s.q && `${t('savedSearches.keywords')}: ${s.q}`,
                    s.field_code && `${t('savedSearches.field')}: ${fieldName(s.field_code)}`,
                    s.region && `${t('savedSearches.region')}: ${regionName(s.region)}`,
                  ].filter(Boolean).join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
