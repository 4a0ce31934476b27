/**
 * The client side of live swap (exhibit/content-sync/): web pages apply a new version at once,
 * kiosks keep it pending until the visitor reset, and a page that missed a publish (offline, or
 * published between its fetch and its connection) catches up on the first event.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyPendingContentVersion,
  contentSyncKey,
  latestContentVersion,
  noteLoadedVersion,
  pendingContentVersion,
  receiveVersionEvent,
  resetContentSyncForTests,
} from '../../exhibit/content-sync/contentSync.ts';
import { resetVisitor } from '../../exhibit/visitor/visitorSession.ts';

const ev = (version: number, revision?: number) => ({
  version,
  hash: `h${version}`,
  publishedAt: 'now',
  ...(revision !== undefined ? { preview: { revision } } : {}),
});

/** Counts refetches: how often the sync key that useContent depends on changes. */
function refetches() {
  const start = contentSyncKey();
  return { count: () => contentSyncKey() - start, off: () => {} };
}

beforeEach(() => resetContentSyncForTests());

describe('content sync', () => {
  it('web: the first event is the baseline, a new version applies at once', () => {
    noteLoadedVersion(5);
    receiveVersionEvent(ev(5), 'web');
    expect(pendingContentVersion()).toBeNull();
    const r = refetches();
    receiveVersionEvent(ev(6), 'web');
    expect(pendingContentVersion()).toBeNull();
    expect(r.count()).toBe(1);
    r.off();
  });

  it('kiosk: a new version waits for the visitor reset, then applies', () => {
    noteLoadedVersion(5);
    receiveVersionEvent(ev(5), 'kiosk');
    receiveVersionEvent(ev(6), 'kiosk');
    expect(pendingContentVersion()).toBe(6);
    receiveVersionEvent(ev(7), 'kiosk');
    expect(pendingContentVersion()).toBe(7);
    const r = refetches();
    expect(r.count()).toBe(0); // nothing refetched mid-visit
    resetVisitor(); // the kiosk lifecycle ends the visit
    expect(pendingContentVersion()).toBeNull();
    expect(r.count()).toBe(1);
    expect(applyPendingContentVersion()).toBe(false);
  });

  it('kiosk: a rollback to what the kiosk still shows cancels the pending version', () => {
    receiveVersionEvent(ev(5), 'kiosk');
    receiveVersionEvent(ev(6), 'kiosk');
    expect(pendingContentVersion()).toBe(6);
    const r = refetches();
    receiveVersionEvent(ev(5), 'kiosk');
    expect(pendingContentVersion()).toBeNull();
    expect(r.count()).toBe(0);
  });

  it('catches up when the page loaded an older version than the first event says (offline, or a publish in between)', () => {
    noteLoadedVersion(4);
    receiveVersionEvent(ev(6), 'kiosk');
    expect(pendingContentVersion()).toBe(6);
    resetContentSyncForTests();
    noteLoadedVersion(4);
    const r = refetches();
    receiveVersionEvent(ev(6), 'web');
    expect(r.count()).toBe(1);
    r.off();
  });

  it('preview: every draft revision is a new version to show', () => {
    receiveVersionEvent(ev(5, 1), 'web');
    const r = refetches();
    receiveVersionEvent(ev(5, 2), 'web');
    receiveVersionEvent(ev(5, 3), 'web');
    expect(latestContentVersion()?.preview?.revision).toBe(3);
    expect(r.count()).toBe(2);
    r.off();
  });
});
