/**
 * Report figures against a generated event set whose answers are counted here, independently, by
 * walking the events: visits per day, hour, kiosk and hall; exhibits; walkthrough funnels;
 * languages; narration; booking funnel; heatmap; suppression of counts under 5. Then: rollups equal
 * the raw events, a rebuild changes nothing, pruning keeps the reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsEvent, TrackInput } from '../../kiosk-server/analytics/events.ts';
import type { Report } from '../../kiosk-server/analytics/reports.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { createDeviceToken, signInAs, testClock } from '../support/auth.ts';
import { analyticsMuseum, event, post } from './analytics-support.ts';

const clock = testClock(new Date('2025-05-13T04:00:00Z'));
let museum: Museum;

type Lang = AnalyticsEvent['lang'];
type Source = 'kioskA' | 'kioskB' | 'web' | 'server';
interface Generated {
  event: AnalyticsEvent;
  source: Source;
}

/** mulberry32: the same events every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EXHIBITS = ['erchang', 'dadukou-steel', 'arsenal-1862', '816-cave', 'wangjiang', 'beichuan-railway', 'jialing-wharf', 'rare-thing'];
const QUERIES = ['blast furnace', 'blast furnace', 'blast furnace', 'erchang'];

function generate(): Generated[] {
  const r = rng(20250510);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const out: Generated[] = [];
  for (let s = 0; s < 420; s++) {
    const day = Math.floor(r() * 3); // local 2025-05-10 .. 12
    const hour = 9 + Math.floor(r() * r() * 9); // busier mornings, 09:00–17:59
    let t = Date.UTC(2025, 4, 10 + day, hour - 8, Math.floor(r() * 50));
    const source: Source = r() < 0.35 ? 'kioskA' : r() < 0.5 ? 'kioskB' : 'web';
    const session = crypto.randomUUID();
    let lang: Lang = r() < 0.6 ? 'zh-Hans' : r() < 0.75 ? 'en' : 'zh-Hant';
    const add = (input: TrackInput, dt = 1000) => {
      t += dt;
      out.push({ event: event(input, t, { session, lang }), source });
    };
    add({ type: 'session_start' }, 0);
    add({ type: 'page_view', path: '/' });
    if (r() < 0.2) {
      const to: Lang = lang === 'en' ? 'zh-Hans' : 'en';
      add({ type: 'language_switch', from: lang, to });
      lang = to;
    }
    const views = 1 + Math.floor(r() * 3);
    for (let v = 0; v < views; v++) {
      // Skewed: the first exhibits are the popular ones; 'rare-thing' gets three views in all.
      const exhibit = v === 0 && s % 150 === 7 ? 'rare-thing' : EXHIBITS[Math.floor(r() * r() * 7)];
      add({ type: 'page_view', path: `/sites/${exhibit}` });
      add({ type: 'exhibit_view', exhibit, kind: 'site', ms: 1000 * Math.floor(5 + r() * 120) }, 2000);
    }
    if (r() < 0.3) {
      const walkthrough = pick(['erchang-3d', 'dadukou-3d']);
      add({ type: 'walkthrough_start', walkthrough });
      const reached = 1 + Math.floor(r() * 4);
      for (let step = 1; step <= reached; step++) add({ type: 'walkthrough_progress', walkthrough, step, steps: 4 });
      if (reached === 4 && r() < 0.8) add({ type: 'walkthrough_complete', walkthrough, ms: 90_000 });
      if (r() < 0.5) add({ type: 'hotspot_tap', walkthrough, hotspot: 'furnace-1' });
    }
    if (r() < 0.4) {
      const narration = pick(['era-wartime', 'site-erchang', 'site-816']);
      add({ type: 'narration_play', narration });
      if (r() < 0.55) add({ type: 'narration_complete', narration, ms: 60_000 });
    }
    if (r() < 0.12) add({ type: 'search', scope: 'sites', query: pick(QUERIES), results: 2 });
    // Someone types their name twice: never shown (fewer than 5).
    if (s === 11 || s === 300) add({ type: 'search', scope: 'sites', query: 'my name is zhang san', results: 0 });
    if (r() < 0.15) add({ type: 'filter', filter: 'era', value: pick(['wartime', 'third-front']) });
    if (source === 'web' && r() < 0.5) {
      add({ type: 'booking_step', step: 'calendar' });
      if (r() < 0.7) {
        add({ type: 'booking_step', step: 'form' });
        if (r() < 0.6) {
          add({ type: 'booking_step', step: 'confirmed' });
          // The ticket is checked in later, on the server's side.
          if (r() < 0.8)
            out.push({
              event: event({ type: 'booking_step', step: 'checked_in' }, t + 3_600_000, { session: '00000000-0000-0000-0000-000000000000' }),
              source: 'server',
            });
        }
      }
    }
    if (r() < 0.04) add({ type: 'error', kind: 'network', message: 'content fetch failed' });
    if (source !== 'web') add({ type: 'session_end', reason: 'idle', ms: t - out.find((g) => g.event.session === session)!.event.at });
  }
  return out;
}

const events = generate();
const sup = (n: number) => (n > 0 && n < 5 ? null : n);
const localDate = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
const localHour = (at: number) => new Date(at + 8 * 3_600_000).getUTCHours();
const weekday = (at: number) => (new Date(at + 8 * 3_600_000).getUTCDay() + 6) % 7;
const of = <T extends AnalyticsEvent['type']>(type: T) =>
  events.filter((g) => g.event.type === type) as (Generated & { event: Extract<AnalyticsEvent, { type: T }> })[];
const countBy = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};

let report: Report;
let kioskIds: { A: number; B: number };

async function fetchReport(query: string): Promise<Report> {
  const curator = await signInAs(museum, 'curator');
  const res = await museum.app.request(`/api/analytics/reports?${query}`, { headers: curator.headers });
  expect(res.status).toBe(200);
  return res.json();
}

beforeAll(async () => {
  museum = await analyticsMuseum({ now: clock.now });
  const a = await createDeviceToken(museum, 'kiosk', 'hall-steel');
  const b = await createDeviceToken(museum, 'kiosk', 'hall-arsenal');
  kioskIds = { A: a.device.id, B: b.device.id };
  const headers: Record<Source, Record<string, string> | undefined> = { kioskA: a.headers, kioskB: b.headers, web: undefined, server: undefined };
  for (const source of ['kioskA', 'kioskB', 'web'] as const) {
    const mine = events.filter((g) => g.source === source).map((g) => g.event);
    for (let i = 0; i < mine.length; i += 50) {
      const res = await post(museum, mine.slice(i, i + 50), { headers: headers[source] });
      expect(res.status).toBe(200);
      expect(res.body.rejected).toBe(0);
    }
  }
  for (const g of events.filter((x) => x.source === 'server')) {
    const e = g.event as Extract<AnalyticsEvent, { type: 'booking_step' }>;
    await museum.analytics.record({ type: 'booking_step', step: e.step }, { at: new Date(e.at) });
  }
  await museum.analytics.flush();
  report = await fetchReport('from=2025-05-10&to=2025-05-12');
}, 60_000);
afterAll(() => museum.close());

describe('report figures match the generated events', () => {
  it('has every event stored once', async () => {
    expect(await museum.analytics.store.countEvents()).toBe(events.length);
  });

  it('visits per day (all, kiosk, web) and in total', () => {
    const starts = of('session_start');
    const expected = ['2025-05-10', '2025-05-11', '2025-05-12'].map((date) => {
      const day = starts.filter((g) => localDate(g.event.at) === date);
      return {
        date,
        visits: sup(day.length),
        kiosk: sup(day.filter((g) => g.source !== 'web').length),
        web: sup(day.filter((g) => g.source === 'web').length),
      };
    });
    expect(report.visitsByDay).toEqual(expected);
    expect(report.totals.visits).toBe(starts.length);
    expect(report.totals.pageViews).toBe(of('page_view').length);
  });

  it('visits per hour of day and the weekday × hour heatmap, with small cells suppressed', () => {
    const starts = of('session_start');
    const byHour = countBy(starts, (g) => String(localHour(g.event.at)));
    expect(report.visitsByHour).toEqual(Array.from({ length: 24 }, (_, hour) => ({ hour, visits: sup(byHour.get(String(hour)) ?? 0) })));
    const cells = countBy(starts, (g) => `${weekday(g.event.at)}:${localHour(g.event.at)}`);
    const expected = Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => sup(cells.get(`${d}:${h}`) ?? 0)));
    expect(report.heatmap).toEqual(expected);
    // The set has busy and quiet hours, so both kinds of cells are really exercised.
    expect(report.heatmap.flat().some((c) => c === null)).toBe(true);
    expect(report.heatmap.flat().some((c) => (c ?? 0) >= 5)).toBe(true);
    // 2025-05-10 was a Saturday (row 5).
    expect(report.heatmap[5].some((c) => c !== 0)).toBe(true);
  });

  it('visits per kiosk and per hall', () => {
    const starts = of('session_start');
    const a = starts.filter((g) => g.source === 'kioskA').length;
    const b = starts.filter((g) => g.source === 'kioskB').length;
    expect(report.kiosks.map((k) => [k.kioskId, k.hallId, k.visits]).sort()).toEqual(
      [
        [kioskIds.A, 'hall-steel', sup(a)],
        [kioskIds.B, 'hall-arsenal', sup(b)],
      ].sort(),
    );
    expect(Object.fromEntries(report.halls.map((h) => [h.hallId, h.visits]))).toEqual({ 'hall-steel': sup(a), 'hall-arsenal': sup(b) });
  });

  it('top exhibits by views and dwell time; a rarely seen exhibit is suppressed', () => {
    const views = of('exhibit_view');
    const expected = EXHIBITS.map((exhibit) => {
      const mine = views.filter((g) => g.event.exhibit === exhibit);
      const dwell = mine.reduce((s, g) => s + g.event.ms, 0);
      const v = sup(mine.length);
      return { exhibit, kind: 'site', views: v, dwellMs: v === null ? null : dwell, avgDwellMs: v ? Math.round(dwell / mine.length) : null };
    }).filter((e) => e.views !== 0);
    expect([...report.exhibits].sort((x, y) => x.exhibit.localeCompare(y.exhibit))).toEqual(expected.sort((x, y) => x.exhibit.localeCompare(y.exhibit)));
    expect(report.exhibits[0].exhibit).toBe('erchang'); // the most viewed, first
    expect(report.exhibits.find((e) => e.exhibit === 'rare-thing')?.views ?? null).toBeNull();
  });

  it('walkthrough funnels: started, each step, completed, completion rate', () => {
    for (const w of ['erchang-3d', 'dadukou-3d']) {
      const started = of('walkthrough_start').filter((g) => g.event.walkthrough === w).length;
      const completed = of('walkthrough_complete').filter((g) => g.event.walkthrough === w).length;
      const steps = [1, 2, 3, 4].map((step) => ({
        step,
        reached: sup(of('walkthrough_progress').filter((g) => g.event.walkthrough === w && g.event.step === step).length),
      }));
      const row = report.walkthroughs.find((x) => x.walkthrough === w);
      expect(row).toEqual({
        walkthrough: w,
        started: sup(started),
        steps,
        completed: sup(completed),
        completionRate: sup(completed) === null ? null : completed / started,
      });
    }
  });

  it('language split, narration completion and the booking funnel', () => {
    const langs = ['zh-Hans', 'zh-Hant', 'en'] as const;
    expect(report.languages).toEqual(
      langs.map((lang) => ({
        lang,
        sessions: sup(of('session_start').filter((g) => g.event.lang === lang).length),
        pageViews: sup(of('page_view').filter((g) => g.event.lang === lang).length),
        switchesTo: sup(of('language_switch').filter((g) => g.event.to === lang).length),
      })),
    );
    for (const n of report.narrations) {
      const played = of('narration_play').filter((g) => g.event.narration === n.narration).length;
      const completed = of('narration_complete').filter((g) => g.event.narration === n.narration).length;
      expect(n).toEqual({ narration: n.narration, played: sup(played), completed: sup(completed), completionRate: completed >= 5 ? completed / played : null });
    }
    expect(report.narrations.map((n) => n.narration).sort()).toEqual(['era-wartime', 'site-816', 'site-erchang']);
    const steps = ['calendar', 'form', 'confirmed', 'checked_in'] as const;
    const counts = steps.map((step) => of('booking_step').filter((g) => g.event.step === step).length);
    expect(counts[3]).toBeGreaterThan(5); // checked-in events really came through record()
    expect(report.booking).toEqual(steps.map((step, i) => ({ step, count: sup(counts[i]), rateFromPrevious: i === 0 ? null : counts[i] / counts[i - 1] })));
  });

  it('searches: only queries at least 5 visits made appear (free text below that is left out)', () => {
    const byQuery = countBy(of('search'), (g) => g.event.query);
    const expected = [...byQuery].filter(([, n]) => n >= 5).map(([query, count]) => ({ scope: 'sites', query, count }));
    expect(report.searches).toEqual(expected.sort((a, b) => b.count - a.count || a.query.localeCompare(b.query)));
    expect(report.searches.map((s) => s.query)).not.toContain('my name is zhang san');
  });

  it('filters by source and hall', async () => {
    const kioskOnly = await fetchReport('from=2025-05-10&to=2025-05-12&source=kiosk');
    expect(kioskOnly.totals.visits).toBe(sup(of('session_start').filter((g) => g.source !== 'web').length));
    const hall = await fetchReport('from=2025-05-10&to=2025-05-12&hall=hall-arsenal');
    expect(hall.totals.visits).toBe(sup(of('session_start').filter((g) => g.source === 'kioskB').length));
    const oneDay = await fetchReport('from=2025-05-11&to=2025-05-11');
    expect(oneDay.totals.visits).toBe(sup(of('session_start').filter((g) => localDate(g.event.at) === '2025-05-11').length));
  });
});

describe('rollups', () => {
  const range = { fromHour: Math.floor(Date.UTC(2025, 4, 9) / 3_600_000), toHour: Math.floor(Date.UTC(2025, 4, 14) / 3_600_000) };

  it('equal the same sums straight from the raw events', async () => {
    const store = museum.analytics.store;
    const types = ['session_start', 'page_view', 'exhibit_view', 'walkthrough_progress', 'narration_play', 'booking_step', 'language_switch'];
    for (const by of [
      ['type', 'day'],
      ['type', 'hourOfDay', 'source'],
      ['type', 'kiosk_id', 'hall_id', 'lang'],
      ['type', 'subject', 'detail'],
      ['weekday'],
    ] as const) {
      const sort = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();
      const fromRollups = await store.aggregate({ types, ...range, by });
      const fromRaw = await store.aggregate({ types, ...range, by, from: 'raw' });
      expect(sort(fromRollups)).toEqual(sort(fromRaw));
    }
  });

  it('a rebuild from raw events gives the same report', async () => {
    await museum.analytics.rebuildRollups(range.fromHour, range.toHour);
    expect(await fetchReport('from=2025-05-10&to=2025-05-12')).toEqual(report);
  });

  it('pruning deletes old raw events but keeps the reports, and a later rebuild cannot wipe them', async () => {
    clock.advance(95 * 86_400_000); // beyond the 90-day retention
    const deleted = await museum.analytics.prune();
    expect(deleted).toBe(events.length);
    expect(await museum.analytics.store.countEvents()).toBe(0);
    await museum.analytics.rebuildRollups(range.fromHour, range.toHour);
    expect(await fetchReport('from=2025-05-10&to=2025-05-12')).toEqual(report);
  });
});
