/**
 * Group commit for booking writes. With synchronous=FULL every SQLite commit waits for the disk
 * (0.3–2 ms here), which alone would cap bookings at a few hundred a second. The writer runs the
 * jobs that arrive together in ONE transaction, each inside its own SAVEPOINT (a failing booking
 * rolls back only itself), commits once, and only then answers every job: an acknowledged booking
 * is on disk, and a crash before the commit acknowledges nothing. Capacity is still enforced by
 * each job's own conditional UPDATE and the CHECK constraints, exactly as without batching.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';

export type Trx = Transaction<Database>;

interface Job {
  work: (trx: Trx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface WriterOptions {
  /** Most jobs in one transaction (bounds the latency of the first job in a batch). */
  maxBatch?: number;
}

export function createWriter(db: Kysely<Database>, options: WriterOptions = {}) {
  const maxBatch = options.maxBatch ?? 200;
  const queue: Job[] = [];
  let draining: Promise<void> | undefined;
  let batches = 0;
  let jobs = 0;

  async function runBatch(batch: Job[]) {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    let trx: Awaited<ReturnType<ReturnType<typeof db.startTransaction>['execute']>> | undefined;
    try {
      trx = await db.startTransaction().execute();
      for (const job of batch) {
        await sql`savepoint booking_job`.execute(trx);
        try {
          const value = await job.work(trx as unknown as Trx);
          await sql`release savepoint booking_job`.execute(trx);
          outcomes.push({ ok: true, value });
        } catch (err) {
          await sql`rollback to savepoint booking_job`.execute(trx);
          await sql`release savepoint booking_job`.execute(trx);
          outcomes.push({ ok: false, value: err });
        }
      }
      await trx.commit().execute();
    } catch (err) {
      // The commit (or the transaction itself) failed: nothing in this batch happened.
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
      for (const job of batch) job.reject(err);
      return;
    }
    batches += 1;
    jobs += batch.length;
    for (const [i, job] of batch.entries()) {
      if (outcomes[i].ok) job.resolve(outcomes[i].value);
      else job.reject(outcomes[i].value);
    }
  }

  async function drain() {
    // One macrotask first: requests that arrived together get parsed and join the same batch.
    await new Promise((r) => setImmediate(r));
    while (queue.length) {
      await runBatch(queue.splice(0, maxBatch));
      await new Promise((r) => setImmediate(r));
    }
    draining = undefined;
  }

  return {
    /** Runs `work` inside a write transaction; resolves only after that transaction committed. */
    run<T>(work: (trx: Trx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        draining ??= drain();
      });
    },
    /** Waits for every queued job (before closing the database). */
    async idle() {
      while (draining) await draining;
    },
    stats: () => ({ batches, jobs }),
  };
}

export type Writer = ReturnType<typeof createWriter>;
