// The agent's commission: a percentage of each payment or a fixed amount earned pro rata, what has been
// earned, one ledger row per payment. Terms can change until the first commission is earned.
import { useEffect } from 'react';
import { Alert, Button, Col, Descriptions, Form, Input, Radio, Row, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { incomeApi, type CommissionIn, type CommissionKind, type Deal } from '../../api/deals';
import { toMoney } from '../../lib/money';
import { clearErrorsOnChange, useApiForm } from '../../lib/useApiForm';
import { useAsync } from '../../lib/useAsync';
import { EmptyState } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { FormProblems } from '../FormProblems';
import { MoneyText } from '../MoneyText';
import { useMoneyRules } from './moneyRules';

export interface CommissionValues {
  kind?: CommissionKind;
  rate?: string;
  amount?: string;
}

const PERCENT_RE = /^(100(\.00?)?|[1-9]\d?(\.\d\d?)?|0\.(0[1-9]|[1-9]\d?))$/;

export function toCommissionBody(v: CommissionValues): CommissionIn {
  return v.kind === 'percentage'
    ? { kind: 'percentage', rate: (v.rate ?? '').trim(), amount: null }
    : { kind: 'fixed', rate: null, amount: toMoney(v.amount) ?? '0.00' };
}

export function CommissionPanel({ deal, canAct, refreshKey }: { deal: Deal; canAct: boolean; refreshKey: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CommissionValues>();
  const terms = useAsync(() => incomeApi.commission(deal.id), [deal.id, refreshKey]);
  const entries = useAsync(() => incomeApi.entries(deal.id), [deal.id, refreshKey]);
  const submit = useApiForm(form, { fields: ['kind', 'rate', 'amount'], codeFields: { commission_locked: 'kind' }, savedText: t('deal.commissionSaved') });
  const { required, money, positive } = useMoneyRules();
  const kind = Form.useWatch('kind', form);
  const c = terms.data;
  const locked = (entries.data ?? []).length > 0;
  const editable = canAct && !locked && deal.stage !== 'closed_lost' && deal.stage !== 'closed_won';

  // Refill only when the stored terms changed, not on every reload of the deal's data.
  const stored = c === undefined ? undefined : JSON.stringify(c && [c.kind, c.rate, c.amount]);
  useEffect(() => {
    if (editable && c !== undefined) form.setFieldsValue(c ? { kind: c.kind, rate: c.rate ?? undefined, amount: c.amount ?? undefined } : { kind: 'percentage' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, stored, editable]);

  if (!deal.agent_id) return <EmptyState title={t('deal.noAgent')} hint={t('deal.noAgentHint')} />;
  if (terms.error) return <ErrorAlert error={terms.error} onRetry={terms.reload} />;
  if (terms.loading && terms.data === undefined) return <Spin />;

  const save = async (v: CommissionValues) => {
    if (await submit.run(() => incomeApi.setCommission(deal.id, toCommissionBody(v)))) {
      terms.reload();
      entries.reload();
    }
  };
  const percent = { validator: (_: unknown, v?: string) => (!v || PERCENT_RE.test(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('deal.percentInvalid')))) };

  return (
    <div data-testid="commission">
      {c ? (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('deal.commissionTerms')}>
            {c.kind === 'percentage' ? t('deal.ratePerPayment', { rate: c.rate }) : <>{t('deal.fixedTerms')} <MoneyText value={c.amount} /></>}
          </Descriptions.Item>
          <Descriptions.Item label={t('deal.earned')}><MoneyText value={c.earned} strong /></Descriptions.Item>
        </Descriptions>
      ) : (
        !editable && <EmptyState title={t('deal.noCommission')} hint={t('deal.noCommissionReadOnly')} />
      )}
      {editable && (
        <Form form={form} name="commission" layout="vertical" onFinish={(v) => void save(v)} disabled={submit.busy} data-testid="commission-form"
          onValuesChange={clearErrorsOnChange(form)}>
          {!c && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('deal.noCommission')} description={t('deal.noCommissionHint')} />}
          <FormProblems problems={submit.problems} />
          <Form.Item name="kind" label={t('deal.commissionKind')} rules={[required]}>
            <Radio.Group optionType="button" options={[{ value: 'percentage', label: t('deal.kindPercentage') }, { value: 'fixed', label: t('deal.kindFixed') }]} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              {kind === 'fixed' ? (
                <Form.Item name="amount" label={t('deal.fixedAmount')} rules={[required, money, positive]}>
                  <Input inputMode="decimal" prefix="¥" autoComplete="off" />
                </Form.Item>
              ) : (
                <Form.Item name="rate" label={t('deal.rate')} rules={[required, percent]}>
                  <Input inputMode="decimal" suffix="%" autoComplete="off" />
                </Form.Item>
              )}
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="commission-save">{t('deal.saveCommission')}</Button>
        </Form>
      )}
      {locked && <Alert type="info" showIcon style={{ margin: '12px 0' }} message={t('deal.commissionLocked')} />}
      {(entries.data ?? []).length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={entries.data} scroll={{ x: 'max-content' }} style={{ marginTop: 12 }}
          columns={[
            { title: t('deal.payment'), dataIndex: 'payment_id', key: 'payment_id', render: (v: number) => `#${v}` },
            { title: t('deal.commissionRow'), dataIndex: 'amount', key: 'amount', align: 'right', render: (v: string) => <MoneyText value={v} /> },
            { title: t('deal.cumulativePaid'), dataIndex: 'cumulative_paid', key: 'cumulative_paid', align: 'right', render: (v: string) => <MoneyText value={v} /> },
            { title: t('deal.cumulativeCommission'), dataIndex: 'cumulative_commission', key: 'cumulative_commission', align: 'right', render: (v: string) => <MoneyText value={v} /> },
          ]} />
      )}
    </div>
  );
}
