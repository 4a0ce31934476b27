/**
 * The auth service and store without HTTP, on SQLite and (when TEST_DATABASE_URL names a scratch
 * PostgreSQL database) on PostgreSQL: hashing, throttling per address, the last-admin guard and the
 * audit log. Uses cheap scrypt parameters so the rules, not the hashing, are what takes time.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../kiosk-server/auth/passwords.ts';
import { type AuthOptions, type AuthService, createAuthService } from '../../kiosk-server/auth/service.ts';
import { createAuthStore } from '../../kiosk-server/auth/store.ts';
import { type Db, openDatabase } from '../../kiosk-server/db/database.ts';
import { migrateToLatest } from '../../kiosk-server/db/migrations.ts';
import { testClock } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('salts each hash, stores the parameters with it, and verifies only the right password', async () => {
    const a = await hashPassword('the same password', CHEAP);
    const b = await hashPassword('the same password', CHEAP);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('the same password', a)).toBe(true);
    expect(await verifyPassword('the same passworD', a)).toBe(false);
    expect(await verifyPassword('the same password', 'not-a-hash')).toBe(false);
    expect(needsRehash(a, CHEAP)).toBe(false);
    expect(needsRehash(a)).toBe(true);
  });

  it('uses scrypt at OWASP strength by default', async () => {
    expect(await hashPassword('a default-cost password')).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});

const dialects: { name: string; url?: string }[] = [{ name: 'sqlite' }];
if (process.env.TEST_DATABASE_URL) dialects.push({ name: 'postgres', url: process.env.TEST_DATABASE_URL });

describe.each(dialects)('auth service on $name', ({ url }) => {
  let db: Db;
  const clock = testClock();
  const make = (options: Partial<AuthOptions> = {}): AuthService =>
    createAuthService({ store: createAuthStore(db.kysely, db.dialect), now: clock.now, options: { scrypt: CHEAP, ...options } });

  beforeAll(async () => {
    db = openDatabase({ dataDir: tempDir(), databaseUrl: url, memory: !url });
    if (url) {
      for (const t of ['audit_log', 'devices', 'user_sessions', 'users', 'content_state', 'content_versions', 'kysely_migration', 'kysely_migration_lock']) {
        await sql`drop table if exists ${sql.table(t)} cascade`.execute(db.kysely);
      }
    }
    await migrateToLatest(db.kysely as never, db.dialect);
  });
  afterAll(() => db.close());

  it('throttles one address that tries many usernames (password spraying), not the others', async () => {
    const auth = make({ perIp: { max: 3, windowMs: 60_000 } });
    await auth.users.create({ username: 'spray-target', role: 'staff', password: 'spray target password' }, null);
    for (const name of ['a1', 'b2', 'c3']) {
      await expect(auth.signIn({ username: name, password: 'guess guess', ip: '192.0.2.1' })).rejects.toMatchObject({ problem: { status: 401 } });
    }
    await expect(auth.signIn({ username: 'spray-target', password: 'spray target password', ip: '192.0.2.1' })).rejects.toMatchObject({
      problem: { status: 429 },
      headers: { 'Retry-After': '60' },
    });
    await expect(auth.signIn({ username: 'spray-target', password: 'spray target password', ip: '192.0.2.2' })).resolves.toMatchObject({
      user: { username: 'spray-target' },
    });
    clock.advance(60_000);
    await expect(auth.signIn({ username: 'spray-target', password: 'spray target password', ip: '192.0.2.1' })).resolves.toBeTruthy();
  });

  it('rehashes a password made with old parameters at the next sign-in', async () => {
    const old = make({ scrypt: { N: 2 ** 9, r: 8, p: 1 } });
    const user = await old.users.create({ username: 'old-hash', role: 'staff', password: 'an old hashed password' }, null);
    const hashOf = async () => (await db.kysely.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow()).password_hash;
    expect(await hashOf()).toMatch(/^scrypt\$512\$/);
    await make().signIn({ username: 'old-hash', password: 'an old hashed password', ip: 'x' });
    expect(await hashOf()).toMatch(/^scrypt\$1024\$/);
    await expect(make().signIn({ username: 'old-hash', password: 'an old hashed password', ip: 'x' })).resolves.toBeTruthy();
  });

  it('stores only hashes of session ids and device tokens', async () => {
    const auth = make();
    await auth.users.create({ username: 'hash-check', role: 'curator', password: 'hash check password' }, null);
    const signed = await auth.signIn({ username: 'hash-check', password: 'hash check password', ip: 'x' });
    const { token } = await auth.devices.create({ kind: 'kiosk', name: 'k' }, null);
    const sessions = await db.kysely.selectFrom('user_sessions').select('id_hash').execute();
    const devices = await db.kysely.selectFrom('devices').select('token_hash').execute();
    const stored = JSON.stringify([sessions, devices]);
    expect(stored).not.toContain(signed.sessionToken);
    expect(stored).not.toContain(token);
    expect(sessions.map((s) => s.id_hash)).toContain(signed.idHash);
  });

  it('keeps at least one active admin when two admins step down at the same moment', async () => {
    const race = async (lockAdminRows: boolean) => {
      const store = createAuthStore(db.kysely, db.dialect, { lockAdminRows });
      const auth = createAuthService({ store, now: clock.now, options: { scrypt: CHEAP } });
      let broken = 0;
      for (let round = 0; round < 10; round++) {
        await db.kysely.updateTable('users').set({ role: 'staff' }).where('role', '=', 'admin').execute();
        const a = await auth.users.create({ username: `race-a-${lockAdminRows}-${round}`, role: 'admin', password: 'admin a password' }, null);
        const b = await auth.users.create({ username: `race-b-${lockAdminRows}-${round}`, role: 'admin', password: 'admin b password' }, null);
        await Promise.allSettled([store.updateUserKeepingAnAdmin(a.id, { role: 'curator' }), store.updateUserKeepingAnAdmin(b.id, { disabled: 1 })]);
        const active = await db.kysely.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0).execute();
        if (active.length !== 1) broken += 1;
      }
      return broken;
    };
    expect(await race(true)).toBe(0);
    // Control: without the row lock PostgreSQL lets both through (SQLite runs one write transaction at a time).
    if (db.dialect === 'postgres') expect(await race(false)).toBeGreaterThan(0);
  });

  it('sessions and devices: touch, end on a password change (but the changer’s own), revoke', async () => {
    const auth = make();
    const u = await auth.users.create({ username: 'Sess.User', role: 'curator', password: 'session user password' }, null);
    const one = await auth.signIn({ username: 'sess.user', password: 'session user password', ip: 'x' });
    const two = await auth.signIn({ username: 'SESS.USER', password: 'session user password', ip: 'x' });
    clock.advance(2 * 60_000);
    const touched = await auth.session(one.sessionToken);
    expect(touched?.expiresAt).toBe(new Date(clock.now().getTime() + 12 * 3600_000).toISOString());
    await auth.users.update(u.id, { password: 'a changed password' }, { id: u.id, sessionIdHash: one.idHash });
    expect(await auth.session(one.sessionToken)).toBeTruthy();
    expect(await auth.session(two.sessionToken)).toBeUndefined();
    expect((await auth.users.list()).map((x) => x.username)).toContain('Sess.User');

    const { device, token } = await auth.devices.create({ kind: 'counter', name: 'door', hallId: 'h1' }, u.id);
    expect(await auth.devices.authenticate(token)).toEqual({ id: device.id, kind: 'counter', name: 'door', hallId: 'h1' });
    await auth.devices.revoke(device.id, u.id);
    await auth.devices.revoke(device.id, u.id);
    expect(await auth.devices.authenticate(token)).toBeUndefined();
    expect((await auth.devices.list()).find((d) => d.id === device.id)).toMatchObject({ revoked: true, lastSeenAt: clock.now().toISOString() });
  });

  it('records audit entries with actor, target and JSON detail, newest first, and pages back', async () => {
    const auth = make();
    await auth.audit.record({ actorId: 7, action: 'content.publish', target: 'content:3', detail: { message: '修订' } });
    await auth.audit.record({ action: 'test.system' });
    const [latest, previous] = await auth.audit.list(2);
    expect(latest).toMatchObject({ actorId: null, action: 'test.system', target: null, detail: null, at: clock.now().toISOString() });
    expect(previous).toMatchObject({ actorId: 7, action: 'content.publish', target: 'content:3', detail: { message: '修订' } });
    const older = await auth.audit.list(1, previous.id);
    expect(older[0].id).toBeLessThan(previous.id);
  });
});
