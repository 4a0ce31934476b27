/**
 * A fixed-window failure counter for sign-in throttling.
 *
 * Hand-written on purpose, after looking at the two well-kept options: `hono-rate-limiter` counts
 * requests per key in a middleware (here the key needs the username from the body, and only
 * failures may count, so a user who signs in fine is never slowed), and `rate-limiter-flexible`
 * reads `Date.now()` itself, so tests could not drive it with the injected clock the rest of auth
 * uses. What is needed is ~30 lines: count failures per key in a window, tell when a key is over.
 * In memory per process: fine for the one-process museum server (a restart resets the counts).
 */
export interface FailureLimit {
  /** Failures allowed in one window; the next attempt is refused. */
  max: number;
  windowMs: number;
}

export interface FailureCounter {
  /** Milliseconds until the key may try again, or 0 when it may try now. */
  blockedFor(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

export function createFailureCounter(limit: FailureLimit, now: () => Date, maxKeys = 100_000): FailureCounter {
  const windows = new Map<string, { start: number; count: number }>();

  const current = (key: string) => {
    const w = windows.get(key);
    if (w && now().getTime() - w.start >= limit.windowMs) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };

  /** Keeps memory bounded when someone sprays many usernames: drop windows that have ended. */
  const sweep = () => {
    const t = now().getTime();
    for (const [key, w] of windows) if (t - w.start >= limit.windowMs) windows.delete(key);
    // Still full: forget the oldest (Map keeps insertion order).
    for (const key of windows.keys()) {
      if (windows.size < maxKeys) break;
      windows.delete(key);
    }
  };

  return {
    blockedFor(key) {
      const w = current(key);
      if (!w || w.count < limit.max) return 0;
      return w.start + limit.windowMs - now().getTime();
    },
    fail(key) {
      const w = current(key);
      if (w) {
        w.count += 1;
        return;
      }
      if (windows.size >= maxKeys) sweep();
      windows.set(key, { start: now().getTime(), count: 1 });
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
