// The deal's contract: type, total, non-technical costs, signing date and royalty terms, with the
// technology transaction amount worked out as you type; read-only once registered.
import { useEffect } from 'react';
import { Alert, Button, Col, DatePicker, Descriptions, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CONTRACT_TYPES, contractApi, type Contract, type ContractIn, type ContractType, type Deal } from '../../api/deals';
import { isMoney, subtractMoney, toMoney } from '../../lib/money';
import { clearErrorsOnChange, useApiForm } from '../../lib/useApiForm';
import { EmptyState } from '../EmptyState';
import { FormProblems } from '../FormProblems';
import { MoneyText } from '../MoneyText';
import { useMoneyRules } from './moneyRules';

export interface ContractValues {
  contract_type?: ContractType;
  total?: string;
  non_technical_costs?: string;
  signed_on?: Dayjs | null;
  royalty_terms?: string;
}

const FIELDS = ['contract_type', 'total', 'non_technical_costs', 'signed_on', 'royalty_terms'];

/** The PUT body: money as two-decimal strings, the date as YYYY-MM-DD, the version read (when changing one). */
export function toContractBody(v: ContractValues, current: Contract | null): ContractIn {
  return {
    contract_type: v.contract_type!,
    total: toMoney(v.total) ?? '0.00',
    non_technical_costs: toMoney(v.non_technical_costs) ?? '0.00',
    signed_on: v.signed_on ? v.signed_on.format('YYYY-MM-DD') : null,
    royalty_terms: v.royalty_terms?.trim() || null,
    version: current?.version ?? null,
  };
}

function toValues(c: Contract | null): ContractValues {
  if (!c) return { non_technical_costs: '0.00' };
  return { contract_type: c.contract_type, total: c.total, non_technical_costs: c.non_technical_costs, signed_on: c.signed_on ? dayjs(c.signed_on) : null, royalty_terms: c.royalty_terms ?? '' };
}

export function ContractFacts({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="contract-facts">
      <Descriptions.Item label={t('contract.type')}>{t(`contract.types.${contract.contract_type}`)}</Descriptions.Item>
      <Descriptions.Item label={t('contract.signedOn')}>{contract.signed_on ?? t('deal.notYet')}</Descriptions.Item>
      <Descriptions.Item label={t('contract.total')}><MoneyText value={contract.total} /></Descriptions.Item>
      <Descriptions.Item label={t('contract.nonTechnical')}><MoneyText value={contract.non_technical_costs} /></Descriptions.Item>
      <Descriptions.Item label={t('deal.technologyAmount')}><MoneyText value={contract.technology_amount} strong /></Descriptions.Item>
      <Descriptions.Item label={t('deal.royaltyTerms')}>{contract.royalty_terms || t('common.none')}</Descriptions.Item>
    </Descriptions>
  );
}

interface Props {
  deal: Deal;
  contract: Contract | null;
  editable: boolean;
  onSaved: () => void;
}

export function ContractForm({ deal, contract, editable, onSaved }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ContractValues>();
  const submit = useApiForm(form, { fields: FIELDS, savedText: t('deal.contractSaved') });
  const { required, money } = useMoneyRules();
  const total = Form.useWatch('total', form);
  const nonTechnical = Form.useWatch('non_technical_costs', form);
  const technology = subtractMoney(total, nonTechnical || '0');

  // Refill only when the stored contract changed (its version), not on every reload of the deal's data:
  // a payment or upload elsewhere on the page must not wipe what the user is typing here.
  const stored = contract ? `${contract.deal_id}:${contract.version}` : 'none';
  useEffect(() => {
    if (editable) form.setFieldsValue(toValues(contract));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, stored, editable]);

  if (!editable) {
    if (contract) return <ContractFacts contract={contract} />;
    return <EmptyState title={t('deal.noContract')} hint={t('deal.noContractReadOnly')} />;
  }

  const save = async (v: ContractValues) => {
    if (await submit.run(() => contractApi.put(deal.id, toContractBody(v, contract)))) onSaved();
  };
  const withinTotal = {
    validator: (_: unknown, v?: string) => {
      const left = v && isMoney(v) && total && isMoney(total) ? subtractMoney(total, v) : undefined;
      return left?.startsWith('-') ? Promise.reject(new Error(t('deal.costsAboveTotal'))) : Promise.resolve();
    },
  };

  return (
    <Form form={form} name="contract" layout="vertical" onFinish={(v) => void save(v)} disabled={submit.busy} data-testid="contract-form"
      onValuesChange={clearErrorsOnChange(form)}>
      {!contract && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('deal.noContract')} description={t('deal.noContractHint')} />}
      {deal.stage === 'negotiating' && contract && !contract.signed_on && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('deal.signHint')} />
      )}
      <FormProblems problems={submit.problems} onReload={submit.stale ? onSaved : undefined} />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="contract_type" label={t('contract.type')} rules={[required]}>
            <Select options={CONTRACT_TYPES.map((x) => ({ value: x, label: t(`contract.types.${x}`) }))} placeholder={t('form.pick')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="total" label={t('contract.total')} rules={[required, money]}>
            <Input inputMode="decimal" prefix="¥" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name="non_technical_costs" label={t('contract.nonTechnical')} rules={[money, withinTotal]} dependencies={['total']}
            extra={t('deal.nonTechnicalHelp')}>
            <Input inputMode="decimal" prefix="¥" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="signed_on" label={t('contract.signedOn')} extra={t('deal.signedOnHelp')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="royalty_terms" label={t('deal.royaltyTerms')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
      <p data-testid="technology-amount" aria-live="polite">
        {t('deal.technologyAmount')}: {technology && !technology.startsWith('-') ? <MoneyText value={technology} strong /> : '—'}
      </p>
      <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="contract-save">{t('contract.save')}</Button>
    </Form>
  );
}
