/**
 * The kiosk's idle timer, free of React and the DOM so it can be tested with fake timers.
 *
 * - `activity()` restarts the countdown (a touch, a key, a scroll).
 * - `setHeld(true)` pauses it while narration or a guided walkthrough plays; when the hold ends
 *   the visitor gets the full timeout again (they were watching, not gone).
 * - A hold never keeps a kiosk busy for ever: after `maxHoldMs` without any activity the timer
 *   runs again, so a stuck narration cannot stop the kiosk from resetting.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface IdleTimerOptions {
  timeoutMs: number;
  onIdle: () => void;
  /** Holds older than this (without activity) no longer count (default 20 min). */
  maxHoldMs?: number;
  timers?: Timers;
}

export interface IdleTimer {
  start(): void;
  stop(): void;
  activity(): void;
  setHeld(held: boolean): void;
  setTimeoutMs(ms: number): void;
  /** When the visitor last did something (timer clock), or null before the first activity. */
  lastActivity(): number | null;
  /** Whether the countdown is running now (started and not held). */
  counting(): boolean;
}

export function createIdleTimer({ timeoutMs, onIdle, maxHoldMs = 20 * 60_000, timers = browserTimers }: IdleTimerOptions): IdleTimer {
  let handle: unknown;
  let running = false;
  let held = false;
  let heldSince = 0;
  let last: number | null = null;

  const clear = () => {
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
  };

  function arm() {
    clear();
    if (!running) return;
    if (held) {
      // Paused, but only up to maxHoldMs after the hold (or the last activity) began.
      const since = Math.max(heldSince, last ?? 0);
      const left = since + maxHoldMs - timers.now();
      handle = timers.setTimeout(
        () => {
          handle = undefined;
          held = false; // the hold is stale: count down as if it had ended
          arm();
        },
        Math.max(0, left),
      );
      return;
    }
    handle = timers.setTimeout(() => {
      handle = undefined;
      if (running) onIdle();
    }, timeoutMs);
  }

  return {
    start() {
      running = true;
      last = timers.now();
      arm();
    },
    stop() {
      running = false;
      clear();
    },
    activity() {
      last = timers.now();
      if (running) arm();
    },
    setHeld(next) {
      if (next === held) return;
      held = next;
      if (held) heldSince = timers.now();
      arm();
    },
    setTimeoutMs(ms) {
      timeoutMs = ms;
      if (running) arm();
    },
    lastActivity: () => last,
    counting: () => running && !held,
  };
}
