/**
 * Content API throughput: list and detail (200 and 304) against a bare Hono hello-world measured
 * in the same run. Goal: content detail at least 50% of hello-world req/s.
 */
import { load, printTable, startServer, tempDataDir } from './harness.ts';

export async function benchContent(): Promise<{ ok: boolean }> {
  const hello = await startServer('tests/bench/hello-server.ts', {}, '/hello', 4401);
  const museum = await startServer('kiosk-server/main.ts', { DATA_DIR: tempDataDir(), STATIC_DIR: '/nonexistent' }, '/api/health', 4402);
  try {
    // Warm up both (JIT, caches), then measure alternately.
    await load('warm', `${hello.url}/hello`, { seconds: 1 });
    await load('warm', `${museum.url}/api/content/sites/erchang?lang=en`, { seconds: 1 });
    const detailUrl = `${museum.url}/api/content/sites/erchang?lang=en`;
    const etag = (await fetch(detailUrl)).headers.get('etag') ?? '';
    const baseline = await load('hello-world (bare Hono)', `${hello.url}/hello`);
    const rows = [
      await load('content list  /sites?lang=en', `${museum.url}/api/content/sites?lang=en`),
      await load('content detail /sites/:id 200', detailUrl),
      await load('content detail /sites/:id 304', detailUrl, { headers: { 'If-None-Match': etag } }),
      await load('era detail /eras/:id 200', `${museum.url}/api/content/eras/wartime?lang=zh-Hans`),
    ];
    printTable('Content API (autocannon, 32 connections, 5 s each)', baseline, rows);
    const detailRatio = rows[1].requestsPerSec / baseline.requestsPerSec;
    const ok = detailRatio >= 0.5;
    console.log(`content detail / hello-world = ${detailRatio.toFixed(2)} (goal ≥ 0.50): ${ok ? 'PASS' : 'FAIL'}`);
    return { ok };
  } finally {
    await Promise.all([hello.stop(), museum.stop()]);
  }
}
