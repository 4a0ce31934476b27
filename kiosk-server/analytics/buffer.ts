/**
 * The ingest write buffer: requests put their rows in, one transaction writes everything that has
 * gathered (group commit), flushed when `maxRows` have gathered or `maxDelayMs` after the first
 * row, whichever comes first, and on close().
 *
 * Acknowledgement ('durable', the default): write() resolves only after the transaction holding
 * the rows has committed (synchronous=FULL), so a 200 means "on disk". A crash, SIGKILL or power
 * cut can lose only rows nobody was told were stored; the client still has them and resends, and
 * the event ids make the resend harmless. The cost is latency (the wait for the next flush, a few
 * ms), which group commit turns into throughput: one fsync per flush, not per request.
 *
 * 'buffered' resolves at once and relies on close() to write the rest: faster, but an acknowledged
 * event dies with the process on a crash. It exists to measure what durability costs (benchmark)
 * and as the control that proves the shutdown test can see a loss.
 */
export type AckMode = 'durable' | 'buffered';

export interface WriteBufferOptions<R> {
  write(rows: R[]): Promise<boolean[]>;
  maxRows: number;
  maxDelayMs: number;
  ack: AckMode;
  onError?(err: unknown): void;
}

interface Waiter {
  count: number;
  resolve(stored: boolean[] | undefined): void;
  reject(err: unknown): void;
}

export class BufferClosedError extends Error {
  constructor() {
    super('the analytics buffer is closed (shutting down)');
  }
}

export class WriteBuffer<R> {
  private rows: R[] = [];
  private waiters: Waiter[] = [];
  private timer: { immediate?: ReturnType<typeof setImmediate>; timeout?: ReturnType<typeof setTimeout> } | undefined;
  private running: Promise<void> = Promise.resolve();
  private closed = false;
  /** Rows handed to write() and not yet committed (for health and tests). */
  pending = 0;

  constructor(private readonly opts: WriteBufferOptions<R>) {}

  /**
   * Queues rows. 'durable': resolves with a stored/duplicate flag per row after the commit, rejects
   * if the write failed (nothing acknowledged). 'buffered': resolves at once with undefined.
   */
  write(rows: R[]): Promise<boolean[] | undefined> {
    if (this.closed) return Promise.reject(new BufferClosedError());
    if (rows.length === 0) return Promise.resolve([]);
    this.rows.push(...rows);
    this.pending += rows.length;
    const done = new Promise<boolean[] | undefined>((resolve, reject) => {
      this.waiters.push({ count: rows.length, resolve, reject });
    });
    if (this.rows.length >= this.opts.maxRows) this.flushSoon(0);
    else if (!this.timer) this.flushSoon(this.opts.maxDelayMs);
    if (this.opts.ack === 'buffered') {
      // The flush still settles the waiter; nobody listens any more.
      done.catch(() => {});
      return Promise.resolve(undefined);
    }
    return done;
  }

  private flushSoon(delay: number) {
    if (this.timer) this.cancelTimer();
    const fire = () => {
      this.timer = undefined;
      void this.flush();
    };
    // 0 = at the end of this turn of the event loop: every request whose body has arrived by then
    // joins the same transaction, and nobody waits for a clock.
    this.timer = delay === 0 ? { immediate: setImmediate(fire) } : { timeout: setTimeout(fire, delay) };
  }

  private cancelTimer() {
    if (this.timer?.immediate) clearImmediate(this.timer.immediate);
    if (this.timer?.timeout) clearTimeout(this.timer.timeout);
    this.timer = undefined;
  }

  /** Writes everything gathered so far; resolves when it is committed (or has failed). */
  flush(): Promise<void> {
    // One flush at a time, in order: a later flush never commits before an earlier one.
    this.running = this.running.then(() => this.flushNow());
    return this.running;
  }

  private async flushNow() {
    this.cancelTimer();
    while (this.rows.length > 0) {
      const rows = this.rows;
      const waiters = this.waiters;
      this.rows = [];
      this.waiters = [];
      try {
        const stored = await this.opts.write(rows);
        let at = 0;
        for (const w of waiters) {
          w.resolve(stored.slice(at, at + w.count));
          at += w.count;
        }
      } catch (err) {
        this.opts.onError?.(err);
        for (const w of waiters) w.reject(err);
      } finally {
        this.pending -= rows.length;
      }
    }
  }

  /** Refuses new rows, writes what is queued, resolves when it is on disk. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
