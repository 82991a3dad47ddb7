import type { Me, SessionResponse } from '@motcua/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { ROUTES, navigate } from './router.tsx';

export type Session =
  { status: 'loading' } | { status: 'anonymous'; expired: boolean } | { status: 'authenticated'; user: Me };

interface SessionApi {
  session: Session;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reloads the signed-in user (after a password change, for instance). */
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const accept = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    setSession({ status: 'authenticated', user: response.user });
  }, []);

  const forget = useCallback((expired: boolean) => {
    setCsrfToken(null);
    setSession({ status: 'anonymous', expired });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<SessionResponse>('/api/auth/me'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forget(false);
      else throw error;
    }
  }, [accept, forget]);

  useEffect(() => {
    setUnauthorizedHandler(() => forget(true));
    refresh().catch(() => forget(false));
    return () => setUnauthorizedHandler(null);
  }, [refresh, forget]);

  const login = useCallback(
    async (username: string, password: string) => {
      accept(await api.post<SessionResponse>('/api/auth/login', { username, password }));
      navigate(ROUTES.home);
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/api/auth/logout');
    } catch {
      // Signed out locally either way; an expired session is already gone on the server.
    }
    forget(false);
    navigate(ROUTES.login);
  }, [forget]);

  const value = useMemo(() => ({ session, login, logout, refresh }), [session, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages rendered behind the sign-in check. */
export function useUser(): Me {
  const { session } = useSession();
  if (session.status !== 'authenticated') throw new Error('useUser without a signed-in user');
  return session.user;
}
