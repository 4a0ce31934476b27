/**
 * Analytics rules: which events are taken (each judged on its own), where they come from, clock
 * skew, the write buffer, retention, and the reports. No HTTP here (routes.ts), no SQL (store.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../log.ts';
import { isBot, optedOut } from './bots.ts';
import { type AckMode, BufferClosedError, WriteBuffer } from './buffer.ts';
import type { AnalyticsOptions } from './config.ts';
import type { AnalyticsDb } from './database.ts';
import { EVENT_SCHEMAS, type EventRow, type EventSource, type EventType, HOUR_MS, type TrackInput, toRow } from './events.ts';
import { buildReport, type CsvSection, type KioskInfo, localToday, type Report, type ReportQuery, reportTable, toCsv } from './reports.ts';
import type { AnalyticsStore } from './store.ts';

const DAY_MS = 24 * HOUR_MS;

export interface FieldError {
  path: string;
  message: string;
}

export type ItemStatus = 'stored' | 'duplicate' | 'accepted' | 'rejected';

export interface ItemResult {
  /** The event's position in the batch. */
  index: number;
  /** Its id, when it had a readable one. */
  id?: string;
  /** stored: new; duplicate: this id was stored before (a resend), not counted again; accepted:
   * queued (buffered ack mode only); rejected: malformed, unknown or out of range (see errors). */
  status: ItemStatus;
  errors?: FieldError[];
}

export interface IngestResult {
  received: number;
  stored: number;
  duplicates: number;
  accepted: number;
  rejected: number;
  results: ItemResult[];
}

export type IngestOrigin =
  | { source: 'kiosk'; kioskId: number; hallId: string | null }
  | { source: 'web'; userAgent?: string; doNotTrack?: string; globalPrivacyControl?: string };

export type IngestOutcome = { ignored: 'bot' | 'do-not-track' } | IngestResult;

export interface AnalyticsService {
  readonly options: AnalyticsOptions;
  /** The SQL underneath (benchmarks and tests compare rollups with raw events through it). */
  readonly store: AnalyticsStore;
  /** Validates each event on its own, stores the good ones (after the commit in durable mode). */
  ingest(batch: { sentAt?: number; events: unknown[] }, origin: IngestOrigin): Promise<IngestOutcome>;
  /** An event that happens on the server (e.g. a ticket checked in: booking_step checked_in). */
  record(event: TrackInput, options?: { lang?: string; at?: Date }): Promise<void>;
  report(q: Partial<ReportQuery>): Promise<Report>;
  csv(section: CsvSection, q: Partial<ReportQuery>): Promise<{ filename: string; body: string }>;
  /** Recomputes the rollups of UTC hours [fromHour, toHour) from raw events (repairs, bulk loads). */
  rebuildRollups(fromHour: number, toHour: number): Promise<void>;
  /** Deletes raw events older than the retention period; returns how many. */
  prune(): Promise<number>;
  /** Writes whatever the buffer holds. */
  flush(): Promise<void>;
  /** Rows received and not yet committed. */
  pending(): number;
  start(): void;
  /** Stops timers, refuses new batches, writes the buffer, closes the database. */
  close(): Promise<void>;
}

export interface AnalyticsDeps {
  db: AnalyticsDb;
  store: AnalyticsStore;
  options: AnalyticsOptions;
  log: Logger;
  now?: () => Date;
  random?: (n: number) => Uint8Array;
  /** The registered kiosks, for names in reports. */
  kiosks?: () => Promise<KioskInfo[]>;
}

/** A UUIDv7: 48 bits of ms time, then random bits (RFC 9562). Time-ordered ids keep the primary key index appending. */
export function uuidv7(ms: number, random: (n: number) => Uint8Array = (n) => randomBytes(n)): string {
  const b = random(16);
  const hex = ms.toString(16).padStart(12, '0').slice(-12);
  const r = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const variant = ((b[8] & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r.slice(13, 16)}-${variant}${r.slice(18, 20)}-${r.slice(20, 32)}`;
}

const SERVER_SESSION = '00000000-0000-0000-0000-000000000000';

function issuesOf(index: number, issues: { path: PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => ({ path: ['events', index, ...i.path.map(String)].join('.'), message: i.message }));
}

export class ShuttingDownError extends Error {}

export function createAnalyticsService(deps: AnalyticsDeps): AnalyticsService {
  const { store, options, log } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? ((n: number) => randomBytes(n));
  const buffer = new WriteBuffer<EventRow>({
    write: (rows) => store.writeEvents(rows),
    maxRows: options.flushMaxRows,
    maxDelayMs: options.flushMaxDelayMs,
    ack: options.ack as AckMode,
    onError: (err) => log.error({ err }, 'analytics write failed; the batch was not acknowledged'),
  });
  const timers: ReturnType<typeof setInterval>[] = [];

  async function write(rows: EventRow[]): Promise<boolean[] | undefined> {
    try {
      return await buffer.write(rows);
    } catch (err) {
      if (err instanceof BufferClosedError) throw new ShuttingDownError(err.message);
      throw err;
    }
  }

  async function ingest(batch: { sentAt?: number; events: unknown[] }, origin: IngestOrigin): Promise<IngestOutcome> {
    if (origin.source === 'web') {
      if (optedOut({ dnt: origin.doNotTrack, gpc: origin.globalPrivacyControl })) return { ignored: 'do-not-track' };
      if (isBot(origin.userAgent)) return { ignored: 'bot' };
    }
    const received = now().getTime();
    // A kiosk whose clock is off by minutes still files its events at the right hour.
    const skew = batch.sentAt !== undefined && Math.abs(received - batch.sentAt) > options.skewThresholdMs ? received - batch.sentAt : 0;
    const oldest = received - options.acceptDays * DAY_MS;
    const ctx = {
      source: origin.source as EventSource,
      kioskId: origin.source === 'kiosk' ? origin.kioskId : 0,
      hallId: origin.source === 'kiosk' ? (origin.hallId ?? '') : '',
      received,
    };
    const results: ItemResult[] = new Array(batch.events.length);
    const rows: EventRow[] = [];
    const rowIndex: number[] = [];
    batch.events.forEach((item, index) => {
      const type = typeof item === 'object' && item !== null ? (item as { type?: unknown }).type : undefined;
      const rawId = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
      const id = typeof rawId === 'string' && rawId.length <= 64 ? rawId.toLowerCase() : undefined;
      const schema = typeof type === 'string' && Object.hasOwn(EVENT_SCHEMAS, type) ? EVENT_SCHEMAS[type as EventType] : undefined;
      if (!schema) {
        const message = typeof type === 'string' ? `unknown event type "${type.slice(0, 40)}"` : 'an event needs a string "type"';
        results[index] = { index, id, status: 'rejected', errors: [{ path: `events.${index}.type`, message }] };
        return;
      }
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        results[index] = { index, id, status: 'rejected', errors: issuesOf(index, parsed.error.issues) };
        return;
      }
      const at = parsed.data.at + skew;
      if (at > received + options.futureToleranceMs) {
        results[index] = { index, id, status: 'rejected', errors: [{ path: `events.${index}.at`, message: 'is in the future' }] };
        return;
      }
      if (at < oldest) {
        results[index] = { index, id, status: 'rejected', errors: [{ path: `events.${index}.at`, message: `is older than ${options.acceptDays} days` }] };
        return;
      }
      rows.push(toRow(parsed.data, at, ctx));
      rowIndex.push(index);
    });
    const stored = await write(rows);
    rowIndex.forEach((index, i) => {
      const status: ItemStatus = stored === undefined ? 'accepted' : stored[i] ? 'stored' : 'duplicate';
      results[index] = { index, id: rows[i].id, status };
    });
    const count = (s: ItemStatus) => results.reduce((n, r) => n + (r.status === s ? 1 : 0), 0);
    return {
      received: batch.events.length,
      stored: count('stored'),
      duplicates: count('duplicate'),
      accepted: count('accepted'),
      rejected: count('rejected'),
      results,
    };
  }

  function resolveQuery(q: Partial<ReportQuery>): ReportQuery {
    const to = q.to ?? localToday(now(), options.utcOffsetHours);
    const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
    return { from, to, source: q.source, hallId: q.hallId };
  }

  async function report(q: Partial<ReportQuery>): Promise<Report> {
    const kiosks = deps.kiosks ? await deps.kiosks() : [];
    return buildReport(store, resolveQuery(q), { utcOffsetHours: options.utcOffsetHours, suppressBelow: options.suppressBelow, kiosks });
  }

  async function prune(): Promise<number> {
    const cutoff = Math.floor((now().getTime() - options.retentionDays * DAY_MS) / HOUR_MS);
    let total = 0;
    for (;;) {
      const n = await store.pruneChunk(cutoff, 5000);
      total += n;
      if (n < 5000) break;
      await new Promise((r) => setImmediate(r));
    }
    if (total) log.info({ deleted: total, beforeHour: cutoff }, 'pruned raw analytics events');
    return total;
  }

  return {
    options,
    store,
    ingest,
    async record(event, opts = {}) {
      const at = (opts.at ?? now()).getTime();
      const full = { ...event, id: uuidv7(at, random), at, session: SERVER_SESSION, lang: opts.lang ?? 'zh-Hans' };
      const parsed = EVENT_SCHEMAS[event.type].safeParse(full);
      if (!parsed.success) throw new Error(`invalid server event: ${parsed.error.message}`);
      await write([toRow(parsed.data, at, { source: 'server', kioskId: 0, hallId: '', received: now().getTime() })]);
    },
    report,
    async csv(section, q) {
      const r = await report(q);
      return { filename: `museum-${section}-${r.range.from}_${r.range.to}.csv`, body: toCsv(reportTable(r, section)) };
    },
    async rebuildRollups(fromHour, toHour) {
      // Below the retention cutoff the raw events are gone: rebuilding would wipe good rollups.
      const cutoff = Math.floor((now().getTime() - options.retentionDays * DAY_MS) / HOUR_MS);
      await buffer.flush();
      await store.rebuildRollups(Math.max(fromHour, cutoff), toHour);
    },
    prune,
    flush: () => buffer.flush(),
    pending: () => buffer.pending,
    start() {
      const run = () =>
        prune().catch((err) => {
          log.error({ err }, 'pruning analytics events failed');
          return 0;
        });
      void run();
      const t = setInterval(run, options.pruneEveryMs);
      t.unref();
      timers.push(t);
    },
    async close() {
      for (const t of timers) clearInterval(t);
      await buffer.close();
      await store.close();
      await deps.db.close();
    },
  };
}
