/** Sign-in, sessions, CSRF, cross-origin refusal and sign-in throttling, through the HTTP API. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum, sessionCookieOf, signInAs } from '../support/auth.ts';
import { testMuseum } from '../support/museum.ts';

let museum: Museum;
let n = 0;

/** Requests as if from this client address (getConnInfo reads the Node socket binding). */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip, remotePort: 50000, remoteFamily: 'IPv4' } } });

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}, ip?: string) {
  const headers: Record<string, string> = { ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...init.headers };
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  return museum.app.request(url, { method: init.method ?? 'GET', headers, body }, ip ? from(ip) : undefined);
}

const signIn = (username: string, password: string, ip?: string, headers: Record<string, string> = {}) =>
  request('/api/auth/sign-in', { method: 'POST', body: { username, password }, headers }, ip);

async function makeUser(role: 'admin' | 'curator' | 'staff' = 'staff', password = 'correct horse battery staple') {
  n += 1;
  const username = `Person${n}`;
  const user = await museum.auth.users.create({ username, role, password, displayName: `Person ${n}` }, null);
  return { username, password, user };
}

beforeAll(async () => {
  museum = await testMuseum();
});
afterAll(() => museum.close());

describe('sign-in', () => {
  it('signs in with the right password: user, CSRF token and a locked-down session cookie', async () => {
    const { username, password, user } = await makeUser('curator');
    const res = await signIn(username, password);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.user).toEqual({ id: user.id, username, displayName: `Person ${n}`, role: 'curator' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^museum_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=604800');
    expect(setCookie).not.toContain('Secure');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure on https', async () => {
    const { username, password } = await makeUser();
    const res = await museum.app.request('https://museum.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('treats usernames case-insensitively', async () => {
    const { username, password } = await makeUser();
    expect((await signIn(username.toUpperCase(), password)).status).toBe(200);
    const dup = museum.auth.users.create({ username: username.toLowerCase(), role: 'staff', password: 'another long password' }, null);
    await expect(dup).rejects.toMatchObject({ problem: { status: 409 } });
  });

  it('gives the same 401 for a wrong password, an unknown user and a disabled account, and no cookie', async () => {
    const { username, password, user } = await makeUser();
    const wrong = await signIn(username, 'not the password at all', '198.51.100.1');
    const unknown = await signIn('nobody-by-this-name', 'not the password at all', '198.51.100.1');
    await museum.auth.users.update(user.id, { disabled: true }, { id: null });
    const disabled = await signIn(username, password, '198.51.100.1');
    const bodies = [];
    for (const res of [wrong, unknown, disabled]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('set-cookie')).toBeNull();
      bodies.push(await res.json());
    }
    expect(bodies[0]).toEqual({ type: '/problems/sign-in-failed', title: 'Sign-in failed', status: 401, detail: 'Wrong username or password.' });
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });

  it('answers bad input with 400 problem+json naming the field', async () => {
    const res = await request('/api/auth/sign-in', { method: 'POST', body: { username: 'someone' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = await res.json();
    expect(p.type).toBe('/problems/validation');
    expect(p.errors.map((e: { path: string }) => e.path)).toEqual(['body.password']);
  });
});

describe('sessions', () => {
  it('GET /api/auth/me: 401 problem+json without a session, the user and CSRF token with one', async () => {
    const anon = await request('/api/auth/me');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect((await anon.json()).type).toBe('/problems/unauthenticated');

    const bogus = await request('/api/auth/me', { headers: { Cookie: 'museum_session=made-up' } });
    expect(bogus.status).toBe(401);

    const staff = await signInAs(museum, 'staff');
    const me = await request('/api/auth/me', { headers: { Cookie: staff.cookie } });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.user).toEqual(staff.user);
    expect(body.csrfToken).toBe(staff.csrf);
  });

  it('signing in again replaces the previous session of that browser', async () => {
    const first = await signInAs(museum, 'staff');
    const res = await signIn(first.user.username, first.password, undefined, { Cookie: first.cookie });
    expect(res.status).toBe(200);
    const second = sessionCookieOf(res)!;
    expect(second).not.toBe(first.cookie);
    expect((await request('/api/auth/me', { headers: { Cookie: first.cookie } })).status).toBe(401);
    expect((await request('/api/auth/me', { headers: { Cookie: second } })).status).toBe(200);
  });

  it('sign-out needs the CSRF token, ends the session and clears the cookie', async () => {
    const staff = await signInAs(museum, 'staff');
    const forged = await request('/api/auth/sign-out', { method: 'POST', headers: { Cookie: staff.cookie } });
    expect(forged.status).toBe(403);
    expect((await forged.json()).type).toBe('/problems/csrf');
    expect((await request('/api/auth/me', { headers: { Cookie: staff.cookie } })).status).toBe(200);

    const out = await request('/api/auth/sign-out', { method: 'POST', headers: staff.headers });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^museum_session=;.*Max-Age=0/);
    expect((await request('/api/auth/me', { headers: { Cookie: staff.cookie } })).status).toBe(401);
    // Signing out without a session is harmless.
    expect((await request('/api/auth/sign-out', { method: 'POST' })).status).toBe(204);
  });
});

describe('CSRF and cross-origin requests', () => {
  const newUser = () => ({ username: `csrf-${++n}`, role: 'staff', password: 'a password long enough' });
  const usernames = async (headers: Record<string, string>) =>
    ((await (await request('/api/admin/users', { headers })).json()).users as { username: string }[]).map((u) => u.username);

  it('refuses an unsafe request without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const admin = await signInAs(museum, 'admin');
    const other = await signInAs(museum, 'admin');
    const before = await usernames(admin.headers);
    const attempts: Record<string, string>[] = [
      { Cookie: admin.cookie },
      { Cookie: admin.cookie, 'X-CSRF-Token': 'wrong' },
      { Cookie: admin.cookie, 'X-CSRF-Token': '' },
      { Cookie: admin.cookie, 'X-CSRF-Token': other.csrf },
    ];
    for (const headers of attempts) {
      const res = await request('/api/admin/users', { method: 'POST', headers, body: newUser() });
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).type).toBe('/problems/csrf');
    }
    expect(await usernames(admin.headers)).toEqual(before);
    // GET needs no token; the right token works.
    expect((await request('/api/admin/users', { headers: { Cookie: admin.cookie } })).status).toBe(200);
    expect((await request('/api/admin/users', { method: 'POST', headers: admin.headers, body: newUser() })).status).toBe(201);
  });

  it('refuses unsafe requests from another origin even with the right token', async () => {
    const admin = await signInAs(museum, 'admin');
    const before = await usernames(admin.headers);
    const crossSite: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: 'http://localhost.evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    for (const extra of crossSite) {
      const res = await request('/api/admin/users', { method: 'POST', headers: { ...admin.headers, ...extra }, body: newUser() });
      expect(res.status, JSON.stringify(extra)).toBe(403);
      expect((await res.json()).type).toBe('/problems/csrf');
    }
    expect(await usernames(admin.headers)).toEqual(before);
    const same = await request('/api/admin/users', { method: 'POST', headers: { ...admin.headers, Origin: 'http://localhost' }, body: newUser() });
    expect(same.status).toBe(201);
  });

  it('refuses a cross-origin sign-in (login CSRF)', async () => {
    const { username, password } = await makeUser();
    const res = await signIn(username, password, undefined, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await res.json()).type).toBe('/problems/csrf');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('sign-in throttling', () => {
  it('after 5 failures for a username from one address: 429 with Retry-After, even with the right password', async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++) expect((await signIn(alice.username, `wrong guess ${i}`, ip)).status).toBe(401);
    const limited = await signIn(alice.username, alice.password, ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(880);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    expect((await limited.json()).type).toBe('/problems/too-many-attempts');
    // The same username in another case is the same account.
    expect((await signIn(alice.username.toLowerCase(), alice.password, ip)).status).toBe(429);
    // Another user at the same address, and the same user elsewhere, are not affected.
    expect((await signIn(bob.username, bob.password, ip)).status).toBe(200);
    expect((await signIn(alice.username, alice.password, '203.0.113.8')).status).toBe(200);
  });

  it('a successful sign-in clears the count for that username and address', async () => {
    const carol = await makeUser();
    const ip = '203.0.113.9';
    for (let i = 0; i < 4; i++) await signIn(carol.username, 'wrong password here', ip);
    expect((await signIn(carol.username, carol.password, ip)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(carol.username, 'wrong password here', ip)).status).toBe(401);
    expect((await signIn(carol.username, carol.password, ip)).status).toBe(200);
  });
});

describe('secrets stay secret', () => {
  it('no password ever appears in a response, the audit log or the server log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await authTestMuseum({
      log: pino({ level: 'trace' }, sink),
      env: { MUSEUM_ADMIN_USERNAME: 'boss', MUSEUM_ADMIN_PASSWORD: 'Boss-Password-0001' },
    });
    const seen: string[] = [];
    const call = async (url: string, method: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await logged.app.request(url, {
        method,
        headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
      return { res, body: text ? JSON.parse(text) : undefined };
    };
    const secrets = ['Boss-Password-0001', 'Staff-Password-0002', 'Reset-Password-0003', 'wrong-password-0004', 'short-0005'];

    const signedIn = await call('/api/auth/sign-in', 'POST', { username: 'boss', password: secrets[0] });
    const h = { Cookie: sessionCookieOf(signedIn.res)!, 'X-CSRF-Token': signedIn.body.csrfToken };
    const created = await call('/api/admin/users', 'POST', { username: 'floor1', role: 'staff', password: secrets[1] }, h);
    expect(created.res.status).toBe(201);
    const id = created.body.user.id;
    await call('/api/auth/sign-in', 'POST', { username: 'floor1', password: secrets[3] });
    await call('/api/auth/sign-in', 'POST', { username: 'no-such-user', password: secrets[3] });
    await call(`/api/admin/users/${id}`, 'PATCH', { password: secrets[2] }, h);
    await call(`/api/admin/users/${id}`, 'PATCH', { password: secrets[4] }, h);
    await call('/api/admin/users', 'POST', { username: 'floor2', role: 'staff', password: secrets[4] }, h);
    await call('/api/auth/sign-in', 'POST', { username: 'floor1', password: secrets[2] });
    await call('/api/admin/users', 'GET', undefined, h);
    const audit = await call('/api/admin/audit', 'GET', undefined, h);
    expect(audit.res.status).toBe(200);
    const actions = (audit.body.entries as { action: string }[]).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'auth.sign-in', 'auth.sign-in-failed', 'user.update']));
    await logged.close();

    const everything = [...seen, ...lines].join('\n');
    expect(everything).toContain('first admin created');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    // Nor any password hash.
    expect(everything).not.toMatch(/scrypt\$/);
  });
});
