import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { saveTokens } from '../api/tokens';
import { DealPage } from '../pages/DealPage';
import { calls, mockApi, renderApp, reply } from '../test/utils';
import { DEAL } from '../test/dealFixtures';

const ORG = { id: 2, name: '柳州华骋汽车零部件有限公司', name_en: null, kind: 'enterprise', region: '450200', uscc: 'X', description: null, status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' };
const me = (id: number, organisation_id: number, role: string) => ({
  id, email: 'u@x.cn', full_name: 'U', role, locale: 'zh-CN', organisation_id, is_active: true, created_at: '2026-01-01T00:00:00Z', organisation: { ...ORG, id: organisation_id },
});
const notFound = () => reply(404, { code: 'not_found', message: 'none', details: [] });
const AGENTS = [
  { id: 7, full_name: '李经纪', organisation_id: 5, organisation_name: '广西桂科技术转移中心' },
  { id: 8, full_name: '王经纪', organisation_id: 5, organisation_name: '广西桂科技术转移中心' },
];
const NO_AGENT = { ...DEAL, agent_id: null, agency_org_id: null, agent_name: null };

/** A deal without an agent; `engage` answers the PUT, and every GET of the deal returns `current()`. */
function dealApi(who: ReturnType<typeof me>, current: () => object, engage?: (body: { agent_id: number; version: number }) => unknown) {
  return mockApi({
    'GET /api/me': () => who,
    'GET /api/deals/3': current,
    'GET /api/deals/3/history': () => [],
    'GET /api/deals/3/contract': notFound,
    'GET /api/deals/3/registration': notFound,
    'GET /api/deals/3/payments': () => ({ items: [], paid_total: '0.00', contract_total: null, outstanding: null, stage: 'negotiating' }),
    'GET /api/deals/3/documents': () => [],
    'GET /api/deals/3/commission': notFound,
    'GET /api/deals/3/commission/entries': () => [],
    'GET /api/organisations/1': () => ({ ...ORG, id: 1, name: '广西大学' }),
    'GET /api/organisations/2': () => ORG,
    'GET /api/agents': (req) => {
      const q = new URL(req.url).searchParams.get('q') ?? '';
      const items = AGENTS.filter((a) => a.full_name.includes(q));
      return { items, total: items.length, page: 1, page_size: 20 };
    },
    'PUT /api/deals/3/agent': async (req) => engage?.(await req.json()),
  });
}

async function pick(name: string) {
  const dialog = await screen.findByRole('dialog');
  await userEvent.click(within(dialog).getByRole('combobox'));
  await userEvent.type(within(dialog).getByRole('combobox'), name.slice(0, 1));
  await userEvent.click(await screen.findByText(`${name}（广西桂科技术转移中心）`));
  return dialog;
}

describe('engaging an agent on a deal', () => {
  it('lets a party search, pick and confirm an agent, then shows its name', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let deal: object = NO_AGENT;
    let sent: unknown;
    const api = dealApi(me(11, 2, 'org_admin'), () => deal, (body) => {
      sent = body;
      deal = { ...NO_AGENT, agent_id: 8, agency_org_id: 5, agent_name: '王经纪', version: 5 };
      return deal;
    });
    await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3' });
    await userEvent.click(await screen.findByTestId('engage-agent'));
    const dialog = await pick('王经纪');
    // The search went to the server with what was typed.
    await waitFor(() => expect(calls(api, 'GET /api/agents').some((r) => new URL(r.url).searchParams.get('q') === '王')).toBe(true));
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    await waitFor(() => expect(sent).toEqual({ agent_id: 8, version: 4 }));
    expect(await screen.findByText('王经纪')).toBeInTheDocument();
    expect(screen.queryByTestId('engage-agent')).not.toBeInTheDocument();
  });

  it('says in words why it was refused, and reloads a deal that changed meanwhile', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = dealApi(me(11, 2, 'org_admin'), () => NO_AGENT, () =>
      reply(409, { code: 'agent_not_found', message: 'Agent not found', details: [] }));
    await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3' });
    await userEvent.click(await screen.findByTestId('engage-agent'));
    const dialog = await screen.findByRole('dialog');
    // Confirming without a choice asks for one and sends nothing.
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    expect(await within(dialog).findByText('请选择一位经纪人')).toBeInTheDocument();
    expect(calls(api, 'PUT /api/deals/3/agent')).toHaveLength(0);
    await pick('李经纪');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    expect(await within(dialog).findByTestId('engage-agent-error')).toHaveTextContent('这位经纪人已无法委托');

    // Someone changed the deal meanwhile: the page reads it again, so a retry sends the new version.
    const later = dealApi(me(11, 2, 'org_admin'), () => NO_AGENT, () => reply(409, { code: 'stale_version', message: 'changed', details: [] }));
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s?定/ }));
    expect(await within(dialog).findByTestId('engage-agent-error')).toHaveTextContent('内容已被他人修改');
    await waitFor(() => expect(calls(later, 'GET /api/deals/3').length).toBeGreaterThan(0));
  });

  it('is not offered to staff, nor on a closed deal', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    dealApi(me(20, 9, 'reviewer'), () => NO_AGENT);
    const first = await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3' });
    expect(await screen.findByText('广西大学')).toBeInTheDocument();
    expect(screen.queryByTestId('engage-agent')).not.toBeInTheDocument();
    first.unmount();

    dealApi(me(11, 2, 'org_admin'), () => ({ ...NO_AGENT, stage: 'closed_lost', allowed_next: [], lost_reason: '预算取消' }));
    await renderApp(<DealPage />, { path: '/deals/:id', route: '/deals/3' });
    expect(await screen.findByText('预算取消')).toBeInTheDocument();
    expect(screen.queryByTestId('engage-agent')).not.toBeInTheDocument();
  });
});
