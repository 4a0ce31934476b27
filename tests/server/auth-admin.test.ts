/** Admin management of users and devices, the role and device guards other features use. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthMiddleware } from '../../kiosk-server/auth/middleware.ts';
import { handleError } from '../../kiosk-server/http/problem.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum, CHEAP_SCRYPT, createDeviceToken, type SignedInAs, sessionCookieOf, signInAs, testClock } from '../support/auth.ts';
import { testMuseum } from '../support/museum.ts';

let museum: Museum;
let admin: SignedInAs;

function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}, on: Museum = museum) {
  const headers: Record<string, string> = { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers };
  return on.app.request(url, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
}

const signIn = (username: string, password: string, on: Museum = museum) => call('/api/auth/sign-in', { method: 'POST', body: { username, password } }, on);

beforeAll(async () => {
  museum = await testMuseum();
  admin = await signInAs(museum, 'admin');
});
afterAll(() => museum.close());

const ADMIN_ROUTES: { method: string; path: string; body?: unknown }[] = [
  { method: 'GET', path: '/api/admin/users' },
  { method: 'POST', path: '/api/admin/users', body: { username: 'intruder', role: 'admin', password: 'a long enough password' } },
  { method: 'PATCH', path: '/api/admin/users/1', body: { role: 'admin' } },
  { method: 'GET', path: '/api/admin/devices' },
  { method: 'POST', path: '/api/admin/devices', body: { kind: 'kiosk', name: 'rogue' } },
  { method: 'POST', path: '/api/admin/devices/1/revoke' },
  { method: 'GET', path: '/api/admin/audit' },
];

describe('admin routes are for admins only', () => {
  it('401 without a session, 403 for curators and staff, on every admin route', async () => {
    const curator = await signInAs(museum, 'curator');
    const staff = await signInAs(museum, 'staff');
    const kiosk = await createDeviceToken(museum, 'kiosk');
    for (const route of ADMIN_ROUTES) {
      const what = `${route.method} ${route.path}`;
      for (const headers of [{}, kiosk.headers]) {
        const anon = await call(route.path, { method: route.method, body: route.body, headers });
        expect(anon.status, what).toBe(401);
        expect(anon.headers.get('content-type'), what).toContain('application/problem+json');
        expect((await anon.json()).type, what).toBe('/problems/unauthenticated');
      }
      for (const who of [curator, staff]) {
        const res = await call(route.path, { method: route.method, body: route.body, headers: who.headers });
        expect(res.status, `${what} as ${who.user.role}`).toBe(403);
        expect((await res.json()).type, what).toBe('/problems/forbidden');
      }
    }
    const users = (await (await call('/api/admin/users', { headers: admin.headers })).json()).users;
    expect(users.map((u: { username: string }) => u.username)).not.toContain('intruder');
  });
});

describe('user management', () => {
  it('creates a user, refuses a duplicate in any case, lists users without secrets', async () => {
    const res = await call('/api/admin/users', {
      method: 'POST',
      headers: admin.headers,
      body: { username: 'Li.Wei', displayName: '李伟', role: 'curator', password: 'curator password 1' },
    });
    expect(res.status).toBe(201);
    const { user } = await res.json();
    expect(user).toMatchObject({ username: 'Li.Wei', displayName: '李伟', role: 'curator', disabled: false, lastSignInAt: null });

    const dup = await call('/api/admin/users', {
      method: 'POST',
      headers: admin.headers,
      body: { username: 'li.wei', role: 'staff', password: 'another password 1' },
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).type).toBe('/problems/username-taken');

    expect((await signIn('li.wei', 'curator password 1')).status).toBe(200);
    const list = await (await call('/api/admin/users', { headers: admin.headers })).json();
    const listed = list.users.find((u: { id: number }) => u.id === user.id);
    expect(listed.lastSignInAt).toBeTruthy();
    expect(JSON.stringify(list)).not.toMatch(/password|scrypt/i);
  });

  it('answers bad input with 400 and the field paths', async () => {
    const cases: [string, string, unknown, string[]][] = [
      ['POST', '/api/admin/users', { username: 'shorty', role: 'staff', password: 'too short' }, ['body.password']],
      ['POST', '/api/admin/users', { username: 'x', role: 'boss', password: 'a long enough password' }, ['body.role', 'body.username']],
      ['POST', '/api/admin/users', { username: 'has space', role: 'staff', password: 'a long enough password', extra: 1 }, ['body', 'body.username']],
      ['PATCH', '/api/admin/users/1', { password: 'short' }, ['body.password']],
      ['PATCH', '/api/admin/users/1', {}, ['body']],
      ['PATCH', '/api/admin/users/abc', { role: 'staff' }, ['param.id']],
      ['POST', '/api/admin/devices', { kind: 'camera', name: '' }, ['body.kind', 'body.name']],
    ];
    for (const [method, path, body, paths] of cases) {
      const res = await call(path, { method, headers: admin.headers, body });
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const p = await res.json();
      expect(p.type).toBe('/problems/validation');
      expect(p.errors.map((e: { path: string }) => e.path).sort(), JSON.stringify(body)).toEqual(paths);
    }
    expect((await call('/api/admin/users/99999', { method: 'PATCH', headers: admin.headers, body: { role: 'staff' } })).status).toBe(404);
  });

  it('changes role and display name; the change shows in the user’s own session at once', async () => {
    const staff = await signInAs(museum, 'staff');
    const res = await call(`/api/admin/users/${staff.user.id}`, {
      method: 'PATCH',
      headers: admin.headers,
      body: { role: 'curator', displayName: 'Chen Jing' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ role: 'curator', displayName: 'Chen Jing' });
    const me = await (await call('/api/auth/me', { headers: staff.headers })).json();
    expect(me.user).toMatchObject({ role: 'curator', displayName: 'Chen Jing' });
  });

  it('disabling a user ends their sessions and stops sign-in; enabling lets them back', async () => {
    const staff = await signInAs(museum, 'staff');
    const res = await call(`/api/admin/users/${staff.user.id}`, { method: 'PATCH', headers: admin.headers, body: { disabled: true } });
    expect(res.status).toBe(200);
    expect((await res.json()).user.disabled).toBe(true);
    expect((await call('/api/auth/me', { headers: staff.headers })).status).toBe(401);
    expect((await signIn(staff.user.username, staff.password)).status).toBe(401);
    await call(`/api/admin/users/${staff.user.id}`, { method: 'PATCH', headers: admin.headers, body: { disabled: false } });
    expect((await signIn(staff.user.username, staff.password)).status).toBe(200);
  });

  it('a password reset ends the user’s sessions; the old password stops working', async () => {
    const curator = await signInAs(museum, 'curator');
    const res = await call(`/api/admin/users/${curator.user.id}`, { method: 'PATCH', headers: admin.headers, body: { password: 'brand new password' } });
    expect(res.status).toBe(200);
    expect((await call('/api/auth/me', { headers: curator.headers })).status).toBe(401);
    expect((await signIn(curator.user.username, curator.password)).status).toBe(401);
    expect((await signIn(curator.user.username, 'brand new password')).status).toBe(200);
  });

  it('an admin changing their own password keeps the session they did it from, and ends the others', async () => {
    const me = await signInAs(museum, 'admin');
    const elsewhere = sessionCookieOf(await signIn(me.user.username, me.password))!;
    const res = await call(`/api/admin/users/${me.user.id}`, { method: 'PATCH', headers: me.headers, body: { password: 'my new admin password' } });
    expect(res.status).toBe(200);
    expect((await call('/api/auth/me', { headers: me.headers })).status).toBe(200);
    expect((await call('/api/auth/me', { headers: { Cookie: elsewhere } })).status).toBe(401);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or disabled, by themselves or anyone; with a second admin it can', async () => {
    const solo = await authTestMuseum({ auth: { scrypt: CHEAP_SCRYPT } });
    try {
      const first = await signInAs(solo, 'admin');
      const patch = (who: SignedInAs, id: number, body: unknown) => call(`/api/admin/users/${id}`, { method: 'PATCH', headers: who.headers, body }, solo);

      for (const body of [{ role: 'curator' }, { disabled: true }, { role: 'staff', disabled: true }]) {
        const res = await patch(first, first.user.id, body);
        expect(res.status, JSON.stringify(body)).toBe(409);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect((await res.json()).type).toBe('/problems/last-admin');
      }
      // Unchanged, still signed in, and harmless edits still work.
      expect((await (await call('/api/auth/me', { headers: first.headers }, solo)).json()).user.role).toBe('admin');
      expect((await patch(first, first.user.id, { displayName: 'Director' })).status).toBe(200);

      // A disabled admin does not count as an active one.
      const dormant = await signInAs(solo, 'admin');
      expect((await patch(first, dormant.user.id, { disabled: true })).status).toBe(200);
      expect((await patch(first, first.user.id, { role: 'curator' })).status).toBe(409);

      const second = await signInAs(solo, 'admin');
      expect((await patch(first, first.user.id, { role: 'curator' })).status).toBe(200);
      // Now `second` is the last one.
      expect((await patch(second, second.user.id, { disabled: true })).status).toBe(409);
      expect((await patch(second, second.user.id, { role: 'staff' })).status).toBe(409);
    } finally {
      await solo.close();
    }
  });
});

describe('devices', () => {
  it('registers a device, shows its token once, lists it without the token, revokes it', async () => {
    const res = await call('/api/admin/devices', {
      method: 'POST',
      headers: admin.headers,
      body: { kind: 'counter', name: 'Hall 2 east door', hallId: 'hall-2' },
    });
    expect(res.status).toBe(201);
    const { device, token } = await res.json();
    expect(device).toMatchObject({ kind: 'counter', name: 'Hall 2 east door', hallId: 'hall-2', revoked: false, lastSeenAt: null });
    expect(token).toMatch(/^mdt_[A-Za-z0-9_-]{40,}$/);

    const list = await (await call('/api/admin/devices', { headers: admin.headers })).json();
    expect(list.devices.find((d: { id: number }) => d.id === device.id)).toMatchObject({ name: 'Hall 2 east door' });
    expect(JSON.stringify(list)).not.toContain(token);
    expect(JSON.stringify(list)).not.toMatch(/token/i);

    const revoked = await call(`/api/admin/devices/${device.id}/revoke`, { method: 'POST', headers: admin.headers });
    expect(revoked.status).toBe(200);
    expect((await revoked.json()).device).toMatchObject({ revoked: true });
    expect((await call('/api/admin/devices/99999/revoke', { method: 'POST', headers: admin.headers })).status).toBe(404);

    const audit = (await (await call('/api/admin/audit?limit=20', { headers: admin.headers })).json()).entries;
    expect(audit.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual(
      expect.arrayContaining([`device.create device:${device.id}`, `device.revoke device:${device.id}`]),
    );
    expect(audit.find((e: { action: string }) => e.action === 'device.revoke').actorId).toBe(admin.user.id);
  });
});

/** A small app guarded the way other features guard theirs. */
function guardedApp(on: Museum) {
  const { requireRole, requireDevice } = createAuthMiddleware(on.auth);
  const app = new OpenAPIHono();
  app.onError((err, c) => handleError(err, c));
  app.get('/kiosk', requireDevice('kiosk'), (c) => c.json({ device: c.get('device') }));
  app.post('/any-device', requireDevice(), (c) => c.json({ device: c.get('device') }));
  app.get('/floor', requireRole('staff'), (c) => c.json({ user: c.get('user') }));
  app.post('/floor', requireRole('staff'), (c) => c.json({ user: c.get('user') }));
  app.get('/anyone', requireRole(), (c) => c.json({ user: c.get('user') }));
  return app;
}

describe('requireDevice and requireRole, as other features use them', () => {
  it('requireDevice: a valid token passes and sets c.get("device"); missing, wrong and revoked tokens get 401', async () => {
    const app = guardedApp(museum);
    const kiosk = await createDeviceToken(museum, 'kiosk', 'hall-1');
    const ok = await app.request('/kiosk', { headers: kiosk.headers });
    expect(ok.status).toBe(200);
    expect((await ok.json()).device).toEqual({ id: kiosk.device.id, kind: 'kiosk', name: kiosk.device.name, hallId: 'hall-1' });
    // Any kind when none is named; POST needs no CSRF token with a bearer token.
    expect((await app.request('/any-device', { method: 'POST', headers: kiosk.headers })).status).toBe(200);

    const bad: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer mdt_wrong' },
      { Authorization: kiosk.token },
      { Authorization: `Basic ${kiosk.token}` },
    ];
    for (const headers of bad) {
      const res = await app.request('/kiosk', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await res.json()).type).toBe('/problems/unauthenticated');
    }

    const counter = await createDeviceToken(museum, 'counter');
    const wrongKind = await app.request('/kiosk', { headers: counter.headers });
    expect(wrongKind.status).toBe(403);
    expect((await wrongKind.json()).type).toBe('/problems/forbidden');

    await museum.auth.devices.revoke(kiosk.device.id, admin.user.id);
    expect((await app.request('/kiosk', { headers: kiosk.headers })).status).toBe(401);
    // A person's session is not a device.
    expect((await app.request('/kiosk', { headers: admin.headers })).status).toBe(401);
  });

  it('requireDevice records last-seen at most once a minute', async () => {
    const clock = testClock();
    const clocked = await authTestMuseum({ now: clock.now });
    try {
      const app = guardedApp(clocked);
      const kiosk = await createDeviceToken(clocked, 'kiosk');
      const lastSeen = async () => (await clocked.auth.devices.get(kiosk.device.id))?.lastSeenAt;
      expect(await lastSeen()).toBeNull();
      await app.request('/kiosk', { headers: kiosk.headers });
      const first = await lastSeen();
      expect(first).toBe(clock.now().toISOString());
      clock.advance(30_000);
      await app.request('/kiosk', { headers: kiosk.headers });
      expect(await lastSeen()).toBe(first);
      clock.advance(31_000);
      await app.request('/kiosk', { headers: kiosk.headers });
      expect(await lastSeen()).toBe(clock.now().toISOString());
    } finally {
      await clocked.close();
    }
  });

  it('requireRole: the role or admin passes and sets c.get("user"); others 403; unsafe methods need the CSRF token', async () => {
    const app = guardedApp(museum);
    const staff = await signInAs(museum, 'staff');
    const curator = await signInAs(museum, 'curator');
    const got = await app.request('/floor', { headers: { Cookie: staff.cookie } });
    expect(got.status).toBe(200);
    expect((await got.json()).user).toEqual(staff.user);
    expect((await app.request('/floor', { headers: admin.headers })).status).toBe(200);
    const denied = await app.request('/floor', { headers: curator.headers });
    expect(denied.status).toBe(403);
    expect((await denied.json()).type).toBe('/problems/forbidden');
    expect((await app.request('/anyone', { headers: curator.headers })).status).toBe(200);
    expect((await app.request('/floor')).status).toBe(401);

    const noToken = await app.request('/floor', { method: 'POST', headers: { Cookie: staff.cookie } });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).type).toBe('/problems/csrf');
    expect((await app.request('/floor', { method: 'POST', headers: staff.headers })).status).toBe(200);
    expect((await app.request('/floor', { method: 'POST', headers: { ...staff.headers, Origin: 'https://evil.example' } })).status).toBe(403);
  });

  it('documents the auth routes in the OpenAPI document', async () => {
    const doc = await (await call('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/auth/sign-out', '/api/auth/me', '/api/admin/users', '/api/admin/users/{id}', '/api/admin/devices']),
    );
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'museum_session' });
  });
});
