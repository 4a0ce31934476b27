/**
 * Publish → live push: 200 SSE clients are connected; a curator publishes (save a draft file,
 * POST /api/curator/publish); every client must receive the new version. Reports the delivery
 * latency from the publish request to each client's event (p50/p99/max, goal p99 < 1 s), against
 * a bare Hono SSE fan-out measured in the same run. Then 1,000 connect/disconnect cycles: the
 * server must be left with no open connections (no leak).
 */
import http from 'node:http';
import { startServer, tempDataDir } from './harness.ts';

const CLIENTS = 200;
const ROUNDS = 5;
const CYCLES = 1000;
const CYCLE_CONCURRENCY = 50;
const ADMIN = { username: 'bench-admin', password: 'bench-admin-password' };

const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });

interface Client {
  /** Resolves with the time the next `version` event with data.version >= v arrived. */
  waitFor(v: number): Promise<number>;
  first: Promise<number>;
  close(): void;
}

/** A minimal SSE client on node:http (one socket each, like a kiosk's EventSource). */
function connect(url: string, headers: Record<string, string> = {}): Client {
  const waiters: { v: number; resolve: (t: number) => void }[] = [];
  let latest = -1;
  let resolveFirst: (v: number) => void = () => {};
  const first = new Promise<number>((r) => {
    resolveFirst = r;
  });
  const req = http.get(url, { agent, headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
    res.setEncoding('utf8');
    let buffer = '';
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (data) {
          const at = performance.now();
          const v = (JSON.parse(data) as { version: number }).version;
          if (latest < 0) resolveFirst(v);
          latest = v;
          for (const w of waiters.splice(0)) {
            if (v >= w.v) w.resolve(at);
            else waiters.push(w);
          }
        }
        cut = buffer.indexOf('\n\n');
      }
    });
    res.on('error', () => {});
  });
  req.on('error', () => {});
  return {
    first,
    waitFor: (v) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no version ${v} within 10 s`)), 10_000);
        waiters.push({
          v,
          resolve: (t) => {
            clearTimeout(timer);
            resolve(t);
          },
        });
      }),
    close: () => req.destroy(),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Figures {
  name: string;
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
}

function figures(name: string, samples: number[], expected: number): Figures {
  const s = [...samples].sort((a, b) => a - b);
  return { name, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1], delivered: samples.length, expected };
}

async function museumSession(base: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = /museum_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { Cookie: cookie, 'X-CSRF-Token': csrfToken };
}

async function liveConnections(base: string, session: Record<string, string>): Promise<number> {
  return ((await (await fetch(`${base}/api/curator/live`, { headers: session })).json()) as { connections: number }).connections;
}

async function waitUntil(check: () => Promise<boolean>, ms: number): Promise<number> {
  const start = performance.now();
  while (!(await check())) {
    if (performance.now() - start > ms) return -1;
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - start;
}

export async function benchPublish(): Promise<{ ok: boolean }> {
  const bare = await startServer('tests/bench/hello-sse-server.ts', {}, '/count', 4431);
  const museum = await startServer(
    'kiosk-server/main.ts',
    { DATA_DIR: tempDataDir(), STATIC_DIR: '/nonexistent', MUSEUM_ADMIN_USERNAME: ADMIN.username, MUSEUM_ADMIN_PASSWORD: ADMIN.password },
    '/api/health',
    4432,
  );
  try {
    // Baseline: the bare fan-out.
    const bareClients = Array.from({ length: CLIENTS }, () => connect(`${bare.url}/events`));
    await Promise.all(bareClients.map((c) => c.first));
    const bareSamples: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const t0 = performance.now();
      const arrivals = bareClients.map((c) => c.waitFor(round));
      await fetch(`${bare.url}/go`, { method: 'POST' });
      for (const at of await Promise.allSettled(arrivals)) if (at.status === 'fulfilled') bareSamples.push(at.value - t0);
    }
    for (const c of bareClients) c.close();

    // The museum: publish through the curator API while 200 clients listen.
    const session = await museumSession(museum.url);
    const clients = Array.from({ length: CLIENTS }, () => connect(`${museum.url}/api/content/events`));
    const firstVersions = await Promise.all(clients.map((c) => c.first));
    const openBefore = await liveConnections(museum.url, session);
    const samples: number[] = [];
    const requestMs: number[] = [];
    let version = Math.max(...firstVersions);
    for (let round = 1; round <= ROUNDS; round++) {
      const file = await (await fetch(`${museum.url}/api/curator/file?path=sites/erchang.json`, { headers: session })).json();
      const { content, etag } = file as { content: { summary: { en: string } }; etag: string };
      content.summary.en = `Benchmark round ${round} at ${Date.now()}.`;
      const saved = await fetch(`${museum.url}/api/curator/file?path=sites/erchang.json`, {
        method: 'PUT',
        headers: { ...session, 'Content-Type': 'application/json', 'If-Match': etag },
        body: JSON.stringify(content),
      });
      if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${await saved.text()}`);
      const arrivals = clients.map((c) => c.waitFor(version + 1));
      const t0 = performance.now();
      const res = await fetch(`${museum.url}/api/curator/publish`, {
        method: 'POST',
        headers: { ...session, 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: `bench ${round}` }),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
      requestMs.push(performance.now() - t0);
      version = ((await res.json()) as { version: number }).version;
      for (const at of await Promise.allSettled(arrivals)) if (at.status === 'fulfilled') samples.push(at.value - t0);
    }
    for (const c of clients) c.close();
    const drainMs = await waitUntil(async () => (await liveConnections(museum.url, session)) === 0, 5000);

    // 1,000 connect → first event → disconnect cycles, 50 at a time.
    const cycleStart = performance.now();
    let done = 0;
    while (done < CYCLES) {
      const batch = Array.from({ length: Math.min(CYCLE_CONCURRENCY, CYCLES - done) }, () => connect(`${museum.url}/api/content/events`));
      await Promise.all(batch.map((c) => c.first));
      for (const c of batch) c.close();
      done += batch.length;
    }
    const cycleMs = performance.now() - cycleStart;
    const settleMs = await waitUntil(async () => (await liveConnections(museum.url, session)) === 0, 5000);
    const leaked = await liveConnections(museum.url, session);

    const base = figures('bare Hono SSE fan-out (baseline)', bareSamples, CLIENTS * ROUNDS);
    const row = figures('museum publish → SSE event', samples, CLIENTS * ROUNDS);
    console.log(`\nPublish → live push (${CLIENTS} SSE clients, ${ROUNDS} publishes; latency from the publish request to each client's event)`);
    console.log(
      `${'case'.padEnd(36)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'max ms'.padStart(9)}${'delivered'.padStart(12)}${'p99 ratio'.padStart(11)}`,
    );
    for (const r of [base, row]) {
      console.log(
        `${r.name.padEnd(36)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.max.toFixed(1).padStart(9)}${`${r.delivered}/${r.expected}`.padStart(12)}${(r.p99 / base.p99).toFixed(2).padStart(11)}`,
      );
    }
    const req = [...requestMs].sort((a, b) => a - b);
    console.log(
      `publish request itself (validate, store, push, diff, audit): median ${percentile(req, 50).toFixed(1)} ms, max ${req[req.length - 1].toFixed(1)} ms`,
    );
    console.log(`open connections with ${CLIENTS} clients: ${openBefore}; after they closed: 0 within ${drainMs < 0 ? '>5000' : drainMs.toFixed(0)} ms`);
    console.log(
      `${CYCLES} connect/disconnect cycles (${CYCLE_CONCURRENCY} at a time): ${cycleMs.toFixed(0)} ms (${((cycleMs / CYCLES) * CYCLE_CONCURRENCY).toFixed(1)} ms per batch); open connections after: ${leaked} (settled in ${settleMs < 0 ? '>5000' : settleMs.toFixed(0)} ms)`,
    );
    const delivered = row.delivered === row.expected;
    const ok = delivered && row.p99 < 1000 && leaked === 0 && openBefore === CLIENTS;
    console.log(
      `all clients got every version: ${delivered ? 'yes' : 'NO'}; p99 ${row.p99.toFixed(1)} ms (goal < 1000 ms); leaked connections ${leaked} (goal 0): ${ok ? 'PASS' : 'FAIL'}`,
    );
    return { ok };
  } finally {
    agent.destroy();
    await Promise.all([bare.stop(), museum.stop()]);
  }
}
