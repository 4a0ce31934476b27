/** Who is signed in to the console (GET /api/auth/me), with sign-in and sign-out. */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, getJson, sendJson, setCsrfToken, setOnUnauthenticated } from './api.ts';
import type { SessionUser } from './types.ts';

export type Session = { status: 'loading' } | { status: 'signed-out'; reason?: 'expired' } | { status: 'signed-in'; user: SessionUser; expiresAt: string };

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
  expiresAt: string;
}

export function useSessionState() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const accept = useCallback((s: SessionAnswer) => {
    setCsrfToken(s.csrfToken);
    setSession({ status: 'signed-in', user: s.user, expiresAt: s.expiresAt });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    getJson<SessionAnswer>('/api/auth/me', controller.signal)
      .then(accept)
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setSession({ status: 'signed-out' });
        if (!(err instanceof ApiError)) console.warn('session check failed', err);
      });
    setOnUnauthenticated(() => {
      setCsrfToken(null);
      setSession({ status: 'signed-out', reason: 'expired' });
    });
    return () => {
      controller.abort();
      setOnUnauthenticated(null);
    };
  }, [accept]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      accept(await sendJson<SessionAnswer>('/api/auth/sign-in', 'POST', { username, password }));
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await sendJson('/api/auth/sign-out', 'POST');
    } finally {
      setCsrfToken(null);
      setSession({ status: 'signed-out' });
    }
  }, []);

  return { session, signIn, signOut };
}

export type SessionApi = ReturnType<typeof useSessionState>;

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the console');
  return s;
}

/** The signed-in user (the console only renders its pages when there is one). */
export function useUser(): SessionUser {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('not signed in');
  return session.user;
}
