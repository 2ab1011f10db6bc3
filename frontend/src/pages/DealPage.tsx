// One deal: where it stands, what can happen next, and its full history.
import { Alert, Card, Descriptions, Spin, Steps, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { dealsApi, STAGES, type Stage } from '../api/deals';
import { ErrorAlert } from '../components/ErrorAlert';
import { ContractPanel } from '../components/ContractPanel';
import { SubsidyPanel } from '../components/SubsidyPanel';
import { StageButtons, useStageMove } from '../components/StageMove';
import { formatTime } from '../lib/time';
import { useAsync } from '../lib/useAsync';

const LINE: Stage[] = STAGES.filter((s) => s !== 'closed_lost');

export function DealPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const deal = useAsync(() => dealsApi.get(id), [id]);
  const history = useAsync(() => dealsApi.history(id), [id]);
  const { request, busy, modal } = useStageMove(() => {
    deal.reload();
    history.reload();
  });

  if (deal.error) return <div className="page"><ErrorAlert error={deal.error} onRetry={deal.reload} /></div>;
  const d = deal.data;
  if (!d) return <Spin style={{ display: 'block', margin: 64 }} />;
  const lost = d.stage === 'closed_lost';

  return (
    <div className="page">
      <Link to="/deals">← {t('deals.title')}</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>{d.title}</Typography.Title>
      {lost && <Alert type="warning" showIcon message={t('deals.stage.closed_lost')} description={d.lost_reason ?? undefined} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        <Steps size="small" responsive current={lost ? -1 : LINE.indexOf(d.stage)} items={LINE.map((s) => ({ title: t(`deals.stage.${s}`) }))} />
        <div style={{ marginTop: 16 }}>
          {(d.allowed_next ?? []).length > 0 && <Typography.Text strong style={{ marginRight: 8 }}>{t('deals.next')}</Typography.Text>}
          <StageButtons deal={d} onRequest={request} busy={busy} />
        </div>
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {d.output_id && <Descriptions.Item label={t('nav.outputs')}><Link to={`/outputs/${d.output_id}`}>#{d.output_id}</Link></Descriptions.Item>}
          {d.need_id && <Descriptions.Item label={t('nav.needs')}><Link to={`/needs/${d.need_id}`}>#{d.need_id}</Link></Descriptions.Item>}
          <Descriptions.Item label={t('deals.seller')}>#{d.seller_org_id}</Descriptions.Item>
          <Descriptions.Item label={t('deals.buyer')}>#{d.buyer_org_id}</Descriptions.Item>
          <Descriptions.Item label={t('deals.agent')}>{d.agent_id ? `#${d.agent_id}` : t('common.none')}</Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatTime(d.created_at)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ContractPanel dealId={d.id} onChanged={() => { deal.reload(); history.reload(); }} />
      <SubsidyPanel dealId={d.id} />
      <Card title={t('deals.history')} loading={history.loading && !history.data}>
        <Timeline
          items={(history.data ?? []).map((e) => ({
            children: (
              <>
                <Typography.Text strong>{t(`deals.action.${e.action}`, e.action)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{formatTime(e.at)}{e.actor_id ? ` · #${e.actor_id}` : ''}</Typography.Text>
                {Array.isArray(e.changes.stage) && (
                  <div>{t('deals.fromTo', { from: t(`deals.stage.${String(e.changes.stage[0])}`), to: t(`deals.stage.${String(e.changes.stage[1])}`) })}</div>
                )}
                {typeof e.changes.reason === 'string' && <div>{t('deals.lostReason')}: {e.changes.reason}</div>}
                {e.note && <div className="prewrap">{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
      {modal}
    </div>
  );
}
