/**
 * Test helpers for anything behind auth: a signed-in person of a role (a fresh user each call,
 * signed in through the real HTTP route) and a device token.
 *
 *   const curator = await signInAs(museum, 'curator');
 *   await museum.app.request('/api/…', { method: 'POST', headers: { ...curator.headers, 'Content-Type': 'application/json' }, body });
 *
 *   const kiosk = await createDeviceToken(museum, 'kiosk', 'hall-1');
 *   await museum.app.request('/api/…', { headers: kiosk.headers });
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DeviceKind, Role } from '../../kiosk-server/auth/middleware.ts';
import type { AuthDevice, AuthUser } from '../../kiosk-server/auth/service.ts';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger, type Logger } from '../../kiosk-server/log.ts';
import { createMuseum, type Museum, type MuseumOptions } from '../../kiosk-server/server.ts';
import { tempDir } from './museum.ts';

type MuseumLike = Pick<Museum, 'app' | 'auth'>;

export interface SignedInAs {
  /** `museum_session=…`, ready for a Cookie header. */
  cookie: string;
  /** The session's CSRF token (for X-CSRF-Token). */
  csrf: string;
  /** Cookie + X-CSRF-Token: spread into any request's headers (add Content-Type for a JSON body). */
  headers: Record<string, string>;
  user: AuthUser;
  /** The password, should a test need to sign in again. */
  password: string;
}

let counter = 0;

/** Creates a user with this role (unique username) and signs in through POST /api/auth/sign-in. */
export async function signInAs(museum: MuseumLike, role: Role, options: { displayName?: string } = {}): Promise<SignedInAs> {
  counter += 1;
  const username = `test-${role}-${counter}-${randomBytes(3).toString('hex')}`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  await museum.auth.users.create({ username, role, password, displayName: options.displayName }, null);
  const res = await museum.app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: AuthUser; csrfToken: string };
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('sign-in set no museum_session cookie');
  return { cookie, csrf: body.csrfToken, headers: { Cookie: cookie, 'X-CSRF-Token': body.csrfToken }, user: body.user, password };
}

/** The `museum_session=…` pair from a response's Set-Cookie, or undefined. */
export function sessionCookieOf(res: Response): string | undefined {
  return /(?:^|,\s*)(museum_session=[^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
}

/** Registers a device through the auth service; returns its token and an Authorization header. */
export async function createDeviceToken(
  museum: MuseumLike,
  kind: DeviceKind,
  hallId?: string,
): Promise<{ token: string; device: AuthDevice; headers: Record<string, string> }> {
  counter += 1;
  const { device, token } = await museum.auth.devices.create({ kind, name: `test-${kind}-${counter}`, hallId: hallId ?? null }, null);
  return { token, device: { id: device.id, kind: device.kind, name: device.name, hallId: device.hallId }, headers: { Authorization: `Bearer ${token}` } };
}

/** scrypt parameters that cost ~1 ms instead of ~0.25 s: for tests about rules, not hashing. */
export const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** A clock a test moves by hand. */
export function testClock(start = new Date('2025-05-01T09:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

/**
 * Like testMuseum(), with the options auth tests need: an injected clock, the environment the
 * first-admin variables are read from (empty by default, not process.env), a logger, a data dir.
 */
export async function authTestMuseum(
  options: { now?: () => Date; env?: Record<string, string | undefined>; log?: Logger; dataDir?: string; auth?: MuseumOptions['auth'] } = {},
): Promise<Museum> {
  const config = readConfig({ DATA_DIR: options.dataDir ?? tempDir(), STATIC_DIR: path.join(tempDir(), 'no-static'), LOG_LEVEL: 'silent' });
  return createMuseum(config, {
    memory: !options.dataDir,
    log: options.log ?? createLogger('silent'),
    now: options.now,
    env: options.env ?? {},
    auth: options.auth,
  });
}
