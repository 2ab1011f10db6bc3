// Reviewers: outputs and needs waiting for review, oldest first; approve, send back or reject with a reason.
import { useState } from 'react';
import { Card, List, Space, Tabs, Tag, Typography, App } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../lib/time';
import { kindApi } from '../api/listings';
import { toApiError } from '../api/errors';
import type { ListingKind, NeedOut, OutputDetail } from '../api/types';
import { DecisionButtons } from '../components/DecisionButtons';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';
import { useAsync } from '../lib/useAsync';

type Item = OutputDetail | NeedOut;

export function ReviewListingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { fieldName, regionName } = useTaxonomy();
  const [params, setParams] = useSearchParams();
  const kind: ListingKind = params.get('kind') === 'needs' ? 'needs' : 'outputs';
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useAsync<{ items: Item[]; total: number }>(() => kindApi(kind).queue(page), [kind, page]);

  const decide = async (item: Item, decision: string, reason?: string) => {
    try {
      await kindApi(kind).review(item.id, decision, reason);
      void message.success(t('review.done'));
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
      throw e;
    }
  };

  return (
    <div className="page">
      <Typography.Title level={2}>{t('review.listingsTitle')}</Typography.Title>
      <Tabs
        activeKey={kind}
        onChange={(k) => { setPage(1); setParams(k === 'needs' ? { kind: 'needs' } : {}); }}
        items={[
          { key: 'outputs', label: t('review.outputsTab') },
          { key: 'needs', label: t('review.needsTab') },
        ]}
      />
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<Item>
        loading={loading}
        dataSource={data?.items ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={t('review.emptyListings')} /> }}
        pagination={data && data.total > 20 ? { current: page, pageSize: 20, total: data.total, onChange: setPage } : false}
        renderItem={(item) => {
          const text = 'summary' in item ? item.summary : item.description;
          return (
            <List.Item style={{ display: 'block', borderBlockEnd: 0 }}>
              <Card size="small" data-testid="queue-item">
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  <Link to={`/${kind}/${item.id}`}>{item.title}</Link>
                </Typography.Title>
                <Space wrap size={[4, 4]} style={{ marginBottom: 8 }}>
                  {item.field_code && <Tag color="blue">{fieldName(item.field_code)}</Tag>}
                  {item.region && <Tag>{regionName(item.region)}</Tag>}
                  <Typography.Text type="secondary">{t('review.submittedAt')} {formatTime(item.updated_at)}</Typography.Text>
                </Space>
                {text && <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{text}</Typography.Paragraph>}
                <DecisionButtons
                  testId={`review-${item.id}`}
                  onDecide={(d, r) => decide(item, d, r)}
                  decisions={[
                    { value: 'approve', label: t('review.approve'), needsReason: false, primary: true },
                    { value: 'revise', label: t('review.revise'), needsReason: true },
                    { value: 'reject', label: t('review.reject'), needsReason: true, danger: true },
                  ]}
                />
              </Card>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
