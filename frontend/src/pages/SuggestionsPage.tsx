// Agents and reviewers: the strongest need-output pairs across the market, each explained.
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { BrokerDealButton } from '../components/BrokerDealButton';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { TermBars } from '../components/TermBars';
import { useAsync } from '../lib/useAsync';

export function SuggestionsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useAsync(async () => unwrap(await api.GET('/api/matches/suggestions', { params: { query: { top_k: 20 } } })), []);
  return (
    <div className="page">
      <Typography.Title level={2}>{t('suggestions.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('suggestions.hint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onRetry={reload} />}
      {loading && !data ? <Skeleton active /> : (data ?? []).length === 0 ? <EmptyState hint={t('suggestions.empty')} /> : null}
      {(data ?? []).map((s) => (
        <Card key={`${s.need.id}-${s.output.id}`} size="small" style={{ marginBottom: 12 }}
          extra={<Typography.Text strong>{t('matches.score')} {Math.round(s.score * 100)}%</Typography.Text>}
          title={<span>{t('suggestions.pair')}</span>}>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <div>{t('nav.needs')}: <Link to={`/needs/${s.need.id}`}>{s.need.title}</Link></div>
              <div>{t('nav.outputs')}: <Link to={`/outputs/${s.output.id}`}>{s.output.title}</Link></div>
              <div style={{ marginTop: 8 }}><BrokerDealButton outputId={s.output.id} needId={s.need.id} /></div>
            </Col>
            <Col xs={24} md={12}><TermBars explanation={s.explanation} /></Col>
          </Row>
        </Card>
      ))}
    </div>
  );
}
