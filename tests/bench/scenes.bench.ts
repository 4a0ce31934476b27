/**
 * `npm run bench scenes`: for each walkthrough scene, the draw calls, triangles and the median and
 * p95 frame time of 300 frames at 1280×720 in headless Chromium with SwiftShader (a 2-core CPU
 * standing in for the weakest kiosk GPU), in the year where the most structures stand, against
 * references drawn by the same renderer in the same run: an empty scene (a clear) and one opaque
 * layer over the whole screen — the fill-rate floor of this machine, which no scene that fills the
 * screen can beat. Each frame is timed up to a one-pixel
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

const ROUNDS = 2;

type Probe = NonNullable<WalkthroughWindow['__walkthrough']['probe']>;

export async function benchScenes(): Promise<{ ok: boolean }> {
  const server = await startMuseum(4403);
  const browser = await launchChromium();
  try {
    const res = await fetch(`${server.url}/api/content/scenes?lang=en`);
    const ids = ((await res.json()) as { data: { id: string }[] }).data.map((s) => s.id);
    // The machine is shared: measure every scene in each of ROUNDS rounds and keep each one's
    // quietest round (lowest median); the references are measured in every round too.
    const best = new Map<string, Row>();
    const keep = (row: Row) => {
      const prev = best.get(row.name);
      if (!prev || row.median < prev.median) best.set(row.name, row);
    };
    const measure = ({ mode, frames }: { mode: string; frames: number }) =>
      (window as unknown as WalkthroughWindow).__walkthrough.probe?.measure(frames, mode as 'scene' | 'empty' | 'fill');
    for (let round = 0; round < ROUNDS; round++) {
      for (const id of ids) {
        const { page, info } = await openScene(browser, server.url, id);
        await page.evaluate((year) => (window as unknown as WalkthroughWindow).__walkthrough.controller.setYear(year), info.busiestYear);
        await page.waitForFunction(() => (window as unknown as WalkthroughWindow).__walkthrough.probe?.settled());
        // Warm up (shader compilation, uploads), then measure.
        await page.evaluate(measure, { mode: 'scene', frames: 20 });
        const m = (await page.evaluate(measure, { mode: 'scene', frames: FRAMES })) as ReturnType<Probe['measure']>;
        keep(summarise(`${id} (${info.busiestYear})`, m.times, m.calls, m.triangles));
        if (id === ids[0]) {
          await page.evaluate(measure, { mode: 'fill', frames: 20 });
          const empty = (await page.evaluate(measure, { mode: 'empty', frames: FRAMES })) as ReturnType<Probe['measure']>;
          keep(summarise('baseline: empty scene (clear)', empty.times, empty.calls, empty.triangles));
          const fill = (await page.evaluate(measure, { mode: 'fill', frames: FRAMES })) as ReturnType<Probe['measure']>;
          keep(summarise('reference: one full-screen layer', fill.times, fill.calls, fill.triangles));
        }
        await page.close();
      }
    }
    const baseline = best.get('baseline: empty scene (clear)');
    const fill = best.get('reference: one full-screen layer');
    if (!baseline || !fill) throw new Error('no baseline');
    const rows = [...best.values()].filter((r) => r !== baseline && r !== fill);

    console.log(`\nWalkthrough scenes: ${FRAMES} frames each at 1280×720, headless Chromium + SwiftShader, best of ${ROUNDS} rounds`);
    console.log(
      `${'scene (year)'.padEnd(36)}${'draws'.padStart(7)}${'triangles'.padStart(11)}${'median ms'.padStart(11)}${'p95 ms'.padStart(9)}${'× 1 layer'.padStart(11)}  budget`,
    );
    let ok = true;
    for (const r of [baseline, fill, ...rows]) {
      const reference = r === baseline || r === fill;
      const within = r.calls <= BUDGET.calls && r.triangles <= BUDGET.triangles && r.median <= BUDGET.medianMs;
      if (!reference) ok &&= within;
      console.log(
        `${r.name.padEnd(36)}${String(r.calls).padStart(7)}${String(r.triangles).padStart(11)}${r.median.toFixed(1).padStart(11)}${r.p95.toFixed(1).padStart(9)}${(r.median / fill.median).toFixed(2).padStart(11)}  ${reference ? '' : within ? 'PASS' : 'FAIL'}`,
      );
    }
    console.log(`budgets: ≤ ${BUDGET.calls} draw calls, ≤ ${BUDGET.triangles} triangles, median ≤ ${BUDGET.medianMs} ms: ${ok ? 'PASS' : 'FAIL'}`);
    return { ok };
  } finally {
    await browser.close();
    await server.stop();
  }
}
