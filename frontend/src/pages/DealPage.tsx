// One deal: where it stands and what it needs next, then one tab per record: contract and registration,
// payments, income split and commission, documents, subsidy, and the full history.
import type { ReactNode } from 'react';
import { Alert, Badge, Card, Descriptions, Grid, Progress, Spin, Steps, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../api/deals';
import { useAuth } from '../auth/AuthProvider';
import { ErrorAlert } from '../components/ErrorAlert';
import { SubsidyPanel } from '../components/SubsidyPanel';
import { StageButtons, useStageMove } from '../components/StageMove';
import { CommissionPanel } from '../components/deal/CommissionPanel';
import { ContractForm } from '../components/deal/ContractForm';
import { DealHistory } from '../components/deal/DealHistory';
import { CONTRACT_EDITABLE, REGISTRATION_EDITABLE, dealRole } from '../components/deal/dealRole';
import { DocumentsPanel } from '../components/deal/DocumentsPanel';
import { EngageAgent } from '../components/deal/EngageAgent';
import { IncomeSplitCard } from '../components/deal/IncomeSplitCard';
import { NextStep, nextStep } from '../components/deal/NextStep';
import { OrgName } from '../components/deal/OrgName';
import { PaymentsPanel } from '../components/deal/PaymentsPanel';
import { RegistrationForm } from '../components/deal/RegistrationForm';
import { useDealData } from '../components/deal/useDealData';
import { formatTime } from '../lib/time';

const LINE: Stage[] = STAGES.filter((s) => s !== 'closed_lost');
const CLOSED: Stage[] = ['closed_won', 'closed_lost'];
const TABS = ['contract', 'payments', 'income', 'documents', 'subsidy', 'history'];

export function DealPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'contract';
  const openTab = (key: string) => setParams({ tab: key }, { replace: true });
  const data = useDealData(id);
  const wide = Grid.useBreakpoint().md;
  const { request, busy, modal } = useStageMove(() => data.reload());

  if (data.deal.error) return <div className="page"><ErrorAlert error={data.deal.error} onRetry={data.reload} /></div>;
  const d = data.deal.data;
  if (!d) return <Spin style={{ display: 'block', margin: 64 }} />;
  const role = dealRole(d, me);
  const lost = d.stage === 'closed_lost';
  const contract = data.contract.data;
  const registration = data.registration.data;
  const payments = data.payments.data;
  const figuresLoading = contract === undefined || registration === undefined;
  const card = (children: ReactNode, title?: string) => <Card title={title} style={{ marginBottom: 16 }} loading={figuresLoading}>{children}</Card>;

  const items = [
    {
      key: 'contract', label: t('deal.tab.contract'),
      children: (
        <>
          {card(<ContractForm deal={d} contract={contract ?? null} editable={role.canAct && CONTRACT_EDITABLE.includes(d.stage)} onSaved={data.reload} />, t('deal.contract'))}
          {card(<RegistrationForm deal={d} contract={contract ?? null} registration={registration ?? null}
            editable={role.canAct && REGISTRATION_EDITABLE.includes(d.stage) && !!contract} onSaved={data.reload} />, t('deal.registration'))}
        </>
      ),
    },
    {
      key: 'payments', label: t('deal.tab.payments'),
      children: card(<PaymentsPanel deal={d} payments={payments} hasContract={!!contract} role={role} onSaved={data.reload} />),
    },
    {
      key: 'income', label: t('deal.tab.income'),
      children: (
        <>
          {(role.isSeller || role.isStaff) && card(<IncomeSplitCard dealId={d.id} refreshKey={data.tick} />, t('deal.split'))}
          {card(<CommissionPanel deal={d} canAct={role.canAct} refreshKey={data.tick} />, t('deal.commission'))}
        </>
      ),
    },
    {
      key: 'documents',
      label: <>{t('deal.tab.documents')} <Badge count={data.documents.data?.length ?? 0} color="#0b6bcb" size="small" /></>,
      children: card(<DocumentsPanel dealId={d.id} documents={data.documents.data} canAct={role.canAct} onChanged={data.reload} />),
    },
    { key: 'subsidy', label: t('deal.tab.subsidy'), children: <SubsidyPanel dealId={d.id} documents={data.documents.data} onDocumentsChanged={data.reload} /> },
    { key: 'history', label: t('deal.tab.history'), children: card(<DealHistory events={data.history.data} />) },
  ];

  return (
    <div className="page">
      <Link to="/deals">← {t('deals.title')}</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>{d.title}</Typography.Title>
      {lost && <Alert type="warning" showIcon message={t('deals.stage.closed_lost')} description={d.lost_reason ?? undefined} style={{ marginBottom: 16 }} />}
      <Card style={{ marginBottom: 16 }}>
        {wide ? (
          <Steps size="small" current={lost ? -1 : LINE.indexOf(d.stage)} items={LINE.map((s) => ({ title: t(`deals.stage.${s}`) }))} />
        ) : !lost && (
          // On a phone the seven steps would take a screen: the stage, and how far along the line it is.
          <div>
            <Typography.Text strong>{t('deal.stageOf', { stage: t(`deals.stage.${d.stage}`), n: LINE.indexOf(d.stage) + 1, total: LINE.length })}</Typography.Text>
            <Progress aria-hidden steps={LINE.length} percent={Math.round(((LINE.indexOf(d.stage) + 1) / LINE.length) * 100)} showInfo={false} size={[28, 8]} />
          </div>
        )}
        <div style={{ marginTop: 16 }} data-testid="deal-stage" data-stage={d.stage}>
          {(d.allowed_next ?? []).length > 0 && role.canAct && <Typography.Text strong style={{ marginRight: 8 }}>{t('deals.next')}</Typography.Text>}
          {role.canAct && <StageButtons deal={d} onRequest={request} busy={busy} />}
        </div>
        <NextStep step={nextStep(d, contract, registration, payments)} role={role} onOpen={openTab} />
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          {d.output_id && <Descriptions.Item label={t('nav.outputs')}><Link to={`/outputs/${d.output_id}`}>#{d.output_id}</Link></Descriptions.Item>}
          {d.need_id && <Descriptions.Item label={t('nav.needs')}><Link to={`/needs/${d.need_id}`}>#{d.need_id}</Link></Descriptions.Item>}
          <Descriptions.Item label={t('deals.seller')}><OrgName id={d.seller_org_id} /></Descriptions.Item>
          <Descriptions.Item label={t('deals.buyer')}><OrgName id={d.buyer_org_id} /></Descriptions.Item>
          <Descriptions.Item label={t('deals.agent')}>
            {d.agent_id ? d.agent_name ?? `#${d.agent_id}` : t('common.none')}
            {/* backend/deals/engage.py: a party engages one agent, while the deal is open. */}
            {!d.agent_id && role.isParty && !CLOSED.includes(d.stage) && <EngageAgent deal={d} onChanged={data.reload} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('common.createdAt')}>{formatTime(d.created_at)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {[data.contract.error, data.registration.error, data.payments.error].filter(Boolean).slice(0, 1).map((e) => <ErrorAlert key="figures" error={e!} onRetry={data.reload} />)}
      <Tabs activeKey={tab} onChange={openTab} items={items} className="deal-tabs" />
      {modal}
    </div>
  );
}
