/**
 * `npm run bench kiosk-soak`: a kiosk's day, compressed. Headless Chromium runs the built app in
 * kiosk mode with Playwright's controlled clock and serves visitor after visitor for 4 simulated
 * hours (KIOSK_SOAK_HOURS): attract loop → tap (rotating through the three languages) → home → an
 * era → the sites → a site with its 3D walkthrough → home → idle → "still there?" → reset.
 *
 * Measured at the attract screen after every few visits, after two forced garbage collections
 * (CDP HeapProfiler.collectGarbage; the smaller of two readings a simulated second apart): the JS
 * heap in use (CDP Runtime.getHeapUsage), DOM nodes, documents and event listeners (CDP
 * Memory.getDOMCounters); on the 3D page, three.js's own counts of live geometries and textures
 * (renderer.info via the walkthrough's test hook) once the scene has drawn. The baseline is taken
 * after the first 20 visits (every language, lazy chunks loaded, caches warm); the goal is flat:
 * the last samples within 10 % of the baseline heap, DOM counts within 5 %, three.js counts the
 * same on every visit, and no lost or leaked WebGL context.
 *
 * KIOSK_SOAK_STATIC_DIR reuses a build; otherwise the app is built into a temp folder first.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { startServer, tempDataDir } from './harness.ts';

const HOURS = Number(process.env.KIOSK_SOAK_HOURS ?? 4);
const IDLE_S = 20;
const PROMPT_S = 20;
const ATTRACT_S = 5;
const SAMPLE_EVERY = 20;
const BASELINE_AFTER = 20;
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const LANGUAGE_NAMES = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' } as const;

interface Sample {
  visit: number;
  simulatedMinutes: number;
  heapMb: number;
  nodes: number;
  documents: number;
  listeners: number;
  geometries: number | null;
  textures: number | null;
}

async function settle(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.locator('main .loading').waitFor({ state: 'detached' }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('main .loading'), null, { polling: 50 });
}

async function reading(cdp: CDPSession) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return { heap: heap.usedSize, ...dom };
}

async function measure(page: Page, cdp: CDPSession, visit: number, simulatedMs: number, three: { geometries: number; textures: number } | null): Promise<Sample> {
  const a = await reading(cdp);
  await page.clock.runFor(1000);
  const b = await reading(cdp);
  return {
    visit,
    simulatedMinutes: Math.round(simulatedMs / 60_000),
    heapMb: Math.min(a.heap, b.heap) / 1024 / 1024,
    nodes: Math.min(a.nodes, b.nodes),
    documents: Math.min(a.documents, b.documents),
    listeners: Math.min(a.jsEventListeners, b.jsEventListeners),
    geometries: three?.geometries ?? null,
    textures: three?.textures ?? null,
  };
}

/**
 * The 3D walkthrough's renderer.info counts once its scene is built, drawn and settled (advancing
 * the page clock: it also drives requestAnimationFrame, so the scene only draws when we let it).
 */
async function threeCounts(page: Page, sceneId: string): Promise<{ geometries: number; textures: number } | null> {
  for (let i = 0; i < 150; i++) {
    const counts = await page.evaluate((id) => {
      type Probe = { sceneId: string | null; ready: boolean; settled(): boolean; memory(): { geometries: number; textures: number } };
      const probe = (window as unknown as { __walkthrough?: { probe?: Probe | null } }).__walkthrough?.probe;
      return document.querySelector('main canvas') && probe?.ready && probe.sceneId === id && probe.settled() ? probe.memory() : null;
    }, sceneId);
    if (counts) {
      // Ready by its flags: let it draw a second more and read what this renderer holds.
      await page.clock.runFor(1000);
      return page.evaluate(() => (window as unknown as { __walkthrough: { probe: { memory(): { geometries: number; textures: number } } } }).__walkthrough.probe.memory());
    }
    await page.clock.runFor(100);
    await page.waitForTimeout(20);
  }
  return null;
}

export async function benchKioskSoak(): Promise<{ ok: boolean }> {
  let staticDir = process.env.KIOSK_SOAK_STATIC_DIR;
  if (!staticDir) {
    staticDir = mkdtempSync(path.join(tmpdir(), 'kiosk-soak-dist-'));
    console.log(`building the app into ${staticDir} …`);
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'error'], { stdio: 'inherit' });
  }
  const port = 4600 + (process.pid % 300);
  const server = await startServer('kiosk-server/main.ts', { DATA_DIR: tempDataDir(), STATIC_DIR: staticDir }, '/api/health', port);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.url, hasTouch: true, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const webglWarnings: string[] = [];
    page.on('console', (m) => {
      if (/webgl|context lost/i.test(m.text()) && m.type() !== 'log') webglWarnings.push(m.text());
    });
    // A set-up kiosk with short timeouts (the server is mocked for its configuration only) and the 3D test hook.
    await page.addInitScript(() => {
      localStorage.setItem('museum.kiosk.device', JSON.stringify({ kioskId: 'soak', token: 'mdt_soak' }));
      sessionStorage.setItem('walkthrough-test-hooks', '1');
    });
    await page.route('**/api/kiosks/me/config', (route) =>
      route.fulfill({
        json: {
          kioskId: 'soak',
          name: 'Soak',
          hallId: null,
          defaultLanguage: 'zh-Hans',
          startExhibit: { path: '/', source: 'kiosk', until: null },
          idleTimeoutSeconds: IDLE_S,
          promptSeconds: PROMPT_S,
          heartbeatIntervalSeconds: 60,
          screen: { diagonalInches: 32, widthPx: 1920, heightPx: 1080 },
          contentVersion: 1,
          configVersion: 'soak',
          serverTime: new Date().toISOString(),
        },
      }),
    );
    await page.route('**/api/kiosks/heartbeat', (route) =>
      route.fulfill({ json: { serverTime: new Date().toISOString(), heartbeatIntervalSeconds: 60, configVersion: 'soak', contentVersion: 1, storedEvents: 0 } }),
    );
    const cdp = await context.newCDPSession(page);
    await page.clock.install();
    await page.goto('/?mode=kiosk&kiosk=soak&test-hooks=1');
    await page.getByTestId('attract').waitFor();

    const scene = (await (await fetch(`${server.url}/api/content/scenes?lang=zh-Hans`)).json().catch(() => ({ data: [] }))) as { data?: { id: string }[] };
    const sceneSite = scene.data?.[0]?.id ?? 'erchang';
    const endMs = HOURS * 3600_000;
    let simulated = 0;
    const advance = async (ms: number) => {
      await page.clock.runFor(ms);
      simulated += ms;
    };
    const samples: Sample[] = [];
    let baseline: Sample | null = null;
    let sceneCounts: { geometries: number; textures: number } | null = null;
    const sceneSeen: string[] = [];
    let visit = 0;
    const started = Date.now();

    while (simulated < endMs) {
      visit += 1;
      const lang = LANGS[visit % LANGS.length];
      await advance(ATTRACT_S * 1000);
      await page.getByRole('button', { name: LANGUAGE_NAMES[lang], exact: true }).tap();
      await settle(page);
      // An era.
      await page.getByTestId('era-cards').getByRole('link').nth(visit % 4).tap();
      await settle(page);
      await advance(4000);
      // The sites, and one with a 3D walkthrough.
      await page.locator('header nav a[href="/sites"]').tap();
      await settle(page);
      await page.locator(`[data-site-id="${sceneSite}"] a`).first().tap();
      await settle(page);
      sceneCounts = await threeCounts(page, sceneSite);
      sceneSeen.push(sceneCounts ? `${sceneCounts.geometries}/${sceneCounts.textures}` : 'none');
      await advance(4000);
      // Home, then nobody: the prompt, then the reset.
      await page.locator('.kiosk-controls-bar button').nth(1).tap(); // Home
      await settle(page);
      await advance(IDLE_S * 1000 + 500);
      await page.getByTestId('idle-prompt').waitFor();
      await advance(PROMPT_S * 1000 + 500);
      await page.getByTestId('attract').waitFor();

      if (visit === BASELINE_AFTER || visit % SAMPLE_EVERY === 0) {
        const sample = await measure(page, cdp, visit, simulated, sceneCounts);
        samples.push(sample);
        if (visit === BASELINE_AFTER) baseline = sample;
      }
    }
    const last = await measure(page, cdp, visit, simulated, sceneCounts);
    if (samples.at(-1)?.visit !== visit) samples.push(last);

    const base = baseline ?? samples[0];
    console.log(
      `\nKiosk soak: ${HOURS} h simulated with the page clock, ${visit} visits (attract → tap → home → era → site with 3D → home → idle ${IDLE_S} s → prompt ${PROMPT_S} s → reset) in ${((Date.now() - started) / 1000).toFixed(0)} s real time`,
    );
    console.log(`${'visit'.padStart(6)}${'sim min'.padStart(9)}${'heap MB'.padStart(10)}${'ratio'.padStart(7)}${'nodes'.padStart(8)}${'docs'.padStart(6)}${'listeners'.padStart(11)}${'3D geom'.padStart(9)}${'3D tex'.padStart(8)}`);
    for (const s of samples) {
      console.log(
        `${String(s.visit).padStart(6)}${String(s.simulatedMinutes).padStart(9)}${s.heapMb.toFixed(2).padStart(10)}${(s.heapMb / base.heapMb).toFixed(2).padStart(7)}${String(s.nodes).padStart(8)}${String(s.documents).padStart(6)}${String(s.listeners).padStart(11)}${String(s.geometries ?? '–').padStart(9)}${String(s.textures ?? '–').padStart(8)}${s === base ? '  ← baseline' : ''}`,
      );
    }
    const tail = samples.slice(-3);
    const heapRatio = Math.max(...tail.map((s) => s.heapMb)) / base.heapMb;
    const nodeRatio = Math.max(...tail.map((s) => s.nodes)) / base.nodes;
    const listenerRatio = Math.max(...tail.map((s) => s.listeners)) / base.listeners;
    const distinctScene = [...new Set(sceneSeen.slice(BASELINE_AFTER))];
    const threeFlat = distinctScene.length === 1;
    console.log(`heap (max of the last 3 samples) / baseline = ${heapRatio.toFixed(3)} (goal ≤ 1.10)`);
    console.log(`DOM nodes = ${nodeRatio.toFixed(3)}, listeners = ${listenerRatio.toFixed(3)} × baseline (goal ≤ 1.05)`);
    console.log(`three.js geometries/textures on the 3D page, every visit after the baseline: ${distinctScene.join(', ')} (goal: one value)`);
    console.log(`WebGL warnings (too many contexts, lost contexts): ${webglWarnings.length}${webglWarnings.length ? ` — ${[...new Set(webglWarnings)].slice(0, 3).join(' | ')}` : ''}`);
    if (errors.length) console.log(`page errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
    const ok = heapRatio <= 1.1 && nodeRatio <= 1.05 && listenerRatio <= 1.05 && threeFlat && errors.length === 0 && webglWarnings.length === 0;
    console.log(`kiosk soak: ${ok ? 'PASS' : 'FAIL'}`);
    return { ok };
  } finally {
    await browser.close();
    await server.stop();
  }
}
