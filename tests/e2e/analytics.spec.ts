/**
 * Visitor analytics end to end, on a server of its own (an admin to register a kiosk, and its
 * analytics database to look into):
 * - an offline kiosk records a visit, reconnects, and the server has exactly those events, once
 *   (even when the answer to the first send is lost and the tracker sends again);
 * - the web tracker sends page views, filters, dwell time and language switches, and sends
 *   nothing at all under Global Privacy Control;
 * - the reports page, for a curator, in three languages, with charts loaded only there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import SQLite from 'better-sqlite3';
import { expect, test } from './fixtures.ts';

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';
const ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1' };

let server: ChildProcess;
let baseURL: string;
let dataDir: string;

test.describe.configure({ mode: 'serial' });
test.use({ userAgent: BROWSER_UA, baseURL: 'http://127.0.0.1:1' /* replaced in beforeAll */ });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Row {
  id: string;
  type: string;
  session: string;
  source: string;
  kiosk_id: number;
  hall_id: string;
  subject: string;
  detail: string;
  ms: number;
  lang: string;
}

function storedEvents(where = '1 = 1', ...params: unknown[]): Row[] {
  const db = new SQLite(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
  try {
    return db.prepare(`select * from analytics_events where ${where} order by id`).all(...params) as Row[];
  } finally {
    db.close();
  }
}

async function adminSession(page: Page) {
  const res = await page.request.post(`${baseURL}/api/auth/sign-in`, { data: ADMIN });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'museum-e2e-analytics-'));
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: 'dist',
      LOG_LEVEL: 'warn',
      MUSEUM_ADMIN_USERNAME: ADMIN.username,
      MUSEUM_ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error('the analytics e2e server did not start');
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
});

test.afterAll(async () => {
  if (server.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
});

const offOrigin: string[] = [];
/** A context like the fixtures' page: nothing may be fetched from another origin. */
async function newContext(browser: import('@playwright/test').Browser, options: Parameters<import('@playwright/test').Browser['newContext']>[0] = {}) {
  const context = await browser.newContext({ baseURL, userAgent: BROWSER_UA, ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === new URL(baseURL).origin) return route.fallback();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  return context;
}

test.afterEach(() => {
  expect(offOrigin, 'requests that left the origin').toEqual([]);
});

/** Navigates inside the single-page app (no reload: a kiosk visit lives in the page). */
async function goInApp(page: Page, to: string) {
  await page.evaluate((url) => {
    history.pushState({}, '', url);
    dispatchEvent(new PopStateEvent('popstate'));
  }, to);
  await expect(page).toHaveURL(new RegExp(`${to.replace(/[?]/g, '\\?')}`));
}

async function queuedIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('museum-analytics', 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('events', 'readonly').objectStore('events').getAllKeys();
          req.onsuccess = () => resolve((req.result as string[]).slice());
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

test('an offline kiosk records a visit, reconnects, and the server has exactly those events, once', async ({ browser }) => {
  test.setTimeout(120_000);
  // A registered kiosk in a hall, set up on this machine as the kiosk set-up screen would leave it.
  const setup = await newContext(browser);
  const adminPage = await setup.newPage();
  const csrf = await adminSession(adminPage);
  const created = await adminPage.request.post(`${baseURL}/api/admin/devices`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { kind: 'kiosk', name: 'e2e kiosk', hallId: 'hall-e2e' },
  });
  expect(created.status()).toBe(201);
  const { token, device } = (await created.json()) as { token: string; device: { id: number } };
  await setup.close();

  const context: BrowserContext = await newContext(browser, { hasTouch: true });
  await context.addInitScript((t) => localStorage.setItem('museum.kiosk.device', JSON.stringify({ kioskId: 'e2e-kiosk', token: t })), token);
  const page = await context.newPage();
  await page.goto('/?mode=kiosk&kiosk=e2e-kiosk');

  // A first visit online (it also loads the pages' code, as a kiosk's service worker would).
  await page.getByTestId('attract-start').click();
  await goInApp(page, '/sites');
  await goInApp(page, '/sites/erchang');
  await page.waitForTimeout(1200);
  await page.locator('.kiosk-control-end').click();
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect.poll(() => storedEvents("type = 'session_end'").length, { timeout: 15_000 }).toBe(1);
  const onlineVisit = storedEvents();
  expect(onlineVisit.every((e) => e.source === 'kiosk' && e.kiosk_id === device.id && e.hall_id === 'hall-e2e')).toBe(true);
  await expect.poll(() => queuedIds(page)).toEqual([]);

  // The network goes away; a visitor comes.
  await context.setOffline(true);
  await page.getByTestId('attract-start').click();
  await goInApp(page, '/sites?era=wartime');
  await goInApp(page, '/sites/erchang');
  await page.waitForTimeout(1500); // dwell on the exhibit
  await goInApp(page, '/eras');
  await page.locator('.language-switcher button[lang="en"]').first().click();
  await page.locator('.kiosk-control-end').click();
  await expect(page.getByTestId('attract')).toBeVisible();

  // Everything waits in IndexedDB; the server has nothing of this visit.
  const queued = await queuedIds(page);
  expect(queued.length).toBeGreaterThanOrEqual(7);
  expect(storedEvents()).toHaveLength(onlineVisit.length);

  // Back online. The answer to the first batch is lost on the way back, so the tracker sends it
  // again: the server must still count each event once.
  let lostAnswers = 0;
  await page.route('**/api/analytics/events', async (route) => {
    if (lostAnswers === 0) {
      lostAnswers += 1;
      const answer = await route.fetch(); // the server stores the batch …
      expect(answer.status()).toBe(200);
      return route.abort('connectionreset'); // … and the kiosk never hears back
    }
    return route.fallback();
  });
  await context.setOffline(false);
  await expect.poll(() => queuedIds(page), { timeout: 30_000 }).toEqual([]);
  expect(lostAnswers).toBe(1);

  const offlineVisit = storedEvents().filter((e) => !onlineVisit.some((o) => o.id === e.id));
  // Exactly the events that were queued, each once.
  expect(offlineVisit.map((e) => e.id).sort()).toEqual([...queued].sort());
  expect(new Set(offlineVisit.map((e) => e.session)).size).toBe(1);
  const types = offlineVisit.map((e) => e.type);
  expect(types.filter((t) => t === 'session_start')).toHaveLength(1);
  expect(types.filter((t) => t === 'session_end')).toHaveLength(1);
  // The visit opens on the kiosk's start page ('/').
  expect(offlineVisit.filter((e) => e.type === 'page_view').map((e) => e.subject)).toEqual(['/', '/sites', '/sites/erchang', '/eras']);
  expect(offlineVisit.find((e) => e.type === 'filter')).toMatchObject({ subject: 'sites.era', detail: 'wartime' });
  const dwell = offlineVisit.find((e) => e.type === 'exhibit_view');
  expect(dwell).toMatchObject({ subject: 'erchang', detail: 'site' });
  expect(dwell!.ms).toBeGreaterThanOrEqual(1000);
  expect(offlineVisit.find((e) => e.type === 'language_switch')).toMatchObject({ subject: 'zh-Hans', detail: 'en' });
  expect(offlineVisit.every((e) => e.source === 'kiosk' && e.kiosk_id === device.id && e.hall_id === 'hall-e2e')).toBe(true);
  await context.close();
});

test('the web tracker sends page views, filters, dwell and language switches; nothing under Global Privacy Control', async ({ browser }) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto('/sites');
  await goInApp(page, '/sites?cluster=core-dadukou');
  await goInApp(page, '/sites/erchang');
  await page.waitForTimeout(1100);
  await page.locator('.language-switcher button[lang="zh-Hant"]').click();
  await page.goto('/eras'); // a full page load: the tab's session goes on; the dwell of the page left is not lost
  await expect
    .poll(() => storedEvents("source = 'web'").map((e) => `${e.type}:${e.subject}`), { timeout: 15_000 })
    .toEqual([
      'session_start:',
      'page_view:/sites',
      'filter:sites.cluster',
      'page_view:/sites/erchang',
      'language_switch:en',
      'exhibit_view:erchang',
      'page_view:/eras',
    ]);
  // The language switch came after the visitor chose: "from" is the language they had.
  const web = storedEvents("source = 'web'");
  expect(new Set(web.map((e) => e.session)).size).toBe(1); // one tab, one visit
  expect(web.filter((e) => e.type === 'session_start')).toHaveLength(1);
  expect(web.filter((e) => e.type === 'page_view').map((e) => e.subject)).toEqual(['/sites', '/sites/erchang', '/eras']);
  expect(web.find((e) => e.type === 'filter')).toMatchObject({ subject: 'sites.cluster', detail: 'core-dadukou' });
  expect(web.find((e) => e.type === 'exhibit_view')).toMatchObject({ subject: 'erchang' });
  expect(web.find((e) => e.type === 'language_switch')).toMatchObject({ detail: 'zh-Hant' });
  expect((await context.cookies()).filter((c) => !c.name.startsWith('museum_session'))).toEqual([]);
  await context.close();

  // Global Privacy Control: no request, nothing queued.
  const gpc = await newContext(browser);
  await gpc.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const p2 = await gpc.newPage();
  const sent: string[] = [];
  p2.on('request', (r) => {
    if (r.url().includes('/api/analytics/')) sent.push(r.url());
  });
  const count = storedEvents().length;
  await p2.goto('/sites');
  await goInApp(p2, '/sites/erchang');
  await p2.waitForTimeout(1200);
  await p2.goto('/eras');
  await p2.waitForTimeout(500);
  expect(sent).toEqual([]);
  expect(await queuedIds(p2)).toEqual([]);
  expect(storedEvents().length).toBe(count);
  await gpc.close();
});

test('reports: curators see the figures in three languages; charts are not in the first screen', async ({ browser }) => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const chunks: string[] = [];
  page.on('request', (r) => chunks.push(r.url()));
  await page.goto('/');
  await expect(page.locator('main')).toBeVisible();
  expect(chunks.filter((u) => /chartjs|ReportsPage/.test(u))).toEqual([]);

  // Signed out: told to sign in.
  await page.goto('/reports');
  await expect(page.getByTestId('report-error')).toContainText(/登录|sign in/i);

  // A curator.
  const csrf = await adminSession(page);
  const username = `curator-${Date.now()}`;
  const res = await page.request.post(`${baseURL}/api/admin/users`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { username, role: 'curator', password: 'curator-password-1' },
  });
  expect(res.status()).toBe(201);
  await page.request.post(`${baseURL}/api/auth/sign-in`, { data: { username, password: 'curator-password-1' } });

  for (const [lang, title, visits] of [
    ['zh-Hans', '观众数据报告', '参观人次'],
    ['zh-Hant', '觀眾資料報告', '參觀人次'],
    ['en', 'Visitor reports', 'Visits'],
  ] as const) {
    await page.goto(`/reports?lang=${lang}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('.report-totals dt').first()).toHaveText(visits);
    // Every chart canvas has a text alternative.
    const canvases = page.locator('canvas');
    await expect(canvases.first()).toBeVisible();
    for (const label of await canvases.evaluateAll((cs) => cs.map((c) => [c.getAttribute('role'), c.getAttribute('aria-label')]))) {
      expect(label[0]).toBe('img');
      expect(label[1]?.length).toBeGreaterThan(5);
    }
    // No raw translation key on screen.
    expect(await page.locator('main').textContent()).not.toMatch(/\b(visitsByDay|totals|heatmap|booking)\.[a-z]/);
  }
  expect(chunks.some((u) => /chartjs/.test(u))).toBe(true);

  // The visits of the tests above are in the figures (2 kiosk visits, 1 web visit: under 5, so hidden).
  await expect(page.locator('.report-totals dd').first()).toHaveText('<5');
  const csv = await page.request.get(`${baseURL}/api/analytics/reports/csv?section=booking`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('step,count,rate_from_previous');

  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await context.close();
});
