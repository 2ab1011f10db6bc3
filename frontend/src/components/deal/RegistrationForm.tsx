// 技术合同认定登记: the certificate's number, office, date and approved technology income. Open once
// the contract is signed; the approved income cannot exceed the contract's technology amount.
import { useEffect } from 'react';
import { Button, Col, DatePicker, Descriptions, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { contractApi, type Contract, type Deal, type Registration, type RegistrationIn } from '../../api/deals';
import { toMoney } from '../../lib/money';
import { clearErrorsOnChange, useApiForm } from '../../lib/useApiForm';
import { EmptyState } from '../EmptyState';
import { FormProblems } from '../FormProblems';
import { MoneyText } from '../MoneyText';
import { useMoneyRules } from './moneyRules';

export interface RegistrationValues {
  number?: string;
  office?: string;
  registered_on?: Dayjs | null;
  approved_income?: string;
}

const FIELDS = ['number', 'office', 'registered_on', 'approved_income'];

export function toRegistrationBody(v: RegistrationValues, current: Registration | null): RegistrationIn {
  return {
    number: (v.number ?? '').trim(),
    office: (v.office ?? '').trim(),
    registered_on: v.registered_on ? v.registered_on.format('YYYY-MM-DD') : '',
    approved_income: toMoney(v.approved_income) ?? '0.00',
    version: current?.version ?? null,
  };
}

function toValues(r: Registration | null, contract: Contract | null): RegistrationValues {
  if (!r) return { approved_income: contract?.technology_amount };
  return { number: r.number, office: r.office, registered_on: dayjs(r.registered_on), approved_income: r.approved_income };
}

function RegistrationFacts({ registration }: { registration: Registration }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="registration-facts">
      <Descriptions.Item label={t('deal.regNumber')}>{registration.number}</Descriptions.Item>
      <Descriptions.Item label={t('deal.regOffice')}>{registration.office}</Descriptions.Item>
      <Descriptions.Item label={t('deal.regDate')}>{registration.registered_on}</Descriptions.Item>
      <Descriptions.Item label={t('deal.approvedIncome')}><MoneyText value={registration.approved_income} strong /></Descriptions.Item>
    </Descriptions>
  );
}

interface Props {
  deal: Deal;
  contract: Contract | null;
  registration: Registration | null;
  editable: boolean;
  onSaved: () => void;
}

export function RegistrationForm({ deal, contract, registration, editable, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegistrationValues>();
  const submit = useApiForm(form, { fields: FIELDS, savedText: t('deal.registrationSaved') });
  const { required, money } = useMoneyRules();

  // Refill only when what is stored changed (versions), not on every reload of the deal's data.
  const stored = `${registration ? `${registration.deal_id}:${registration.version}` : 'none'}/${contract?.version ?? 'none'}`;
  useEffect(() => {
    if (editable) form.setFieldsValue(toValues(registration, contract));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, stored, editable]);

  if (!editable) {
    if (registration) return <RegistrationFacts registration={registration} />;
    return <EmptyState title={t('deal.noRegistration')} hint={t('deal.registrationLater')} />;
  }
  const save = async (v: RegistrationValues) => {
    if (await submit.run(() => contractApi.register(deal.id, toRegistrationBody(v, registration)))) onSaved();
  };
  const text = { required: true, whitespace: true, message: t('auth.fieldRequired') };

  return (
    <Form form={form} name="registration" layout="vertical" onFinish={(v) => void save(v)} disabled={submit.busy} data-testid="registration-form"
      onValuesChange={clearErrorsOnChange(form)}>
      <FormProblems problems={submit.problems} onReload={submit.stale ? onSaved : undefined} />
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="number" label={t('deal.regNumber')} rules={[text]}><Input maxLength={64} autoComplete="off" /></Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="office" label={t('deal.regOffice')} rules={[text]}><Input maxLength={200} /></Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="registered_on" label={t('deal.regDate')} rules={[required]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="approved_income" label={t('deal.approvedIncome')} rules={[required, money]}
            extra={contract ? t('deal.approvedIncomeHelp', { amount: contract.technology_amount }) : undefined}>
            <Input inputMode="decimal" prefix="¥" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="registration-save">{t('deal.saveRegistration')}</Button>
    </Form>
  );
}
