// The deal's contract (type, total, non-technical costs, signing date) and its payments; money as strings.
import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Table, Typography, App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { CONTRACT_TYPES, contractApi, type ContractType } from '../api/deals';
import { fieldPath, toApiError } from '../api/errors';
import { errorText } from '../lib/errorText';
import { formatMoney, isMoney, toMoney } from '../lib/money';
import { useAsync } from '../lib/useAsync';

interface ContractValues { contract_type: ContractType; total: string; non_technical_costs?: string; signed_on?: Dayjs | null; royalty_terms?: string }
interface PaymentValues { paid_on: Dayjs; amount: string; invoice_ref?: string }

export function ContractPanel({ dealId, onChanged }: { dealId: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const contract = useAsync(() => contractApi.get(dealId), [dealId]);
  const payments = useAsync(() => contractApi.payments(dealId), [dealId]);
  const [cForm] = Form.useForm<ContractValues>();
  const [pForm] = Form.useForm<PaymentValues>();
  const [busy, setBusy] = useState<string>();
  const money = { validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('browse.moneyInvalid')))) };
  const req = { required: true, message: t('auth.fieldRequired') };

  const run = async (what: string, form: typeof cForm | typeof pForm, call: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await call();
      void message.success(t('profile.saved'));
      contract.reload();
      payments.reload();
      onChanged();
    } catch (e) {
      const err = toApiError(e);
      const fields = err.details.map((d) => ({ name: [String(fieldPath(d.loc)[0])], errors: [d.msg.replace(/^Value error, /, '')] }));
      (form as typeof cForm).setFields(fields as never);
      void message.error(err.status === 409 && err.code === 'conflict' ? t('common.conflict') : errorText(t, err));
    } finally {
      setBusy(undefined);
    }
  };

  const c = contract.data;
  const saveContract = (v: ContractValues) =>
    run('contract', cForm, () => contractApi.put(dealId, {
      contract_type: v.contract_type, total: toMoney(v.total) ?? '0.00', non_technical_costs: toMoney(v.non_technical_costs) ?? '0.00',
      signed_on: v.signed_on ? v.signed_on.format('YYYY-MM-DD') : null, royalty_terms: v.royalty_terms?.trim() || null, version: c?.version ?? null,
    }));
  const pay = (v: PaymentValues) =>
    run('pay', pForm, () => contractApi.pay(dealId, { paid_on: v.paid_on.format('YYYY-MM-DD'), amount: toMoney(v.amount) ?? '0.00', invoice_ref: v.invoice_ref?.trim() || null }))
      .then(() => pForm.resetFields());

  if (contract.error && contract.error.status === 403) return null;
  return (
    <Card title={t('contract.title')} style={{ marginBottom: 16 }} loading={contract.loading && contract.data === undefined}>
      {c && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('contract.summary', { total: formatMoney(c.total), tech: formatMoney(c.technology_amount) })} />}
      <Form form={cForm} layout="vertical" onFinish={(v) => void saveContract(v)} key={c?.version ?? 0}
        initialValues={c ? { contract_type: c.contract_type, total: c.total, non_technical_costs: c.non_technical_costs, royalty_terms: c.royalty_terms ?? '' } : { non_technical_costs: '0.00' }}>
        <Row gutter={12}>
          <Col xs={24} md={6}><Form.Item name="contract_type" label={t('contract.type')} rules={[req]}>
            <Select options={CONTRACT_TYPES.map((x) => ({ value: x, label: t(`contract.types.${x}`) }))} placeholder={t('form.pick')} />
          </Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="total" label={t('contract.total')} rules={[req, money]}><Input inputMode="decimal" prefix="¥" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="non_technical_costs" label={t('contract.nonTechnical')} rules={[money]}><Input inputMode="decimal" prefix="¥" /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="signed_on" label={t('contract.signedOn')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Button htmlType="submit" loading={busy === 'contract'}>{t('contract.save')}</Button>
      </Form>
      {c && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('contract.payments', { paid: formatMoney(payments.data?.paid_total ?? '0.00'), outstanding: formatMoney(payments.data?.outstanding ?? '0.00') })}
          </Typography.Title>
          <Table size="small" rowKey="id" pagination={false} dataSource={payments.data?.items ?? []} locale={{ emptyText: t('contract.noPayments') }}
            columns={[
              { title: t('contract.paidOn'), dataIndex: 'paid_on', key: 'paid_on' },
              { title: t('contract.amount'), dataIndex: 'amount', key: 'amount', render: (v: string) => `¥${formatMoney(v)}` },
              { title: t('contract.invoice'), dataIndex: 'invoice_ref', key: 'invoice_ref' },
            ]} />
          <Form form={pForm} layout="inline" onFinish={(v) => void pay(v)} style={{ marginTop: 12, rowGap: 8 }}>
            <Form.Item name="paid_on" rules={[req]}><DatePicker placeholder={t('contract.paidOn')} aria-label={t('contract.paidOn')} /></Form.Item>
            <Form.Item name="amount" rules={[req, money]}><Input inputMode="decimal" prefix="¥" placeholder={t('contract.amount')} aria-label={t('contract.amount')} /></Form.Item>
            <Form.Item name="invoice_ref"><Input placeholder={t('contract.invoice')} aria-label={t('contract.invoice')} maxLength={100} /></Form.Item>
            <Button htmlType="submit" loading={busy === 'pay'}>{t('contract.record')}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}
