import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { NotificationPreferencesCard } from '../components/NotificationPreferencesCard';
import { WebhooksCard } from '../components/WebhooksCard';
import { NotificationsPage } from '../pages/NotificationsPage';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp, reply } from '../test/utils';

const PREFS = { in_app: true, email: true, email_mode: 'immediate', muted_events: [] };
const ME = {
  id: 1, email: 'a@example.com', full_name: '张三', role: 'member', locale: 'zh-CN', organisation_id: 1, is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  organisation: { id: 1, name: '柳州某企业', name_en: null, kind: 'enterprise', region: '450200', uscc: 'X', description: null,
    status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' },
};

describe('notification settings', () => {
  it('switches e-mail to a daily digest and mutes an event', async () => {
    let sent: unknown;
    mockApi({
      'GET /api/notifications/preferences': () => PREFS,
      'PUT /api/notifications/preferences': async (req) => {
        sent = await req.json();
        return sent;
      },
    });
    await renderApp(<App><NotificationPreferencesCard /></App>);
    await waitFor(() => expect(screen.getByRole('switch', { name: '电子邮件' })).toBeChecked());
    await userEvent.click(screen.getByRole('radio', { name: '每日摘要（每天一封）' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '交易付款记录' }));
    await userEvent.click(screen.getByRole('button', { name: '保存设置' }));
    await waitFor(() => expect(sent).toEqual({ in_app: true, email: true, email_mode: 'digest', muted_events: ['deal.payment_recorded'] }));
    expect(await screen.findByText('通知设置已保存')).toBeInTheDocument();
  });

  it('adds a webhook, shows its secret once, and shows a refused address where it was typed', async () => {
    let hooks: unknown[] = [];
    const api = mockApi({
      'GET /api/notifications/webhooks': () => hooks,
      'POST /api/notifications/webhooks': async (req) => {
        const body = (await req.json()) as { url: string; events: string[] };
        if (body.url.includes('localhost')) {
          return reply(422, { code: 'validation_error', message: 'Invalid', details: [{ loc: ['body', 'url'], msg: 'private and loopback addresses are refused', type: 'value_error' }] });
        }
        const hook = { id: 3, url: body.url, events: body.events, created_at: '2026-11-27T00:00:00Z' };
        hooks = [hook];
        return reply(201, { ...hook, secret: 's3cr3t-shown-once' });
      },
    });
    await renderApp(<App><WebhooksCard /></App>);
    expect(await screen.findByText(/还没有 Webhook/)).toBeInTheDocument();
    const url = screen.getByLabelText('接收地址（https）');
    await userEvent.type(url, 'https://localhost/hook');
    await userEvent.click(screen.getByRole('button', { name: '添加 Webhook' }));
    expect(await screen.findByText('private and loopback addresses are refused')).toBeInTheDocument();
    await userEvent.clear(url);
    await userEvent.type(url, 'https://erp.example.com/hook');
    await userEvent.click(screen.getByRole('button', { name: '添加 Webhook' }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('s3cr3t-shown-once');
    expect(await screen.findByText('全部通知')).toBeInTheDocument();
    expect(calls(api, 'POST /api/notifications/webhooks')).toHaveLength(2);
  });

  it('offers webhooks to organisation admins only, and opens the tab named in the address', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/me': () => ME,
      'GET /api/notifications/preferences': () => PREFS,
      'GET /api/notifications': () => ({ items: [], total: 0, page: 1, page_size: 20 }),
    });
    await renderApp(<App><NotificationsPage /></App>, { path: '/notifications', route: '/notifications?tab=settings' });
    const tabs = await screen.findByRole('tablist');
    await waitFor(() => expect(within(tabs).getByRole('tab', { name: '通知设置' })).toHaveAttribute('aria-selected', 'true'));
    expect(within(tabs).queryByRole('tab', { name: 'Webhook' })).toBeNull();
    expect(await screen.findByTestId('notification-settings')).toBeInTheDocument();
  });
});
