/**
 * Crowd monitoring: door counters and staff report entries/exits, occupancy per hall and museum,
 * warning levels (80 % amber, 100 % red: one out, one in), the day's curve, the reset at closing,
 * and the live stream (SSE) with heartbeats that lets go of its listener however it ends.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterEach, describe, expect, it } from 'vitest';
import { registerCrowdRoutes } from '../../kiosk-server/crowd/routes.ts';
import type { OccupancySnapshot } from '../../kiosk-server/crowd/service.ts';
import { handleError } from '../../kiosk-server/http/problem.ts';
import { createDeviceToken } from '../support/auth.ts';
import { MUSEUM, paths, problemOf, reservationMuseum } from './reservations-support.ts';

type R = Awaited<ReturnType<typeof reservationMuseum>>;
let r: R | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

/** 10:00 on Tuesday 6 May (the museum is open 09:00–17:00). Halls: main 200, steel-soul 120. */
const TEN = new Date('2025-05-06T02:00:00Z');

async function setup() {
  r = await reservationMuseum({ start: TEN });
  const t = r;
  const counter = await createDeviceToken(t.museum, 'counter');
  const staff = await t.staff();
  const report = (body: Record<string, unknown>, headers = counter.headers) =>
    t.request('/api/crowd/counter-events', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ museum: MUSEUM, ...body }),
    });
  const snapshot = async () => (await (await t.request(`/api/staff/crowd/museums/${MUSEUM}`, { headers: staff.headers })).json()) as OccupancySnapshot;
  const hall = async (id: string) => (await snapshot()).halls.find((h) => h.id === id);
  return { t, counter, staff, report, snapshot, hall };
}

describe('occupancy from door counters', () => {
  it('counts entries and exits per hall and for the museum, never below zero', async () => {
    const { report, snapshot, hall } = await setup();
    expect((await report({ hall: 'main-exhibition-hall', entries: 30 })).status).toBe(200);
    await report({ hall: 'main-exhibition-hall', exits: 5 });
    await report({ hall: 'steel-soul-hall', entries: 10, exits: 2 });
    expect(await hall('main-exhibition-hall')).toMatchObject({ occupancy: 25, entries: 30, exits: 5, level: 'normal' });
    const snap = await snapshot();
    expect(snap.total).toMatchObject({ occupancy: 33, capacity: 320 });
    // A counter that misses people going in cannot make a hall negative.
    await report({ hall: 'steel-soul-hall', exits: 50 });
    expect((await hall('steel-soul-hall'))?.occupancy).toBe(0);
  });

  it('warns amber at 80 % and red at 100 % (one out, one in)', async () => {
    const { report, hall, snapshot } = await setup();
    await report({ hall: 'steel-soul-hall', entries: 95 });
    expect(await hall('steel-soul-hall')).toMatchObject({ level: 'normal', oneOutOneIn: false });
    await report({ hall: 'steel-soul-hall', entries: 1 }); // 96 / 120 = 80 %
    expect(await hall('steel-soul-hall')).toMatchObject({ level: 'amber', oneOutOneIn: false });
    await report({ hall: 'steel-soul-hall', entries: 24 }); // 120 / 120
    expect(await hall('steel-soul-hall')).toMatchObject({ level: 'red', oneOutOneIn: true, ratio: 1 });
    expect((await snapshot()).thresholds).toEqual({ amber: 0.8, red: 1 });
    await report({ hall: 'steel-soul-hall', exits: 1 });
    expect((await hall('steel-soul-hall'))?.level).toBe('amber');
  });

  it('counts a retried report (same seq) once', async () => {
    const { report, hall } = await setup();
    const first = await report({ hall: 'main-exhibition-hall', entries: 4, seq: 17 });
    const again = await report({ hall: 'main-exhibition-hall', entries: 4, seq: 17 });
    expect(await first.json()).toMatchObject({ duplicate: false });
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect((await hall('main-exhibition-hall'))?.occupancy).toBe(4);
  });

  it('keeps a day’s curve in 5-minute steps', async () => {
    const { t, report, snapshot } = await setup();
    await report({ hall: 'main-exhibition-hall', entries: 10 });
    t.clock.advance(2 * 60_000);
    await report({ hall: 'main-exhibition-hall', entries: 10 });
    t.clock.advance(10 * 60_000);
    await report({ hall: 'main-exhibition-hall', exits: 5 });
    const curve = (await snapshot()).curve;
    expect(curve).toEqual([
      { at: '2025-05-06T02:00:00.000Z', total: 20, peak: 20, halls: { 'main-exhibition-hall': 20 } },
      { at: '2025-05-06T02:10:00.000Z', total: 15, peak: 15, halls: { 'main-exhibition-hall': 15 } },
    ]);
  });

  it('resets the counts at closing time, and the next day starts at zero', async () => {
    const { t, report, snapshot } = await setup();
    await report({ hall: 'main-exhibition-hall', entries: 40 });
    t.clock.advance(6 * 3600_000 + 59 * 60_000); // 16:59
    expect((await snapshot()).total.occupancy).toBe(40);
    t.clock.advance(60_000); // 17:00
    const closed = await snapshot();
    expect(closed).toMatchObject({ closed: true, closesAt: '2025-05-06T09:00:00.000Z' });
    expect(closed.total.occupancy).toBe(0);
    // Late counter reports after closing are kept but do not count.
    await report({ hall: 'main-exhibition-hall', entries: 3 });
    expect((await snapshot()).total.occupancy).toBe(0);
    t.clock.advance(16 * 3600_000); // 09:00 next day (the staff session has ended by now: ask the service)
    const next = await t.museum.crowd.snapshot(MUSEUM);
    expect(next).toMatchObject({ date: '2025-05-07', closed: false });
    expect(next.total.occupancy).toBe(0);
  });

  it('rebuilds today’s counts after a restart from the stored events', async () => {
    const { t, report } = await setup();
    await report({ hall: 'main-exhibition-hall', entries: 12, exits: 2 });
    t.museum.crowd.invalidate();
    expect((await t.museum.crowd.snapshot(MUSEUM)).total.occupancy).toBe(10);
  });
});

describe('counter endpoint: authentication and bad input', () => {
  it('needs a counter’s token; a counter registered for a hall reports only that hall', async () => {
    const { t, report } = await setup();
    expect((await problemOf(await report({ hall: 'main-exhibition-hall', entries: 1 }, {}), 401)).type).toBe('/problems/unauthenticated');
    const kiosk = await createDeviceToken(t.museum, 'kiosk');
    await problemOf(await report({ hall: 'main-exhibition-hall', entries: 1 }, kiosk.headers), 403);
    const doorB = await createDeviceToken(t.museum, 'counter', `${MUSEUM}/steel-soul-hall`);
    const p = await problemOf(await report({ hall: 'main-exhibition-hall', entries: 1 }, doorB.headers), 403);
    expect(paths(p)).toEqual(['body.hall']);
    expect((await report({ hall: 'steel-soul-hall', entries: 1 }, doorB.headers)).status).toBe(200);
    expect((await t.tables()).crowdEvents).toBe(1);
  });

  const bad: { name: string; body: unknown; path: string; status?: number }[] = [
    { name: 'an unknown hall', body: { museum: MUSEUM, hall: 'boiler-room', entries: 1 }, path: 'body.hall' },
    { name: 'a negative count', body: { museum: MUSEUM, hall: 'main-exhibition-hall', entries: -3 }, path: 'body.entries' },
    { name: 'nothing to count', body: { museum: MUSEUM, hall: 'main-exhibition-hall' }, path: 'body.entries' },
    { name: 'an unknown museum', body: { museum: 'nowhere', hall: 'main-exhibition-hall', entries: 1 }, path: 'body.museum', status: 404 },
    { name: 'malformed JSON', body: '{"museum":', path: 'body' },
  ];
  for (const c of bad) {
    it(`refuses ${c.name} and writes nothing`, async () => {
      const { t, counter } = await setup();
      const res = await t.request('/api/crowd/counter-events', {
        method: 'POST',
        headers: { ...counter.headers, 'Content-Type': 'application/json' },
        body: typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
      });
      expect(paths(await problemOf(res, c.status ?? 400))).toContain(c.path);
      expect((await t.tables()).crowdEvents).toBe(0);
    });
  }

  it('staff can count people in and out by hand', async () => {
    const { t, staff, hall } = await setup();
    const res = await t.staffJson(staff, 'POST', `/api/staff/crowd/museums/${MUSEUM}/halls/steel-soul-hall/count`, { entries: 2 });
    expect(res.status).toBe(200);
    expect((await hall('steel-soul-hall'))?.occupancy).toBe(2);
    expect(paths(await problemOf(await t.staffJson(staff, 'POST', `/api/staff/crowd/museums/${MUSEUM}/halls/nope/count`, { entries: 2 }), 400))).toEqual([
      'body.hall',
    ]);
    await problemOf(await t.request(`/api/staff/crowd/museums/${MUSEUM}`), 401);
  });
});

/** Reads SSE events from a response body until `until` says stop. */
async function readEvents(res: Response, until: (events: { event: string; data: string }[]) => boolean, timeoutMs = 3000) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  while (!until(events)) {
    if (Date.now() > deadline) throw new Error(`timed out; got ${events.map((e) => e.event).join(', ')}`);
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.*)$/m.exec(block)?.[1] ?? '';
      events.push({ event, data });
      end = buffer.indexOf('\n\n');
    }
  }
  return { events, reader };
}

describe('live stream (SSE)', () => {
  it('sends the snapshot, then every change, and heartbeats; lets go when the client aborts', async () => {
    const { t, staff, report } = await setup();
    // The same routes on a small app with a fast heartbeat (production sends one every 15 s).
    const app = new OpenAPIHono();
    app.onError((err, c) => handleError(err, c));
    registerCrowdRoutes(app, t.museum.crowd, t.museum.auth, { heartbeatMs: 50 });
    const abort = new AbortController();
    const res = await app.request(`/api/staff/crowd/museums/${MUSEUM}/stream`, { headers: staff.headers, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const first = await readEvents(res, (e) => e.length >= 1);
    expect(first.events[0].event).toBe('occupancy');
    expect(t.museum.crowd.listenerCount(MUSEUM)).toBe(1);

    await report({ hall: 'main-exhibition-hall', entries: 7 });
    const all: { event: string; data: string }[] = [...first.events];
    const reader = first.reader;
    const decoder = new TextDecoder();
    let buffer = '';
    const deadline = Date.now() + 3000;
    while (
      !(all.some((e) => e.event === 'heartbeat') && all.some((e) => e.event === 'occupancy' && (JSON.parse(e.data) as OccupancySnapshot).total.occupancy === 7))
    ) {
      if (Date.now() > deadline) throw new Error('no update or heartbeat');
      const { value } = await reader.read();
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const b of blocks) all.push({ event: /^event: (.*)$/m.exec(b)?.[1] ?? '', data: /^data: (.*)$/m.exec(b)?.[1] ?? '' });
    }
    abort.abort();
    await reader.cancel().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.museum.crowd.listenerCount(MUSEUM)).toBe(0);
  });

  it('lets go when the client stops reading (stream cancelled)', async () => {
    const { t, staff } = await setup();
    const res = await t.request(`/api/staff/crowd/museums/${MUSEUM}/stream`, { headers: staff.headers });
    const { reader } = await readEvents(res, (e) => e.length >= 1);
    expect(t.museum.crowd.listenerCount(MUSEUM)).toBe(1);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.museum.crowd.listenerCount(MUSEUM)).toBe(0);
  });

  it('refuses a stream without sign-in, or for an unknown museum, before streaming', async () => {
    const { t, staff } = await setup();
    await problemOf(await t.request(`/api/staff/crowd/museums/${MUSEUM}/stream`), 401);
    await problemOf(await t.request('/api/staff/crowd/museums/nowhere/stream', { headers: staff.headers }), 404);
    expect(t.museum.crowd.listenerCount()).toBe(0);
  });
});
