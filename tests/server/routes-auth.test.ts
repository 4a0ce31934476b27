/**
 * Route by route: every mutating endpoint of the app refuses anonymous and wrong-role requests.
 * The routes come from the app itself (`app.routes`), so a route added tomorrow is checked
 * tomorrow — or fails this test until someone says who may call it:
 *
 * - `/api/admin/…` → admin, `/api/curator/…` → curator (admins too), `/api/staff/…` → staff
 *   (admins too): anonymous → 401, a wrong role → 403, the right role without its CSRF token →
 *   403, the right role with it → neither 401 nor 403.
 * - device routes (explicit below): no token → 401, a session cookie instead → 401, a device of
 *   the other kind → 403.
 * - public mutating routes: only those on the explicit allow-list, each with the reason.
 *
 * Private reads (GET under /api/admin, /api/curator, /api/staff) must refuse anonymous callers too.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthMiddleware } from '../../kiosk-server/auth/middleware.ts';
import { handleError } from '../../kiosk-server/http/problem.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { createDeviceToken, type SignedInAs, signInAs } from '../support/auth.ts';
import { testMuseum } from '../support/museum.ts';

type Role = 'admin' | 'curator' | 'staff';
type Rule = { kind: 'role'; role: Role } | { kind: 'device'; device: 'kiosk' | 'counter' } | { kind: 'public'; why: string };

/** Mutating routes anyone may call, and why that is safe. */
const PUBLIC: Record<string, string> = {
  'POST /api/auth/sign-in': 'signing in (throttled; CSRF-checked by Origin)',
  'POST /api/auth/sign-out': 'ends the caller’s own session; needs its CSRF token when there is one',
  'POST /api/analytics/events': 'anonymous visitor events (no personal data; a kiosk token is optional)',
  'POST /api/visit/bookings': 'visitors book timed entry without an account',
  'POST /api/visit/tickets/:code/cancel': 'the unguessable ticket code is the credential',
  'POST /api/visit/tickets/:code/reschedule': 'the unguessable ticket code is the credential',
};

/** Mutating routes for devices (bearer tokens), not people. */
const DEVICE: Record<string, 'kiosk' | 'counter'> = {
  'POST /api/kiosks/heartbeat': 'kiosk',
  'POST /api/crowd/counter-events': 'counter',
};

/** Routes whose role the prefix convention does not give (none today). */
const EXPLICIT_ROLES: Record<string, Role> = {};

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PRIVATE_PREFIXES = ['/api/admin/', '/api/curator/', '/api/staff/'];

function ruleFor(key: string, path: string): Rule | undefined {
  if (key in PUBLIC) return { kind: 'public', why: PUBLIC[key] };
  if (key in DEVICE) return { kind: 'device', device: DEVICE[key] };
  if (key in EXPLICIT_ROLES) return { kind: 'role', role: EXPLICIT_ROLES[key] };
  if (path.startsWith('/api/admin/')) return { kind: 'role', role: 'admin' };
  if (path.startsWith('/api/curator/')) return { kind: 'role', role: 'curator' };
  if (path.startsWith('/api/staff/')) return { kind: 'role', role: 'staff' };
  return undefined;
}

/** A concrete URL for a route pattern (`/api/x/:id` → `/api/x/1`). */
function urlOf(path: string): string {
  const samples: Record<string, string> = { id: '1', code: 'ABCD-EFGH', date: '2025-06-02', hall: 'main-hall' };
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => samples[name] ?? 'x');
}

let museum: Museum;
let people: Record<Role, SignedInAs>;

type AppLike = { routes: { method: string; path: string }[]; request: Museum['app']['request'] };

/**
 * The routes of an app with their methods. `app.use(path, …)` middleware and `app.all(path, …)`
 * handlers both appear as method ALL; such a path counts for a method only when a request with
 * that method is actually answered there (not by the app's "No API route" fallback).
 */
async function routesOf(app: AppLike, methods: (method: string) => boolean) {
  const seen = new Map<string, { method: string; path: string }>();
  const all: { method: string; path: string }[] = [];
  for (const r of app.routes) {
    if (r.path.endsWith('*')) continue; // middleware on a prefix and the 404 fallback
    if (r.method === 'ALL') {
      for (const method of [...MUTATING, 'GET']) if (methods(method)) all.push({ method, path: r.path });
      continue;
    }
    if (methods(r.method)) seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  for (const r of all) {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    const res = await sendTo(app, r.method, r.path);
    const body = res.status === 404 ? ((await res.json().catch(() => ({}))) as { detail?: string }) : {};
    const fellThrough = res.status === 404 && (body.detail?.startsWith('No API route') ?? true);
    if (!fellThrough) seen.set(key, r);
  }
  return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b));
}

const sendTo = (app: AppLike, method: string, path: string, headers: Record<string, string> = {}) =>
  app.request(urlOf(path), { method, headers: { 'Content-Type': 'application/json', ...headers }, body: method === 'GET' ? undefined : '{}' });
const send = (method: string, path: string, headers: Record<string, string> = {}) => sendTo(museum.app, method, path, headers);

/** Every way a role route of `app` lets the wrong caller in (empty: all guarded). */
async function roleRouteFailures(app: AppLike): Promise<string[]> {
  const failures: string[] = [];
  for (const [key, r] of await routesOf(app, (m) => MUTATING.has(m))) {
    const rule = ruleFor(key, r.path);
    if (rule?.kind !== 'role') continue;
    const anon = await sendTo(app, r.method, r.path);
    if (anon.status !== 401) failures.push(`${key}: anonymous got ${anon.status}, expected 401`);
    const wrong = (['curator', 'staff'] as Role[]).filter((role) => role !== rule.role);
    for (const role of wrong) {
      const res = await sendTo(app, r.method, r.path, people[role].headers);
      if (res.status !== 403) failures.push(`${key}: ${role} got ${res.status}, expected 403`);
    }
    const noCsrf = await sendTo(app, r.method, r.path, { Cookie: people[rule.role].cookie });
    if (noCsrf.status !== 403) failures.push(`${key}: ${rule.role} without CSRF token got ${noCsrf.status}, expected 403`);
    const right = await sendTo(app, r.method, r.path, people[rule.role].headers);
    if (right.status === 401 || right.status === 403) failures.push(`${key}: ${rule.role} got ${right.status}: the route is not what its prefix says`);
  }
  return failures;
}

beforeAll(async () => {
  museum = await testMuseum();
  people = { admin: await signInAs(museum, 'admin'), curator: await signInAs(museum, 'curator'), staff: await signInAs(museum, 'staff') };
});
afterAll(() => museum.close());

describe('every mutating route checks who is calling', () => {
  it('classifies every mutating route (add new public or device routes to the lists above)', async () => {
    const routes = await routesOf(museum.app, (m) => MUTATING.has(m));
    expect(routes.length).toBeGreaterThan(20);
    const unclassified = routes.filter(([key, r]) => !ruleFor(key, r.path)).map(([key]) => key);
    expect(unclassified, 'mutating routes nobody said who may call').toEqual([]);
    // The lists do not rot: every entry is a route that exists.
    const keys = new Set(routes.map(([k]) => k));
    for (const key of [...Object.keys(PUBLIC), ...Object.keys(DEVICE), ...Object.keys(EXPLICIT_ROLES)]) expect(keys.has(key), key).toBe(true);
  });

  it('refuses anonymous, wrong-role and CSRF-less requests on every role route, and lets the right role through', async () => {
    expect(await roleRouteFailures(museum.app)).toEqual([]);
  });

  it('refuses people and the wrong device on device routes', async () => {
    const failures: string[] = [];
    const kiosk = await createDeviceToken(museum, 'kiosk');
    const counter = await createDeviceToken(museum, 'counter');
    for (const [key, r] of await routesOf(museum.app, (m) => MUTATING.has(m))) {
      const rule = ruleFor(key, r.path);
      if (rule?.kind !== 'device') continue;
      const anon = await send(r.method, r.path);
      if (anon.status !== 401) failures.push(`${key}: anonymous got ${anon.status}`);
      const admin = await send(r.method, r.path, people.admin.headers);
      if (admin.status !== 401) failures.push(`${key}: an admin's session got ${admin.status}, expected 401 (devices only)`);
      const other = await send(r.method, r.path, (rule.device === 'kiosk' ? counter : kiosk).headers);
      if (other.status !== 403) failures.push(`${key}: the wrong kind of device got ${other.status}`);
      const right = await send(r.method, r.path, (rule.device === 'kiosk' ? kiosk : counter).headers);
      if (right.status === 401 || right.status === 403) failures.push(`${key}: the right device got ${right.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('keeps private reads private', async () => {
    const failures: string[] = [];
    for (const [key, r] of await routesOf(museum.app, (m) => m === 'GET')) {
      if (!PRIVATE_PREFIXES.some((p) => r.path.startsWith(p))) continue;
      const res = await send('GET', r.path);
      if (res.status !== 401) failures.push(`${key}: anonymous got ${res.status}`);
      if (r.path.startsWith('/api/admin/')) {
        const curator = await send('GET', r.path, people.curator.headers);
        if (curator.status !== 403) failures.push(`${key}: curator got ${curator.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('catches a forgotten guard (control: the same check on an app with an unguarded route reports it)', async () => {
    const app = new OpenAPIHono();
    app.onError((err, c) => handleError(err, c));
    const { requireRole } = createAuthMiddleware(museum.auth);
    app.post('/api/curator/guarded', requireRole('curator'), (c) => c.json({ ok: true }));
    app.post('/api/curator/forgotten', (c) => c.json({ ok: true }));
    app.delete('/api/admin/half-guarded', requireRole('curator'), (c) => c.body(null, 204));
    app.post('/api/newfeature/thing', (c) => c.json({ ok: true }));
    const failures = await roleRouteFailures(app);
    expect(failures.filter((f) => f.startsWith('POST /api/curator/guarded'))).toEqual([]);
    expect(failures).toContain('POST /api/curator/forgotten: anonymous got 200, expected 401');
    expect(failures).toContain('DELETE /api/admin/half-guarded: curator got 204, expected 403');
    // A route under a prefix no rule covers is unclassified: the first check fails until someone decides.
    expect((await routesOf(app, (m) => MUTATING.has(m))).filter(([k, r]) => !ruleFor(k, r.path)).map(([k]) => k)).toEqual(['POST /api/newfeature/thing']);
  });
});
