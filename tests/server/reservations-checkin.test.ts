/**
 * Staff check-in: a ticket is valid only at its museum, on its day, within its slot's window
 * (30 min early … 60 min after the slot ends), once. Every refusal writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { signInAs } from '../support/auth.ts';
import { DAY, MUSEUM, paths, problemOf, reservationMuseum, slotId, type Ticket } from './reservations-support.ts';

type R = Awaited<ReturnType<typeof reservationMuseum>>;
let r: R | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const HOUR = 3600_000;

/** A booking for 10:00 on DAY; the clock is then moved `hoursAfterStart` from 08:00 the day before. */
async function withTicket(hoursFromStart: number, overrides: Record<string, unknown> = {}) {
  r = await reservationMuseum();
  const ticket = await r.bookOk({ slotId: slotId(DAY, '10:00'), partySize: 3, ...overrides });
  r.clock.advance(hoursFromStart * HOUR);
  const staff = await r.staff();
  const t = r;
  const checkIn = (code: string = ticket.code, extra: Record<string, unknown> = {}) =>
    t.staffJson(staff, 'POST', '/api/staff/check-in', { museum: MUSEUM, code, ...extra });
  return { t, ticket, staff, checkIn };
}

describe('check-in', () => {
  it('admits a ticket in its window and counts the party into the first hall', async () => {
    const { t, ticket, checkIn } = await withTicket(24 + 1.8); // 09:48 on the day
    const res = await checkIn(ticket.codeDisplay);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ticket: Ticket; hall: { id: string }; crowd: { occupancy: number; level: string } };
    expect(body.ticket).toMatchObject({ code: ticket.code, checkedInAt: '2025-05-07T01:48:00.000Z', partySize: 3 });
    expect(body.hall.id).toBe('main-exhibition-hall');
    expect(body.crowd).toMatchObject({ occupancy: 3, level: 'normal' });
    const snap = (await (await t.request(`/api/staff/crowd/museums/${MUSEUM}`, { headers: (await t.staff()).headers })).json()) as {
      total: { occupancy: number };
    };
    expect(snap.total.occupancy).toBe(3);
  });

  it('a second scan says "already used" and when, and counts nobody twice', async () => {
    const { t, checkIn } = await withTicket(24 + 1.8);
    expect((await checkIn()).status).toBe(200);
    t.clock.advance(5 * 60_000);
    const before = await t.tables();
    const p = await problemOf(await checkIn(), 409);
    expect(p).toMatchObject({ type: '/problems/already-used', checkedInAt: '2025-05-07T01:48:00.000Z' });
    expect(p.detail).toContain('2025-05-07T01:48:00.000Z');
    expect(paths(p)).toEqual(['body.code']);
    expect(await t.tables()).toEqual(before);
  });

  it('two scanners at once: one admits, the other says already used', async () => {
    const { t, checkIn } = await withTicket(24 + 1.8);
    const [a, b] = await Promise.all([checkIn(), checkIn()]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await t.tables()).crowdEvents).toBe(1);
  });

  const refusals: {
    name: string;
    hours: number;
    type: string;
    code?: (t: Ticket) => string;
    extra?: Record<string, unknown>;
    status?: number;
    path?: string;
  }[] = [
    { name: 'on the day before (wrong day)', hours: 1.9, type: 'wrong-day' },
    { name: 'on the day after (wrong day)', hours: 48 + 1.9, type: 'wrong-day' },
    { name: 'before its window opens (09:29)', hours: 24 + 1 + 29 / 60, type: 'too-early' },
    { name: 'after its window closed (11:31, expired)', hours: 24 + 3 + 31 / 60, type: 'ticket-expired' },
    { name: 'at another museum', hours: 24 + 1.8, type: 'wrong-museum', extra: { museum: 'china-steel-museum' } },
    { name: 'with an unknown code', hours: 24 + 1.8, type: 'ticket-unknown', status: 404, code: () => 'AAAA-BBBB-CCCC-DDDD' },
    { name: 'with a code that cannot be one', hours: 24 + 1.8, type: 'validation', status: 400, code: () => 'hello' },
    { name: 'into a hall the museum does not have', hours: 24 + 1.8, type: 'validation', status: 400, extra: { hall: 'boiler-room' }, path: 'body.hall' },
  ];
  for (const c of refusals) {
    it(`refuses a ticket ${c.name}`, async () => {
      const { t, ticket, checkIn } = await withTicket(c.hours);
      const before = await t.tables();
      const p = await problemOf(await checkIn(c.code ? c.code(ticket) : ticket.code, c.extra), c.status ?? 409);
      expect(p.type).toBe(`/problems/${c.type}`);
      expect(paths(p)).toEqual([c.path ?? 'body.code']);
      expect(await t.tables()).toEqual(before);
    });
  }

  it('refuses a cancelled ticket', async () => {
    const { t, ticket, checkIn } = await withTicket(0);
    expect((await t.request(`/api/visit/tickets/${ticket.code}/cancel`, { method: 'POST' })).status).toBe(200);
    t.clock.advance((24 + 1.8) * HOUR);
    const staff = await t.staff();
    const before = await t.tables();
    const p = await problemOf(await t.staffJson(staff, 'POST', '/api/staff/check-in', { museum: MUSEUM, code: ticket.code }), 409);
    expect(p.type).toBe('/problems/ticket-cancelled');
    expect(await t.tables()).toEqual(before);
    void checkIn;
  });

  it('takes what keyboard-wedge scanners and people type: lower case, spaces, O for 0, a ticket URL', async () => {
    for (const variant of [(c: string) => c.toLowerCase().replace(/(.{4})/g, '$1 '), (c: string) => `https://museum.example/visit/tickets/${c}`]) {
      const { ticket, checkIn, t } = await withTicket(24 + 1.8);
      expect((await checkIn(variant(ticket.code))).status).toBe(200);
      await t.close();
      r = undefined;
    }
  });

  it('needs a signed-in member of staff with the CSRF token', async () => {
    const { t, ticket } = await withTicket(24 + 1.8);
    const body = JSON.stringify({ museum: MUSEUM, code: ticket.code });
    await problemOf(await t.request('/api/staff/check-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }), 401);
    const curator = await signInAs(t.museum, 'curator');
    await problemOf(await t.request('/api/staff/check-in', { method: 'POST', headers: { ...curator.headers, 'Content-Type': 'application/json' }, body }), 403);
    const staff = await t.staff();
    await problemOf(
      await t.request('/api/staff/check-in', { method: 'POST', headers: { Cookie: staff.cookie, 'Content-Type': 'application/json' }, body }),
      403,
    );
    expect((await t.tables()).checkedIn).toBe(0);
  });

  it('malformed JSON and oversized bodies get problem+json with the path', async () => {
    const { t, staff } = await withTicket(24 + 1.8);
    const post = (body: string) =>
      t.request('/api/staff/check-in', { method: 'POST', headers: { ...staff.headers, 'Content-Type': 'application/json' }, body });
    expect(paths(await problemOf(await post('{"code": '), 400))).toEqual(['body']);
    expect(paths(await problemOf(await post(JSON.stringify({ museum: MUSEUM, code: 'x'.repeat(70_000) })), 413))).toEqual(['body']);
    expect(paths(await problemOf(await post(JSON.stringify({ museum: MUSEUM })), 400))).toEqual(['body.code']);
  });

  it('staff see each slot’s bookings and check-ins', async () => {
    const { t, staff, checkIn } = await withTicket(24 + 1.8);
    await checkIn();
    const day = (await (await t.request(`/api/staff/reservations/museums/${MUSEUM}/days/${DAY}`, { headers: staff.headers })).json()) as {
      slots: { start: string; booked: number; bookings: number; checkedIn: number }[];
    };
    expect(day.slots.find((s) => s.start === '10:00')).toMatchObject({ booked: 3, bookings: 1, checkedIn: 3 });
  });
});
