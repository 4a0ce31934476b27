/** The ingest write buffer: group commit, flush on size / time / close, and no ack before the commit. */
import { describe, expect, it } from 'vitest';
import { WriteBuffer } from '../../kiosk-server/analytics/buffer.ts';

function recorder(fail = false) {
  const writes: number[][] = [];
  return {
    writes,
    write: async (rows: number[]) => {
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error('disk full');
      writes.push(rows);
      return rows.map((r) => r % 2 === 0);
    },
  };
}

describe('write buffer', () => {
  it('gathers requests into one transaction and gives each its own flags, only after the commit', async () => {
    const rec = recorder();
    const buf = new WriteBuffer<number>({ write: rec.write, maxRows: 1000, maxDelayMs: 0, ack: 'durable' });
    let acked = false;
    const a = buf.write([1, 2]).then((r) => {
      acked = true;
      return r;
    });
    const b = buf.write([3, 4, 5]);
    expect(acked).toBe(false);
    expect(await a).toEqual([false, true]);
    expect(await b).toEqual([false, true, false]);
    expect(rec.writes).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('flushes when maxRows gather, without waiting for the timer', async () => {
    const rec = recorder();
    const buf = new WriteBuffer<number>({ write: rec.write, maxRows: 3, maxDelayMs: 60_000, ack: 'durable' });
    const started = Date.now();
    await buf.write([1, 2, 3]);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a failed write acknowledges nothing', async () => {
    const buf = new WriteBuffer<number>({ write: recorder(true).write, maxRows: 10, maxDelayMs: 0, ack: 'durable' });
    await expect(buf.write([1])).rejects.toThrow('disk full');
  });

  it('close() writes what waits and refuses more; buffered acks rely on it', async () => {
    const rec = recorder();
    const buf = new WriteBuffer<number>({ write: rec.write, maxRows: 1000, maxDelayMs: 60_000, ack: 'buffered' });
    expect(await buf.write([7, 8])).toBeUndefined(); // acknowledged at once …
    expect(rec.writes).toEqual([]); // … but not written yet
    await buf.close();
    expect(rec.writes).toEqual([[7, 8]]);
    await expect(buf.write([9])).rejects.toThrow(/closed/);
  });
});
