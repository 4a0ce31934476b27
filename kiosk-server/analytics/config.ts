/** Analytics settings, from the environment (all optional). */
import { z } from 'zod';
import type { AckMode } from './buffer.ts';

export interface AnalyticsOptions {
  /** Raw events older than this are deleted; the hourly rollups stay. */
  retentionDays: number;
  /** The oldest event accepted (an offline kiosk's backlog). Below retentionDays, so a resend always finds its original. */
  acceptDays: number;
  /** How far ahead of the server's clock an event may be (after skew correction). */
  futureToleranceMs: number;
  /** A batch whose sentAt differs from the server's clock by more than this has its times corrected. */
  skewThresholdMs: number;
  /** Flush the write buffer at this many rows … */
  flushMaxRows: number;
  /** … or this long after the first row; 0 = at the end of the current event-loop turn (group
   * commit without a clock: every request that arrived meanwhile joins the transaction). */
  flushMaxDelayMs: number;
  ack: AckMode;
  /** The museum's UTC offset in whole hours (Chongqing: +8, no daylight saving). */
  utcOffsetHours: number;
  /** Counts from 1 to this − 1 are hidden in reports. */
  suppressBelow: number;
  /** Events per batch, at most. */
  maxBatch: number;
  pruneEveryMs: number;
}

export const DEFAULT_ANALYTICS_OPTIONS: AnalyticsOptions = {
  retentionDays: 90,
  acceptDays: 30,
  futureToleranceMs: 5 * 60_000,
  skewThresholdMs: 60_000,
  flushMaxRows: 1000,
  flushMaxDelayMs: 0,
  ack: 'durable',
  utcOffsetHours: 8,
  suppressBelow: 5,
  maxBatch: 500,
  pruneEveryMs: 6 * 3600_000,
};

const Env = z.object({
  ANALYTICS_RETENTION_DAYS: z.coerce.number().int().min(2).max(3650).optional(),
  ANALYTICS_ACCEPT_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  ANALYTICS_FLUSH_ROWS: z.coerce.number().int().min(1).max(100_000).optional(),
  ANALYTICS_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  ANALYTICS_ACK: z.enum(['durable', 'buffered']).optional(),
  ANALYTICS_UTC_OFFSET_HOURS: z.coerce.number().int().min(-12).max(14).optional(),
});

export function readAnalyticsOptions(env: Record<string, string | undefined>, overrides: Partial<AnalyticsOptions> = {}): AnalyticsOptions {
  const parsed = Env.safeParse(env);
  if (!parsed.success) throw new Error(`invalid analytics environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const fromEnv: Partial<AnalyticsOptions> = {
    retentionDays: e.ANALYTICS_RETENTION_DAYS,
    acceptDays: e.ANALYTICS_ACCEPT_DAYS,
    flushMaxRows: e.ANALYTICS_FLUSH_ROWS,
    flushMaxDelayMs: e.ANALYTICS_FLUSH_MS,
    ack: e.ANALYTICS_ACK,
    utcOffsetHours: e.ANALYTICS_UTC_OFFSET_HOURS,
  };
  const options = { ...DEFAULT_ANALYTICS_OPTIONS };
  for (const [key, value] of Object.entries({ ...fromEnv, ...overrides })) if (value !== undefined) (options as Record<string, unknown>)[key] = value;
  if (options.acceptDays >= options.retentionDays) {
    // Otherwise a late resend could arrive after its original was pruned and be counted twice.
    throw new Error(`ANALYTICS_ACCEPT_DAYS (${options.acceptDays}) must be less than ANALYTICS_RETENTION_DAYS (${options.retentionDays})`);
  }
  return options;
}
