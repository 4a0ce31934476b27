/**
 * Benchmark helpers: start a server in its own process, load it with autocannon, print a table
 * with ratios against a baseline measured in the same run (the machines are shared and noisy).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns `tsx <script>` with env, waits for it to answer `readyPath`. */
export async function startServer(script: string, env: Record<string, string>, readyPath: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      const res = await fetch(url + readyPath);
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'museum-bench-'));
}

export interface LoadResult {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export async function load(
  name: string,
  url: string,
  opts: { headers?: Record<string, string>; seconds?: number; connections?: number } = {},
): Promise<LoadResult> {
  const r = await autocannon({ url, headers: opts.headers, duration: opts.seconds ?? 5, connections: opts.connections ?? 32, pipelining: 1 });
  return { name, requestsPerSec: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

export function printTable(title: string, baseline: LoadResult, rows: LoadResult[]) {
  console.log(`\n${title}`);
  console.log(`${'case'.padEnd(34)}${'req/s'.padStart(10)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'ratio'.padStart(8)}`);
  for (const r of [baseline, ...rows]) {
    const ratio = r.requestsPerSec / baseline.requestsPerSec;
    console.log(
      `${r.name.padEnd(34)}${r.requestsPerSec.toFixed(0).padStart(10)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${ratio.toFixed(2).padStart(8)}` +
        (r.non2xx || r.errors ? `  (non-2xx ${r.non2xx}, errors ${r.errors})` : ''),
    );
  }
}
