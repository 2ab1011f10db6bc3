// One match: the other listing, its score, why it matched (terms, field, TRL gap, budget, modes), feedback.
import { useState } from 'react';
import { Button, Card, Col, Descriptions, Progress, Row, Space, Tag, Typography, App } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { giveFeedback, type Explanation, type NeedMatch, type OutputMatch, type Verdict } from '../api/matches';
import { toApiError } from '../api/errors';
import { useTaxonomy } from '../hooks/useTaxonomy';
import { errorText } from '../lib/errorText';
import { formatMoney } from '../lib/money';
import { BrokerDealButton } from './BrokerDealButton';
import { TermBars } from './TermBars';

const FIT_COLOR: Record<string, string> = { within: 'success', below_range: 'processing', above_budget: 'error', price_on_request: 'default', no_budget: 'default' };

function Facts({ e }: { e: Explanation }) {
  const { t } = useTranslation();
  const { fieldName } = useTaxonomy();
  const gap = e.trl.gap;
  const trlText = e.trl.output_trl && e.trl.need_target
    ? t('matches.trlGapText', { output: e.trl.output_trl, target: e.trl.need_target, gap: gap && gap > 0 ? `+${gap}` : String(gap ?? 0) })
    : t('matches.trlUnknown');
  const price = e.budget.asking_price ? `¥${formatMoney(e.budget.asking_price)}` : '';
  const budget = [e.budget.budget_min, e.budget.budget_max].map((v) => (v ? formatMoney(v) : '…')).join(' – ');
  return (
    <Descriptions column={1} size="small">
      <Descriptions.Item label={t('matches.field')}>
        <Tag color={e.field.same ? 'success' : 'default'}>{e.field.same ? t('matches.sameField') : t('matches.otherField')}</Tag>
        {fieldName(e.field.output_field)}{e.field.same ? '' : ` / ${fieldName(e.field.need_field)}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('matches.trl')}>
        <Tag color={gap === null ? 'default' : gap >= 0 ? 'success' : gap === -1 ? 'warning' : 'error'}>{trlText}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('matches.budget')}>
        <Tag color={FIT_COLOR[e.budget.fit]}>{t(`matches.fit.${e.budget.fit}`)}</Tag>
        {price} {e.budget.budget_min || e.budget.budget_max ? `(${t('listing.budget')} ${budget})` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('matches.modes')}>
        {e.common_modes.length ? e.common_modes.map((m) => <Tag key={m}>{t(`mode.${m}`, m)}</Tag>) : t('common.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function MatchCard({ match, needId, outputId, onChanged }: { match: OutputMatch | NeedMatch; needId: number; outputId: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Verdict>();
  const other = 'output' in match ? { kind: 'outputs', item: match.output } : { kind: 'needs', item: match.need };

  const feedback = async (verdict: Verdict) => {
    setBusy(verdict);
    try {
      await giveFeedback(needId, outputId, verdict);
      void message.success(verdict === 'interested' ? t('matches.markedInterested') : t('matches.markedNotRelevant'));
      onChanged();
    } catch (e) {
      void message.error(errorText(t, toApiError(e)));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card
      className="match-card"
      data-testid="match-card"
      size="small"
      style={{ marginBottom: 12 }}
      title={<Link to={`/${other.kind}/${other.item.id}`}>{other.item.title}</Link>}
      extra={<Space><Typography.Text type="secondary">{t('matches.score')}</Typography.Text><Progress type="circle" size={40} percent={Math.round(match.score * 100)} /></Space>}
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Typography.Text strong>{t('matches.terms')}</Typography.Text>
          <TermBars explanation={match.explanation} />
        </Col>
        <Col xs={24} md={12}>
          <Facts e={match.explanation} />
        </Col>
      </Row>
      <Space wrap>
        <Button type={match.feedback === 'interested' ? 'primary' : 'default'} loading={busy === 'interested'} onClick={() => void feedback('interested')}>
          {t('matches.interested')}
        </Button>
        <Button danger={match.feedback === 'not_relevant'} loading={busy === 'not_relevant'} onClick={() => void feedback('not_relevant')}>
          {t('matches.notRelevant')}
        </Button>
        <BrokerDealButton outputId={outputId} needId={needId} />
      </Space>
    </Card>
  );
}
