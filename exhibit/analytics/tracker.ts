/**
 * The visitor-analytics tracker, free of React so it can be tested with a fake clock and transport.
 *
 * - Sessions: a random id per visit. On a kiosk a visit runs from startSession() (attract screen
 *   tapped) to endSession() (idle reset); until the kiosk lifecycle calls startSession() once, a
 *   session starts by itself with the first event. On the web a session is per tab
 *   (sessionStorage) and ends after 30 minutes without events.
 * - Every event goes to the outbox (IndexedDB) first and leaves it only when the server has
 *   answered for it, so nothing is lost offline; ids are unique, so a resend is counted once.
 * - Sent in batches of up to 50: every 5 s, at once when 20 wait, when the page is hidden, when the
 *   network comes back; fetch with keepalive, and at pagehide a fire-and-forget keepalive fetch
 *   (sendBeacon where keepalive is missing).
 * - On the web, Do-Not-Track or Global Privacy Control turns it off completely: nothing is stored.
 */
import type { Locale } from '../../content/schema.ts';
import type { AnalyticsEvent, TrackInput } from '../../kiosk-server/analytics/events.ts';
import { uuidv4, uuidv7 } from './ids.ts';
import type { EventQueue } from './queue.ts';

export type { AnalyticsEvent, TrackInput };

export const BATCH_SIZE = 50;
export const FLUSH_EVERY_MS = 5_000;
export const FLUSH_AT_COUNT = 20;
export const WEB_SESSION_IDLE_MS = 30 * 60_000;
const MAX_BACKOFF_MS = 60_000;
const MAX_ERRORS_PER_SESSION = 10;

export interface Batch {
  sentAt: number;
  events: AnalyticsEvent[];
}

/** done: the server answered for every event (stored, duplicate or rejected); retry: keep them. */
export type SendOutcome = 'done' | 'retry';

export interface Transport {
  send(batch: Batch): Promise<SendOutcome>;
  /** Fire-and-forget at pagehide (keepalive fetch or sendBeacon); the events stay queued until a normal send confirms them. */
  beacon?(batch: Batch): void;
}

export interface SessionState {
  id: string;
  start: number;
  last: number;
}

/** Where the current session lives: sessionStorage on the web (per tab), memory on a kiosk. */
export interface SessionStore {
  load(): SessionState | null;
  save(s: SessionState | null): void;
}

export interface TrackerOptions {
  kiosk: boolean;
  queue: EventQueue;
  transport: Transport;
  language: () => Locale;
  sessions: SessionStore;
  /** Do-Not-Track / Global Privacy Control (ignored on kiosks: museum devices, no person attached). */
  optedOut?: boolean;
  now?: () => number;
  random?: (n: number) => Uint8Array;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class Tracker {
  readonly enabled: boolean;
  private session: SessionState | null;
  /** Set by the first startSession(): from then on the lifecycle decides when a visit runs. */
  private explicit = false;
  private timer: unknown;
  private backoffMs = 0;
  private flushing: Promise<void> | null = null;
  private errorsThisSession = 0;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly o: TrackerOptions) {
    this.enabled = o.kiosk || !o.optedOut;
    this.now = o.now ?? (() => Date.now());
    this.setTimer = o.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = o.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.session = this.enabled && !o.kiosk ? o.sessions.load() : null;
    if (this.enabled) void o.queue.ready.then(() => this.scheduleFlush());
  }

  /** Records an event in the current session (starting one if none and the lifecycle allows). */
  track(input: TrackInput): void {
    if (!this.enabled) return;
    const session = this.currentSession();
    if (!session) return; // a kiosk between visits (attract screen): nobody to count
    if (input.type === 'error' && ++this.errorsThisSession > MAX_ERRORS_PER_SESSION) return;
    this.emit(input, session, this.now());
  }

  /** A new visit (kiosk: the attract screen was tapped). Ends a visit still open. */
  startSession(): void {
    if (!this.enabled) return;
    this.explicit = true;
    if (this.session) this.endSession('manual');
    this.begin();
  }

  /** The visit is over (kiosk: idle reset). Its events are sent at once. */
  endSession(reason: 'idle' | 'reset' | 'timeout' | 'manual' = 'idle'): void {
    if (!this.enabled || !this.session) return;
    const s = this.session;
    const at = this.now();
    this.emit({ type: 'session_end', reason, ms: Math.max(0, at - s.start) }, s, at);
    this.session = null;
    this.o.sessions.save(null);
    this.errorsThisSession = 0;
    void this.flush();
  }

  /** The id of the visit in progress, if any. */
  sessionId(): string | null {
    return this.session?.id ?? null;
  }

  /** Sends everything queued, batch by batch; stops at the first failure and retries later. */
  flush(): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    if (!this.flushing) {
      this.flushing = this.sendAll().finally(() => {
        this.flushing = null;
        // Events that came while sending, or the retry after a failure.
        this.scheduleFlush();
      });
    }
    return this.flushing;
  }

  /** pagehide: hand the oldest batch to the transport's beacon (it stays queued until confirmed; a resend is a harmless duplicate). */
  beacon(): void {
    if (!this.enabled) return;
    // Whatever the browser does with the request below, the events are kept for the next page.
    this.o.queue.spill();
    if (!this.o.transport.beacon) return;
    const events = this.o.queue.peek(BATCH_SIZE);
    if (events.length) this.o.transport.beacon({ sentAt: this.now(), events });
  }

  /** The network is back: try now instead of waiting for the backoff. */
  online(): void {
    this.backoffMs = 0;
    void this.flush();
  }

  private currentSession(): SessionState | null {
    const now = this.now();
    if (this.session && !this.o.kiosk && now - this.session.last > WEB_SESSION_IDLE_MS) {
      // The tab sat unused: that visit ended when it was last used.
      const old = this.session;
      this.emit({ type: 'session_end', reason: 'timeout', ms: Math.max(0, old.last - old.start) }, old, old.last);
      this.session = null;
    }
    if (!this.session && !(this.o.kiosk && this.explicit)) this.begin();
    return this.session;
  }

  private begin() {
    const now = this.now();
    this.session = { id: uuidv4(this.o.random), start: now, last: now };
    this.errorsThisSession = 0;
    this.emit({ type: 'session_start' }, this.session, now);
  }

  private emit(input: TrackInput, session: SessionState, at: number) {
    const event = { ...input, id: uuidv7(at, this.o.random), at, session: session.id, lang: this.o.language() } as AnalyticsEvent;
    if (session === this.session) {
      session.last = Math.max(session.last, at);
      this.o.sessions.save(session);
    }
    void this.o.queue.add(event).then(() => this.scheduleFlush());
  }

  private scheduleFlush() {
    if (this.flushing) return;
    const n = this.o.queue.size();
    if (n === 0) return;
    const delay = this.backoffMs || (n >= FLUSH_AT_COUNT ? 0 : FLUSH_EVERY_MS);
    if (this.timer !== undefined) {
      if (delay > 0) return; // a flush is already planned
      this.clearTimer(this.timer);
    }
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private async sendAll() {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
    await this.o.queue.ready;
    for (;;) {
      const events = this.o.queue.peek(BATCH_SIZE);
      if (events.length === 0) break;
      let outcome: SendOutcome;
      try {
        outcome = await this.o.transport.send({ sentAt: this.now(), events });
      } catch {
        outcome = 'retry';
      }
      if (outcome === 'retry') {
        this.backoffMs = Math.min(this.backoffMs ? this.backoffMs * 2 : 2_000, MAX_BACKOFF_MS);
        break;
      }
      this.backoffMs = 0;
      await this.o.queue.remove(events.map((e) => e.id));
    }
  }
}

/** The server's answer decides: only a whole-batch 2xx/4xx that resending cannot fix counts as done. */
export function outcomeOf(status: number): SendOutcome {
  if (status === 200 || status === 202) return 'done';
  // 400/413: the batch itself is unacceptable; sending it again would fail the same way for ever.
  if (status === 400 || status === 413 || status === 422) return 'done';
  // 401/403 (device token not set up yet), 429, 5xx, 503 shutting down: keep and retry.
  return 'retry';
}
