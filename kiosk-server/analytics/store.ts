/**
 * SQL for analytics. Raw events go in with their rollup deltas in ONE transaction, so the hourly
 * rollups are exact (a duplicate is neither stored nor counted) and always current.
 *
 * On SQLite all writes go through writer-core.cjs on one connection: in a worker thread for a
 * database file (the commit's fsync then never stalls the HTTP thread, and the next batch gathers
 * while the last one commits), in this thread for an in-memory database. Reads go through Kysely
 * on the main connection (WAL: readers never wait for the writer). PostgreSQL uses Kysely for all.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { AnalyticsDb } from './database.ts';
import type { EventRow } from './events.ts';

const EVENT_COLUMNS = ['id', 'at', 'hour', 'received', 'source', 'kiosk_id', 'hall_id', 'session', 'type', 'lang', 'subject', 'detail', 'ms'] as const;
const ROLLUP_KEY = ['type', 'hour', 'source', 'kiosk_id', 'hall_id', 'lang', 'subject', 'detail'] as const;

export interface RollupDelta {
  type: string;
  hour: number;
  source: string;
  kiosk_id: number;
  hall_id: string;
  lang: string;
  subject: string;
  detail: string;
  events: number;
  total_ms: number;
}

/** Sums rows into one delta per rollup key. */
export function rollupDeltas(rows: readonly EventRow[]): RollupDelta[] {
  const map = new Map<string, RollupDelta>();
  for (const r of rows) {
    const key = `${r.type}\u0000${r.hour}\u0000${r.source}\u0000${r.kiosk_id}\u0000${r.hall_id}\u0000${r.lang}\u0000${r.subject}\u0000${r.detail}`;
    const d = map.get(key);
    if (d) {
      d.events += 1;
      d.total_ms += r.ms;
    } else {
      map.set(key, {
        type: r.type,
        hour: r.hour,
        source: r.source,
        kiosk_id: r.kiosk_id,
        hall_id: r.hall_id,
        lang: r.lang,
        subject: r.subject,
        detail: r.detail,
        events: 1,
        total_ms: r.ms,
      });
    }
  }
  return [...map.values()];
}

/** Dimensions a report can group by; day/hourOfDay/weekday are in the museum's local time. */
export type Dim = 'type' | 'day' | 'hourOfDay' | 'weekday' | 'source' | 'kiosk_id' | 'hall_id' | 'lang' | 'subject' | 'detail';

export interface AggregateQuery {
  types: readonly string[];
  /** UTC hours since the epoch, [fromHour, toHour). */
  fromHour: number;
  toHour: number;
  source?: 'kiosk' | 'web' | 'server';
  hallId?: string;
  by: readonly Dim[];
  /** 'rollups' (the fast path) or 'raw' (the same figures straight from the events: tests, benchmark). */
  from?: 'rollups' | 'raw';
}

export type AggregateRow = Partial<Record<Dim, string | number>> & { events: number; totalMs: number };

export interface AnalyticsStore {
  /** Stores rows (ignoring ids already stored) and adds the stored ones to the rollups; true = stored. */
  writeEvents(rows: readonly EventRow[]): Promise<boolean[]>;
  /** Sums over a range of hours, grouped by the given dimensions. */
  aggregate(q: AggregateQuery): Promise<AggregateRow[]>;
  /** Recomputes the rollups of [fromHour, toHour) from the raw events (repairs, bulk loads). */
  rebuildRollups(fromHour: number, toHour: number): Promise<void>;
  /** Deletes up to `limit` raw events older than `beforeHour`; returns how many. */
  pruneChunk(beforeHour: number, limit: number): Promise<number>;
  countEvents(): Promise<number>;
  /** The oldest hour that still has raw events (undefined when none). */
  oldestRawHour(): Promise<number | undefined>;
  /** Stops the writer (after the writes already handed to it). */
  close(): Promise<void>;
}

const KEY = ROLLUP_KEY.join(', ');
/** The SQLite statements writer-core.cjs runs. */
export const SQLITE_WRITE_SQL = {
  insertEvent: `insert into analytics_events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map(() => '?').join(', ')}) on conflict (id) do nothing`,
  maxRowid: 'select max(rowid) from analytics_events',
  rollupSince: `insert into analytics_hourly (${KEY}, events, total_ms)
    select ${KEY}, count(*), sum(ms) from analytics_events where rowid > ? group by ${KEY}
    on conflict (${KEY}) do update set events = analytics_hourly.events + excluded.events, total_ms = analytics_hourly.total_ms + excluded.total_ms`,
  deleteRollups: 'delete from analytics_hourly where hour >= ? and hour < ?',
  rebuildRollups: `insert into analytics_hourly (${KEY}, events, total_ms)
    select ${KEY}, count(*), sum(ms) from analytics_events where hour >= ? and hour < ? group by ${KEY}`,
  prune: 'delete from analytics_events where rowid in (select rowid from analytics_events where hour < ? limit ?)',
};

interface SqliteWriter {
  write(rows: unknown[][]): Promise<boolean[]>;
  rebuild(fromHour: number, toHour: number): Promise<void>;
  prune(beforeHour: number, limit: number): Promise<number>;
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
type CoreWriter = { write(rows: unknown[][]): boolean[]; rebuild(f: number, t: number): void; prune(b: number, l: number): number };
const core = require('./writer-core.cjs') as { createWriter(db: SQLite.Database, sql: typeof SQLITE_WRITE_SQL): CoreWriter };

function inThreadWriter(db: SQLite.Database): SqliteWriter {
  const w = core.createWriter(db, SQLITE_WRITE_SQL);
  return {
    write: async (rows) => w.write(rows),
    rebuild: async (f, t) => w.rebuild(f, t),
    prune: async (b, l) => w.prune(b, l),
    close: async () => {},
  };
}

/** The writer in a worker thread; a worker that dies is replaced (its unanswered writes fail: not acknowledged). */
function workerWriter(file: string): SqliteWriter {
  let seq = 0;
  let closing = false;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const spawn = () => {
    const w = new Worker(new URL('./writer.worker.cjs', import.meta.url), {
      workerData: { file, sql: SQLITE_WRITE_SQL, driver: require.resolve('better-sqlite3') },
    });
    w.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const p = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.result);
    });
    w.on('error', (err) => {
      for (const p of waiting.values()) p.reject(err);
      waiting.clear();
    });
    w.on('exit', () => {
      for (const p of waiting.values()) p.reject(new Error('the analytics writer stopped'));
      waiting.clear();
      if (!closing) worker = spawn();
    });
    return w;
  };
  let worker = spawn();
  const call = <T>(op: string, args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      seq += 1;
      waiting.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id: seq, op, args });
    });
  return {
    write: async (rows) => Array.from(await call<Uint8Array>('write', [JSON.stringify(rows)]), (b) => b === 1),
    rebuild: (f, t) => call<void>('rebuild', [f, t]),
    prune: (b, l) => call<number>('prune', [b, l]),
    async close() {
      closing = true;
      // Messages are handled in order: this answers after every write handed over before it.
      await call('close', []).catch(() => {});
      await worker.terminate();
    },
  };
}

export function createAnalyticsStore(db: AnalyticsDb, options: { utcOffsetHours: number }): AnalyticsStore {
  const offset = options.utcOffsetHours;
  if (!Number.isInteger(offset) || offset < -12 || offset > 14) throw new Error(`utcOffsetHours must be a whole number of hours, got ${offset}`);
  const k = db.kysely;

  /** SQL for one dimension (literals only: PostgreSQL matches GROUP BY expressions textually). */
  function dimSql(dim: Dim) {
    const local = sql`(hour + ${sql.lit(offset)})`;
    switch (dim) {
      case 'day':
        return sql`${local} / 24`;
      case 'hourOfDay':
        return sql`${local} % 24`;
      case 'weekday':
        // Day 0 (1970-01-01) was a Thursday; Monday = 0.
        return sql`(${local} / 24 + 3) % 7`;
      default:
        return sql.ref(dim);
    }
  }

  async function aggregate(q: AggregateQuery): Promise<AggregateRow[]> {
    const raw = q.from === 'raw';
    const table = raw ? 'analytics_events' : 'analytics_hourly';
    const events = raw ? sql`count(*)` : sql`sum(events)`;
    const ms = raw ? sql`sum(ms)` : sql`sum(total_ms)`;
    const conds = [sql`type in (${sql.join(q.types.map((t) => sql`${t}`))})`, sql`hour >= ${q.fromHour}`, sql`hour < ${q.toHour}`];
    if (q.source) conds.push(sql`source = ${q.source}`);
    if (q.hallId !== undefined) conds.push(sql`hall_id = ${q.hallId}`);
    const selects = q.by.map((d) => sql`${dimSql(d)} as ${sql.ref(`d_${d}`)}`);
    const groupBy = q.by.length ? sql` group by ${sql.join(q.by.map((_, i) => sql.lit(i + 1)))}` : sql``;
    const query = sql<
      Record<string, unknown>
    >`select ${sql.join([...selects, sql`${events} as events`, sql`${ms} as total_ms`])} from ${sql.table(table)} where ${sql.join(conds, sql` and `)}${groupBy}`;
    const { rows } = await query.execute(k);
    return rows
      .filter((r) => r.events !== null && Number(r.events) > 0)
      .map((r) => {
        const out: AggregateRow = { events: Number(r.events), totalMs: Number(r.total_ms ?? 0) };
        for (const d of q.by) {
          const v = r[`d_${d}`];
          out[d] = typeof v === 'string' ? v : Number(v);
        }
        return out;
      });
  }

  if (db.dialect === 'sqlite' && db.sqlite) {
    const s = db.sqlite;
    const writer = db.file ? workerWriter(db.file) : inThreadWriter(s);
    const count = s.prepare('select count(*) as n from analytics_events').pluck();
    const oldest = s.prepare('select min(hour) from analytics_events').pluck();
    return {
      writeEvents(rows) {
        return writer.write(
          rows.map((r) => [r.id, r.at, r.hour, r.received, r.source, r.kiosk_id, r.hall_id, r.session, r.type, r.lang, r.subject, r.detail, r.ms]),
        );
      },
      aggregate,
      async rebuildRollups(fromHour, toHour) {
        // A day per transaction: ingest keeps flowing between days of a big rebuild.
        for (let h = fromHour; h < toHour; h += 24) await writer.rebuild(h, Math.min(h + 24, toHour));
      },
      pruneChunk: (beforeHour, limit) => writer.prune(beforeHour, limit),
      async countEvents() {
        return Number(count.get());
      },
      async oldestRawHour() {
        const v = oldest.get();
        return v === null || v === undefined ? undefined : Number(v);
      },
      close: () => writer.close(),
    };
  }

  // PostgreSQL: the same statements through Kysely.
  return {
    async writeEvents(rows) {
      return k.transaction().execute(async (trx) => {
        const inserted = new Set<string>();
        for (let i = 0; i < rows.length; i += 500) {
          const chunk = rows.slice(i, i + 500).map((r) => ({ ...r }));
          const res = await trx
            .insertInto('analytics_events')
            .values(chunk)
            .onConflict((oc) => oc.column('id').doNothing())
            .returning('id')
            .execute();
          for (const r of res) inserted.add(r.id);
        }
        // The first occurrence of an id in the batch is the one that went in.
        const stored = rows.map((r) => inserted.delete(r.id));
        const deltas = rollupDeltas(rows.filter((_, i) => stored[i]));
        for (let i = 0; i < deltas.length; i += 500) {
          await trx
            .insertInto('analytics_hourly')
            .values(deltas.slice(i, i + 500))
            .onConflict((oc) =>
              oc.columns([...ROLLUP_KEY]).doUpdateSet({
                events: sql`analytics_hourly.events + excluded.events`,
                total_ms: sql`analytics_hourly.total_ms + excluded.total_ms`,
              }),
            )
            .execute();
        }
        return stored;
      });
    },
    aggregate,
    async rebuildRollups(fromHour, toHour) {
      for (let h = fromHour; h < toHour; h += 24) {
        const to = Math.min(h + 24, toHour);
        await k.transaction().execute(async (trx) => {
          await trx.deleteFrom('analytics_hourly').where('hour', '>=', h).where('hour', '<', to).execute();
          await sql`insert into analytics_hourly (${sql.raw(ROLLUP_KEY.join(', '))}, events, total_ms)
            select ${sql.raw(ROLLUP_KEY.join(', '))}, count(*), sum(ms) from analytics_events where hour >= ${h} and hour < ${to}
            group by ${sql.raw(ROLLUP_KEY.join(', '))}`.execute(trx);
        });
      }
    },
    async pruneChunk(beforeHour, limit) {
      const res = await sql`delete from analytics_events where id in (select id from analytics_events where hour < ${beforeHour} limit ${limit})`.execute(k);
      return Number(res.numAffectedRows ?? 0);
    },
    async countEvents() {
      const r = await k
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async oldestRawHour() {
      const r = await k
        .selectFrom('analytics_events')
        .select((eb) => eb.fn.min('hour').as('h'))
        .executeTakeFirst();
      return r?.h === null || r?.h === undefined ? undefined : Number(r.h);
    },
    async close() {},
  };
}
