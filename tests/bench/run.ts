/**
 * `npm run bench [names…]`: runs the benchmarks (all, or those named) and prints their figures.
 * Exits 1 when a goal is missed, so a regression is visible.
 */
import { benchAnalytics } from './analytics.bench.ts';
import { benchContent } from './content.bench.ts';
import { benchKioskSoak } from './kiosk-soak.ts';
import { benchPublish } from './publish.bench.ts';
import { benchReservations } from './reservations.bench.ts';
import { benchScenes } from './scenes.bench.ts';

const suites: Record<string, () => Promise<{ ok: boolean }>> = {
  content: benchContent,
  publish: benchPublish,
  analytics: benchAnalytics,
  reservations: benchReservations,
  'kiosk-soak': benchKioskSoak,
  scenes: benchScenes,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
let failed = false;
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const { ok } = await suite();
  failed ||= !ok;
}
process.exit(failed ? 1 : 0);
