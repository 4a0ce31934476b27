/**
 * The curator specs run against a museum server of their own (a fresh database, an admin from the
 * first-start variables), so publishing and rolling back never disturb other specs that read the
 * same content. `test` here is the fixtures' `test` (no request may leave the origin) with
 * `baseURL` pointing at that server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { DEFAULT_PACK_DIR, loadPack } from '../../content/load.ts';
import { test as base, expect } from './fixtures.ts';

export { expect };

export const ADMIN = { username: 'e2e-curator-admin', password: 'e2e-curator-admin-password' };

export interface CuratorServer {
  baseURL: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * A copy of content/pack for the server. The 3D scenes are optional in a pack: when work in
 * progress on them leaves the pack invalid, the copy goes without them rather than not start.
 */
async function packCopy(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'museum-e2e-curator-pack-')), 'pack');
  cpSync(DEFAULT_PACK_DIR, dir, { recursive: true });
  try {
    await loadPack(dir);
  } catch {
    rmSync(path.join(dir, 'scenes'), { recursive: true, force: true });
  }
  return dir;
}

export async function startCuratorServer(): Promise<CuratorServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'museum-e2e-curator-'));
  const contentDir = await packCopy();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CONTENT_DIR: contentDir,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      LOG_LEVEL: 'warn',
      MUSEUM_ADMIN_USERNAME: ADMIN.username,
      MUSEUM_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the curator e2e server did not start');
    if (child.exitCode !== null) throw new Error(`the curator e2e server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseURL,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One server per test: what one test publishes never shows up in another. */
export const test = base.extend<{ curatorServer: CuratorServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright needs the destructuring
  curatorServer: async ({}, use) => {
    const server = await startCuratorServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ curatorServer }, use) => use(curatorServer.baseURL),
});

/** Signs in through the API (the request context keeps the cookie); returns headers for changes. */
export async function apiSignIn(request: APIRequestContext, who: { username: string; password: string }) {
  const res = await request.post('/api/auth/sign-in', { data: who });
  expect(res.status(), await res.text()).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { 'X-CSRF-Token': csrfToken };
}

/** A new account of a role, made by the admin through the API. */
export async function createAccount(request: APIRequestContext, role: 'curator' | 'staff' | 'admin', username: string) {
  const admin = await apiSignIn(request, ADMIN);
  const password = `${username}-password-123`;
  const res = await request.post('/api/admin/users', { headers: admin, data: { username, role, password, displayName: `E2E ${role}` } });
  expect(res.status(), await res.text()).toBe(201);
  return { username, password };
}

/** Edits a draft file through the API and publishes it (as whoever `request` is signed in as). */
export async function publishEdit(
  request: APIRequestContext,
  headers: Record<string, string>,
  file: string,
  edit: (content: Record<string, unknown>) => void,
  message: string,
) {
  const read = await request.get(`/api/curator/file?path=${encodeURIComponent(file)}`);
  expect(read.status()).toBe(200);
  const { content, etag } = (await read.json()) as { content: Record<string, unknown>; etag: string };
  edit(content);
  const save = await request.put(`/api/curator/file?path=${encodeURIComponent(file)}`, { headers: { ...headers, 'If-Match': etag }, data: content });
  expect(save.status(), await save.text()).toBe(200);
  const pub = await request.post('/api/curator/publish', { headers, data: { message } });
  expect(pub.status(), await pub.text()).toBe(201);
  return ((await pub.json()) as { version: number }).version;
}
