import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { BrowsePage } from '../pages/BrowsePage';
import { SavedSearchesPanel } from '../components/SavedSearchesPanel';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp, reply } from '../test/utils';

const ME = {
  id: 1, email: 'a@example.com', full_name: '张三', role: 'member', locale: 'zh-CN', organisation_id: 1, is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  organisation: { id: 1, name: '柳州某企业', name_en: null, kind: 'enterprise', region: '450200', uscc: 'X', description: null,
    status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' },
};
const EMPTY = { items: [], total: 0, page: 1, page_size: 10 };
const SAVED = {
  id: 7, kind: 'output', name: '甘蔗', q: '甘蔗', field_code: 'i-sugar', region: null, alerts: true,
  created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z',
};

describe('saved searches', () => {
  it('saves the browse filters with a name and alerts on', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let sent: unknown;
    const api = mockApi({
      'GET /api/me': () => ME,
      'GET /api/outputs': () => EMPTY,
      'POST /api/saved-searches': async (req) => {
        sent = await req.json();
        return reply(201, { ...SAVED, ...(sent as object) });
      },
    });
    await renderApp(<App><BrowsePage kind="outputs" /></App>, { path: '/outputs', route: '/outputs?q=%E7%94%98%E8%94%97&field=i-sugar&trl_min=3' });
    await userEvent.click(await screen.findByTestId('save-search'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('名称')).toHaveValue('甘蔗');
    expect(within(dialog).getByTestId('dropped-filters')).toHaveTextContent('技术成熟度');
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(calls(api, 'POST /api/saved-searches')).toHaveLength(1));
    // TRL is not a saved-search criterion: only keywords, field and region are kept.
    expect(sent).toEqual({ kind: 'output', name: '甘蔗', q: '甘蔗', field_code: 'i-sugar', region: null, alerts: true });
    expect(await screen.findByText('已保存搜索“甘蔗”，可在通知中心管理。')).toBeInTheDocument();
  });

  it('shows the server refusal next to the name', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/me': () => ME,
      'GET /api/needs': () => EMPTY,
      'POST /api/saved-searches': () =>
        reply(422, { code: 'validation_error', message: 'Invalid', details: [{ loc: ['body', 'name'], msg: 'String should have at most 100 characters', type: 'string_too_long' }] }),
    });
    await renderApp(<App><BrowsePage kind="needs" /></App>, { path: '/needs', route: '/needs?region=450200' });
    await userEvent.click(await screen.findByTestId('save-search'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByTestId('dropped-filters')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('String should have at most 100 characters')).toBeInTheDocument();
  });

  it('asks for a criterion before saving an unfiltered search', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = mockApi({ 'GET /api/me': () => ME, 'GET /api/outputs': () => EMPTY });
    await renderApp(<App><BrowsePage kind="outputs" /></App>, { path: '/outputs', route: '/outputs' });
    await userEvent.click(await screen.findByTestId('save-search'));
    expect(await screen.findByText('先输入关键词，或选择领域或地区，再保存搜索。')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls(api, 'POST /api/saved-searches')).toHaveLength(0);
  });

  it('lists saved searches, switches alerts off and deletes', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let current = [SAVED];
    let put: unknown;
    const api = mockApi({
      'GET /api/me': () => ME,
      'GET /api/saved-searches': () => ({ items: current, total: current.length, page: 1, page_size: 20 }),
      'PUT /api/saved-searches/7': async (req) => {
        put = await req.json();
        current = [{ ...SAVED, alerts: false }];
        return current[0];
      },
      'DELETE /api/saved-searches/7': () => {
        current = [];
        return reply(204, null);
      },
    });
    await renderApp(<App><SavedSearchesPanel /></App>);
    expect(await screen.findByText('关键词: 甘蔗 · 领域: 糖业')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: '有新结果时提醒我: 甘蔗' }));
    await waitFor(() => expect(put).toMatchObject({ alerts: false, q: '甘蔗', field_code: 'i-sugar', kind: 'output' }));
    await userEvent.click(screen.getByRole('button', { name: /删\s*除/ }));
    await screen.findByText('删除这个保存的搜索？');
    await userEvent.click(screen.getAllByRole('button', { name: /删\s*除/ }).at(-1)!); // the confirmation's button
    await waitFor(() => expect(calls(api, 'DELETE /api/saved-searches/7')).toHaveLength(1));
    expect(await screen.findByText(/还没有保存的搜索/)).toBeInTheDocument();
  });
});
