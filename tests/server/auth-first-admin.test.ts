/** The first admin: from env vars on first start, or from `npm run admin:create`. No default password. */
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';

const run = promisify(execFile);

const signIn = (museum: Museum, username: string, password: string) =>
  museum.app.request('/api/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });

/** Runs the CLI as an operator would; resolves with its exit code and output. */
async function adminCreate(args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  if (!('MUSEUM_ADMIN_PASSWORD' in env)) delete childEnv.MUSEUM_ADMIN_PASSWORD;
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'kiosk-server/auth/cli.ts', ...args], { env: childEnv, timeout: 60_000 });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

function capturingLog() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

describe('first admin from the environment', () => {
  it('creates the admin on first start only; later starts ignore the variables', async () => {
    const dataDir = tempDir();
    const first = capturingLog();
    const a = await authTestMuseum({ dataDir, log: first.log, env: { MUSEUM_ADMIN_USERNAME: 'Director', MUSEUM_ADMIN_PASSWORD: 'first start password' } });
    const res = await signIn(a, 'director', 'first start password');
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ username: 'Director', role: 'admin' });
    expect(await a.auth.users.count()).toBe(1);
    await a.close();
    expect(first.lines.join('')).toContain('first admin created');
    expect(first.lines.join('')).not.toContain('first start password');

    // A restart with other values changes nothing: the variables cannot reset an account.
    const b = await authTestMuseum({ dataDir, env: { MUSEUM_ADMIN_USERNAME: 'Director', MUSEUM_ADMIN_PASSWORD: 'another password here' } });
    expect((await signIn(b, 'director', 'another password here')).status).toBe(401);
    expect((await signIn(b, 'director', 'first start password')).status).toBe(200);
    expect(await b.auth.users.count()).toBe(1);
    await b.close();
  });

  it('without the variables there is no account at all (no default password), and the log says how to make one', async () => {
    const { log, lines } = capturingLog();
    const museum = await authTestMuseum({ log });
    expect(await museum.auth.users.count()).toBe(0);
    for (const [u, p] of [
      ['admin', 'admin'],
      ['admin', 'password'],
      ['admin', 'admin123456789'],
    ]) {
      expect((await signIn(museum, u, p)).status).toBe(401);
    }
    await museum.close();
    expect(lines.join('')).toContain('npm run admin:create');
  });

  it('refuses to start on half the variables or a too-short password, without echoing it', async () => {
    await expect(authTestMuseum({ env: { MUSEUM_ADMIN_USERNAME: 'director' } })).rejects.toThrow(/MUSEUM_ADMIN_PASSWORD/);
    const error = await authTestMuseum({ env: { MUSEUM_ADMIN_USERNAME: 'director', MUSEUM_ADMIN_PASSWORD: 'tiny-secret' } }).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/at least 12 characters/);
    expect(error?.message).not.toContain('tiny-secret');
  });
});

describe('npm run admin:create', () => {
  it('creates an admin from MUSEUM_ADMIN_PASSWORD, refuses an existing username, and the server accepts the account', async () => {
    const dataDir = tempDir();
    const password = 'cli admin password 42';
    const created = await adminCreate(['--username', 'Curator-In-Chief', '--display-name', '馆长'], { DATA_DIR: dataDir, MUSEUM_ADMIN_PASSWORD: password });
    expect(created.out).toContain('Created admin "Curator-In-Chief"');
    expect(created.code).toBe(0);
    expect(created.out).not.toContain(password);

    const again = await adminCreate(['--username', 'curator-in-chief'], { DATA_DIR: dataDir, MUSEUM_ADMIN_PASSWORD: 'some other password' });
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/already a user/);

    const museum = await authTestMuseum({ dataDir });
    const res = await signIn(museum, 'curator-in-chief', password);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ displayName: '馆长', role: 'admin' });
    expect(await museum.auth.users.count()).toBe(1);
    await museum.close();
  });

  it('refuses without a password source, with a short password, or without --username', async () => {
    const dataDir = tempDir();
    const noPassword = await adminCreate(['--username', 'someone'], { DATA_DIR: dataDir });
    expect(noPassword.code).toBe(2);
    expect(noPassword.out).toContain('MUSEUM_ADMIN_PASSWORD');
    const short = await adminCreate(['--username', 'someone'], { DATA_DIR: dataDir, MUSEUM_ADMIN_PASSWORD: 'short-pw' });
    expect(short.code).toBe(2);
    expect(short.out).toContain('at least 12 characters');
    expect(short.out).not.toContain('short-pw');
    const noName = await adminCreate([], { DATA_DIR: dataDir, MUSEUM_ADMIN_PASSWORD: 'long enough password' });
    expect(noName.code).toBe(2);
    expect(noName.out).toContain('--username');

    const museum = await authTestMuseum({ dataDir });
    expect(await museum.auth.users.count()).toBe(0);
    await museum.close();
  });
});
