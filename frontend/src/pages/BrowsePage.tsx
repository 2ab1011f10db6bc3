// Browse and search outputs or needs, with filters kept in the URL and pagination.
import { Button, Flex, List, Pagination, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { searchNeeds, searchOutputs, type ListingFilters, type Page } from '../api/listings';
import type { ListingKind, NeedOut, OutputOut } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { ListingFiltersForm } from '../components/ListingFiltersForm';
import { ListingSummary } from '../components/ListingSummary';
import { SaveSearchButton } from '../components/SaveSearchButton';
import { filtersFromParams, filtersToParams } from '../lib/filterParams';
import { useAsync } from '../lib/useAsync';

const PAGE_SIZE = 10;

export function BrowsePage({ kind }: { kind: ListingKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const key = params.toString();

  const { data, error, loading, reload } = useAsync<Page<OutputOut> | Page<NeedOut>>(
    () => (kind === 'outputs' ? searchOutputs({ ...filters, page_size: PAGE_SIZE }) : searchNeeds({ ...filters, page_size: PAGE_SIZE })),
    [kind, key],
  );

  const setFilters = (f: ListingFilters) => {
    setParams(filtersToParams(f));
    window.scrollTo?.({ top: 0 });
  };
  const title = kind === 'outputs' ? t('browse.outputsTitle') : t('browse.needsTitle');
  const postAction =
    kind === 'needs' || !me ? (
      <Button type="primary" onClick={() => navigate(me ? '/mine/needs/new' : '/signup')}>{t('browse.postNeed')}</Button>
    ) : (
      <Button type="primary" onClick={() => navigate('/mine/outputs/new')}>{t('browse.postOutput')}</Button>
    );

  return (
    <div className="page">
      <Typography.Title level={2}>{title}</Typography.Title>
      <ListingFiltersForm kind={kind} value={filters} onChange={setFilters} />
      {me && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <SaveSearchButton kind={kind} filters={filters} />
        </Flex>
      )}
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <Spin spinning={loading} tip={t('common.loading')}>
        <div aria-live="polite" aria-busy={loading}>
          {data && (
            <Typography.Paragraph type="secondary" data-testid="result-count">
              {t('browse.results', { count: data.total })}
            </Typography.Paragraph>
          )}
          {data && data.total === 0 && !loading ? (
            <EmptyState
              title={t('browse.emptyTitle')}
              hint={t('browse.emptyHint')}
              action={
                <Flex gap={8} justify="center">
                  <Button onClick={() => setFilters({})}>{t('browse.clearFilters')}</Button>
                  {postAction}
                </Flex>
              }
            />
          ) : (
            <List
              dataSource={(data?.items ?? []) as (OutputOut | NeedOut)[]}
              rowKey="id"
              renderItem={(item) => (
                <List.Item style={{ display: 'block', borderBlockEnd: 0, padding: '6px 0' }}>
                  {kind === 'outputs' ? <ListingSummary kind="outputs" item={item as OutputOut} /> : <ListingSummary kind="needs" item={item as NeedOut} />}
                </List.Item>
              )}
            />
          )}
        </div>
      </Spin>
      {data && data.total > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16, textAlign: 'center' }}
          current={filters.page ?? 1}
          pageSize={PAGE_SIZE}
          total={data.total}
          showSizeChanger={false}
          showTotal={(total) => t('common.total', { count: total })}
          onChange={(page) => setFilters({ ...filters, page })}
        />
      )}
    </div>
  );
}
