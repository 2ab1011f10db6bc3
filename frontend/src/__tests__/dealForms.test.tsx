import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Payments } from '../api/deals';
import { saveTokens } from '../api/tokens';
import { ContractForm, toContractBody } from '../components/deal/ContractForm';
import { PaymentsPanel } from '../components/deal/PaymentsPanel';
import { RegistrationForm } from '../components/deal/RegistrationForm';
import { CommissionPanel, toCommissionBody } from '../components/deal/CommissionPanel';
import { dealRole } from '../components/deal/dealRole';
import { percentOf, subtractMoney } from '../lib/money';
import { CONTRACT, DEAL } from '../test/dealFixtures';
import { calls, mockApi, renderApp, reply } from '../test/utils';

const PAYMENTS: Payments = {
  items: [
    { id: 1, deal_id: 3, paid_on: '2026-03-10', amount: '100000.00', voucher_ref: 'V-1', invoice_ref: null, recorded_by_id: 2, created_at: '2026-03-10T00:00:00Z' },
    { id: 2, deal_id: 3, paid_on: '2026-04-10', amount: '150000.50', voucher_ref: null, invoice_ref: 'INV-2', recorded_by_id: 2, created_at: '2026-04-10T00:00:00Z' },
  ],
  paid_total: '250000.50', contract_total: '350000.00', outstanding: '99999.50', stage: 'registered',
};
const BUYER = dealRole(DEAL, { id: 11, organisation_id: 2, role: 'org_admin' } as never);
const AGENT = dealRole(DEAL, { id: 7, organisation_id: 5, role: 'agent' } as never);

describe('money on the deal page', () => {
  it('subtracts and compares exactly, without floats', () => {
    expect(subtractMoney('0.3', '0.1')).toBe('0.20');
    expect(subtractMoney('350000', '50000.01')).toBe('299999.99');
    expect(subtractMoney('1', '2')).toBe('-1.00');
    expect(subtractMoney('abc', '1')).toBeUndefined();
    expect(percentOf('250000.50', '350000.00')).toBe(71);
  });

  it('sends the contract with money as two-decimal strings and the version read', () => {
    const body = toContractBody({ contract_type: 'transfer', total: '1,234.5', non_technical_costs: '', royalty_terms: '  ' }, CONTRACT);
    expect(body).toMatchObject({ total: '1234.50', non_technical_costs: '0.00', royalty_terms: null, signed_on: null, version: 2 });
    expect(toCommissionBody({ kind: 'fixed', amount: '8000' })).toEqual({ kind: 'fixed', rate: null, amount: '8000.00' });
    expect(toCommissionBody({ kind: 'percentage', rate: ' 3.5 ' })).toEqual({ kind: 'percentage', rate: '3.5', amount: null });
  });
});

describe('contract form', () => {
  it('works out the technology amount as you type and shows the API field error next to its field', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = mockApi({
      'PUT /api/deals/3/contract': () => reply(422, {
        code: 'validation_error', message: 'total: 350000.00 has been paid already; the total cannot be less',
        details: [{ loc: ['body', 'total'], msg: '350000.00 has been paid already; the total cannot be less', type: 'value_error' }],
      }),
    });
    await renderApp(<ContractForm deal={DEAL} contract={CONTRACT} editable onSaved={() => undefined} />);
    const total = screen.getByLabelText('合同总额（元）');
    await userEvent.clear(total);
    await userEvent.type(total, '300000.10');
    await userEvent.type(screen.getByLabelText('提成条款'), '销售额的 2%');
    await waitFor(() => expect(screen.getByTestId('technology-amount')).toHaveTextContent('¥250,000.10'));
    await userEvent.click(screen.getByTestId('contract-save'));
    const help = await screen.findByText('350000.00 has been paid already; the total cannot be less');
    // The message sits in the total field's own help area, not in a banner.
    expect(help.closest('.ant-form-item')).toContainElement(total);
    const sent = (await calls(api, 'PUT /api/deals/3/contract')[0].json()) as Record<string, unknown>;
    expect(sent).toMatchObject({ total: '300000.10', non_technical_costs: '50000.00', signed_on: '2026-03-01', royalty_terms: '销售额的 2%', version: 2 });
  });

  it('refuses costs above the total in the browser without calling the API', async () => {
    const api = mockApi({});
    await renderApp(<ContractForm deal={DEAL} contract={null} editable onSaved={() => undefined} />);
    await userEvent.type(screen.getByLabelText('合同总额（元）'), '1000');
    const costs = screen.getByLabelText('非技术性费用（元）');
    await userEvent.clear(costs);
    await userEvent.type(costs, '1000.01');
    await userEvent.click(screen.getByTestId('contract-save'));
    expect(await screen.findByText('非技术性费用不能超过合同总额')).toBeInTheDocument();
    expect(calls(api, 'PUT /api/deals/3/contract')).toHaveLength(0);
  });

  it('shows the figures read-only once the contract is fixed', async () => {
    mockApi({});
    await renderApp(<ContractForm deal={{ ...DEAL, stage: 'registered' }} contract={CONTRACT} editable={false} onSaved={() => undefined} />);
    expect(screen.getByTestId('contract-facts')).toHaveTextContent('¥300,000.00');
    expect(screen.queryByTestId('contract-save')).not.toBeInTheDocument();
  });
});

describe('registration form', () => {
  it('puts the approved-income error from the API under that field', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'PUT /api/deals/3/registration': () => reply(422, {
        code: 'validation_error', message: 'approved_income: too high',
        details: [{ loc: ['body', 'approved_income'], msg: 'the approved technology income cannot exceed the technology transaction amount (300000.00)', type: 'value_error' }],
      }),
    });
    await renderApp(<RegistrationForm deal={{ ...DEAL, stage: 'contract_signed' }} contract={CONTRACT} registration={null} editable onSaved={() => undefined} />);
    // The approved income starts at the contract's technology amount.
    expect(screen.getByLabelText('核定技术性收入（元）')).toHaveValue('300000.00');
    await userEvent.type(screen.getByLabelText('登记编号'), '2026450100000123');
    await userEvent.type(screen.getByLabelText('登记机构'), '南宁市技术市场管理办公室');
    await userEvent.type(screen.getByLabelText('登记日期'), '2026-03-05{enter}');
    await userEvent.click(screen.getByTestId('registration-save'));
    const help = await screen.findByText(/cannot exceed the technology transaction amount/);
    expect(help.closest('.ant-form-item')).toContainElement(screen.getByLabelText('核定技术性收入（元）'));
  });
});

describe('payments', () => {
  it('lists the instalments with the totals the API states', async () => {
    mockApi({});
    await renderApp(<PaymentsPanel deal={{ ...DEAL, stage: 'registered' }} payments={PAYMENTS} hasContract role={AGENT} onSaved={() => undefined} />);
    const totals = screen.getByTestId('payment-totals');
    expect(totals).toHaveTextContent('¥350,000.00');
    expect(totals).toHaveTextContent('¥250,000.50');
    expect(totals).toHaveTextContent('¥99,999.50');
    const table = screen.getByTestId('payments-table');
    expect(within(table).getByText('¥150,000.50')).toBeInTheDocument();
    expect(within(table).getAllByText('¥250,000.50')).toHaveLength(1);
    // The agent sees why there is no form: only the parties record payments.
    expect(screen.queryByTestId('payment-form')).not.toBeInTheDocument();
    expect(screen.getByText('付款只能由买卖双方记录；佣金按付款计提。')).toBeInTheDocument();
  });

  it('shows an overpayment refusal under the amount and sends the amount as a string', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = mockApi({
      'POST /api/deals/3/payments': () => reply(409, {
        code: 'overpayment', message: 'This payment would take the paid total to 350000.51; at most 99999.50 is outstanding', details: [],
      }),
    });
    await renderApp(<PaymentsPanel deal={{ ...DEAL, stage: 'registered' }} payments={PAYMENTS} hasContract role={BUYER} onSaved={() => undefined} />);
    const form = screen.getByTestId('payment-form');
    await userEvent.type(within(form).getByLabelText('付款日期'), '2026-05-01{enter}');
    await userEvent.type(within(form).getByLabelText('金额（元）'), '100000.01');
    await userEvent.click(screen.getByTestId('payment-save'));
    const help = await screen.findByText(/at most 99999.50 is outstanding/);
    expect(help.closest('.ant-form-item')).toContainElement(within(form).getByLabelText('金额（元）'));
    const sent = (await calls(api, 'POST /api/deals/3/payments')[0].json()) as Record<string, unknown>;
    expect(sent).toEqual({ paid_on: '2026-05-01', amount: '100000.01', voucher_ref: null, invoice_ref: null });
  });

  it('fills the outstanding amount with one click', async () => {
    mockApi({});
    await renderApp(<PaymentsPanel deal={{ ...DEAL, stage: 'registered' }} payments={PAYMENTS} hasContract role={BUYER} onSaved={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: '支付余额' }));
    expect(within(screen.getByTestId('payment-form')).getByLabelText('金额（元）')).toHaveValue('99999.50');
  });

  it('says what to do first when there is no contract', async () => {
    mockApi({});
    await renderApp(<PaymentsPanel deal={DEAL} payments={undefined} hasContract={false} role={BUYER} onSaved={() => undefined} />);
    expect(screen.getByText('付款需对应合同。请先在「合同」页录入合同。')).toBeInTheDocument();
  });
});

describe('commission', () => {
  it('checks the percentage in the browser, then shows terms and earnings from the API', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let terms: unknown = null;
    const api = mockApi({
      'GET /api/deals/3/commission': () => (terms ? terms : reply(404, { code: 'not_found', message: 'none', details: [] })),
      'GET /api/deals/3/commission/entries': () => [],
      'PUT /api/deals/3/commission': async (req) => {
        const body = (await req.json()) as { rate: string };
        terms = { deal_id: 3, kind: 'percentage', rate: `${body.rate}0`, amount: null, earned: '0.00' };
        return terms;
      },
    });
    await renderApp(<CommissionPanel deal={DEAL} canAct refreshKey={0} />);
    const rate = await screen.findByLabelText('比例（%）');
    await userEvent.type(rate, '150');
    await userEvent.click(screen.getByTestId('commission-save'));
    expect(await screen.findByText(/大于 0、不超过 100/)).toBeInTheDocument();
    expect(calls(api, 'PUT /api/deals/3/commission')).toHaveLength(0);
    await userEvent.clear(rate);
    await userEvent.type(rate, '3.5');
    await userEvent.click(screen.getByTestId('commission-save'));
    expect(await screen.findByText('每笔付款的 3.50%')).toBeInTheDocument();
    expect(screen.getByTestId('commission')).toHaveTextContent('¥0.00');
  });

  it('explains that a deal without an agent has no commission', async () => {
    mockApi({});
    await renderApp(<CommissionPanel deal={{ ...DEAL, agent_id: null }} canAct refreshKey={0} />);
    expect(screen.getByText('本交易没有经纪人')).toBeInTheDocument();
  });
});
