/**
 * Timed-entry reservations through the HTTP API: slots from the opening hours, booking, tickets,
 * cancellation, rescheduling, idempotency, real-name entry, and staff changes that never drop a
 * booking silently. The clock starts on Tuesday 6 May 2025, 08:00 in Chongqing.
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DAY, MUSEUM, paths, problemOf, reservationMuseum, slotId, type Ticket, validIdNumber } from './reservations-support.ts';

type R = Awaited<ReturnType<typeof reservationMuseum>>;
let r: R | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});
const setup = async (...args: Parameters<typeof reservationMuseum>) => {
  r = await reservationMuseum(...args);
  return r;
};

describe('slots from the opening hours', () => {
  it('shows a month: past days, closed Mondays, open days with places, days not on sale yet', async () => {
    const t = await setup();
    const res = await t.request(`/api/visit/museums/${MUSEUM}/calendar?month=2025-05`);
    expect(res.status).toBe(200);
    const cal = (await res.json()) as {
      today: string;
      days: { date: string; state: string; remaining: number; groupRemaining: number; saleOpensAt?: string }[];
    };
    const day = (d: string) => cal.days.find((x) => x.date === `2025-05-${d}`);
    expect(cal.today).toBe('2025-05-06');
    expect(cal.days).toHaveLength(31);
    expect(day('05')?.state).toBe('past');
    expect(day('06')?.state).toBe('open');
    expect(day('12')?.state).toBe('closed'); // Monday
    expect(day('26')?.state).toBe('closed'); // Monday, beyond the sale window
    // 16 slots × (64 places − 13 held for walk-ins) and 16 × 16 group places.
    expect(day('07')).toMatchObject({ state: 'open', remaining: 816, groupRemaining: 256 });
    // 14 days ahead goes on sale at 09:00 today; it is 08:00.
    expect(day('20')).toMatchObject({ state: 'soon', saleOpensAt: '2025-05-06T01:00:00.000Z' });
    expect(day('28')?.state).toBe('soon');
  });

  it('lists a day’s slots from opening to last entry, with places left', async () => {
    const t = await setup();
    const day = await t.day();
    expect(day.state).toBe('open');
    expect(day.slots.map((s) => s.start)).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '12:30',
      '13:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ]);
    for (const s of day.slots) expect(s).toMatchObject({ state: 'open', remaining: 51, groupRemaining: 16 });
  });

  it('rejects a bad month or date with the field path', async () => {
    const t = await setup();
    expect(paths(await problemOf(await t.request(`/api/visit/museums/${MUSEUM}/calendar?month=2025-13`), 400))).toEqual(['query.month']);
    expect(paths(await problemOf(await t.request(`/api/visit/museums/${MUSEUM}/days/2025-02-30`), 400))).toEqual(['param.date']);
    await problemOf(await t.request('/api/visit/museums/no-such-museum/calendar?month=2025-05'), 404);
  });

  it('holds the walk-in share back until shortly before the slot, then sells it', async () => {
    const t = await setup({ settings: { slotCapacity: 10, walkInShare: 0.5, walkInReleaseMinutes: 120 } });
    const id = slotId(DAY, '10:00');
    await t.bookOk({ slotId: id, partySize: 5 });
    expect((await t.remaining(id)).remaining).toBe(0);
    const refused = await problemOf(await t.book({ slotId: id, partySize: 1 }), 409);
    expect(refused).toMatchObject({ type: '/problems/sold-out', remaining: 0, heldForWalkIns: 5 });
    // 08:00 on the day: two hours before 10:00, the held places are released.
    t.clock.advance(24 * 3600_000);
    expect((await t.remaining(id)).remaining).toBe(5);
    await t.bookOk({ slotId: id, partySize: 5 });
    await problemOf(await t.book({ slotId: id, partySize: 1 }), 409);
  });
});

describe('booking', () => {
  it('books, answers with the ticket and takes the places at once', async () => {
    const t = await setup();
    const res = await t.book({ slotId: slotId(DAY, '10:00'), partySize: 2, contact: { name: '李雷', phone: '138 1234 5678' } });
    expect(res.status).toBe(201);
    const { ticket } = (await res.json()) as { ticket: Ticket };
    expect(res.headers.get('location')).toBe(`/api/visit/tickets/${ticket.code}`);
    expect(ticket).toMatchObject({ status: 'confirmed', kind: 'individual', date: DAY, start: '10:00', partySize: 2, contactHint: '138****5678' });
    expect(ticket.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    expect(ticket.codeDisplay).toBe(ticket.code.match(/.{4}/g)?.join('-'));
    expect((await t.remaining(slotId(DAY, '10:00'))).remaining).toBe(49);

    const again = await t.request(`/api/visit/tickets/${ticket.codeDisplay.toLowerCase()}`);
    expect(again.status).toBe(200);
    const shown = ((await again.json()) as { ticket: Ticket }).ticket;
    expect(shown.code).toBe(ticket.code);
    expect(shown.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    // The full phone number is kept nowhere: only its keyed hash and a masked hint.
    const dump = JSON.stringify((await sql`select * from res_bookings`.execute(t.museum.reservations.store.db)).rows);
    expect(dump).not.toContain('12345678');
  });

  it('books a school group from the reserved group quota', async () => {
    const t = await setup();
    const id = slotId(DAY, '10:00');
    const ticket = await t.bookOk({ slotId: id, kind: 'group', partySize: 12, group: { name: '重庆市第一中学', leader: '王老师' } });
    expect(ticket.kind).toBe('group');
    const slot = await t.remaining(id);
    expect(slot.groupRemaining).toBe(4);
    expect(slot.remaining).toBe(51); // individual places untouched
    const tooBig = await problemOf(await t.book({ slotId: id, kind: 'group', partySize: 12, group: { name: 'B', leader: 'C' } }), 409);
    expect(tooBig).toMatchObject({ type: '/problems/sold-out', remaining: 4 });
    expect(paths(await problemOf(await t.book({ slotId: id, kind: 'group', partySize: 5, group: { name: 'B', leader: 'C' } }), 422))).toEqual([
      'body.partySize',
    ]);
    expect(paths(await problemOf(await t.book({ slotId: id, kind: 'group', partySize: 12 }), 400))).toEqual(['body.group']);
  });

  it('Idempotency-Key: a retry gets the same booking; another body with the key is refused', async () => {
    const t = await setup();
    const body = { slotId: slotId(DAY, '11:00'), partySize: 3, contact: { name: 'Han Meimei', email: 'han@example.org' } };
    const first = await t.postJson('/api/visit/bookings', body, { 'Idempotency-Key': 'retry-key-0001' });
    const second = await t.postJson('/api/visit/bookings', body, { 'Idempotency-Key': 'retry-key-0001' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = [(await first.json()) as { ticket: Ticket }, (await second.json()) as { ticket: Ticket }];
    expect(b.ticket.code).toBe(a.ticket.code);
    expect((await t.remaining(body.slotId)).remaining).toBe(48);
    const before = await t.tables();
    const other = await problemOf(await t.postJson('/api/visit/bookings', { ...body, partySize: 4 }, { 'Idempotency-Key': 'retry-key-0001' }), 422);
    expect(other.type).toBe('/problems/idempotency-key-reused');
    expect(paths(other)).toEqual(['header.Idempotency-Key']);
    expect(await t.tables()).toEqual(before);
  });

  it('Idempotency-Key: a concurrent duplicate gets 409 with Retry-After, and only one booking exists', async () => {
    const t = await setup();
    const body = { slotId: slotId(DAY, '11:00'), partySize: 1, contact: { name: 'A', phone: '13900000001' } };
    const [x, y] = await Promise.all([
      t.postJson('/api/visit/bookings', body, { 'Idempotency-Key': 'same-key-at-once' }),
      t.postJson('/api/visit/bookings', body, { 'Idempotency-Key': 'same-key-at-once' }),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const dup = x.status === 409 ? x : y;
    expect(dup.headers.get('retry-after')).toBe('1');
    expect(((await dup.json()) as { type: string }).type).toBe('/problems/idempotency-in-progress');
    expect((await t.tables()).bookings).toBe(1);
    // The client retries after Retry-After and gets the booking.
    const retry = await t.postJson('/api/visit/bookings', body, { 'Idempotency-Key': 'same-key-at-once' });
    expect(retry.status).toBe(201);
    expect((await t.tables()).bookings).toBe(1);
  });

  it('real-name entry: names and ID numbers, stored hashed, only the last 4 shown; one place per ID a day', async () => {
    const t = await setup({ settings: { realName: true } });
    const idA = validIdNumber('19900307');
    const idB = validIdNumber('20120615', '500105', '042');
    const ticket = await t.bookOk({
      partySize: 2,
      visitors: [
        { name: '李雷', idNumber: idA },
        { name: '李小雷', idNumber: idB.toLowerCase() },
      ],
    });
    expect(ticket.visitors).toEqual([
      { name: '李雷', idLast4: idA.slice(-4) },
      { name: '李小雷', idLast4: idB.slice(-4) },
    ]);
    const rows = (await sql`select * from res_booking_visitors`.execute(t.museum.reservations.store.db)).rows as { id_hash: string }[];
    expect(rows.map((v) => v.id_hash)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/), expect.stringMatching(/^[0-9a-f]{64}$/)]);
    const everything = JSON.stringify((await sql`select * from res_bookings`.execute(t.museum.reservations.store.db)).rows) + JSON.stringify(rows);
    expect(everything).not.toContain(idA.slice(0, 14));
    expect(everything).not.toContain(idB.slice(0, 14));

    // The same person cannot hold a second place that day (another slot, another contact).
    const before = await t.tables();
    const dup = await problemOf(await t.book({ slotId: slotId(DAY, '14:00'), partySize: 1, visitors: [{ name: '李雷', idNumber: idA }] }), 409);
    expect(dup.type).toBe('/problems/id-already-booked');
    expect(paths(dup)).toEqual(['body.visitors.0.idNumber']);
    expect(await t.tables()).toEqual(before);
    // …until the first booking is cancelled.
    expect((await t.request(`/api/visit/tickets/${ticket.code}/cancel`, { method: 'POST' })).status).toBe(200);
    await t.bookOk({ slotId: slotId(DAY, '14:00'), partySize: 1, visitors: [{ name: '李雷', idNumber: idA }] });
  });
});

describe('bad input: a clear problem+json with the field path, and nothing written', () => {
  const cases: {
    name: string;
    settings?: Record<string, unknown>;
    prepare?: (t: R) => Promise<unknown>;
    send: (t: R) => Promise<Response>;
    status: number;
    type: string;
    path: string;
  }[] = [
    { name: 'a slot in the past', send: (t) => t.book({ slotId: slotId('2025-05-05', '10:00') }), status: 422, type: 'slot-past', path: 'body.slotId' },
    {
      name: 'a slot that already started today',
      prepare: async (t) => t.clock.advance(2.5 * 3600_000), // 10:30 on 6 May
      send: (t) => t.book({ slotId: slotId('2025-05-06', '10:00') }),
      status: 422,
      type: 'slot-past',
      path: 'body.slotId',
    },
    {
      name: 'a slot staff closed',
      prepare: async (t) => {
        const staff = await t.staff();
        await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${slotId(DAY, '10:00')}`, { status: 'closed', note: 'Filming' });
      },
      send: (t) => t.book({ slotId: slotId(DAY, '10:00') }),
      status: 409,
      type: 'slot-closed',
      path: 'body.slotId',
    },
    { name: 'a closed day (Monday)', send: (t) => t.book({ slotId: slotId('2025-05-12', '10:00') }), status: 404, type: 'slot-unknown', path: 'body.slotId' },
    { name: 'a time the museum has no slot', send: (t) => t.book({ slotId: slotId(DAY, '10:15') }), status: 404, type: 'slot-unknown', path: 'body.slotId' },
    { name: 'a day not on sale yet', send: (t) => t.book({ slotId: slotId('2025-05-28', '10:00') }), status: 409, type: 'not-on-sale', path: 'body.slotId' },
    {
      name: 'a museum that is only planned',
      send: (t) => t.book({ slotId: slotId(DAY, '10:00', 'china-steel-museum') }),
      status: 409,
      type: 'museum-not-open',
      path: 'body.slotId',
    },
    { name: 'not a slot id', send: (t) => t.book({ slotId: 'tomorrow at ten' }), status: 400, type: 'validation', path: 'body.slotId' },
    { name: 'a party over the limit', send: (t) => t.book({ partySize: 6 }), status: 422, type: 'party-too-large', path: 'body.partySize' },
    { name: 'a party of 0', send: (t) => t.book({ partySize: 0 }), status: 400, type: 'validation', path: 'body.partySize' },
    { name: 'a party of 1.5', send: (t) => t.book({ partySize: 1.5 }), status: 400, type: 'validation', path: 'body.partySize' },
    {
      name: 'an ID number with a wrong check character',
      settings: { realName: true },
      send: (t) => {
        const good = validIdNumber();
        const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
        return t.book({ partySize: 1, visitors: [{ name: '李雷', idNumber: bad }] });
      },
      status: 400,
      type: 'validation',
      path: 'body.visitors.0.idNumber',
    },
    {
      name: 'an ID number with an impossible birth date',
      settings: { realName: true },
      send: (t) =>
        t.book({
          partySize: 2,
          visitors: [
            { name: 'A', idNumber: validIdNumber() },
            { name: 'B', idNumber: validIdNumber('19900230') },
          ],
        }),
      status: 400,
      type: 'validation',
      path: 'body.visitors.1.idNumber',
    },
    {
      name: 'an ID number born in the future',
      settings: { realName: true },
      send: (t) => t.book({ partySize: 1, visitors: [{ name: 'A', idNumber: validIdNumber('20300101') }] }),
      status: 400,
      type: 'validation',
      path: 'body.visitors.0.idNumber',
    },
    {
      name: 'an ID number of 17 digits',
      settings: { realName: true },
      send: (t) => t.book({ partySize: 1, visitors: [{ name: 'A', idNumber: '50010319900307123' }] }),
      status: 400,
      type: 'validation',
      path: 'body.visitors.0.idNumber',
    },
    {
      name: 'the same ID number twice in one booking',
      settings: { realName: true },
      send: (t) =>
        t.book({
          partySize: 2,
          visitors: [
            { name: 'A', idNumber: validIdNumber() },
            { name: 'B', idNumber: validIdNumber() },
          ],
        }),
      status: 400,
      type: 'validation',
      path: 'body.visitors.1.idNumber',
    },
    {
      name: 'fewer visitors than the party (real-name entry)',
      settings: { realName: true },
      send: (t) => t.book({ partySize: 2, visitors: [{ name: 'A', idNumber: validIdNumber() }] }),
      status: 400,
      type: 'validation',
      path: 'body.visitors',
    },
    {
      name: 'ID numbers where the museum takes none',
      send: (t) => t.book({ partySize: 1, visitors: [{ name: 'A', idNumber: validIdNumber() }] }),
      status: 400,
      type: 'validation',
      path: 'body.visitors',
    },
    {
      name: 'a contact over the limit (5 bookings in 30 days)',
      prepare: async (t) => {
        for (let i = 0; i < 5; i++) await t.bookOk({ slotId: slotId(DAY, `1${i}:00`), partySize: 1, contact: { name: 'Scalper', phone: '13700000000' } });
      },
      send: (t) => t.book({ slotId: slotId(DAY, '15:00'), partySize: 1, contact: { name: 'Scalper', phone: '+86 137 0000 0000' } }),
      status: 422,
      type: 'contact-limit',
      path: 'body.contact.phone',
    },
    {
      name: 'an e-mail contact over the limit',
      prepare: async (t) => {
        for (let i = 0; i < 5; i++) await t.bookOk({ slotId: slotId(DAY, `1${i}:30`), partySize: 1, contact: { name: 'S', email: 'Scalper@Example.org' } });
      },
      send: (t) => t.book({ partySize: 1, contact: { name: 'S', email: 'scalper@example.org' } }),
      status: 422,
      type: 'contact-limit',
      path: 'body.contact.email',
    },
    {
      name: 'a bad phone number',
      send: (t) => t.book({ contact: { name: 'A', phone: '12345' } }),
      status: 400,
      type: 'validation',
      path: 'body.contact.phone',
    },
    { name: 'no phone or e-mail', send: (t) => t.book({ contact: { name: 'A' } }), status: 400, type: 'validation', path: 'body.contact.phone' },
    {
      name: 'an empty name',
      send: (t) => t.book({ contact: { name: '  ', phone: '13800000000' } }),
      status: 400,
      type: 'validation',
      path: 'body.contact.name',
    },
    { name: 'an unknown field', send: (t) => t.book({ coupon: 'FREE' }), status: 400, type: 'validation', path: 'body' },
    {
      name: 'malformed JSON',
      send: (t) => t.postJson('/api/visit/bookings', '{"slotId": "x", partySize: 2'),
      status: 400,
      type: 'malformed-json',
      path: 'body',
    },
    { name: 'an empty body', send: (t) => t.postJson('/api/visit/bookings', ''), status: 400, type: 'malformed-json', path: 'body' },
    {
      name: 'a body that is not JSON',
      send: (t) => t.request('/api/visit/bookings', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'slot=10:00' }),
      status: 415,
      type: 'unsupported-media-type',
      path: 'header.Content-Type',
    },
    {
      name: 'an oversized body (over 64 KiB)',
      send: (t) => t.book({ contact: { name: 'A', phone: '13800000000', note: 'x'.repeat(70_000) } }),
      status: 413,
      type: 'too-large',
      path: 'body',
    },
    {
      name: 'an oversized body (over the server’s 1 MiB)',
      send: (t) => t.postJson('/api/visit/bookings', JSON.stringify({ pad: 'x'.repeat(1_100_000) })),
      status: 413,
      type: 'too-large',
      path: 'body',
    },
    {
      name: 'a too short Idempotency-Key',
      send: (t) => t.book({}, { 'Idempotency-Key': 'abc' }),
      status: 400,
      type: 'validation',
      path: 'header.idempotency-key',
    },
    {
      name: 'a slot that is sold out',
      settings: { slotCapacity: 5, walkInShare: 0 },
      prepare: (t) => t.bookOk({ partySize: 5 }),
      send: (t) => t.book({ partySize: 1 }),
      status: 409,
      type: 'sold-out',
      path: 'body.slotId',
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const t = await setup(c.settings ? { settings: c.settings } : {});
      await c.prepare?.(t);
      const before = await t.tables();
      const p = await problemOf(await c.send(t), c.status);
      expect(p.type).toBe(`/problems/${c.type}`);
      expect(p.title).toBeTruthy();
      expect(p.detail).toBeTruthy();
      expect(paths(p)).toContain(c.path);
      expect(await t.tables()).toEqual(before);
    });
  }
});

describe('ticket, cancellation, rescheduling', () => {
  it('cancels until the cut-off and frees the places at once', async () => {
    const t = await setup();
    const id = slotId(DAY, '10:00');
    const ticket = await t.bookOk({ slotId: id, partySize: 3 });
    expect((await t.remaining(id)).remaining).toBe(48);
    const res = await t.request(`/api/visit/tickets/${ticket.code}/cancel`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ticket: Ticket }).ticket).toMatchObject({ status: 'cancelled', cancelledAt: '2025-05-06T00:00:00.000Z' });
    expect((await t.remaining(id)).remaining).toBe(51);
    const before = await t.tables();
    expect((await problemOf(await t.request(`/api/visit/tickets/${ticket.code}/cancel`, { method: 'POST' }), 409)).type).toBe('/problems/ticket-cancelled');
    expect(await t.tables()).toEqual(before);
  });

  it('refuses to cancel after the cut-off (2 hours before), nothing changes', async () => {
    const t = await setup();
    const ticket = await t.bookOk({ slotId: slotId(DAY, '10:00') });
    t.clock.advance(24 * 3600_000 + 5 * 60_000); // 08:05 on the day
    const before = await t.tables();
    const p = await problemOf(await t.request(`/api/visit/tickets/${ticket.code}/cancel`, { method: 'POST' }), 409);
    expect(p).toMatchObject({ type: '/problems/change-cutoff', until: '2025-05-07T00:00:00.000Z' });
    expect(await t.tables()).toEqual(before);
  });

  it('answers an unknown code with 404 and the path', async () => {
    const t = await setup();
    expect(paths(await problemOf(await t.request('/api/visit/tickets/AAAA-BBBB-CCCC-DDDD'), 404))).toEqual(['params.code']);
    expect((await problemOf(await t.request('/api/visit/tickets/not-a-code/cancel', { method: 'POST' }), 404)).type).toBe('/problems/ticket-unknown');
  });

  it('moves a booking to another slot in one step', async () => {
    const t = await setup();
    const from = slotId(DAY, '10:00');
    const to = slotId('2025-05-08', '14:00');
    const ticket = await t.bookOk({ slotId: from, partySize: 4 });
    const res = await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: to });
    expect(res.status).toBe(200);
    const moved = ((await res.json()) as { ticket: Ticket }).ticket;
    expect(moved).toMatchObject({ code: ticket.code, slotId: to, date: '2025-05-08', start: '14:00', status: 'confirmed' });
    expect((await t.remaining(from)).remaining).toBe(51);
    expect((await t.remaining(to)).remaining).toBe(47);
    const tables = await t.tables();
    expect(tables.slotBooked).toBe(4);
    expect(tables.dayBooked).toBe(4);
  });

  it('leaves everything as it was when the move cannot happen', async () => {
    const t = await setup({ settings: { slotCapacity: 5, walkInShare: 0 } });
    const ticket = await t.bookOk({ slotId: slotId(DAY, '10:00'), partySize: 3 });
    await t.bookOk({ slotId: slotId(DAY, '11:00'), partySize: 4 });
    const before = await t.tables();
    const full = await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId(DAY, '11:00') }), 409);
    expect(full.type).toBe('/problems/sold-out');
    expect(paths(full)).toEqual(['body.slotId']);
    expect((await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId(DAY, '10:00') }), 422)).type).toBe(
      '/problems/same-slot',
    );
    expect((await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId('2025-05-05', '10:00') }), 422)).type).toBe(
      '/problems/slot-past',
    );
    expect(
      (await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId(DAY, '10:00', 'china-steel-museum') }), 422)).type,
    ).toBe('/problems/other-museum');
    expect(paths(await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, '{"slotId":'), 400))).toEqual(['body']);
    expect(await t.tables()).toEqual(before);
    expect(((await (await t.request(`/api/visit/tickets/${ticket.code}`)).json()) as { ticket: Ticket }).ticket.start).toBe('10:00');
  });

  it('refuses to move a ticket past the cut-off, once cancelled or once used; nothing changes', async () => {
    const t = await setup();
    const move = (code: string, to = slotId(DAY, '14:00')) => t.postJson(`/api/visit/tickets/${code}/reschedule`, { slotId: to });
    const late = await t.bookOk({ slotId: slotId(DAY, '10:00') });
    const cancelled = await t.bookOk({ slotId: slotId(DAY, '10:00') });
    const used = await t.bookOk({ slotId: slotId(DAY, '10:00') });
    expect((await t.request(`/api/visit/tickets/${cancelled.code}/cancel`, { method: 'POST' })).status).toBe(200);
    expect((await problemOf(await move('AAAA-BBBB-CCCC-DDDD'), 404)).type).toBe('/problems/ticket-unknown');
    t.clock.advance(24 * 3600_000 + 5 * 60_000); // 08:05 on the day: the 2-hour cut-off for 10:00 has passed
    const staff = await t.staff();
    t.clock.advance(100 * 60_000); // 09:45: check-in is open
    expect((await t.staffJson(staff, 'POST', '/api/staff/check-in', { museum: MUSEUM, code: used.code })).status).toBe(200);
    const before = await t.tables();
    expect(await problemOf(await move(late.code), 409)).toMatchObject({ type: '/problems/change-cutoff', until: '2025-05-07T00:00:00.000Z' });
    expect((await problemOf(await move(cancelled.code), 409)).type).toBe('/problems/ticket-cancelled');
    expect((await problemOf(await move(used.code), 409)).type).toBe('/problems/already-used');
    expect(await t.tables()).toEqual(before);
    expect(((await (await t.request(`/api/visit/tickets/${late.code}`)).json()) as { ticket: Ticket }).ticket.start).toBe('10:00');
  });

  it('refuses a move to a closed slot, a time with no slot, a day not on sale or a full day; nothing changes', async () => {
    const t = await setup({ settings: { dailyCap: 6 } });
    const staff = await t.staff();
    const ticket = await t.bookOk({ slotId: slotId(DAY, '10:00'), partySize: 3 });
    await t.bookOk({ slotId: slotId('2025-05-08', '10:00'), partySize: 5 });
    expect((await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${slotId(DAY, '15:00')}`, { status: 'closed' })).status).toBe(200);
    const move = (to: string) => t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: to });
    const before = await t.tables();
    for (const [to, status, type] of [
      [slotId(DAY, '15:00'), 409, 'slot-closed'],
      [slotId(DAY, '10:15'), 404, 'slot-unknown'],
      [slotId('2025-05-28', '10:00'), 409, 'not-on-sale'],
      [slotId('2025-05-08', '14:00'), 409, 'day-full'],
    ] as const) {
      const p = await problemOf(await move(to), status);
      expect(p.type, to).toBe(`/problems/${type}`);
      expect(paths(p), to).toEqual(['body.slotId']);
    }
    expect(paths(await problemOf(await move('tomorrow at ten'), 400))).toEqual(['body.slotId']);
    expect(await t.tables()).toEqual(before);
    expect((await t.remaining(slotId(DAY, '10:00'))).remaining).toBe(3); // the day's cap of 6, 3 still booked
    expect(((await (await t.request(`/api/visit/tickets/${ticket.code}`)).json()) as { ticket: Ticket }).ticket.slotId).toBe(slotId(DAY, '10:00'));
  });

  it('real-name entry: a move to a day a visitor is already booked is refused; a move frees the old day', async () => {
    const t = await setup({ settings: { realName: true } });
    const idA = validIdNumber('19900307');
    const ticket = await t.bookOk({ partySize: 1, visitors: [{ name: '李雷', idNumber: idA }] });
    const other = await t.bookOk({ slotId: slotId('2025-05-08', '10:00'), partySize: 1, visitors: [{ name: '李雷', idNumber: idA }] });
    const before = await t.tables();
    const p = await problemOf(await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId('2025-05-08', '14:00') }), 409);
    expect(p.type).toBe('/problems/id-already-booked');
    expect(await t.tables()).toEqual(before);
    expect((await t.remaining(slotId('2025-05-08', '14:00'))).remaining).toBe(51);
    // Once the other booking is cancelled the move goes through, and the old day is free for that person again.
    expect((await t.request(`/api/visit/tickets/${other.code}/cancel`, { method: 'POST' })).status).toBe(200);
    expect((await t.postJson(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId('2025-05-08', '14:00') })).status).toBe(200);
    await t.bookOk({ slotId: slotId(DAY, '11:00'), partySize: 1, visitors: [{ name: '李雷', idNumber: idA }] });
  });
});

describe('staff changes never drop bookings silently', () => {
  it('refuses a capacity below the places booked, and says how many are booked', async () => {
    const t = await setup();
    const staff = await t.staff();
    const id = slotId(DAY, '10:00');
    await t.bookOk({ slotId: id, partySize: 5 });
    await t.bookOk({ slotId: id, partySize: 4 });
    const before = await t.tables();
    const p = await problemOf(await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${id}`, { capacity: 8 }), 409);
    expect(p).toMatchObject({ type: '/problems/capacity-below-booked', booked: 9 });
    expect(paths(p)).toEqual(['body.capacity']);
    expect(await t.tables()).toEqual(before);
    const ok = await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${id}`, { capacity: 20 });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { slot: { capacity: number; held: number; booked: number } }).slot).toMatchObject({ capacity: 20, held: 4, booked: 9 });
    expect((await t.remaining(id)).remaining).toBe(7);
  });

  it('closing a slot keeps its bookings unless staff cancel them with a reason', async () => {
    const t = await setup();
    const staff = await t.staff();
    const id = slotId(DAY, '10:00');
    const ticket = await t.bookOk({ slotId: id });
    const closed = await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${id}`, { status: 'closed', note: 'Hall maintenance' });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ keptBookings: 1, cancelledBookings: 0 });
    expect((await t.remaining(id)).state).toBe('closed');
    expect(((await (await t.request(`/api/visit/tickets/${ticket.code}`)).json()) as { ticket: Ticket }).ticket.status).toBe('confirmed');

    expect(
      paths(await problemOf(await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${id}`, { status: 'closed', cancelBookings: true }), 400)),
    ).toEqual(['body.reason']);
    const cancelled = await t.staffJson(staff, 'PATCH', `/api/staff/reservations/slots/${id}`, {
      status: 'closed',
      cancelBookings: true,
      reason: 'Burst water pipe',
    });
    expect(await cancelled.json()).toMatchObject({ keptBookings: 0, cancelledBookings: 1 });
    const shown = ((await (await t.request(`/api/visit/tickets/${ticket.code}`)).json()) as { ticket: Ticket }).ticket;
    expect(shown).toMatchObject({ status: 'cancelled-by-museum', cancelReason: 'Burst water pipe' });
  });

  it('a holiday closure keeps the day’s bookings valid and stops new ones; an extra opening day gets slots', async () => {
    const t = await setup();
    const staff = await t.staff();
    const ticket = await t.bookOk({ slotId: slotId(DAY, '15:00') });
    const res = await t.staffJson(staff, 'PUT', `/api/staff/reservations/museums/${MUSEUM}/exceptions/${DAY}`, { closed: true, note: 'Public holiday' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ keptBookings: 1, cancelledBookings: 0 });
    expect((await t.day()).state).toBe('closed');
    expect((await problemOf(await t.book({ slotId: slotId(DAY, '11:00') }), 409)).type).toBe('/problems/slot-closed');
    expect(((await (await t.request(`/api/visit/tickets/${ticket.code}`)).json()) as { ticket: Ticket }).ticket.status).toBe('confirmed');

    // Monday 12 May opens as an exception, with shorter hours.
    const monday = await t.staffJson(staff, 'PUT', `/api/staff/reservations/museums/${MUSEUM}/exceptions/2025-05-12`, {
      closed: false,
      opens: '10:00',
      closes: '12:00',
    });
    expect(monday.status).toBe(200);
    expect((await t.day('2025-05-12')).slots.map((s) => s.start)).toEqual(['10:00', '10:30', '11:00', '11:30']);
    await t.bookOk({ slotId: slotId('2025-05-12', '10:30') });
  });

  it('shorter hours close the later slots but keep their bookings', async () => {
    const t = await setup();
    const staff = await t.staff();
    const late = await t.bookOk({ slotId: slotId(DAY, '15:00') });
    const res = await t.staffJson(staff, 'PUT', `/api/staff/reservations/museums/${MUSEUM}/exceptions/${DAY}`, {
      closed: false,
      opens: '09:00',
      closes: '12:00',
      note: 'Early closing',
    });
    expect(await res.json()).toMatchObject({ keptBookings: 1 });
    const day = await t.day();
    expect(day.slots.find((s) => s.start === '15:00')?.state).toBe('closed');
    expect(day.slots.find((s) => s.start === '11:30')?.state).toBe('open');
    expect(((await (await t.request(`/api/visit/tickets/${late.code}`)).json()) as { ticket: Ticket }).ticket.status).toBe('confirmed');
  });

  it('new rules apply to future slots, except where more is booked (listed)', async () => {
    const t = await setup();
    const staff = await t.staff();
    await t.bookOk({ slotId: slotId(DAY, '10:00'), partySize: 5 });
    await t.bookOk({ slotId: slotId(DAY, '10:00'), partySize: 5 });
    const settings = (
      (await (await t.request(`/api/staff/reservations/museums/${MUSEUM}/settings`, { headers: staff.headers })).json()) as {
        settings: Record<string, unknown>;
      }
    ).settings;
    const res = await t.staffJson(staff, 'PUT', `/api/staff/reservations/museums/${MUSEUM}/settings`, { ...settings, slotCapacity: 8, walkInShare: 0 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { conflicts: { slotId: string; booked: number }[] }).conflicts).toEqual([{ slotId: slotId(DAY, '10:00'), booked: 10 }]);
    expect((await t.remaining(slotId(DAY, '11:00'))).remaining).toBe(8);
    const bad = await problemOf(await t.staffJson(staff, 'PUT', `/api/staff/reservations/museums/${MUSEUM}/settings`, { ...settings, slotMinutes: 0 }), 400);
    expect(paths(bad)).toEqual(['body.slotMinutes']);
  });

  it('only staff (or admins) may change slots', async () => {
    const t = await setup();
    const id = slotId(DAY, '10:00');
    await t.day();
    await problemOf(
      await t.request(`/api/staff/reservations/slots/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"capacity":1}' }),
      401,
    );
    const curator = await (await import('../support/auth.ts')).signInAs(t.museum, 'curator');
    await problemOf(await t.staffJson(curator, 'PATCH', `/api/staff/reservations/slots/${id}`, { capacity: 1 }), 403);
    const staff = await t.staff();
    const noCsrf = await t.request(`/api/staff/reservations/slots/${id}`, {
      method: 'PATCH',
      headers: { Cookie: staff.cookie, 'Content-Type': 'application/json' },
      body: '{"capacity":1}',
    });
    expect((await problemOf(noCsrf, 403)).type).toBe('/problems/csrf');
  });
});

describe('API document', () => {
  it('lists the reservation, check-in and crowd routes in /api/openapi.json', async () => {
    const t = await setup();
    const doc = (await (await t.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const p of [
      '/api/visit/bookings',
      '/api/visit/museums/{id}/calendar',
      '/api/visit/tickets/{code}/cancel',
      '/api/visit/tickets/{code}/reschedule',
      '/api/staff/check-in',
      '/api/staff/reservations/slots/{id}',
      '/api/crowd/counter-events',
      '/api/staff/crowd/museums/{id}/stream',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.paths['/api/visit/bookings'].post).toMatchObject({ parameters: [expect.objectContaining({ name: 'idempotency-key', in: 'header' })] });
  });
});
