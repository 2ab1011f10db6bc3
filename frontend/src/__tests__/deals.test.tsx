import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EligibilityView } from '../components/EligibilityView';
import { InterestsPage } from '../pages/InterestsPage';
import type { Evaluation } from '../api/subsidy';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp } from '../test/utils';

const EVALUATION: Evaluation = {
  rule_set: 'nanning-2025-post-purchase', rules_version: '1', eligible: false, amount: null, amount_if_eligible: '150000.00',
  checks: [
    { rule: 'buyer_kind', passed: true, detail: { zh: '买方类型符合', en: 'Buyer kind fits' } },
    { rule: 'paid', passed: false, detail: { zh: '实际支付 0.00 元，低于 300,000.00 元', en: 'Paid 0.00, below 300,000.00' } },
    { rule: 'sales', passed: null, detail: { zh: '未提供新增销售收入', en: 'New sales not given' } },
  ],
  calculation: [], missing_documents: [{ id: 'contract', zh: '技术合同', en: 'Technology contract', when: 'always' }], assumptions: [], ignored_fields: [],
};

describe('subsidy eligibility', () => {
  it('explains every check, the amount if eligible and the missing documents', async () => {
    mockApi({});
    await renderApp(<EligibilityView evaluation={EVALUATION} />);
    expect(screen.getByText('暂不符合条件')).toBeInTheDocument();
    expect(screen.getByText('如符合条件可获 150,000.00 元')).toBeInTheDocument();
    expect(screen.getByLabelText('通过')).toBeInTheDocument();
    expect(screen.getByLabelText('未通过')).toBeInTheDocument();
    expect(screen.getByLabelText('未知')).toBeInTheDocument();
    expect(screen.getByText('技术合同')).toBeInTheDocument();
  });
});

describe('interests', () => {
  it('asks for a reason before declining and sends the reason code', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let sent: unknown;
    const interest = {
      id: 5, output_id: 9, need_id: null, offered_output_id: null, sender_org_id: 2, sender_id: 3, recipient_org_id: 1, message: '希望洽谈技术转让',
      answers: [], status: 'pending', reason_code: null, reason_text: null, decided_at: null, deal_id: null, created_at: '2026-01-01T00:00:00Z',
    };
    const api = mockApi({
      'GET /api/me': () => ({ id: 1, email: 'a@x.cn', full_name: 'A', role: 'org_admin', locale: 'zh-CN', organisation_id: 1, is_active: true, created_at: '2026-01-01T00:00:00Z',
        organisation: { id: 1, name: '广西大学', name_en: null, kind: 'university', region: '450100', uscc: 'X', description: null, status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' } }),
      'GET /api/interests': () => ({ items: [interest], total: 1, page: 1, page_size: 20 }),
      'POST /api/interests/5/decide': async (req) => {
        sent = await req.json();
        return { ...interest, status: 'declined', reason_code: 'price' };
      },
    });
    await renderApp(<InterestsPage />);
    await userEvent.click(await screen.findByRole('button', { name: /婉\s?拒/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: /婉\s?拒/ }));
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument();
    expect(calls(api, 'POST /api/interests/5/decide')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('combobox'));
    await userEvent.click(await screen.findByText('价格不合适'));
    await userEvent.click(within(dialog).getByRole('button', { name: /婉\s?拒/ }));
    await waitFor(() => expect(sent).toMatchObject({ decision: 'decline', reason_code: 'price' }));
  });
});
