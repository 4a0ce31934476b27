/**
 * `npm run bench kiosk-soak`: a kiosk's day, compressed. Headless Chromium runs the built app in
 * kiosk mode with Playwright's controlled clock and serves visitor after visitor for 4 simulated
 * hours (KIOSK_SOAK_HOURS): attract loop → tap (rotating through the three languages) → home → an
 * era → the sites → a site with its 3D walkthrough → home → idle → "still there?" → reset.
 *
 * Measured at the attract screen after every 20 visits, after two forced garbage collections
 * (CDP HeapProfiler.collectGarbage):
 * - the V8 heap in use (CDP Runtime.getHeapUsage) — for the record: it also holds compiled code,
 *   which grows while the JIT warms up and is no leak;
 * - live JS objects: the self sizes of every object, closure, array, string and number in a heap
 *   snapshot (CDP HeapProfiler.takeHeapSnapshot), without compiled code and without native
 *   (DOM/browser) objects — DevTools' own network buffer, which the test driver's session fills,
 *   lives there. A leak of visitor state shows here;
 * - DOM nodes, documents and event listeners (CDP Memory.getDOMCounters);
 * - on the 3D page, three.js's counts of geometries and textures on the GPU (renderer.info via the
 *   walkthrough's test hook) — they depend on how far the tour has got when read (structures rise
 *   over the years), so the goal is that they never exceed what the first visits showed.
 * The baseline is the sample after 20 visits (every language, lazy chunks loaded, caches warm).
 * Goals: live JS objects, DOM nodes and listeners in the last samples within 5 % of the
 * baseline; three.js counts bounded; no page errors and no WebGL context warnings.
 *
 * KIOSK_SOAK_STATIC_DIR reuses a build; otherwise the app is built into a temp folder first.
 * KIOSK_SOAK_SNAPSHOTS=<folder> also keeps the heap snapshots (open two in Chrome DevTools' Memory
 * panel, "Comparison" view, to see what grew); KIOSK_SOAK_VERBOSE=1 prints each visit's 3D counts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CDPSession, chromium, type Page } from '@playwright/test';
import { startServer, tempDataDir } from './harness.ts';

const HOURS = Number(process.env.KIOSK_SOAK_HOURS ?? 4);
const IDLE_S = 30;
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
  objectsMb: number;
  codeMb: number;
  nodes: number;
  documents: number;
  listeners: number;
  geometries: number | null;
  textures: number | null;
}

async function settle(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'), null, { polling: 50 });
}

async function reading(cdp: CDPSession) {
  // The driver's DevTools session keeps every console message's arguments alive: not the app's memory.
  await cdp.send('Runtime.discardConsoleEntries').catch(() => {});
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { documents: number; nodes: number; jsEventListeners: number };
  return { heap: heap.usedSize, ...dom };
}

async function takeSnapshot(cdp: CDPSession): Promise<string> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return chunks.join('');
}

/** Self sizes in a heap snapshot: JS objects (everything but compiled code and native objects) and code. */
function snapshotSizes(json: string): { objects: number; code: number } {
  const snap = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let objects = 0;
  let code = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt]];
    const size = snap.nodes[i + sizeAt];
    if (type === 'code') code += size;
    else if (type !== 'native' && type !== 'synthetic') objects += size;
  }
  return { objects, code };
}

async function measure(
  page: Page,
  cdp: CDPSession,
  visit: number,
  simulatedMs: number,
  three: { geometries: number; textures: number } | null,
): Promise<Sample> {
  // One slide change first (React then lets go of the last visit's fibers), and a moment for finalisers.
  await page.clock.runFor(9000);
  await page.waitForTimeout(200);
  const a = await reading(cdp);
  await page.clock.runFor(1000);
  const b = await reading(cdp);
  const json = await takeSnapshot(cdp);
  if (process.env.KIOSK_SOAK_SNAPSHOTS) {
    const file = path.join(process.env.KIOSK_SOAK_SNAPSHOTS, `visit-${visit}.heapsnapshot`);
    writeFileSync(file, json);
  }
  const sizes = snapshotSizes(json);
  return {
    visit,
    simulatedMinutes: Math.round(simulatedMs / 60_000),
    heapMb: Math.min(a.heap, b.heap) / 1024 / 1024,
    objectsMb: sizes.objects / 1024 / 1024,
    codeMb: sizes.code / 1024 / 1024,
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
      // Ready by its flags: let it draw, then render a few frames of the whole scene (the probe's
      // own frame timer) and read what this renderer holds on the GPU.
      await page.clock.runFor(1000);
      return page.evaluate(() => {
        const probe = (
          window as unknown as { __walkthrough: { probe: { measure(n: number, empty: boolean): unknown; memory(): { geometries: number; textures: number } } } }
        ).__walkthrough.probe;
        probe.measure(5, false);
        return probe.memory();
      });
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
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', staticDir, '--emptyOutDir', '--logLevel', 'error'], {
      stdio: 'inherit',
    });
  }
  const port = 4600 + (process.pid % 300);
  const admin = { username: 'soak-admin', password: `soak-${process.pid}-password-long` };
  const server = await startServer(
    'kiosk-server/main.ts',
    { DATA_DIR: tempDataDir(), STATIC_DIR: staticDir, MUSEUM_ADMIN_USERNAME: admin.username, MUSEUM_ADMIN_PASSWORD: admin.password },
    '/api/health',
    port,
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--enable-precise-memory-info'],
  });
  try {
    // A real kiosk, registered by an admin: configuration, heartbeats and analytics all go to the server.
    const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(admin),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const created = await fetch(`${server.url}/api/admin/kiosks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify({
        id: 'soak',
        defaultLanguage: 'zh-Hans',
        startExhibit: '/',
        idleTimeoutSeconds: IDLE_S,
        promptSeconds: PROMPT_S,
        heartbeatIntervalSeconds: 60,
      }),
    });
    if (created.status !== 201) throw new Error(`creating the soak kiosk: ${created.status} ${await created.text()}`);
    const { token } = (await created.json()) as { token: string };

    const context = await browser.newContext({
      baseURL: server.url,
      hasTouch: true,
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const webglWarnings: string[] = [];
    const consoleProblems = new Map<string, number>();
    page.on('console', (m) => {
      if (/webgl|context lost/i.test(m.text()) && m.type() !== 'log') webglWarnings.push(m.text());
      if (m.type() === 'error' || m.type() === 'warning')
        consoleProblems.set(`${m.type()}: ${m.text().slice(0, 160)}`, (consoleProblems.get(`${m.type()}: ${m.text().slice(0, 160)}`) ?? 0) + 1);
    });
    // The kiosk's device token as its set-up screen keeps it, and the 3D walkthrough's test hook.
    await page.addInitScript((t) => {
      localStorage.setItem('museum.kiosk.device', JSON.stringify({ kioskId: 'soak', token: t }));
      sessionStorage.setItem('walkthrough-test-hooks', '1');
    }, token);
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
      await page
        .getByTestId('era-cards')
        .getByRole('link')
        .nth(visit % 4)
        .tap();
      await settle(page);
      await advance(4000);
      // The sites, and one with a 3D walkthrough.
      await page.locator('header nav a[href="/sites"]').tap();
      await settle(page);
      await page.locator(`[data-site-id="${sceneSite}"] a`).first().tap();
      await settle(page);
      sceneCounts = await threeCounts(page, sceneSite);
      sceneSeen.push(sceneCounts ? `${sceneCounts.geometries}/${sceneCounts.textures}` : 'none');
      if (process.env.KIOSK_SOAK_VERBOSE) console.log(`visit ${visit}: 3D ${sceneSeen.at(-1)}`);
      await advance(4000);
      // Home, then nobody: the prompt, then the reset.
      await page.locator('.kiosk-controls-bar button').nth(1).tap(); // Home
      await settle(page);
      await advance(IDLE_S * 1000 + 500);
      await page.getByTestId('idle-prompt').waitFor();
      await advance(PROMPT_S * 1000 + 500);
      await page.getByTestId('attract').waitFor();
      // The showcase reloads in the kiosk's language: measure the attract screen as visitors see it.
      await page.locator('.attract-slide').waitFor();

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
    console.log(
      `${'visit'.padStart(6)}${'sim min'.padStart(9)}${'V8 heap MB'.padStart(12)}${'ratio'.padStart(7)}${'JS objects MB'.padStart(15)}${'ratio'.padStart(7)}${'code MB'.padStart(9)}${'nodes'.padStart(7)}${'docs'.padStart(6)}${'listeners'.padStart(11)}${'3D geom'.padStart(9)}${'3D tex'.padStart(8)}`,
    );
    for (const s of samples) {
      console.log(
        `${String(s.visit).padStart(6)}${String(s.simulatedMinutes).padStart(9)}${s.heapMb.toFixed(2).padStart(12)}${(s.heapMb / base.heapMb).toFixed(2).padStart(7)}${s.objectsMb.toFixed(2).padStart(15)}${(s.objectsMb / base.objectsMb).toFixed(3).padStart(7)}${s.codeMb.toFixed(2).padStart(9)}${String(s.nodes).padStart(7)}${String(s.documents).padStart(6)}${String(s.listeners).padStart(11)}${String(s.geometries ?? '–').padStart(9)}${String(s.textures ?? '–').padStart(8)}${s === base ? '  ← baseline' : ''}`,
      );
    }
    const tail = samples.slice(-3);
    const max = (f: (s: Sample) => number) => Math.max(...tail.map(f));
    const heapRatio = max((s) => s.heapMb) / base.heapMb;
    const objectRatio = max((s) => s.objectsMb) / base.objectsMb;
    const nodeRatio = max((s) => s.nodes) / base.nodes;
    const listenerRatio = max((s) => s.listeners) / base.listeners;
    const counts = sceneSeen.map((c) => c.split('/').map(Number));
    const early = counts.slice(0, BASELINE_AFTER).filter((c) => c.length === 2);
    const later = counts.slice(BASELINE_AFTER).filter((c) => c.length === 2);
    const bound = [Math.max(...early.map((c) => c[0])), Math.max(...early.map((c) => c[1]))];
    const laterMax = [Math.max(...later.map((c) => c[0])), Math.max(...later.map((c) => c[1]))];
    const missed = sceneSeen.filter((c) => c === 'none').length;
    const threeBounded = later.length > 0 && laterMax[0] <= bound[0] && laterMax[1] <= bound[1] && missed === 0;
    const tally = [...sceneSeen.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>())].map(([c, n]) => `${c} ×${n}`).join(', ');
    console.log(`live JS objects (max of the last 3 samples) / baseline = ${objectRatio.toFixed(3)} (goal ≤ 1.05)`);
    console.log(
      `V8 heap in use / baseline = ${heapRatio.toFixed(3)} (includes compiled code: ${base.codeMb.toFixed(2)} → ${samples.at(-1)?.codeMb.toFixed(2)} MB)`,
    );
    console.log(`DOM nodes = ${nodeRatio.toFixed(3)}, listeners = ${listenerRatio.toFixed(3)} × baseline (goal ≤ 1.05)`);
    console.log(
      `three.js geometries/textures on the 3D page: ${tally}; after the baseline at most ${laterMax.join('/')} vs ${bound.join('/')} in the first visits (goal: never more)`,
    );
    console.log(
      `WebGL warnings (too many contexts, lost contexts): ${webglWarnings.length}${webglWarnings.length ? ` — ${[...new Set(webglWarnings)].slice(0, 3).join(' | ')}` : ''}`,
    );
    if (consoleProblems.size) console.log(`console errors and warnings:\n${[...consoleProblems].map(([text, n]) => `  ${n} × ${text}`).join('\n')}`);
    if (errors.length) console.log(`page errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
    const ok = objectRatio <= 1.05 && nodeRatio <= 1.05 && listenerRatio <= 1.05 && threeBounded && errors.length === 0 && webglWarnings.length === 0;
    console.log(`kiosk soak: ${ok ? 'PASS' : 'FAIL'}`);
    return { ok };
  } finally {
    await browser.close();
    await server.stop();
  }
}
