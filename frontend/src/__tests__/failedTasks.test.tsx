import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { FailedTasksPage } from '../pages/FailedTasksPage';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp } from '../test/utils';

const me = (role: string) => ({
  id: 1, email: 'admin@example.com', full_name: '管理员', role, locale: 'zh-CN', organisation_id: 1, is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  organisation: { id: 1, name: '广西科技厅', name_en: null, kind: 'government', region: '450000', uscc: 'X', description: null,
    status: 'verified', review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' },
});
const FAILED: Record<string, unknown> = {
  id: 4, task_id: 'abc', task: 'techmatch.notifications.deliver_email', args: [17], error: 'SMTPDataError: 451 try later',
  retries: 3, failed_at: '2026-11-27T08:00:00Z', retried_at: null,
};

describe('failed tasks', () => {
  it('lists a failed task with its error and runs it again', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let current = [FAILED];
    const api = mockApi({
      'GET /api/me': () => me('platform_admin'),
      'GET /api/admin/failed-tasks': () => ({ items: current, total: current.length, page: 1, page_size: 20 }),
      'POST /api/admin/failed-tasks/4/retry': () => {
        current = [{ ...FAILED, retried_at: '2026-11-27T09:00:00Z' }];
        return current[0];
      },
    });
    await renderApp(<App><FailedTasksPage /></App>);
    expect(await screen.findByText('techmatch.notifications.deliver_email', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('SMTPDataError: 451 try later')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '重新执行' }));
    await waitFor(() => expect(calls(api, 'POST /api/admin/failed-tasks/4/retry')).toHaveLength(1));
    expect(await screen.findByText(/已于 .* 重新执行/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重新执行' })).toBeNull();
  });

  it('tells a reviewer it is for platform admins, without asking the API', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    const api = mockApi({ 'GET /api/me': () => me('reviewer') });
    await renderApp(<App><FailedTasksPage /></App>);
    expect(await screen.findByText('只有平台管理员可以查看失败任务。')).toBeInTheDocument();
    expect(calls(api, 'GET /api/admin/failed-tasks')).toHaveLength(0);
  });
});
