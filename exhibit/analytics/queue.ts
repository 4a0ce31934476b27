/**
 * The tracker's outbox: every event is written here first, removed only once the server has
 * answered for it. In IndexedDB, so a kiosk that loses its network (or is restarted) sends its
 * events later; an in-memory mirror lets the page send synchronously at pagehide. Without
 * IndexedDB (some private modes) it keeps working in memory.
 */
import type { AnalyticsEvent } from '../../kiosk-server/analytics/events.ts';

export interface EventQueue {
  /** Resolves once events from earlier page loads are loaded. */
  ready: Promise<void>;
  add(event: AnalyticsEvent): Promise<void>;
  /** The oldest `n` events (ids are time-ordered). */
  peek(n: number): AnalyticsEvent[];
  remove(ids: readonly string[]): Promise<void>;
  size(): number;
  /** pagehide: events whose IndexedDB write may not finish go to localStorage (synchronous), and the next page load takes them back. */
  spill(): void;
}

/** At most this many events wait; beyond it the oldest go (a kiosk offline for weeks). */
export const MAX_QUEUED = 20_000;

export function memoryQueue(initial: AnalyticsEvent[] = []): EventQueue {
  const items = new Map<string, AnalyticsEvent>(initial.map((e) => [e.id, e]));
  return {
    ready: Promise.resolve(),
    async add(e) {
      items.set(e.id, e);
      if (items.size > MAX_QUEUED) items.delete(items.keys().next().value as string);
    },
    peek: (n) => [...items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, n),
    async remove(ids) {
      for (const id of ids) items.delete(id);
    },
    size: () => items.size,
    spill() {},
  };
}

const DB_NAME = 'museum-analytics';
const SPILL_KEY = 'museum.analytics.spill';

function takeSpill(): AnalyticsEvent[] {
  try {
    const raw = localStorage.getItem(SPILL_KEY);
    localStorage.removeItem(SPILL_KEY);
    const list = raw ? (JSON.parse(raw) as AnalyticsEvent[]) : [];
    return Array.isArray(list) ? list.filter((e) => e && typeof e.id === 'string') : [];
  } catch {
    return [];
  }
}
const STORE = 'events';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export function indexedDbQueue(): EventQueue {
  const mirror = memoryQueue();
  let db: IDBDatabase | undefined;
  /** Added but not yet committed to IndexedDB. */
  const unsaved = new Map<string, AnalyticsEvent>();
  const write = async (events: AnalyticsEvent[]) => {
    if (!db || events.length === 0) return;
    const tx = db.transaction(STORE, 'readwrite');
    for (const e of events) tx.objectStore(STORE).put(e);
    await done(tx);
  };
  const ready = (async () => {
    if (typeof indexedDB === 'undefined') return;
    const spilled = takeSpill();
    for (const e of spilled) await mirror.add(e);
    try {
      const open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'id' });
      db = await request(open);
      const stored = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
      for (const e of stored as AnalyticsEvent[]) await mirror.add(e);
      await write(spilled);
    } catch {
      db = undefined; // memory only
    }
  })();
  return {
    ready,
    async add(e) {
      unsaved.set(e.id, e);
      await mirror.add(e);
      await ready;
      try {
        await write([e]);
      } catch {
        /* the mirror still has it for this page */
      } finally {
        unsaved.delete(e.id);
      }
    },
    spill() {
      if (unsaved.size === 0) return;
      try {
        const before = JSON.parse(localStorage.getItem(SPILL_KEY) ?? '[]') as AnalyticsEvent[];
        localStorage.setItem(SPILL_KEY, JSON.stringify([...before, ...unsaved.values()].slice(-500)));
      } catch {
        /* storage full or blocked */
      }
    },
    peek: (n) => mirror.peek(n),
    async remove(ids) {
      await mirror.remove(ids);
      await ready;
      if (!db) return;
      try {
        const tx = db.transaction(STORE, 'readwrite');
        const store = tx.objectStore(STORE);
        for (const id of ids) store.delete(id);
        await done(tx);
      } catch {
        /* a later resend is answered "duplicate" and removed then */
      }
    },
    size: () => mirror.size(),
  };
}
