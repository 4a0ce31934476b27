/**
 * Heartbeats: every N seconds the kiosk tells the server it is alive, which content version it
 * shows, when it was last touched and what it is doing. It also notes its own online/offline
 * transitions (the network or the server going away and coming back); those are queued — in
 * localStorage, so a reload while offline keeps them — and sent with the first heartbeat that
 * gets through. DOM-free apart from what is injected, so the logic is unit-tested.
 */
import type { Timers } from './idleTimer.ts';

export type VisitorPhase = 'attract' | 'active' | 'prompt';

export interface StatusTransition {
  id: string;
  status: 'online' | 'offline';
  at: string;
}

export interface HeartbeatBody {
  contentVersion: number | null;
  appVersion: string | null;
  lastInteractionAt: string | null;
  state: VisitorPhase;
  sentAt: string;
  events: StatusTransition[];
}

export interface HeartbeatAnswer {
  serverTime: string;
  heartbeatIntervalSeconds: number;
  configVersion: string;
  contentVersion: number;
}

/** What a send came to: the server's answer, a refusal (4xx: don't queue as offline), or unreachable. */
export type SendResult = { kind: 'ok'; answer: HeartbeatAnswer } | { kind: 'refused'; status: number } | { kind: 'unreachable' };

export interface QueueStore {
  load(): StatusTransition[];
  save(events: StatusTransition[]): void;
}

export interface HeartbeatOptions {
  intervalMs: number;
  send(body: HeartbeatBody): Promise<SendResult>;
  /** The kiosk's state at the moment of sending. */
  snapshot(): { contentVersion: number | null; appVersion: string | null; lastInteractionAt: number | null; state: VisitorPhase };
  queue: QueueStore;
  timers: Timers;
  newId(): string;
  onAnswer?(answer: HeartbeatAnswer): void;
  onConnectivity?(online: boolean): void;
}

/** Queued transitions kept at most (the oldest go first; the server accepts 500 per heartbeat). */
export const MAX_QUEUED = 200;

export function createHeartbeat(opts: HeartbeatOptions) {
  let intervalMs = opts.intervalMs;
  let handle: unknown;
  let running = false;
  let inFlight: Promise<void> | null = null;
  let queue = opts.queue.load();
  // Unknown until the first send (the first success is not reported as "back online") — unless the
  // queue kept from before a reload says the kiosk went offline: then it still is, until a send works.
  let online: boolean | null = queue.at(-1)?.status === 'offline' ? false : null;

  const iso = (t: number) => new Date(t).toISOString();

  function note(status: 'online' | 'offline') {
    queue = [...queue, { id: opts.newId(), status, at: iso(opts.timers.now()) }].slice(-MAX_QUEUED);
    opts.queue.save(queue);
  }

  function setOnline(next: boolean) {
    if (online === next) return;
    const before = online;
    online = next;
    if (before !== null || !next) note(next ? 'online' : 'offline');
    opts.onConnectivity?.(next);
  }

  async function beat(): Promise<void> {
    const s = opts.snapshot();
    const events = queue;
    const body: HeartbeatBody = {
      contentVersion: s.contentVersion,
      appVersion: s.appVersion,
      lastInteractionAt: s.lastInteractionAt === null ? null : iso(s.lastInteractionAt),
      state: s.state,
      sentAt: iso(opts.timers.now()),
      events,
    };
    let result: SendResult;
    try {
      result = await opts.send(body);
    } catch {
      result = { kind: 'unreachable' };
    }
    if (result.kind === 'unreachable') {
      setOnline(false);
      return;
    }
    if (result.kind === 'refused') {
      // The server answered: we are online, but it refused (revoked token, bad input). Keep the
      // queue; a later configuration may fix it.
      return;
    }
    const wasOffline = online === false;
    setOnline(true);
    // Everything sent is stored; anything queued meanwhile (and the "online" just noted) stays.
    const sent = new Set(events.map((e) => e.id));
    queue = queue.filter((e) => !sent.has(e.id));
    opts.queue.save(queue);
    opts.onAnswer?.(result.answer);
    if (result.answer.heartbeatIntervalSeconds * 1000 !== intervalMs) {
      intervalMs = result.answer.heartbeatIntervalSeconds * 1000;
    }
    // Coming back online: send the "online" transition now rather than a whole interval later.
    if (wasOffline && queue.length) await beat();
  }

  function schedule() {
    if (!running) return;
    handle = opts.timers.setTimeout(() => {
      void tick();
    }, intervalMs);
  }

  async function tick() {
    if (!running) return;
    if (!inFlight) {
      inFlight = beat().finally(() => {
        inFlight = null;
      });
    }
    await inFlight;
    schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      void tick();
    },
    stop() {
      running = false;
      if (handle !== undefined) opts.timers.clearTimeout(handle);
      handle = undefined;
    },
    /** The browser says the network is gone or back: note it now and, when back, report at once. */
    networkChanged(isOnline: boolean) {
      if (!isOnline) setOnline(false);
      else if (running && !inFlight) {
        if (handle !== undefined) opts.timers.clearTimeout(handle);
        void tick();
      }
    },
    queued: () => [...queue],
    isOnline: () => online,
    /** Sends one heartbeat now (tests, and right after a visit ends). */
    beatNow: () => {
      if (!inFlight) {
        inFlight = beat().finally(() => {
          inFlight = null;
        });
      }
      return inFlight;
    },
  };
}

export type Heartbeat = ReturnType<typeof createHeartbeat>;
