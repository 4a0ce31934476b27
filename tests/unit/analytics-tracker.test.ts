/** The front-end tracker without a browser: fake clock, fake timers, in-memory outbox, scripted transport. */
import { describe, expect, it } from 'vitest';
import { uuidv4, uuidv7 } from '../../exhibit/analytics/ids.ts';
import { memoryQueue } from '../../exhibit/analytics/queue.ts';
import { DwellClock, exhibitOf, filterEvents, pagePath } from '../../exhibit/analytics/routeEvents.ts';
import { type Batch, outcomeOf, type SendOutcome, type SessionState, Tracker } from '../../exhibit/analytics/tracker.ts';
import { EVENT_SCHEMAS } from '../../kiosk-server/analytics/events.ts';

function harness(options: { kiosk?: boolean; optedOut?: boolean; answers?: SendOutcome[] } = {}) {
  let now = Date.UTC(2025, 4, 10, 2, 0, 0);
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const sent: Batch[] = [];
  const answers = [...(options.answers ?? [])];
  let stored: SessionState | null = null;
  const queue = memoryQueue();
  const tracker = new Tracker({
    kiosk: options.kiosk ?? false,
    optedOut: options.optedOut,
    queue,
    transport: {
      async send(batch) {
        sent.push(batch);
        return answers.shift() ?? 'done';
      },
    },
    language: () => 'en',
    sessions: { load: () => stored, save: (s) => (stored = s ? { ...s } : null) },
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return {
    tracker,
    queue,
    sent,
    session: () => stored,
    /** Moves the clock, running due timers and letting promises settle. */
    async advance(ms: number) {
      const end = now + ms;
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.fn();
        await settle();
        await settle();
      }
      now = end;
      await settle();
    },
    types: () => sent.flatMap((b) => b.events.map((e) => e.type)),
  };
}

describe('tracker', () => {
  it('batches, sends every 5 s, and every event it makes passes the server schema', async () => {
    const h = harness();
    h.tracker.track({ type: 'page_view', path: '/sites' });
    h.tracker.track({ type: 'exhibit_view', exhibit: 'erchang', kind: 'site', ms: 4000 });
    await h.advance(4000);
    expect(h.sent).toHaveLength(0);
    await h.advance(1500);
    expect(h.sent).toHaveLength(1);
    expect(h.types()).toEqual(['session_start', 'page_view', 'exhibit_view']);
    for (const e of h.sent[0].events) expect(EVENT_SCHEMAS[e.type].safeParse(e).success, JSON.stringify(e)).toBe(true);
    expect(h.queue.size()).toBe(0);
  });

  it('sends at once when 20 wait, in batches of at most 50', async () => {
    const h = harness();
    for (let i = 0; i < 120; i++) h.tracker.track({ type: 'page_view', path: `/p${i}` });
    await h.advance(10);
    expect(h.sent.map((b) => b.events.length)).toEqual([50, 50, 21]);
  });

  it('keeps events while sends fail, backs off, and sends them once the network is back', async () => {
    const h = harness({ answers: ['retry', 'retry', 'retry'] });
    h.tracker.track({ type: 'page_view', path: '/' });
    await h.advance(5000);
    expect(h.sent).toHaveLength(1);
    expect(h.queue.size()).toBe(2);
    await h.advance(2000); // first backoff
    expect(h.sent).toHaveLength(2);
    await h.advance(3000); // second backoff is 4 s: nothing yet
    expect(h.sent).toHaveLength(2);
    h.tracker.online(); // the network is back: no waiting for the backoff
    await h.advance(1);
    expect(h.sent).toHaveLength(3); // the third scripted failure …
    await h.advance(2000);
    expect(h.sent).toHaveLength(4); // … then it goes through
    expect(h.queue.size()).toBe(0);
    // The same ids every time: the server counts a resend once.
    expect(new Set(h.sent.map((b) => b.events.map((e) => e.id).join()))).toHaveProperty('size', 1);
  });

  it('on a kiosk, a visit runs from startSession to endSession; between visits nothing is recorded', async () => {
    const h = harness({ kiosk: true });
    h.tracker.track({ type: 'page_view', path: '/' }); // before the lifecycle takes over: a session starts by itself
    h.tracker.startSession();
    await h.advance(30_000);
    h.tracker.track({ type: 'page_view', path: '/sites' });
    h.tracker.endSession('idle');
    h.tracker.track({ type: 'page_view', path: '/attract' }); // attract screen: nobody there
    h.tracker.startSession();
    h.tracker.track({ type: 'page_view', path: '/eras' });
    await h.advance(10_000);
    const events = h.sent.flatMap((b) => b.events);
    expect(events.map((e) => `${e.type}${'path' in e ? e.path : ''}`)).toEqual([
      'session_start',
      'page_view/',
      'session_end',
      'session_start',
      'page_view/sites',
      'session_end',
      'session_start',
      'page_view/eras',
    ]);
    const ends = events.filter((e) => e.type === 'session_end');
    expect(ends.map((e) => (e as { reason: string }).reason)).toEqual(['manual', 'idle']);
    expect((ends[1] as { ms: number }).ms).toBe(30_000);
    expect(new Set(events.map((e) => e.session)).size).toBe(3);
  });

  it('on the web, a tab keeps its session and starts a new one after 30 minutes without events', async () => {
    const h = harness();
    h.tracker.track({ type: 'page_view', path: '/' });
    const first = h.session()?.id;
    await h.advance(10 * 60_000);
    h.tracker.track({ type: 'page_view', path: '/sites' });
    expect(h.session()?.id).toBe(first);
    await h.advance(31 * 60_000);
    h.tracker.track({ type: 'page_view', path: '/eras' });
    await h.advance(6000);
    const events = h.sent.flatMap((b) => b.events);
    expect(events.map((e) => e.type)).toEqual(['session_start', 'page_view', 'page_view', 'session_end', 'session_start', 'page_view']);
    const end = events[3] as { session: string; reason: string; ms: number; at: number };
    expect(end).toMatchObject({ session: first, reason: 'timeout', ms: 10 * 60_000 });
    expect(events[4].session).not.toBe(first);
  });

  it('does nothing at all under Do-Not-Track / Global Privacy Control on the web (but a kiosk ignores it)', async () => {
    const h = harness({ optedOut: true });
    h.tracker.track({ type: 'page_view', path: '/' });
    h.tracker.startSession();
    await h.advance(60_000);
    expect(h.sent).toEqual([]);
    expect(h.queue.size()).toBe(0);
    expect(h.tracker.enabled).toBe(false);
    expect(harness({ kiosk: true, optedOut: true }).tracker.enabled).toBe(true);
  });

  it('caps error events per visit', async () => {
    const h = harness();
    for (let i = 0; i < 50; i++) h.tracker.track({ type: 'error', kind: 'script', message: `boom ${i}` });
    await h.advance(6000);
    expect(h.types().filter((t) => t === 'error')).toHaveLength(10);
  });

  it('treats the answers right: 200/202 and unfixable 400/413 are done; 401, 429, 5xx are retried', () => {
    expect([200, 202, 400, 413].map(outcomeOf)).toEqual(['done', 'done', 'done', 'done']);
    expect([401, 403, 429, 500, 503].map(outcomeOf)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
  });
});

describe('ids', () => {
  it('makes valid, time-ordered UUIDv7 event ids and random v4 session ids', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidv4()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(1)))).toHaveProperty('size', 1000);
  });
});

describe('route events', () => {
  it('knows which exhibit a path shows', () => {
    expect(exhibitOf('/sites/erchang')).toEqual({ exhibit: 'erchang', kind: 'site' });
    expect(exhibitOf('/eras/wartime/')).toEqual({ exhibit: 'wartime', kind: 'era' });
    expect(exhibitOf('/sites')).toBeNull();
    expect(exhibitOf('/reports/x')).toBeNull();
  });

  it('never sends a ticket code in a page path', () => {
    expect(pagePath('/visit/tickets/K7Q2-99XZ')).toBe('/visit/tickets/:code');
    expect(pagePath('/sites/erchang')).toBe('/sites/erchang');
  });

  it('reports filters newly set in the URL, not language or unchanged ones', () => {
    expect(filterEvents('/sites', '', '?era=wartime&lang=en')).toEqual([{ type: 'filter', filter: 'sites.era', value: 'wartime' }]);
    expect(filterEvents('/sites', '?era=wartime', '?era=wartime&cluster=core')).toEqual([{ type: 'filter', filter: 'sites.cluster', value: 'core' }]);
    expect(filterEvents('/sites/erchang', '', '?era=x')).toEqual([]);
  });

  it('counts dwell time only while the page is visible, and ignores glimpses under a second', () => {
    const d = new DwellClock();
    d.start({ exhibit: 'erchang', kind: 'site' }, 0, true);
    d.visibility(false, 10_000);
    d.visibility(true, 70_000);
    expect(d.stop(75_000)).toEqual({ type: 'exhibit_view', exhibit: 'erchang', kind: 'site', ms: 15_000 });
    d.start({ exhibit: 'x', kind: 'era' }, 0, true);
    expect(d.stop(500)).toBeNull();
  });
});
