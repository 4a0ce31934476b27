/**
 * Shared by the reservation load tests (tests/server/reservations-load.test.ts) and the benchmark
 * (reservations.bench.ts): prepare a data folder with a bookable day, start the real server on it
 * in a child process, and fire bookings at it over HTTP from many concurrent clients.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import { defaultSettings, type ReservationSettings } from '../../kiosk-server/reservations/settings.ts';
import { addDays, localDate } from '../../kiosk-server/reservations/time.ts';
import { createMuseum } from '../../kiosk-server/server.ts';

export const MUSEUM_ID = 'chongqing-industrial-museum';

export interface PreparedDay {
  dataDir: string;
  date: string;
  slotIds: string[];
}

/**
 * A data folder whose museum has one extra open day (`daysAhead` from today, whatever weekday) with
 * the given rules. Written through the real service, then closed: the server opens it afterwards.
 */
export async function prepareDataDir(
  settings: Partial<ReservationSettings>,
  options: { daysAhead?: number; opens?: string; closes?: string } = {},
): Promise<PreparedDay> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'museum-res-'));
  const config = readConfig({ DATA_DIR: dataDir, STATIC_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const museum = await createMuseum(config, { log: createLogger('silent'), env: {} });
  try {
    const m = museum.reservations;
    const museumContent = (await m.museums()).find((x) => x.id === MUSEUM_ID);
    if (!museumContent) throw new Error(`no museum ${MUSEUM_ID}`);
    const base = await m.settingsFor(MUSEUM_ID);
    await m.updateSettings(MUSEUM_ID, { ...base, ...settings }, null);
    const date = addDays(localDate(new Date()), options.daysAhead ?? 2);
    await m.setDayException(MUSEUM_ID, date, { closed: false, opens: options.opens ?? '09:00', closes: options.closes ?? '17:00' }, null);
    const day = await m.staffDay(MUSEUM_ID, date);
    return { dataDir, date, slotIds: day.slots.map((s) => s.id) };
  } finally {
    await museum.close();
  }
}

export { defaultSettings };

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface MuseumProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no shutdown code runs. */
  kill(): Promise<void>;
}

/** Starts `kiosk-server/main.ts` on `dataDir` in a child process and waits until it answers. */
export async function startMuseumProcess(dataDir: string, env: Record<string, string> = {}, port?: number): Promise<MuseumProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'kiosk-server/main.ts'], {
    env: { ...process.env, PORT: String(p), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: '/nonexistent', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${p}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not start within 60 s');
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port: p, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

export interface Attempt {
  slotId: string;
  partySize: number;
  phone: string;
  idempotencyKey?: string;
}

export interface AttemptResult {
  attempt: Attempt;
  status: number;
  /** The ticket code of a 201. */
  code?: string;
  problemType?: string;
  ms: number;
  error?: string;
}

/** A mainland mobile number that is unique for `i` (per-contact limits stay out of the way). */
export function phoneFor(i: number, prefix = 139): string {
  return `${prefix}${String(i).padStart(8, '0')}`;
}

/**
 * Fires the attempts over HTTP from `clients` concurrent keep-alive connections (each client sends
 * its next booking when the previous one was answered). Network errors are results too.
 */
export async function fireBookings(
  url: string,
  attempts: Attempt[],
  clients: number,
  options: { stopAfterMs?: number; onResult?: (r: AttemptResult) => void } = {},
): Promise<AttemptResult[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL('/api/visit/bookings', url);
  const results: AttemptResult[] = [];
  let next = 0;
  const started = Date.now();
  const one = (attempt: Attempt) =>
    new Promise<AttemptResult>((resolve) => {
      const body = JSON.stringify({ slotId: attempt.slotId, partySize: attempt.partySize, contact: { name: 'Load Test', phone: attempt.phone }, lang: 'en' });
      const t0 = performance.now();
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            ...(attempt.idempotencyKey ? { 'Idempotency-Key': attempt.idempotencyKey } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => {
            const ms = performance.now() - t0;
            try {
              const parsed = JSON.parse(text) as { ticket?: { code: string }; type?: string };
              resolve({ attempt, status: res.statusCode ?? 0, code: parsed.ticket?.code, problemType: parsed.type, ms });
            } catch {
              resolve({ attempt, status: res.statusCode ?? 0, ms, error: 'unparsable body' });
            }
          });
          res.on('error', (err) => resolve({ attempt, status: 0, ms: performance.now() - t0, error: err.message }));
        },
      );
      req.on('error', (err) => resolve({ attempt, status: 0, ms: performance.now() - t0, error: err.message }));
      req.end(body);
    });
  const worker = async () => {
    while (next < attempts.length) {
      if (options.stopAfterMs !== undefined && Date.now() - started > options.stopAfterMs) return;
      const a = attempts[next++];
      const r = await one(a);
      results.push(r);
      options.onResult?.(r);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  agent.destroy();
  return results;
}

/** Reads the database file directly (read-only; WAL lets it read while the server writes). */
export function inspectDatabase(dataDir: string) {
  const db = new SQLite(path.join(dataDir, 'museum.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const slots = db.prepare('select id, capacity, booked, group_capacity, group_booked from res_slots').all() as {
      id: string;
      capacity: number;
      booked: number;
      group_capacity: number;
      group_booked: number;
    }[];
    const confirmed = db
      .prepare("select slot_id, kind, sum(party_size) as people, count(*) as bookings from res_bookings where status = 'confirmed' group by slot_id, kind")
      .all() as { slot_id: string; kind: string; people: number; bookings: number }[];
    const codes = new Set((db.prepare("select code from res_bookings where status = 'confirmed'").all() as { code: string }[]).map((r) => r.code));
    const integrity = (db.prepare('pragma integrity_check').get() as { integrity_check: string }).integrity_check;
    return { slots, confirmed, codes, integrity };
  } finally {
    db.close();
  }
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
