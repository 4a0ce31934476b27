/**
 * `npm run bench scenes`: for each walkthrough scene, the draw calls, triangles and the median and
 * p95 frame time of 300 frames at 1280×720 in headless Chromium with SwiftShader (a 2-core CPU
 * standing in for the weakest kiosk GPU), in the year where the most structures stand, against an
 * empty scene drawn by the same renderer in the same run. Each frame is timed up to a one-pixel
 * readback, so the GPU's (here: SwiftShader's) work is inside the time.
 *
 * Budgets: ≤ 150 draw calls, ≤ 300k triangles, median frame ≤ 33 ms. Needs a build (see
 * scenes-harness.ts: BENCH_STATIC_DIR / E2E_STATIC_DIR / dist).
 */
import { launchChromium, openScene, startMuseum, type WalkthroughWindow } from './scenes-harness.ts';

const FRAMES = 300;
const BUDGET = { calls: 150, triangles: 300_000, medianMs: 33 };

interface Row {
  name: string;
  calls: number;
  triangles: number;
  median: number;
  p95: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

function summarise(name: string, times: number[], calls: number, triangles: number): Row {
  const sorted = [...times].sort((a, b) => a - b);
  return { name, calls, triangles, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
}

export async function benchScenes(): Promise<{ ok: boolean }> {
  const server = await startMuseum(4403);
  const browser = await launchChromium();
  try {
    const res = await fetch(`${server.url}/api/content/scenes?lang=en`);
    const ids = ((await res.json()) as { data: { id: string }[] }).data.map((s) => s.id);
    const rows: Row[] = [];
    let baseline: Row | undefined;
    for (const id of ids) {
      const { page, info } = await openScene(browser, server.url, id);
      await page.evaluate((year) => (window as unknown as WalkthroughWindow).__walkthrough.controller.setYear(year), info.busiestYear);
      await page.waitForFunction(() => (window as unknown as WalkthroughWindow).__walkthrough.probe?.settled());
      // Warm up (shader compilation, uploads), then measure.
      await page.evaluate(() => (window as unknown as WalkthroughWindow).__walkthrough.probe?.measure(20, false));
      if (!baseline) {
        await page.evaluate(() => (window as unknown as WalkthroughWindow).__walkthrough.probe?.measure(20, true));
        const empty = await page.evaluate((n) => (window as unknown as WalkthroughWindow).__walkthrough.probe?.measure(n, true), FRAMES);
        if (!empty) throw new Error('no probe');
        baseline = summarise('baseline: empty scene', empty.times, empty.calls, empty.triangles);
      }
      const m = await page.evaluate((n) => (window as unknown as WalkthroughWindow).__walkthrough.probe?.measure(n, false), FRAMES);
      if (!m) throw new Error(`no probe for ${id}`);
      rows.push(summarise(`${id} (${info.busiestYear})`, m.times, m.calls, m.triangles));
      await page.close();
    }
    if (!baseline) throw new Error('no scenes');

    console.log(`\nWalkthrough scenes: ${FRAMES} frames each at 1280×720, headless Chromium + SwiftShader`);
    console.log(`${'scene (year)'.padEnd(36)}${'draws'.padStart(7)}${'triangles'.padStart(11)}${'median ms'.padStart(11)}${'p95 ms'.padStart(9)}${'× empty'.padStart(9)}  budget`);
    let ok = true;
    for (const r of [baseline, ...rows]) {
      const within = r.calls <= BUDGET.calls && r.triangles <= BUDGET.triangles && r.median <= BUDGET.medianMs;
      if (r !== baseline) ok &&= within;
      console.log(
        `${r.name.padEnd(36)}${String(r.calls).padStart(7)}${String(r.triangles).padStart(11)}${r.median.toFixed(1).padStart(11)}${r.p95.toFixed(1).padStart(9)}${(r.median / baseline.median).toFixed(1).padStart(9)}  ${r === baseline ? '' : within ? 'PASS' : 'FAIL'}`,
      );
    }
    console.log(`budgets: ≤ ${BUDGET.calls} draw calls, ≤ ${BUDGET.triangles} triangles, median ≤ ${BUDGET.medianMs} ms: ${ok ? 'PASS' : 'FAIL'}`);
    return { ok };
  } finally {
    await browser.close();
    await server.stop();
  }
}
