/**
 * SIGTERM during ingest loses no acknowledged event: a real server process (kiosk-server/main.ts)
 * takes batches from several clients, gets a signal mid-stream, and afterwards every event id that
 * was acknowledged is in DATA_DIR/analytics.sqlite.
 *
 * The control runs the same load with acknowledgements before the write ('buffered', a long flush
 * delay) and SIGKILL: acknowledged events go missing, so the check can see a loss.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/museum.ts';
import { BROWSER_UA, event } from './analytics-support.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Run {
  acked: Set<string>;
  ackedAfterSignal: number;
  stored: Set<string>;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
}

async function runIngestAndStop(env: Record<string, string>, stopWith: 'SIGTERM' | 'SIGKILL'): Promise<Run> {
  const dataDir = tempDir('analytics-shutdown-');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'none'), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (i > 300) throw new Error(`server did not start: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const acked = new Set<string>();
  let signalled = false;
  let ackedAfterSignal = 0;
  let stop = false;
  const client = async () => {
    while (!stop) {
      const batch = Array.from({ length: 50 }, (_, i) => event({ type: 'page_view', path: `/sites/s${i}` }, Date.now()));
      try {
        const res = await fetch(`${url}/api/analytics/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'User-Agent': BROWSER_UA },
          body: JSON.stringify({ events: batch }),
        });
        if (res.status !== 200) {
          await res.body?.cancel();
          continue; // 503 while shutting down: not acknowledged
        }
        const body = (await res.json()) as { results: { id: string; status: string }[] };
        for (const r of body.results) if (r.status === 'stored' || r.status === 'accepted' || r.status === 'duplicate') acked.add(r.id);
        if (signalled) ackedAfterSignal += 1;
      } catch {
        if (signalled) return; // the server is gone
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const clients = Array.from({ length: 8 }, client);
  // Let ingest run, then stop the server in the middle of it.
  while (acked.size < 3000) await new Promise((r) => setTimeout(r, 20));
  signalled = true;
  child.kill(stopWith);
  const { code, signal } = await exited;
  stop = true;
  await Promise.all(clients);

  const db = new SQLite(path.join(dataDir, 'analytics.sqlite'), { readonly: true });
  const stored = new Set(db.prepare('select id from analytics_events').pluck().all() as string[]);
  db.close();
  return { acked, ackedAfterSignal, stored, exitCode: code, signal };
}

const missing = (run: Run) => [...run.acked].filter((id) => !run.stored.has(id));

describe('no acknowledged event is lost when the server stops', () => {
  it('SIGTERM mid-ingest (ack after the durable write): every acknowledged event is stored, clean exit', async () => {
    const run = await runIngestAndStop({}, 'SIGTERM');
    expect(run.exitCode).toBe(0);
    expect(run.acked.size).toBeGreaterThanOrEqual(3000);
    expect(missing(run)).toEqual([]);
    // Requests in flight when the signal came were finished and acknowledged, not dropped.
    expect(run.ackedAfterSignal).toBeGreaterThan(0);
  }, 60_000);

  it('even SIGKILL loses nothing acknowledged: the ack comes after the commit', async () => {
    const run = await runIngestAndStop({}, 'SIGKILL');
    expect(run.signal).toBe('SIGKILL');
    expect(missing(run)).toEqual([]);
  }, 60_000);

  it('buffered acks survive SIGTERM only because shutdown flushes the buffer', async () => {
    const run = await runIngestAndStop({ ANALYTICS_ACK: 'buffered', ANALYTICS_FLUSH_MS: '60000', ANALYTICS_FLUSH_ROWS: '100000' }, 'SIGTERM');
    expect(run.exitCode).toBe(0);
    expect(run.stored.size).toBeGreaterThan(0);
    expect(missing(run)).toEqual([]);
  }, 60_000);

  it('control: acks before the write and a hard kill do lose acknowledged events (the check can fail)', async () => {
    const run = await runIngestAndStop({ ANALYTICS_ACK: 'buffered', ANALYTICS_FLUSH_MS: '60000', ANALYTICS_FLUSH_ROWS: '100000' }, 'SIGKILL');
    expect(missing(run).length).toBeGreaterThan(0);
  }, 60_000);
});
