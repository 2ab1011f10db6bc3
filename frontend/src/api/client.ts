// The typed API client (openapi-fetch over the generated schema) with bearer auth and one refresh on 401.
import createClient from 'openapi-fetch';
import type { paths } from './schema';
import { loadTokens, saveTokens, type Tokens } from './tokens';

let refreshing: Promise<Tokens | null> | null = null;

async function refreshTokens(baseFetch: typeof fetch): Promise<Tokens | null> {
  const current = loadTokens();
  if (!current) return null;
  refreshing ??= (async () => {
    try {
      const res = await baseFetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: current.refresh_token }),
      });
      if (!res.ok) {
        saveTokens(null);
        return null;
      }
      const body = (await res.json()) as Tokens;
      const next = { access_token: body.access_token, refresh_token: body.refresh_token };
      saveTokens(next);
      return next;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** fetch with the access token; on a 401 it refreshes once and retries the request once. */
export function authFetch(baseFetch: typeof fetch = (...a) => globalThis.fetch(...a)) {
  return async (input: Request): Promise<Response> => {
    const retry = input.clone();
    const tokens = loadTokens();
    if (tokens && !input.headers.has('Authorization')) {
      input.headers.set('Authorization', `Bearer ${tokens.access_token}`);
    }
    const response = await baseFetch(input);
    const isAuthCall = new URL(input.url, 'http://x').pathname.startsWith('/api/auth/');
    if (response.status !== 401 || !tokens || isAuthCall) return response;
    const fresh = await refreshTokens(baseFetch);
    if (!fresh) return response;
    retry.headers.set('Authorization', `Bearer ${fresh.access_token}`);
    return baseFetch(retry);
  };
}

export const api = createClient<paths>({
  baseUrl: typeof window !== 'undefined' ? window.location.origin : 'http://localhost',
  fetch: authFetch(),
});
