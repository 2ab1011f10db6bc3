// Test helpers: a fake API answering by "METHOD /path", and rendering inside the app's providers.
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { AuthProvider } from '../auth/AuthProvider';
import { LocaleProvider } from '../i18n/LocaleProvider';
import i18n from '../i18n';
import { resetTaxonomyCache } from '../hooks/useTaxonomy';

type Handler = (req: Request) => unknown | Promise<unknown>;
export interface Reply {
  status: number;
  body: unknown;
}
export const reply = (status: number, body: unknown): Reply => ({ status, body });

export const TAXONOMY: Record<string, Handler> = {
  'GET /api/taxonomy/fields': () => [
    { code: 'i-sugar', name_zh: '糖业', name_en: 'Sugar', kind: 'industry' },
    { code: 'd-materials', name_zh: '材料科学与工程', name_en: 'Materials science', kind: 'discipline' },
  ],
  'GET /api/taxonomy/regions': () => [{ code: '450200', name_zh: '柳州', name_en: 'Liuzhou', province_code: '450000' }],
};

/** Replace fetch with handlers keyed "METHOD /path"; returns the mock to inspect calls. */
export function mockApi(handlers: Record<string, Handler>) {
  const all = { ...TAXONOMY, ...handlers };
  const fn = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const handler = all[`${input.method} ${url.pathname}`];
    if (!handler) return new Response(JSON.stringify({ code: 'not_found', message: 'no mock', details: [] }), { status: 404 });
    const out = await handler(input);
    const r = out && typeof out === 'object' && 'status' in out && 'body' in out ? (out as Reply) : { status: 200, body: out };
    // A 204 carries no body, as from the real server (and Response refuses one).
    if (r.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(r.body), { status: r.status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fn);
  return fn;
}

export function calls(fn: ReturnType<typeof mockApi>, key: string): Request[] {
  return fn.mock.calls.map((c) => c[0] as Request).filter((r) => `${r.method} ${new URL(r.url).pathname}` === key);
}

export async function renderApp(ui: ReactNode, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  resetTaxonomyCache();
  await i18n.changeLanguage(localStorage.getItem('techmatch.locale') ?? 'zh-CN');
  return render(
    <LocaleProvider>
      <AuthProvider>
        <MemoryRouter initialEntries={[route]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
          <Routes>
            <Route path={path} element={ui} />
            <Route path="*" element={<div data-testid="elsewhere" />} />
          </Routes>
        </MemoryRouter>
      </AuthProvider>
    </LocaleProvider>,
  );
}
