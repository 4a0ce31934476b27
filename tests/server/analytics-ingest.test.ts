/** The ingest endpoint: per-item results, exactly-once, kiosks vs web, bots, Do-Not-Track, privacy. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Museum } from '../../kiosk-server/server.ts';
import { createDeviceToken, signInAs, testClock } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';
import { analyticsMuseum, BROWSER_UA, event, post, sessionId } from './analytics-support.ts';

const clock = testClock(new Date('2025-05-10T04:00:00Z')); // 12:00 in Chongqing
const T = () => clock.now().getTime();
let museum: Museum;

beforeAll(async () => {
  museum = await analyticsMuseum({ now: clock.now });
});
afterAll(() => museum.close());

const visits = async (q: Record<string, string> = {}) => {
  const curator = await signInAs(museum, 'curator');
  const res = await museum.app.request(`/api/analytics/reports?${new URLSearchParams({ from: '2025-05-10', to: '2025-05-10', ...q })}`, {
    headers: curator.headers,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { totals: { visits: number | null; pageViews: number | null } };
};

describe('a batch is judged event by event', () => {
  it('stores the good events and reports each bad one with its path; the batch is not lost', async () => {
    const s = sessionId();
    const good = [
      event({ type: 'session_start' }, T() - 60_000, { session: s }),
      event({ type: 'page_view', path: '/sites/erchang' }, T() - 50_000, { session: s }),
      event({ type: 'exhibit_view', exhibit: 'erchang', kind: 'site', ms: 42_000 }, T() - 8_000, { session: s }),
    ];
    const unknown = { ...event({ type: 'session_start' }, T()), type: 'teleport' };
    const malformed = event({ type: 'exhibit_view', exhibit: 'erchang', kind: 'site', ms: 42_000 }, T());
    (malformed as { ms: unknown }).ms = 'long';
    const noId = { ...event({ type: 'page_view', path: '/' }, T()), id: 'not-a-uuid' };
    const res = await post(museum, [good[0], unknown, good[1], malformed, 'junk', noId, good[2]]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: 7, stored: 3, duplicates: 0, rejected: 4 });
    const byIndex = res.body.results;
    expect(byIndex.map((r: { status: string }) => r.status)).toEqual(['stored', 'rejected', 'stored', 'rejected', 'rejected', 'rejected', 'stored']);
    expect(byIndex[1]).toMatchObject({ id: unknown.id, errors: [{ path: 'events.1.type', message: 'unknown event type "teleport"' }] });
    expect(byIndex[3].errors[0].path).toBe('events.3.ms');
    expect(byIndex[4].errors[0].path).toBe('events.4.type');
    expect(byIndex[5].errors[0].path).toBe('events.5.id');
    expect(await museum.analytics.store.countEvents()).toBe(3);
  });

  it('counts a resent event once: the resend answers duplicate and the report does not move', async () => {
    const before = (await museum.analytics.store.countEvents()) as number;
    const batch = Array.from({ length: 6 }, (_, i) => event({ type: 'session_start' }, T() - 1000 * i));
    expect((await post(museum, batch)).body.stored).toBe(6);
    const visitsOnce = (await visits()).totals.visits;
    const again = await post(museum, [...batch, batch[0]]);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: 0, duplicates: 7 });
    expect((await visits()).totals.visits).toBe(visitsOnce);
    expect(await museum.analytics.store.countEvents()).toBe(before + 6);
  });

  it('the same id twice in one batch is stored once', async () => {
    const e = event({ type: 'page_view', path: '/eras' }, T());
    const res = await post(museum, [e, e]);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['stored', 'duplicate']);
  });

  it('takes a sendBeacon body sent as text/plain', async () => {
    const e = event({ type: 'page_view', path: '/beacon' }, T());
    const res = await museum.app.request('/api/analytics/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'User-Agent': BROWSER_UA },
      body: JSON.stringify({ events: [e] }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).stored).toBe(1);
  });

  it('refuses what is not a batch as a whole, with a problem', async () => {
    for (const body of [{ events: 'x' }, { events: [] }, {}, { events: Array.from({ length: 501 }, () => ({})) }]) {
      const res = await museum.app.request('/api/analytics/events', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'User-Agent': BROWSER_UA },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).errors[0].path).toMatch(/^body\.events/);
    }
    const notJson = await museum.app.request('/api/analytics/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': BROWSER_UA },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('rejects events too old or in the future, and corrects a device clock that is off', async () => {
    const old = event({ type: 'page_view', path: '/' }, T() - 31 * 86_400_000);
    const future = event({ type: 'page_view', path: '/' }, T() + 3_600_000);
    const res = await post(museum, [old, future]);
    expect(res.body.results.map((r: { errors: { message: string }[] }) => r.errors[0].message)).toEqual(['is older than 30 days', 'is in the future']);

    // A kiosk whose clock runs 2 days fast: with sentAt the server files the event at its real time.
    const skew = 2 * 86_400_000;
    const e = event({ type: 'session_start' }, T() - 5_000 + skew);
    const fixed = await post(museum, [e], { sentAt: T() + skew });
    expect(fixed.body.stored).toBe(1);
  });
});

describe('web and kiosk', () => {
  it('a kiosk batch with a device token counts for that kiosk and its hall', async () => {
    const kiosk = await createDeviceToken(museum, 'kiosk', 'hall-blast-furnace');
    const batch = Array.from({ length: 5 }, (_, i) => event({ type: 'session_start' }, T() - i * 1000));
    const res = await post(museum, batch, { headers: { ...kiosk.headers, 'User-Agent': 'curl/8' } });
    expect(res.status).toBe(200);
    expect(res.body.stored).toBe(5);
    const curator = await signInAs(museum, 'curator');
    const report = await (await museum.app.request('/api/analytics/reports?from=2025-05-10&to=2025-05-10&source=kiosk', { headers: curator.headers })).json();
    expect(report.kiosks).toEqual([{ kioskId: kiosk.device.id, name: kiosk.device.name, hallId: 'hall-blast-furnace', visits: 5 }]);
    expect(report.halls).toEqual([{ hallId: 'hall-blast-furnace', visits: 5 }]);
  });

  it('a wrong or revoked device token is refused (401), a counter token is forbidden (403)', async () => {
    const e = event({ type: 'session_start' }, T());
    expect((await post(museum, [e], { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
    const counter = await createDeviceToken(museum, 'counter', 'hall-1');
    expect((await post(museum, [e], { headers: counter.headers })).status).toBe(403);
    const kiosk = await createDeviceToken(museum, 'kiosk', 'hall-1');
    await museum.auth.devices.revoke(kiosk.device.id, null);
    expect((await post(museum, [e], { headers: kiosk.headers })).status).toBe(401);
  });

  it('ignores bots, Do-Not-Track, Global Privacy Control and cross-site posts on the web (202, nothing stored)', async () => {
    const before = await museum.analytics.store.countEvents();
    const cases: Record<string, string>[] = [
      { 'User-Agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
      { 'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36' },
      { 'User-Agent': 'python-requests/2.32' },
      { 'User-Agent': '' },
      { DNT: '1' },
      { 'Sec-GPC': '1' },
      { 'Sec-Fetch-Site': 'cross-site' },
    ];
    const reasons = [];
    for (const headers of cases) {
      const res = await post(museum, [event({ type: 'session_start' }, T())], { headers });
      expect(res.status).toBe(202);
      reasons.push(res.body.ignored);
    }
    expect(reasons).toEqual(['bot', 'bot', 'bot', 'bot', 'do-not-track', 'do-not-track', 'cross-site']);
    expect(await museum.analytics.store.countEvents()).toBe(before);
  });
});

describe('privacy', () => {
  it('sets no cookie and stores no address, user agent or anything beyond the event columns', async () => {
    const dataDir = tempDir();
    const m = await analyticsMuseum({ dataDir, now: clock.now });
    try {
      const res = await m.app.request(
        '/api/analytics/events',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'User-Agent': BROWSER_UA, 'X-Forwarded-For': '203.0.113.9' },
          body: JSON.stringify({ events: [{ ...event({ type: 'search', scope: 'sites', query: '  Erchang  Works ', results: 3 }, T()), email: 'a@b.c' }] }),
        },
        { incoming: { socket: { remoteAddress: '198.51.100.7', remotePort: 5000, remoteFamily: 'IPv4' } } },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
      await m.analytics.flush();
      // Its own database file, apart from the museum's.
      const file = path.join(dataDir, 'analytics.sqlite');
      expect(existsSync(file)).toBe(true);
      const db = new SQLite(file, { readonly: true });
      const columns = db.prepare("select name from pragma_table_info('analytics_events')").pluck().all();
      expect(columns).toEqual(['id', 'at', 'hour', 'received', 'source', 'kiosk_id', 'hall_id', 'session', 'type', 'lang', 'subject', 'detail', 'ms']);
      const row = JSON.stringify(db.prepare('select * from analytics_events').all());
      db.close();
      expect(row).toContain('erchang works'); // folded query
      for (const leak of ['198.51.100.7', '203.0.113.9', 'Mozilla', 'Chrome', 'a@b.c']) expect(row).not.toContain(leak);
      const main = new SQLite(path.join(dataDir, 'museum.sqlite'), { readonly: true });
      expect(main.prepare("select count(*) from sqlite_master where name like 'analytics%'").pluck().get()).toBe(0);
      main.close();
    } finally {
      await m.close();
    }
  });
});

describe('reports are for curators and admins', () => {
  it('401 signed out, 403 for staff, 200 for curators and admins; CSV too', async () => {
    expect((await museum.app.request('/api/analytics/reports')).status).toBe(401);
    const staff = await signInAs(museum, 'staff');
    expect((await museum.app.request('/api/analytics/reports', { headers: staff.headers })).status).toBe(403);
    for (const role of ['curator', 'admin'] as const) {
      const who = await signInAs(museum, role);
      const res = await museum.app.request('/api/analytics/reports', { headers: who.headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csv = await museum.app.request('/api/analytics/reports/csv?section=visits-by-day&from=2025-05-09&to=2025-05-10', { headers: who.headers });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: spreadsheets then read UTF-8
      expect(new TextDecoder().decode(bytes)).toMatch(/^date,visits,kiosk_visits,web_visits\r\n2025-05-09,0,0,0\r\n2025-05-10,\d+,/);
    }
    expect((await museum.app.request('/api/analytics/reports/csv?section=visits-by-day', { headers: staff.headers })).status).toBe(403);
  });

  it('refuses a bad range with the field that is wrong', async () => {
    const curator = await signInAs(museum, 'curator');
    for (const [q, p] of [
      ['from=2025-05-10&to=2025-05-01', 'query.to'],
      ['from=2025-02-30', 'query.from'],
      ['from=2024-01-01&to=2025-05-01', 'query.to'],
      ['section=nope', 'query.section'],
    ]) {
      const url = q.startsWith('section') ? `/api/analytics/reports/csv?${q}` : `/api/analytics/reports?${q}`;
      const res = await museum.app.request(url, { headers: curator.headers });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].path).toBe(p);
    }
  });
});
