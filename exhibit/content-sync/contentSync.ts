/**
 * The client side of live content swap. One EventSource on /api/content/events for the whole
 * page; each `version` event says which content version is published (and, in a draft preview,
 * the draft's revision).
 *
 * - Web: a new version applies at once — `useContentSyncKey()` changes and every mounted
 *   `useContent` refetches (exhibit/api/useContent.ts).
 * - Kiosk (`<html class="kiosk">`): a new version waits as `pendingContentVersion()` and applies
 *   at the next visitor reset (never mid-visit). This module applies it itself on
 *   `onVisitorReset`; the kiosk lifecycle may also call `applyPendingContentVersion()`.
 * - A kiosk that was offline catches up when its EventSource reconnects: the first event on every
 *   connection is the current version, compared with what the page has.
 */
import { useSyncExternalStore } from 'react';
import { onVisitorReset } from '../visitor/visitorSession.ts';

export interface ContentVersionEvent {
  version: number;
  hash: string;
  publishedAt: string;
  /** Present in a draft preview: the draft's revision (changes with every save). */
  preview?: { revision: number };
}

type Mode = 'web' | 'kiosk';

const keyOf = (e: ContentVersionEvent) => (e.preview ? `${e.version}:p${e.preview.revision}` : String(e.version));

let source: EventSource | null = null;
/** The content the page shows: the key of the last applied event. */
let shownKey: string | null = null;
/** The highest envelope version useContent has loaded (before the first event arrives). */
let loadedVersion: number | null = null;
let latest: ContentVersionEvent | null = null;
let pending: ContentVersionEvent | null = null;
/** Bumped when content should be fetched again. */
let syncKey = 0;
let connected = false;
const listeners = new Set<() => void>();

const notify = () => {
  for (const fn of [...listeners]) fn();
};

function mode(): Mode {
  return typeof document !== 'undefined' && document.documentElement.classList.contains('kiosk') ? 'kiosk' : 'web';
}

function apply(event: ContentVersionEvent) {
  shownKey = keyOf(event);
  pending = null;
  syncKey++;
  notify();
}

/** Handles one `version` event (exported for tests). */
export function receiveVersionEvent(event: ContentVersionEvent, as: Mode = mode()) {
  latest = event;
  const key = keyOf(event);
  if (shownKey === null) {
    // First event: the page already shows what it loaded. Only a page that loaded an older
    // version (published between its fetch and this connection) has something new.
    shownKey = loadedVersion === null || loadedVersion === event.version ? key : `${loadedVersion}`;
  }
  if (key === shownKey) {
    pending = null; // e.g. rolled back to what the kiosk still shows
    notify(); // `latest` changed either way (banners, status)
    return;
  }
  if (as === 'kiosk') {
    pending = event;
    notify();
  } else apply(event);
}

/** Called by useContent with each envelope's version. */
export function noteLoadedVersion(version: number) {
  if (loadedVersion === null || version > loadedVersion) loadedVersion = version;
}

/** Starts listening (once per page). Harmless where EventSource does not exist. */
export function startContentSync() {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/api/content/events');
  source.addEventListener('version', (e) => {
    try {
      receiveVersionEvent(JSON.parse((e as MessageEvent<string>).data) as ContentVersionEvent);
    } catch {
      /* a malformed event is ignored; the next one carries the full state */
    }
  });
  source.addEventListener('open', () => {
    connected = true;
    notify();
  });
  source.addEventListener('error', () => {
    // EventSource reconnects by itself (the server asks for 3 s); the first event then catches up.
    connected = false;
    notify();
  });
}

/** For tests and the end of a page's life. */
export function stopContentSync() {
  source?.close();
  source = null;
  connected = false;
}

/** The current sync key (what useContentSyncKey returns): bumped on each applied version. */
export function contentSyncKey(): number {
  return syncKey;
}

/** A version that waits for the kiosk's next reset, or null. */
export function pendingContentVersion(): number | null {
  return pending?.version ?? null;
}

/** Applies a waiting version now (the kiosk calls this at reset). True when there was one. */
export function applyPendingContentVersion(): boolean {
  if (!pending) return false;
  apply(pending);
  return true;
}

/** The last event: the published version (and the preview's revision). */
export function latestContentVersion(): ContentVersionEvent | null {
  return latest;
}

export function isContentSyncConnected(): boolean {
  return connected;
}

export function onContentSyncChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Resets the module (tests only). */
export function resetContentSyncForTests() {
  stopContentSync();
  shownKey = null;
  loadedVersion = null;
  latest = null;
  pending = null;
  syncKey = 0;
}

const subscribe = (fn: () => void) => {
  startContentSync();
  return onContentSyncChange(fn);
};

/** Changes whenever content should be fetched again (a new version applied). */
export function useContentSyncKey(): number {
  return useSyncExternalStore(subscribe, contentSyncKey, () => 0);
}

/** The last version event (re-renders on every event), for banners and status. */
export function useLatestContentVersion(): ContentVersionEvent | null {
  return useSyncExternalStore(
    subscribe,
    () => latest,
    () => null,
  );
}

// A kiosk's waiting version applies when the visitor leaves (the kiosk lifecycle calls
// resetVisitor()); the next visitor starts on the new content.
onVisitorReset(() => {
  applyPendingContentVersion();
});

// Test hook for end-to-end tests (read-only state and the reset-time apply).
if (typeof window !== 'undefined') {
  (window as unknown as { __museumContentSync?: unknown }).__museumContentSync = {
    pending: pendingContentVersion,
    latest: latestContentVersion,
    connected: isContentSyncConnected,
    applyPending: applyPendingContentVersion,
  };
}
