/**
 * A museum server of its own for the booking and front-of-house specs, with an admin, booking
 * rules that suit a test run at any time of day (5-minute slots, no walk-in hold-back) and an
 * extra opening for today from now until midnight — all set up through the API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext } from '@playwright/test';
import { expect } from './fixtures.ts';

export const MUSEUM = 'chongqing-industrial-museum';
export const ADMIN = { username: 'e2e-visit-admin', password: 'e2e-visit-admin-password' };

export interface VisitServer {
  baseURL: string;
  process: ChildProcess;
  /** Today in Chongqing (YYYY-MM-DD). */
  today: string;
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

/** Local (UTC+8) date and HH:MM of now. */
export function chongqingNow() {
  const local = new Date(Date.now() + 8 * 3600_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16), minutes: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
}

export async function startVisitServer(): Promise<VisitServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'museum-e2e-visit-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      LOG_LEVEL: 'warn',
      MUSEUM_ADMIN_USERNAME: ADMIN.username,
      MUSEUM_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error('the visit e2e server did not start');
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = await signIn(baseURL, ADMIN);
  const settings = (
    (await (await fetch(`${baseURL}/api/staff/reservations/museums/${MUSEUM}/settings`, { headers: admin.headers })).json()) as {
      settings: Record<string, unknown>;
    }
  ).settings;
  const put = async (url: string, body: unknown) => {
    const res = await fetch(baseURL + url, { method: 'PUT', headers: { ...admin.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.status, `${url}: ${await res.clone().text()}`).toBe(200);
  };
  await put(`/api/staff/reservations/museums/${MUSEUM}/settings`, {
    ...settings,
    slotMinutes: 5,
    walkInShare: 0,
    cancelCutoffMinutes: 0,
    checkInEarlyMinutes: 30,
  });
  const now = chongqingNow();
  const from = now.minutes - (now.minutes % 5);
  const opens = `${String(Math.floor(from / 60)).padStart(2, '0')}:${String(from % 60).padStart(2, '0')}`;
  await put(`/api/staff/reservations/museums/${MUSEUM}/exceptions/${now.date}`, { closed: false, opens, closes: '23:59', note: 'E2E opening' });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  return { baseURL, process: child, today: now.date, stop };
}

/** Signs in over the API; returns the cookie + CSRF headers. */
export async function signIn(baseURL: string, who: { username: string; password: string }) {
  const res = await fetch(`${baseURL}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(who) });
  expect(res.status).toBe(200);
  const cookie = /museum_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken } };
}

/** The next bookable slot of today (starts within the next 5 minutes). */
export async function nextSlotToday(request: APIRequestContext, server: VisitServer) {
  const day = (await (await request.get(`${server.baseURL}/api/visit/museums/${MUSEUM}/days/${server.today}`)).json()) as {
    slots: { id: string; start: string; state: string }[];
  };
  const slot = day.slots.find((s) => s.state === 'open');
  if (!slot) throw new Error('no open slot today');
  return slot;
}

/** Books over the API (the visitor UI is tested elsewhere); returns the ticket code. */
export async function bookOverApi(baseURL: string, slotId: string, partySize: number, phone: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/visit/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ slotId, partySize, contact: { name: 'E2E', phone }, lang: 'en' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { code: string } }).ticket.code;
}

/** A context where nothing may leave the origin (like the fixtures' page). */
export async function originOnlyContext(
  browser: Browser,
  baseURL: string,
  offOrigin: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === new URL(baseURL).origin) return route.fallback();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

/** Midnight in Chongqing ends today's opening: skip rather than fail in the last minutes. */
export const tooCloseToMidnight = () => chongqingNow().minutes > 23 * 60 + 40;
