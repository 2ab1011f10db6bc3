import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { saveTokens } from '../api/tokens';
import { calls, mockApi, renderApp } from '../test/utils';
import zhCN from '../i18n/zh-CN';
import en from '../i18n/en';

function Probe() {
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t('browse.outputsTitle')}</h1>
      <LanguageSwitch />
    </div>
  );
}

const ME = {
  id: 1, email: 'a@example.com', full_name: '张三', role: 'org_admin', locale: 'zh-CN', organisation_id: 1, is_active: true,
  created_at: '2026-01-01T00:00:00Z',
  organisation: { id: 1, name: '广西大学', name_en: null, kind: 'university', region: '450100', uscc: 'X', description: null, status: 'verified',
    review_reason: null, verified_at: null, version: 1, created_at: '2026-01-01T00:00:00Z' },
};

describe('language switch', () => {
  it('switches to English and remembers it in the browser when signed out', async () => {
    const api = mockApi({});
    await renderApp(<Probe />);
    expect(screen.getByRole('heading')).toHaveTextContent('科技成果');
    await userEvent.click(screen.getByText('EN'));
    await waitFor(() => expect(screen.getByRole('heading')).toHaveTextContent('Research outputs'));
    expect(localStorage.getItem('techmatch.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(calls(api, 'PATCH /api/me')).toHaveLength(0);
  });

  it('saves the language on the account when signed in', async () => {
    saveTokens({ access_token: 'a', refresh_token: 'r' });
    let sent: unknown;
    const api = mockApi({
      'GET /api/me': () => ME,
      'PATCH /api/me': async (req) => {
        sent = await req.json();
        return { ...ME, ...(sent as object) };
      },
    });
    await renderApp(<Probe />);
    await waitFor(() => expect(calls(api, 'GET /api/me')).toHaveLength(1));
    await userEvent.click(screen.getByText('EN'));
    await waitFor(() => expect(calls(api, 'PATCH /api/me')).toHaveLength(1));
    expect(sent).toEqual({ locale: 'en' });
    expect(calls(api, 'PATCH /api/me')[0].headers.get('Authorization')).toBe('Bearer a');
  });

  it('has the same keys in both languages', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
});
