/**
 * Crowd monitoring: live occupancy per hall and per museum from entry/exit events (ticket
 * check-ins, door counters, staff counting by hand), warning levels, the day's curve, and a hub
 * that pushes changes to the staff dashboards. Counts belong to the museum's local day and read
 * zero once the museum has closed (the next day starts from zero again).
 */
import type { LocalizedText, Museum } from '../../content/schema.ts';
import type { ContentService } from '../content/service.ts';
import { problem } from '../http/problem.ts';
import type { Logger } from '../log.ts';
import { isUniqueViolation } from '../reservations/store.ts';
import { localDate } from '../reservations/time.ts';
import type { Trx } from '../reservations/writer.ts';
import type { CrowdEventRow, CrowdStore, NewCrowdEvent } from './store.ts';

export type CrowdLevel = 'normal' | 'amber' | 'red';

/** 80 % of capacity: amber (watch the door); 100 %: red (one out, one in). */
export const AMBER_AT = 0.8;
export const RED_AT = 1.0;
/** The curve has one point per this many minutes. */
export const CURVE_MINUTES = 5;

export function levelOf(occupancy: number, capacity: number): CrowdLevel {
  if (capacity <= 0) return 'normal';
  const ratio = occupancy / capacity;
  return ratio >= RED_AT ? 'red' : ratio >= AMBER_AT ? 'amber' : 'normal';
}

export interface HallOccupancy {
  id: string;
  name: LocalizedText;
  capacity: number;
  occupancy: number;
  ratio: number;
  level: CrowdLevel;
  entries: number;
  exits: number;
  /** At red: admit one person only when one has left. */
  oneOutOneIn: boolean;
}

export interface CurvePoint {
  /** Start of the 5-minute bucket. */
  at: string;
  /** People in the museum at the end of the bucket (so far). */
  total: number;
  /** Highest total within the bucket. */
  peak: number;
  halls: Record<string, number>;
}

export interface OccupancySnapshot {
  museumId: string;
  date: string;
  at: string;
  /** After closing time the counts are reset and read zero. */
  closed: boolean;
  closesAt: string | null;
  total: { occupancy: number; capacity: number; ratio: number; level: CrowdLevel; entries: number; exits: number };
  halls: HallOccupancy[];
  curve: CurvePoint[];
  thresholds: { amber: number; red: number };
}

interface DayState {
  museumId: string;
  date: string;
  closesAt: Date | undefined;
  lastEventId: number;
  occupancy: Map<string, number>;
  entries: Map<string, number>;
  exits: Map<string, number>;
  curve: CurvePoint[];
}

export interface CrowdServiceDeps {
  store: CrowdStore;
  content: ContentService;
  /** When the museum closes on a date (from the reservation calendar), or undefined if closed. */
  closingTime: (museumId: string, date: string) => Promise<Date | undefined>;
  now?: () => Date;
  log?: Logger;
  /** How often subscribers are told about changes at most (ms). */
  publishEveryMs?: number;
  /** How often closing time is checked for museums being watched (ms). */
  tickMs?: number;
}

type Listener = (snapshot: OccupancySnapshot) => void;

export function createCrowdService(deps: CrowdServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const states = new Map<string, DayState>();
  const loading = new Map<string, Promise<DayState>>();
  const listeners = new Map<string, Set<Listener>>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  const publishEveryMs = deps.publishEveryMs ?? 200;
  /** Last `closed` state told to listeners, to notice the reset at closing time. */
  const lastClosed = new Map<string, boolean>();

  function museumOf(id: string): Museum | undefined {
    return deps.content.current().index.museums.get(id) as Museum | undefined;
  }

  function museumOrThrow(id: string, path = 'params.id'): Museum {
    const m = museumOf(id);
    if (!m) throw problem(404, 'not-found', 'Not found', `No museum with id "${id}".`, { errors: [{ path, message: 'no such museum' }] });
    return m;
  }

  function bucketOf(at: Date): string {
    const ms = CURVE_MINUTES * 60_000;
    return new Date(Math.floor(at.getTime() / ms) * ms).toISOString();
  }

  /** Applies one event to a day's state (occupancy never goes below zero: counters drift). */
  function apply(state: DayState, e: CrowdEventRow) {
    if (e.id <= state.lastEventId) return;
    state.lastEventId = e.id;
    if (state.closesAt && e.at >= state.closesAt.toISOString()) return;
    const before = state.occupancy.get(e.hall_id) ?? 0;
    state.occupancy.set(e.hall_id, Math.max(0, before + e.entries - e.exits));
    state.entries.set(e.hall_id, (state.entries.get(e.hall_id) ?? 0) + e.entries);
    state.exits.set(e.hall_id, (state.exits.get(e.hall_id) ?? 0) + e.exits);
    const total = [...state.occupancy.values()].reduce((a, b) => a + b, 0);
    const at = bucketOf(new Date(e.at));
    const last = state.curve[state.curve.length - 1];
    const halls = Object.fromEntries(state.occupancy);
    if (last && last.at === at) {
      last.total = total;
      last.peak = Math.max(last.peak, total);
      last.halls = halls;
    } else {
      state.curve.push({ at, total, peak: total, halls });
    }
  }

  async function stateOf(museumId: string): Promise<DayState> {
    const date = localDate(now());
    const cached = states.get(museumId);
    if (cached && cached.date === date) return cached;
    const key = `${museumId}|${date}`;
    let p = loading.get(key);
    if (!p) {
      p = (async () => {
        const state: DayState = {
          museumId,
          date,
          closesAt: await deps.closingTime(museumId, date),
          lastEventId: 0,
          occupancy: new Map(),
          entries: new Map(),
          exits: new Map(),
          curve: [],
        };
        for (const e of await deps.store.eventsOfDay(museumId, date)) apply(state, e);
        states.set(museumId, state);
        return state;
      })().finally(() => loading.delete(key));
      loading.set(key, p);
    }
    return p;
  }

  function snapshotOf(museum: Museum, state: DayState): OccupancySnapshot {
    const t = now();
    const closed = state.closesAt !== undefined && t >= state.closesAt;
    const halls: HallOccupancy[] = museum.halls.map((h) => {
      const occupancy = closed ? 0 : (state.occupancy.get(h.id) ?? 0);
      const level = levelOf(occupancy, h.capacity);
      return {
        id: h.id,
        name: h.name,
        capacity: h.capacity,
        occupancy,
        ratio: occupancy / h.capacity,
        level,
        entries: state.entries.get(h.id) ?? 0,
        exits: state.exits.get(h.id) ?? 0,
        oneOutOneIn: level === 'red',
      };
    });
    const occupancy = halls.reduce((n, h) => n + h.occupancy, 0);
    const capacity = halls.reduce((n, h) => n + h.capacity, 0);
    return {
      museumId: museum.id,
      date: state.date,
      at: t.toISOString(),
      closed,
      closesAt: state.closesAt?.toISOString() ?? null,
      total: {
        occupancy,
        capacity,
        ratio: capacity ? occupancy / capacity : 0,
        level: levelOf(occupancy, capacity),
        entries: halls.reduce((n, h) => n + h.entries, 0),
        exits: halls.reduce((n, h) => n + h.exits, 0),
      },
      halls,
      curve: state.curve,
      thresholds: { amber: AMBER_AT, red: RED_AT },
    };
  }

  function schedulePublish(museumId: string) {
    if (!listeners.get(museumId)?.size || pending.has(museumId)) return;
    pending.set(
      museumId,
      setTimeout(() => {
        pending.delete(museumId);
        void publishNow(museumId);
      }, publishEveryMs),
    );
  }

  async function publishNow(museumId: string) {
    const subs = listeners.get(museumId);
    const museum = museumOf(museumId);
    if (!subs?.size || !museum) return;
    const snap = snapshotOf(museum, await stateOf(museumId));
    lastClosed.set(museumId, snap.closed);
    for (const fn of subs) {
      try {
        fn(snap);
      } catch (err) {
        deps.log?.warn({ err }, 'occupancy listener failed');
      }
    }
  }

  /** Closing time and midnight: watched museums are told when their counts reset. */
  const ticker = setInterval(() => {
    for (const museumId of listeners.keys()) {
      const state = states.get(museumId);
      const t = now();
      const closedNow = state?.closesAt !== undefined && t >= state.closesAt;
      if (!state || state.date !== localDate(t) || closedNow !== (lastClosed.get(museumId) ?? false)) schedulePublish(museumId);
    }
  }, deps.tickMs ?? 15_000);
  ticker.unref();

  function hallOf(museum: Museum, hallId: string, path: string) {
    const hall = museum.halls.find((h) => h.id === hallId);
    if (!hall)
      throw problem(400, 'validation', 'Invalid request', `${path}: no hall "${hallId}" in ${museum.id}`, {
        errors: [{ path, message: `no hall "${hallId}" in this museum` }],
      });
    return hall;
  }

  async function afterInsert(row: CrowdEventRow) {
    const state = await stateOf(row.museum_id);
    apply(state, row);
    schedulePublish(row.museum_id);
  }

  const service = {
    levelOf,

    async snapshot(museumId: string): Promise<OccupancySnapshot> {
      const museum = museumOrThrow(museumId);
      return snapshotOf(museum, await stateOf(museumId));
    },

    /** The current state of one hall (sync; null until the museum's day has been loaded). */
    hallStatus(museumId: string, hallId: string): HallOccupancy | null {
      const museum = museumOf(museumId);
      const state = states.get(museumId);
      if (!museum || !state || state.date !== localDate(now())) return null;
      return snapshotOf(museum, state).halls.find((h) => h.id === hallId) ?? null;
    },

    /** Check-in: inside the check-in transaction; the returned callback runs after the commit. */
    async recordEntry(trx: Trx, entry: { museumId: string; hallId: string; people: number; at: Date; userId: number | null }): Promise<() => Promise<void>> {
      const row = await deps.store.insert(trx, {
        museum_id: entry.museumId,
        hall_id: entry.hallId,
        date: localDate(entry.at),
        at: entry.at.toISOString(),
        entries: entry.people,
        exits: 0,
        source: 'check-in',
        device_id: null,
        device_seq: null,
        user_id: entry.userId,
        measured_at: null,
      });
      // Never read through the database here: this runs inside the writer's transaction.
      return () => afterInsert(row).catch((err) => deps.log?.error({ err }, 'occupancy update failed'));
    },

    /**
     * A door counter (or a member of staff) reports people in and out of a hall. A counter's
     * `seq` makes a retried report harmless: the same (device, seq) is counted once.
     */
    async record(input: {
      museumId: string;
      hallId: string;
      entries: number;
      exits: number;
      source: 'counter' | 'staff';
      deviceId?: number | null;
      seq?: number | null;
      measuredAt?: string | null;
      userId?: number | null;
    }): Promise<{ duplicate: boolean; hall: HallOccupancy | null }> {
      const museum = museumOrThrow(input.museumId, 'body.museum');
      hallOf(museum, input.hallId, 'body.hall');
      const t = now();
      const event: NewCrowdEvent = {
        museum_id: museum.id,
        hall_id: input.hallId,
        date: localDate(t),
        at: t.toISOString(),
        entries: input.entries,
        exits: input.exits,
        source: input.source,
        device_id: input.deviceId ?? null,
        device_seq: input.seq ?? null,
        user_id: input.userId ?? null,
        measured_at: input.measuredAt ?? null,
      };
      let row: CrowdEventRow;
      try {
        row = await deps.store.insert(deps.store.db, event);
      } catch (err) {
        if (isUniqueViolation(err)) return { duplicate: true, hall: service.hallStatus(museum.id, input.hallId) };
        throw err;
      }
      await afterInsert(row);
      return { duplicate: false, hall: service.hallStatus(museum.id, input.hallId) };
    },

    /** Live updates for a museum; returns the unsubscribe function. */
    subscribe(museumId: string, fn: Listener): () => void {
      museumOrThrow(museumId);
      const set = listeners.get(museumId) ?? new Set<Listener>();
      listeners.set(museumId, set);
      set.add(fn);
      return () => {
        set.delete(fn);
        if (!set.size) listeners.delete(museumId);
      };
    },

    /** How many live listeners there are (tests check that closed streams let go). */
    listenerCount: (museumId?: string) => (museumId ? (listeners.get(museumId)?.size ?? 0) : [...listeners.values()].reduce((n, s) => n + s.size, 0)),

    /** Forget cached days (after a change of opening hours, the closing time is read again). */
    invalidate(museumId?: string) {
      if (museumId) states.delete(museumId);
      else states.clear();
    },

    close() {
      clearInterval(ticker);
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
      listeners.clear();
    },
  };
  return service;
}

export type CrowdService = ReturnType<typeof createCrowdService>;
