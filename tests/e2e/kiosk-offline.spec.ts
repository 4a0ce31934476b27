/**
 * Offline-first: a kiosk that has run once (production build, service worker, caches warmed)
 * keeps working when its server is stopped — attract loop, eras, sites, filters, languages and the
 * 3D walkthrough from cache — queues its online/offline transitions, and reports them when the
 * server is back. This spec runs its own server (so it can stop it) with an admin who registers
 * the kiosk through the real API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type APIRequestContext, type BrowserContext, request as playwrightRequest } from '@playwright/test';
import { contentLoaded, expect, LANGUAGE_NAMES, test, uiString } from './fixtures.ts';
import { kioskString } from './kiosk-support.ts';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

const PORT = Number(process.env.E2E_PORT ?? 4310) + 1000;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'museum-kiosk-offline-'));
const ADMIN = { username: 'offline-admin', password: `pw-${Math.random().toString(36).slice(2)}-long-enough` };

let server: ChildProcess | null = null;

async function startServer() {
  server = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      DATA_DIR,
      STATIC_DIR: process.env.E2E_STATIC_DIR ?? 'dist',
      LOG_LEVEL: 'warn',
      MUSEUM_ADMIN_USERNAME: ADMIN.username,
      MUSEUM_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the offline spec’s server did not start');
}

async function stopServer() {
  const child = server;
  server = null;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function signedInAdmin(): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = await playwrightRequest.newContext({ baseURL: BASE });
  const res = await api.post('/api/auth/sign-in', { data: ADMIN });
  expect(res.status()).toBe(200);
  return { api, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Like the fixtures' page: any request leaving the origin is refused and fails the test (the service worker's too). */
async function guardOrigin(context: BrowserContext) {
  const offOrigin: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === BASE) return route.fallback();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  return offOrigin;
}

test.afterAll(async () => {
  await stopServer();
});

test('a kiosk that ran once works with its server stopped, and reports the outage when it is back', async ({ browser }) => {
  await startServer();
  const { api, csrf } = await signedInAdmin();
  const created = await api.post('/api/admin/kiosks', {
    headers: { 'X-CSRF-Token': csrf },
    data: { id: 'offline-kiosk', defaultLanguage: 'zh-Hans', startExhibit: '/', heartbeatIntervalSeconds: 5, idleTimeoutSeconds: 600 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const contentEn = async (p: string) => ((await (await api.get(`/api/content/${p}${p.includes('?') ? '&' : '?'}lang=en`)).json()) as { data: unknown }).data;
  const eras = (await contentEn('eras')) as { id: string; title: string }[];
  const flagships = (await contentEn('sites?flagship=true')) as { id: string; name: string }[];
  const site = flagships.find((s) => s.id === 'erchang') ?? flagships[0];
  const scenes = (await api.get('/api/content/scenes?lang=en')).ok() ? ((await contentEn('scenes')) as { id: string }[]) : [];

  // The kiosk's first run, online: set up with its token, service worker installed, caches warmed.
  const context = await browser.newContext({
    baseURL: BASE,
    serviceWorkers: 'allow',
    hasTouch: true,
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
  });
  const offOrigin = await guardOrigin(context);
  const page = await context.newPage();
  await page.goto(`/?mode=kiosk&kiosk=offline-kiosk#kiosk-token=${token}`);
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-kiosk-offline', /^\d+$/, { timeout: 90_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${BASE}/sw.js`);
  // Content is kept a month: a kiosk that ran once outlives a day (and a long weekend) without its server.
  const sw = await (await api.get('/sw.js')).text();
  const maxAge = Number(/cacheName:"museum-content"[\s\S]*?maxAgeSeconds:([0-9.e]+)/.exec(sw)?.[1]);
  expect(maxAge).toBeGreaterThanOrEqual(86_400);

  // The server goes away.
  await stopServer();
  expect((await fetch(`${BASE}/api/health`).catch(() => null)) === null).toBe(true);

  await page.reload();
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.locator('.attract-slide')).toBeVisible();
  await page.getByRole('button', { name: LANGUAGE_NAMES.en, exact: true }).tap();
  await contentLoaded(page);
  await expect(page.getByTestId('era-cards').getByRole('heading')).toHaveText(eras.map((e) => e.title));

  // Eras: the list and an era.
  const nav = page.getByRole('navigation', { name: uiString('en', 'nav.label') });
  await nav.getByRole('link', { name: uiString('en', 'nav.eras') }).tap();
  await contentLoaded(page);
  await page.getByTestId('era-cards').getByRole('link').nth(1).tap();
  await contentLoaded(page);
  await expect(page.locator('main h1')).toContainText(eras[1].title.slice(0, 8));

  // Sites: the list, a filter, a site in two languages.
  await nav.getByRole('link', { name: uiString('en', 'nav.sites') }).tap();
  await contentLoaded(page);
  await page.getByRole('combobox', { name: uiString('en', 'filter.era'), exact: true }).selectOption(eras[2].id);
  await expect(page.getByTestId('result-count')).toBeVisible();
  await page.getByRole('button', { name: kioskString('en', 'controls.home') }).tap();
  await contentLoaded(page);
  await page.getByRole('link', { name: site.name }).first().tap();
  await contentLoaded(page);
  await expect(page.locator('main h1')).toHaveText(site.name);
  await page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hant'], exact: true }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await expect(page.locator('main .message-error')).toHaveCount(0);
  await expect(page.locator('main h1')).not.toHaveText(site.name);

  // The 3D walkthrough, where the site has a scene: its canvas draws from cached content.
  if (scenes.some((s) => s.id === site.id)) {
    await expect(page.locator('main canvas')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('main').getByRole('alert')).toHaveCount(0);
  }
  await expect(page.locator('main .message-error')).toHaveCount(0);

  // Meanwhile the heartbeat noticed: "offline" is queued (and kept across reloads).
  await expect
    .poll(() => page.evaluate(() => ((window.__museumKiosk?.heartbeatQueue() ?? []) as { status: string }[]).map((e) => e.status)), { timeout: 20_000 })
    .toContain('offline');

  // The server is back: the queue goes out with the next heartbeat and the fleet shows the outage.
  await startServer();
  await expect.poll(() => page.evaluate(() => window.__museumKiosk?.heartbeatQueue().length), { timeout: 30_000 }).toBe(0);
  const again = await signedInAdmin();
  const fleet = (await (await again.api.get('/api/kiosks/offline-kiosk')).json()) as {
    status: { status: string };
    transitions: { status: string; source: string }[];
  };
  expect(fleet.status.status).toBe('online');
  expect(fleet.transitions.filter((t) => t.source === 'kiosk').map((t) => t.status)).toEqual(['online', 'offline']);
  expect(offOrigin).toEqual([]);
  await context.close();
  await api.dispose();
  await again.api.dispose();
});
