/**
 * Auth for routes: `requireRole` for people (session cookie + CSRF token on unsafe methods) and
 * `requireDevice` for kiosks and door counters (bearer token). Other features get them with
 * `createAuthMiddleware(deps.auth)` and read `c.get('user')` / `c.get('device')`.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { generateCookie, getCookie, setCookie } from 'hono/cookie';
import { ProblemError, problem } from '../http/problem.ts';
import { type ActiveSession, type AuthDevice, type AuthService, type AuthUser, csrfMatches, type DeviceKind, type Role } from './service.ts';

export type { AuthDevice, AuthUser, DeviceKind, Role };

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in person; set by requireRole. */
    user?: AuthUser;
    /** The kiosk or counter; set by requireDevice. */
    device?: AuthDevice;
    /** The session behind `user` (auth's own routes need its id and CSRF token). */
    authSession?: ActiveSession;
  }
}

export const SESSION_COOKIE = 'museum_session';
export const CSRF_HEADER = 'X-CSRF-Token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const isUnsafeMethod = (method: string) => UNSAFE_METHODS.has(method.toUpperCase());

/**
 * The client's address: the socket's on @hono/node-server, 'unknown' where there is no socket
 * (app.request() in tests). Behind a reverse proxy this is the proxy's address, so throttling
 * then counts per proxy; X-Forwarded-For is not trusted because any client can send it.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** https directly, or behind a proxy that says so (only ever adds Secure to the cookie). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0].trim() === 'https';
}

const cookieOptions = (c: Context) => ({ httpOnly: true, sameSite: 'Strict' as const, secure: isHttps(c), path: '/' });

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c), maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context) {
  setCookie(c, SESSION_COOKIE, '', { ...cookieOptions(c), maxAge: 0 });
}

const clearCookieHeader = (c: Context) => generateCookie(SESSION_COOKIE, '', { ...cookieOptions(c), maxAge: 0 });

export const unauthenticated = (detail = 'Sign in first.', headers: Record<string, string> = {}) =>
  new ProblemError(problem(401, 'unauthenticated', 'Not signed in', detail).problem, headers);
export const forbidden = (detail: string) => problem(403, 'forbidden', 'Forbidden', detail);
const csrfProblem = (detail: string) => problem(403, 'csrf', 'Cross-site request refused', detail);

/**
 * Whether an unsafe request may come from where it says. A browser sends `Origin` on every
 * cross-origin POST; when present its host must be this server's (the scheme may differ behind a
 * TLS-terminating proxy) or one of `allowedOrigins`. No Origin (curl, kiosks, old browsers) is
 * allowed here: the CSRF token and the SameSite cookie still apply.
 */
export function isSameOriginRequest(c: Context, allowedOrigins: readonly string[] = []): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false; // includes the opaque origin "null"
  }
  const own = [c.req.header('host'), c.req.header('x-forwarded-host')?.split(',')[0].trim(), new URL(c.req.url).host];
  return own.some((h) => h !== undefined && h.toLowerCase() === host.toLowerCase());
}

export interface AuthMiddlewareOptions {
  /** Extra origins allowed to send unsafe requests (e.g. a separate admin front end). */
  allowedOrigins?: readonly string[];
}

export function createAuthMiddleware(auth: AuthService, options: AuthMiddlewareOptions = {}) {
  const allowedOrigins = options.allowedOrigins ?? [];

  /** The live session of this request's cookie, or undefined. */
  async function currentSession(c: Context): Promise<ActiveSession | undefined> {
    const cached = c.get('authSession');
    if (cached) return cached;
    return auth.session(getCookie(c, SESSION_COOKIE));
  }

  /** Refuses a cross-origin unsafe request (403 /problems/csrf). */
  function assertSameOrigin(c: Context) {
    if (isUnsafeMethod(c.req.method) && !isSameOriginRequest(c, allowedOrigins)) throw csrfProblem('Cross-origin request refused.');
  }

  /** Unsafe methods on a cookie session need the session's CSRF token in X-CSRF-Token. */
  function assertCsrf(c: Context, session: ActiveSession) {
    if (!isUnsafeMethod(c.req.method)) return;
    assertSameOrigin(c);
    if (!csrfMatches(session, c.req.header(CSRF_HEADER))) {
      throw csrfProblem(`Send the CSRF token from sign-in or GET /api/auth/me in the ${CSRF_HEADER} header.`);
    }
  }

  /**
   * A signed-in person with one of these roles (admin always passes; no roles = anyone signed in).
   * 401 without a live session, 403 /problems/csrf on a CSRF failure, 403 /problems/forbidden for
   * another role. Sets c.get('user').
   */
  function requireRole(...roles: Role[]): MiddlewareHandler {
    return async (c, next) => {
      const session = await currentSession(c);
      if (!session) {
        // A stale cookie is cleared so the browser stops sending it.
        const stale = getCookie(c, SESSION_COOKIE) !== undefined;
        throw unauthenticated(stale ? 'Your session has ended; sign in again.' : 'Sign in first.', stale ? { 'Set-Cookie': clearCookieHeader(c) } : {});
      }
      assertCsrf(c, session);
      if (roles.length > 0 && session.user.role !== 'admin' && !roles.includes(session.user.role)) {
        throw forbidden(`This needs the role ${roles.join(' or ')}.`);
      }
      c.set('user', session.user);
      c.set('authSession', session);
      await next();
    };
  }

  /**
   * A registered, unrevoked device of one of these kinds (no kinds = any), by
   * `Authorization: Bearer <token>`. 401 otherwise, 403 for another kind. Sets c.get('device').
   */
  function requireDevice(...kinds: DeviceKind[]): MiddlewareHandler {
    return async (c, next) => {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
      const device = match ? await auth.devices.authenticate(match[1]) : undefined;
      if (!device) throw unauthenticated('Send a valid device token as Authorization: Bearer <token>.', { 'WWW-Authenticate': 'Bearer realm="museum"' });
      if (kinds.length > 0 && !kinds.includes(device.kind)) throw forbidden(`This needs a ${kinds.join(' or ')} device.`);
      c.set('device', device);
      await next();
    };
  }

  return { requireRole, requireDevice, currentSession, assertSameOrigin, assertCsrf };
}

export type AuthMiddleware = ReturnType<typeof createAuthMiddleware>;
