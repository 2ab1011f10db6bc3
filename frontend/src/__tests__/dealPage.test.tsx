import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveTokens } from '../api/tokens';
import { DealPage } from '../pages/DealPage';
import { mockApi, renderApp, reply } from '../test/utils';
import { CONTRACT, DEAL } from '../test/dealFixtures';

const ORG = { id: 1, name: '广西大学', name_en: null, kind: 'university', region: '450100', uscc: 'X', description: null, status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' };
const me = (id: number, organisation_id: number, role: string) => ({
  id, email: 'u@x.cn', full_name: 'U', role, locale: 'zh-CN', organisation_id, is_active: true, created_at: '2026-01-01T00:00:00Z', organisation: { ...ORG, id: organisation_id },
});
const notFound = () => reply(404, { code: 'not_found', message: 'none', details: [] });

function dealApi(who: ReturnType<typeof me>, stage: string) {
  return mockApi({
    'GET /api/me': () => who,
    'GET /api/deals/3': () => ({ ...DEAL, stage, allowed_next: stage === 'registered' ? ['paid', 'closed_lost'] : ['contract_signed', 'closed_lost'] }),
    'GET /api/deals/3/history': () => [
      { id: 1, at: '2026-03-01T00:00:00Z', actor_id: 7, action: 'contract', changes: { total: [null, '350000.00'] }, note: null },
    ],
    'GET /api/deals/3/contract': () => (stage === 'negotiating' ? notFound() : CONTRACT),
    'GET /api/deals/3/registration': notFound,
    'GET /api/deals/3/payments': () => ({ items: [], paid_total: '0.00', contract_total: stage === 'negotiating' ? null : '350000.00', outstanding: stage === 'negotiating' ? null : '350000.00', stage }),
    'GET /api/deals/3/documents': () => [],
    'GET /api/organisations/1': () => ORG,
    'GET /api/organisations/2': () => ({ ...ORG, id: 2, name: '柳州华骋汽车零部件有限公司', kind: 'enterprise' }),
    'GET /api/deals/3/income-split': () => ({
      deal_id: 3, paid: '0.00', non_technical_costs: '50000.00', net_income: '0.00', team_share_percent: '70.00', share_source: 'institution', team_amount: '0.00', institution_amount: '0.00',
    }),
    'GET /api/deals/3/commission': notFound,
    'GET /api/deals/3/commission/entries': () => [],
  });
}

describe('deal page', () => {
  it('tells the agent the next step and opens the contract form for it', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    dealApi(me(7, 5, 'agent'), 'negotiating');
    await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3' });
    expect(await screen.findByTestId('next-step')).toHaveTextContent('下一步：录入合同及签订日期。');
    // The parties by name, not by id.
    expect(await screen.findByText('广西大学')).toBeInTheDocument();
    expect(await screen.findByText('柳州华骋汽车零部件有限公司')).toBeInTheDocument();
    expect(await screen.findByTestId('contract-form')).toBeInTheDocument();
    // 'paid' is reached by payments, never by a button.
    expect(within(screen.getByTestId('deal-stage')).getByRole('button', { name: '已签合同' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: '付款' }));
    expect(await screen.findByText('付款需对应合同。请先在「合同」页录入合同。')).toBeInTheDocument();
  });

  it('shows the seller its income split, and a reviewer the figures read-only', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    dealApi(me(11, 1, 'org_admin'), 'registered');
    const { unmount } = await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3?tab=income' });
    const split = await screen.findByTestId('income-split');
    expect(split).toHaveTextContent('70.00% (单位自定比例)');
    expect(screen.getByText('暂无可分配收益：收款先抵扣合同中的非技术性费用。')).toBeInTheDocument();
    expect(within(screen.getByTestId('deal-stage')).queryByRole('button', { name: '已付款' })).not.toBeInTheDocument();
    unmount();

    dealApi(me(20, 9, 'reviewer'), 'registered');
    await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3?tab=contract' });
    expect(await screen.findByTestId('contract-facts')).toHaveTextContent('¥350,000.00');
    expect(screen.queryByTestId('contract-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('next-step')).not.toBeInTheDocument();
    expect(within(screen.getByTestId('deal-stage')).queryAllByRole('button')).toHaveLength(0);
    await userEvent.click(screen.getByRole('tab', { name: '记录' }));
    expect(await screen.findByTestId('deal-history')).toHaveTextContent('总额: — → 350000.00');
  });
});
