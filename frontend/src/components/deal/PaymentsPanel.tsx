// Payments against the contract: the totals (contract, paid, outstanding) as the API states them, each
// instalment, and for the two parties a form to record the next one. The completing payment of a
// registered deal moves it to "paid" by itself.
import { Alert, Button, Col, DatePicker, Form, Input, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { contractApi, type Deal, type PaymentIn, type Payments } from '../../api/deals';
import { percentOf, toMoney } from '../../lib/money';
import { clearErrorsOnChange, useApiForm } from '../../lib/useApiForm';
import { EmptyState } from '../EmptyState';
import { FormProblems } from '../FormProblems';
import { MoneyText } from '../MoneyText';
import { PAYABLE, type DealRole } from './dealRole';
import { useMoneyRules } from './moneyRules';

export interface PaymentValues {
  paid_on?: Dayjs | null;
  amount?: string;
  voucher_ref?: string;
  invoice_ref?: string;
}

const FIELDS = ['paid_on', 'amount', 'voucher_ref', 'invoice_ref'];

export function toPaymentBody(v: PaymentValues): PaymentIn {
  return {
    paid_on: v.paid_on ? v.paid_on.format('YYYY-MM-DD') : '',
    amount: toMoney(v.amount) ?? '0.00',
    voucher_ref: v.voucher_ref?.trim() || null,
    invoice_ref: v.invoice_ref?.trim() || null,
  };
}

export function PaymentTotals({ payments }: { payments: Payments }) {
  const { t } = useTranslation();
  const total = payments.contract_total;
  const money = (v: string | null | undefined) => <MoneyText value={v} />;
  return (
    <div data-testid="payment-totals" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 8]}>
        <Col xs={12} md={8}><Statistic title={t('deal.contractTotal')} valueRender={() => money(total)} /></Col>
        <Col xs={12} md={8}><Statistic title={t('deal.paidTotal')} valueRender={() => money(payments.paid_total)} /></Col>
        <Col xs={24} md={8}><Statistic title={t('deal.outstanding')} valueRender={() => money(payments.outstanding)} /></Col>
      </Row>
      {total && <Progress percent={percentOf(payments.paid_total, total)} aria-label={t('deal.paidShare')} status={payments.outstanding === '0.00' ? 'success' : 'active'} />}
    </div>
  );
}

interface Props {
  deal: Deal;
  payments: Payments | undefined;
  hasContract: boolean;
  role: DealRole;
  onSaved: () => void;
}

export function PaymentsPanel({ deal, payments, hasContract, role, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaymentValues>();
  const submit = useApiForm(form, { fields: FIELDS, codeFields: { overpayment: 'amount' }, savedText: t('deal.paymentRecorded') });
  const { required, money, positive } = useMoneyRules();
  const open = PAYABLE.includes(deal.stage) && hasContract;
  const items = payments?.items ?? [];

  const record = async (v: PaymentValues) => {
    if (await submit.run(() => contractApi.pay(deal.id, toPaymentBody(v)))) {
      form.resetFields();
      onSaved();
    }
  };

  if (!hasContract) return <EmptyState title={t('deal.noPaymentsYet')} hint={t('deal.paymentsNeedContract')} />;
  return (
    <>
      {payments && <PaymentTotals payments={payments} />}
      <Table size="small" rowKey="id" pagination={false} dataSource={items} scroll={{ x: 'max-content' }} data-testid="payments-table"
        locale={{ emptyText: <EmptyState hint={open ? t('deal.noPaymentsOpen') : t('deal.noPaymentsClosed')} /> }}
        columns={[
          { title: t('contract.paidOn'), dataIndex: 'paid_on', key: 'paid_on' },
          { title: t('contract.amount'), dataIndex: 'amount', key: 'amount', align: 'right', render: (v: string) => <MoneyText value={v} /> },
          { title: t('deal.voucherRef'), dataIndex: 'voucher_ref', key: 'voucher_ref' },
          { title: t('contract.invoice'), dataIndex: 'invoice_ref', key: 'invoice_ref' },
        ]}
        summary={() => items.length > 0 && payments ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><Typography.Text strong>{t('deal.paidTotal')}</Typography.Text></Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right"><MoneyText value={payments.paid_total} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={2} />
          </Table.Summary.Row>
        ) : null} />
      {open && role.isParty && (
        <Form form={form} name="payment" layout="vertical" onFinish={(v) => void record(v)} disabled={submit.busy} style={{ marginTop: 16 }} data-testid="payment-form"
          onValuesChange={clearErrorsOnChange(form)}>
          <Typography.Title level={5}>{t('contract.record')}</Typography.Title>
          <FormProblems problems={submit.problems} />
          <Row gutter={12}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="paid_on" label={t('contract.paidOn')} rules={[required]}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="amount" label={t('contract.amount')} rules={[required, money, positive]}
                extra={payments?.outstanding && payments.outstanding !== '0.00' ? (
                  <Space size={4}>{t('deal.outstanding')}: <MoneyText value={payments.outstanding} />
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => form.setFieldsValue({ amount: payments.outstanding ?? undefined })}>{t('deal.payRest')}</Button>
                  </Space>
                ) : undefined}>
                <Input inputMode="decimal" prefix="¥" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="voucher_ref" label={t('deal.voucherRef')}><Input maxLength={100} /></Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="invoice_ref" label={t('contract.invoice')}><Input maxLength={100} /></Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="payment-save">{t('contract.record')}</Button>
        </Form>
      )}
      {open && !role.isParty && role.canAct && <Alert type="info" showIcon style={{ marginTop: 16 }} message={t('deal.partiesRecordPayments')} />}
      {!open && deal.stage === 'paid' && <Alert type="success" showIcon style={{ marginTop: 16 }} message={t('deal.fullyPaid')} />}
    </>
  );
}
