// The signed-in user: sign in (tokens + /me), sign out (revoke), and the user's remembered language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { loadTokens, onTokensChange, saveTokens } from '../api/tokens';
import type { Me } from '../api/types';
import { useLocale } from '../i18n/LocaleProvider';
import type { AppLocale } from '../i18n';

interface AuthCtx {
  me: Me | null;
  ready: boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
  reloadMe: () => Promise<void>;
  setMe: (me: Me) => void;
}

const Ctx = createContext<AuthCtx | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const { setLocale } = useLocale();

  const fetchMe = useCallback(async (): Promise<Me | null> => {
    if (!loadTokens()) return null;
    const result = await api.GET('/api/me');
    return result.response.ok && result.data ? result.data : null;
  }, []);

  useEffect(() => {
    let live = true;
    fetchMe()
      .then((m) => {
        if (!live) return;
        setMe(m);
        if (m) setLocale(m.locale as AppLocale);
      })
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    const off = onTokensChange((t) => {
      if (!t) setMe(null);
    });
    return () => {
      live = false;
      off();
    };
  }, [fetchMe, setLocale]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const tokens = unwrap(await api.POST('/api/auth/login', { body: { email, password } }));
      saveTokens({ access_token: tokens.access_token, refresh_token: tokens.refresh_token });
      const m = unwrap(await api.GET('/api/me'));
      setMe(m);
      setLocale(m.locale as AppLocale);
      return m;
    },
    [setLocale],
  );

  const signOut = useCallback(async () => {
    const tokens = loadTokens();
    if (tokens) {
      await api.POST('/api/auth/logout', { body: { refresh_token: tokens.refresh_token } }).catch(() => undefined);
    }
    saveTokens(null);
    setMe(null);
  }, []);

  const reloadMe = useCallback(async () => {
    setMe(await fetchMe());
  }, [fetchMe]);

  const value = useMemo(() => ({ me, ready, signIn, signOut, reloadMe, setMe }), [me, ready, signIn, signOut, reloadMe]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthCtx {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export const isStaff = (me: Me | null) => !!me && (me.role === 'reviewer' || me.role === 'platform_admin');
