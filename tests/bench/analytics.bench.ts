/**
 * Analytics benchmarks (`npm run bench analytics`).
 *
 * 1. Ingest: kiosk batches of 50 events (each request new event ids) against a bare Hono server
 *    that only parses the same JSON (baseline, same run). Goal: ≥ 50,000 events/s with p99 ≤ 20 ms
 *    for the museum's durable ingest (ack after the commit). The buffered mode (ack before the
 *    write) is shown too: the price of durability.
 * 2. Reports over 10 million raw events, generated with one recursive-CTE INSERT (no HTTP):
 *    the full report from the hourly rollups (goal < 1 s) against the same report computed from
 *    the raw events (baseline, same run; the figures must be equal).
 */
import { rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { DEFAULT_ANALYTICS_OPTIONS } from '../../kiosk-server/analytics/config.ts';
import { migrateAnalytics, openAnalyticsDatabase } from '../../kiosk-server/analytics/database.ts';
import { buildReport, hourRange, localToday } from '../../kiosk-server/analytics/reports.ts';
import { createAnalyticsStore } from '../../kiosk-server/analytics/store.ts';
import { startServer, tempDataDir } from './harness.ts';

const BATCH = 50;
const DAY_MS = 86_400_000;

interface IngestFigures {
  name: string;
  eventsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** A batch body with fresh, time-ordered event ids on every call (cheap string building). */
function batchMaker() {
  let counter = 0;
  const session = crypto.randomUUID();
  return () => {
    const now = Date.now();
    const hex = now.toString(16).padStart(12, '0');
    const parts: string[] = [];
    for (let i = 0; i < BATCH; i++) {
      counter += 1;
      const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8${(process.pid % 4096).toString(16).padStart(3, '0')}-${counter.toString(16).padStart(12, '0')}`;
      const exhibit = `site-${counter % 40}`;
      parts.push(
        i % 3 === 0
          ? `{"id":"${id}","type":"page_view","at":${now},"session":"${session}","lang":"zh-Hans","path":"/sites/${exhibit}"}`
          : `{"id":"${id}","type":"exhibit_view","at":${now},"session":"${session}","lang":"en","exhibit":"${exhibit}","kind":"site","ms":${(counter * 37) % 90000}}`,
      );
    }
    return `{"sentAt":${now},"events":[${parts.join(',')}]}`;
  };
}

async function loadIngest(name: string, url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<IngestFigures> {
  const make = batchMaker();
  const r = await autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    pipelining: 1,
    headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36', ...headers },
    requests: [{ method: 'POST', setupRequest: (req: object) => ({ ...req, body: make() }) }],
  });
  return { name, eventsPerSec: r.requests.average * BATCH, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

async function kioskToken(url: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'bench-admin', password: 'bench-password-123456' }),
  });
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = /museum_session=[^;]*/.exec(signIn.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const res = await fetch(`${url}/api/admin/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
    body: JSON.stringify({ kind: 'kiosk', name: 'bench kiosk', hallId: 'hall-1' }),
  });
  if (res.status !== 201) throw new Error(`could not register a kiosk: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function benchIngest(): Promise<boolean> {
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
  const seconds = Number(process.env.BENCH_SECONDS ?? 6);
  const env = { STATIC_DIR: '/nonexistent', MUSEUM_ADMIN_USERNAME: 'bench-admin', MUSEUM_ADMIN_PASSWORD: 'bench-password-123456' };
  const baseline = await startServer('tests/bench/analytics-baseline-server.ts', {}, '/hello', 4411);
  const durable = await startServer('kiosk-server/main.ts', { ...env, DATA_DIR: tempDataDir() }, '/api/health', 4412);
  const buffered = await startServer('kiosk-server/main.ts', { ...env, DATA_DIR: tempDataDir(), ANALYTICS_ACK: 'buffered' }, '/api/health', 4413);
  try {
    const tokens = { durable: await kioskToken(durable.url), buffered: await kioskToken(buffered.url) };
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    // Warm up (JIT), then measure one after the other.
    await loadIngest('warm', `${baseline.url}/ingest`, {}, 1, connections);
    await loadIngest('warm', `${durable.url}/api/analytics/events`, auth(tokens.durable), 2, connections);
    await loadIngest('warm', `${buffered.url}/api/analytics/events`, auth(tokens.buffered), 1, connections);
    const base = await loadIngest('baseline: bare Hono, parse only', `${baseline.url}/ingest`, {}, seconds, connections);
    const rows = [
      await loadIngest('museum ingest, durable ack', `${durable.url}/api/analytics/events`, auth(tokens.durable), seconds, connections),
      await loadIngest('museum ingest, buffered ack', `${buffered.url}/api/analytics/events`, auth(tokens.buffered), seconds, connections),
    ];
    console.log(`\nAnalytics ingest (autocannon, ${connections} connections, ${seconds} s each, ${BATCH} events per request, kiosk token)`);
    console.log(`${'case'.padEnd(36)}${'events/s'.padStart(11)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'ratio'.padStart(8)}`);
    for (const r of [base, ...rows]) {
      console.log(
        `${r.name.padEnd(36)}${r.eventsPerSec.toFixed(0).padStart(11)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${(r.eventsPerSec / base.eventsPerSec).toFixed(2).padStart(8)}` +
          (r.non2xx || r.errors ? `  (non-2xx ${r.non2xx}, errors ${r.errors})` : ''),
      );
    }
    const d = rows[0];
    const ok = d.eventsPerSec >= 50_000 && d.p99 <= 20 && d.non2xx === 0 && d.errors === 0;
    console.log(`durable ingest: ${d.eventsPerSec.toFixed(0)} events/s (goal ≥ 50,000), p99 ${d.p99} ms (goal ≤ 20): ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    await Promise.all([baseline.stop(), durable.stop(), buffered.stop()]);
  }
}

async function benchReports(): Promise<boolean> {
  const N = Number(process.env.BENCH_EVENTS ?? 10_000_000);
  const days = 60;
  const dir = tempDataDir();
  const db = openAnalyticsDatabase({ dataDir: dir });
  await migrateAnalytics(db);
  const opts = DEFAULT_ANALYTICS_OPTIONS;
  const store = createAnalyticsStore(db, { utcOffsetHours: opts.utcOffsetHours });
  try {
    const sqlite = db.sqlite!;
    const now = new Date();
    const to = localToday(now, opts.utcOffsetHours);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
    const { fromHour, toHour } = hourRange(from, to, opts.utcOffsetHours);
    const perDay = Math.ceil(N / days);
    // Opening hours 09:00–18:00 local, events spread evenly; ids and hours rise with n, as they
    // would arrive, so both indexes append.
    const t0 = performance.now();
    sqlite.exec(`
      insert into analytics_events (id, at, hour, received, source, kiosk_id, hall_id, session, type, lang, subject, detail, ms)
      with recursive seq(n) as (select 0 union all select n + 1 from seq where n < ${N - 1}),
      base as (
        select n, ${fromHour * 3_600_000} + (n / ${perDay}) * ${DAY_MS} + 9 * 3600000 + ((n % ${perDay}) * ${Math.floor((9 * 3_600_000) / perDay)}) as at,
               n % 20 as k, n / 12 as s, (n * 7919) % 60 as x
        from seq)
      select printf('00000000-0000-7000-8000-%012d', n), at, at / 3600000, at,
        case when s % 3 = 0 then 'web' else 'kiosk' end,
        case when s % 3 = 0 then 0 else 1 + s % 20 end,
        case when s % 3 = 0 then '' else 'hall-' || (s % 4) end,
        printf('%08d-0000-4000-8000-000000000000', s),
        case when k = 0 then 'session_start' when k = 1 then 'session_end' when k < 7 then 'page_view' when k < 11 then 'exhibit_view'
             when k = 11 then 'walkthrough_start' when k < 14 then 'walkthrough_progress' when k = 14 then 'walkthrough_complete'
             when k = 15 then 'narration_play' when k = 16 then 'narration_complete' when k = 17 then 'language_switch'
             when k = 18 then 'booking_step' else 'hotspot_tap' end,
        case when s % 10 < 6 then 'zh-Hans' when s % 10 < 9 then 'en' else 'zh-Hant' end,
        case when k = 1 then 'idle' when k < 7 then '/sites/site-' || x when k < 11 then 'site-' || x when k < 15 then 'walk-' || (x % 6)
             when k < 17 then 'narration-' || (x % 12) when k = 17 then 'zh-Hans' when k = 18 then
               case x % 4 when 0 then 'calendar' when 1 then 'form' when 2 then 'confirmed' else 'checked_in' end
             else 'walk-' || (x % 6) end,
        case when k < 7 then '' when k < 11 then 'site' when k < 14 then cast(1 + n % 5 as text) when k = 17 then 'en' when k = 19 then 'hotspot-' || (x % 9) else '' end,
        case when k = 1 or k < 11 or k = 14 or k = 16 then (n * 31) % 120000 else 0 end
      from base`);
    const loadS = (performance.now() - t0) / 1000;
    const count = await store.countEvents();
    const t1 = performance.now();
    await store.rebuildRollups(fromHour, toHour);
    const rollupS = (performance.now() - t1) / 1000;
    const rollupRows = Number(sqlite.prepare('select count(*) from analytics_hourly').pluck().get());

    const reportOpts = { utcOffsetHours: opts.utcOffsetHours, suppressBelow: opts.suppressBelow, kiosks: [] };
    const times: number[] = [];
    let fast = await buildReport(store, { from, to }, reportOpts);
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      fast = await buildReport(store, { from, to }, reportOpts);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const t2 = performance.now();
    const rawStore = { ...store, aggregate: (q: Parameters<typeof store.aggregate>[0]) => store.aggregate({ ...q, from: 'raw' }) };
    const slow = await buildReport(rawStore, { from, to }, reportOpts);
    const rawMs = performance.now() - t2;
    const t3 = performance.now();
    await buildReport(store, { from, to, hallId: 'hall-2', source: 'kiosk' }, reportOpts);
    const filteredMs = performance.now() - t3;
    const same = JSON.stringify(fast) === JSON.stringify(slow);

    console.log(`\nAnalytics reports over ${count.toLocaleString('en')} raw events (${days} days; ${rollupRows.toLocaleString('en')} hourly rollup rows)`);
    console.log(`  bulk insert (recursive CTE)          ${loadS.toFixed(1)} s  (${Math.round(count / loadS).toLocaleString('en')} rows/s)`);
    console.log(`  rollup rebuild from raw              ${rollupS.toFixed(1)} s`);
    console.log(`  baseline: full report from raw       ${rawMs.toFixed(0)} ms`);
    console.log(
      `  full report from rollups             median ${times[2].toFixed(0)} ms, max ${times[4].toFixed(0)} ms  (${(rawMs / times[2]).toFixed(0)}× faster)`,
    );
    console.log(`  report filtered to one hall (kiosk)  ${filteredMs.toFixed(0)} ms`);
    console.log(`  same figures from raw and rollups:   ${same ? 'yes' : 'NO'}`);
    const ok = times[4] < 1000 && same && count === N;
    console.log(`report over ${count.toLocaleString('en')} events: ${times[4].toFixed(0)} ms (goal < 1000): ${ok ? 'PASS' : 'FAIL'}`);
    return ok;
  } finally {
    await store.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAnalytics(): Promise<{ ok: boolean }> {
  const only = process.env.BENCH_ANALYTICS;
  const ingestOk = only === 'reports' ? true : await benchIngest();
  const reportsOk = only === 'ingest' ? true : await benchReports();
  return { ok: ingestOk && reportsOk };
}
