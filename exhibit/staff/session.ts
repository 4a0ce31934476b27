/**
 * The staff member's session: who is signed in and the CSRF token every change must carry. Sign-in
 * goes through the auth API (httpOnly cookie); nothing secret is kept in script-readable storage.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { api, ProblemError } from '../visit/api.ts';

export interface StaffUser {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'curator' | 'staff';
}

export type SessionState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: StaffUser; csrf: string };

export function useSessionState() {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const check = useCallback(async () => {
    try {
      const me = await api<{ user: StaffUser; csrfToken: string }>('/api/auth/me');
      setState({ status: 'signed-in', user: me.user, csrf: me.csrfToken });
    } catch {
      setState({ status: 'signed-out' });
    }
  }, []);
  useEffect(() => {
    void check();
  }, [check]);
  const signIn = useCallback(async (username: string, password: string) => {
    const s = await api<{ user: StaffUser; csrfToken: string }>('/api/auth/sign-in', { method: 'POST', body: JSON.stringify({ username, password }) });
    setState({ status: 'signed-in', user: s.user, csrf: s.csrfToken });
    return s.user;
  }, []);
  const signOut = useCallback(async () => {
    const csrf = state.status === 'signed-in' ? state.csrf : '';
    await api('/api/auth/sign-out', { method: 'POST', headers: { 'X-CSRF-Token': csrf } }).catch(() => undefined);
    setState({ status: 'signed-out' });
  }, [state]);
  const expired = useCallback(() => setState({ status: 'signed-out' }), []);
  return { state, signIn, signOut, expired };
}

export interface StaffContext {
  user: StaffUser;
  csrf: string;
  museumId: string;
  /** A JSON request with the CSRF token; a 401 signs the page out. */
  send<T>(path: string, method: string, body?: unknown): Promise<T>;
}

export const StaffContextValue = createContext<StaffContext | null>(null);

export function useStaff(): StaffContext {
  const ctx = useContext(StaffContextValue);
  if (!ctx) throw new Error('useStaff outside the staff layout');
  return ctx;
}

export function staffSender(csrf: string, onUnauthenticated: () => void): StaffContext['send'] {
  return async <T>(path: string, method: string, body?: unknown) => {
    try {
      return await api<T>(path, { method, headers: { 'X-CSRF-Token': csrf }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 401) onUnauthenticated();
      throw err;
    }
  };
}
