// Reviewers: submitted subsidy applications, each with its frozen evaluation; approve or reject with a reason.
import { Card, Collapse, List, Space, Tag, Typography, App } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { subsidyApi, type Application, type Evaluation } from '../api/subsidy';
import { toApiError } from '../api/errors';
import { DecisionButtons } from '../components/DecisionButtons';
import { EligibilityView } from '../components/EligibilityView';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { errorText } from '../lib/errorText';
import { formatMoney } from '../lib/money';
import { formatTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

export function ReviewApplicationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useAsync(() => subsidyApi.queue(), []);

  const decide = async (a: Application, decision: string, reason?: string) => {
    try {
      await subsidyApi.review(a.id, decision as 'approve' | 'reject', reason);
      void message.success(t('review.done'));
      reload();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
      throw e;
    }
  };

  return (
    <div className="page">
      <Typography.Title level={2}>{t('review.applicationsTitle')}</Typography.Title>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      <List<Application>
        loading={loading}
        dataSource={data ?? []}
        rowKey="id"
        locale={{ emptyText: <EmptyState hint={t('review.emptyApplications')} /> }}
        renderItem={(a) => (
          <List.Item style={{ display: 'block', borderBlockEnd: 0 }}>
            <Card size="small">
              <Space wrap style={{ marginBottom: 8 }}>
                <Link to={`/deals/${a.deal_id}`}>{t('review.dealNo', { id: a.deal_id })}</Link>
                <Tag>{a.rule_set} · {a.year}</Tag>
                {a.amount && <Typography.Text strong>¥{formatMoney(a.amount)}</Typography.Text>}
                {a.required_approvals > 1 && <Tag color="warning">{t('review.twoApprovals')}</Tag>}
                <Tag color="processing">{t(`subsidy.status.${a.status}`)}</Tag>
                <Typography.Text type="secondary">{t('review.submittedAt')} {formatTime(a.submitted_at)}</Typography.Text>
              </Space>
              <Collapse size="small" style={{ marginBottom: 8 }}
                items={[{ key: 'e', label: t('subsidy.checks'), children: <EligibilityView evaluation={a.evaluation as unknown as Evaluation} /> }]} />
              <DecisionButtons
                onDecide={(d, r) => decide(a, d, r)}
                decisions={[
                  { value: 'approve', label: t('review.approve'), needsReason: false, primary: true },
                  { value: 'reject', label: t('review.reject'), needsReason: true, danger: true },
                ]}
              />
            </Card>
          </List.Item>
        )}
      />
    </div>
  );
}
