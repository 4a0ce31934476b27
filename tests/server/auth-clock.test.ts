/** Session expiry and the sign-in throttle window, with the server's clock moved by the test. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum, CHEAP_SCRYPT, signInAs, testClock } from '../support/auth.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let museum: Museum;
const clock = testClock();

const me = (cookie: string) => museum.app.request('/api/auth/me', { headers: { Cookie: cookie } });
const signIn = (username: string, password: string) =>
  museum.app.request('/api/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

beforeAll(async () => {
  museum = await authTestMuseum({ now: clock.now, auth: { scrypt: CHEAP_SCRYPT } });
});
afterAll(() => museum.close());

describe('session expiry', () => {
  it('ends a session after 12 hours without use, and each use pushes that back', async () => {
    const staff = await signInAs(museum, 'staff');
    clock.advance(11 * HOUR + 59 * MINUTE);
    expect((await me(staff.cookie)).status).toBe(200);
    clock.advance(11 * HOUR + 59 * MINUTE);
    const alive = await me(staff.cookie);
    expect(alive.status).toBe(200);
    expect((await alive.json()).expiresAt).toBe(new Date(clock.now().getTime() + 12 * HOUR).toISOString());
    clock.advance(12 * HOUR + MINUTE);
    const gone = await me(staff.cookie);
    expect(gone.status).toBe(401);
    expect((await gone.json()).type).toBe('/problems/unauthenticated');
  });

  it('ends a session 7 days after sign-in even when it is used all the time', async () => {
    const curator = await signInAs(museum, 'curator');
    const start = clock.now().getTime();
    while (clock.now().getTime() + 10 * HOUR < start + 7 * 24 * HOUR) {
      clock.advance(10 * HOUR);
      expect((await me(curator.cookie)).status).toBe(200);
    }
    const last = await (await me(curator.cookie)).json();
    expect(last.expiresAt).toBe(new Date(start + 7 * 24 * HOUR).toISOString());
    clock.advance(start + 7 * 24 * HOUR - clock.now().getTime());
    expect((await me(curator.cookie)).status).toBe(401);
    // The account itself is fine: signing in again works.
    expect((await signIn(curator.user.username, curator.password)).status).toBe(200);
  });

  it('an unsafe request on an expired session is 401, not a CSRF error', async () => {
    const admin = await signInAs(museum, 'admin');
    clock.advance(13 * HOUR);
    const res = await museum.app.request('/api/admin/devices', {
      method: 'POST',
      headers: { ...admin.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'kiosk', name: 'late' }),
    });
    expect(res.status).toBe(401);
    // The stale cookie is cleared.
    expect(res.headers.get('set-cookie')).toMatch(/^museum_session=;.*Max-Age=0/);
  });
});

describe('sign-in throttle window', () => {
  it('Retry-After counts down with the clock, and the user may try again when the window ends', async () => {
    const user = await signInAs(museum, 'staff');
    for (let i = 0; i < 5; i++) expect((await signIn(user.user.username, 'wrong wrong wrong')).status).toBe(401);
    const first = await signIn(user.user.username, user.password);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('900');
    clock.advance(10 * MINUTE);
    const later = await signIn(user.user.username, user.password);
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('300');
    clock.advance(5 * MINUTE);
    expect((await signIn(user.user.username, user.password)).status).toBe(200);
  });
});
