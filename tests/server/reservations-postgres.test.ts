/**
 * The same reservation code on PostgreSQL: migrations, booking, the capacity guard under
 * concurrent bookings, real-name uniqueness (a partial unique index), cancellation, rescheduling
 * and check-in. Runs when TEST_DATABASE_URL points at a PostgreSQL server where the user may create
 * databases (each run makes its own); skipped otherwise.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx vitest run tests/server/reservations-postgres.test.ts
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import { createMuseum, type Museum } from '../../kiosk-server/server.ts';
import { CHEAP_SCRYPT, signInAs, testClock } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';
import { DAY, MUSEUM, START, slotId, validIdNumber } from './reservations-support.ts';

const url = process.env.TEST_DATABASE_URL;
const dbName = `museum_res_${randomBytes(4).toString('hex')}`;
let museum: Museum;
const clock = testClock(START);

const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  museum.app.request(p, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe.skipIf(!url)('reservations on PostgreSQL', () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const target = new URL(url as string);
    target.pathname = `/${dbName}`;
    const config = readConfig({ DATA_DIR: tempDir(), DATABASE_URL: target.toString(), STATIC_DIR: path.join(tempDir(), 'none'), LOG_LEVEL: 'silent' });
    museum = await createMuseum(config, { log: createLogger('silent'), now: clock.now, env: {}, auth: { scrypt: CHEAP_SCRYPT } });
  }, 60_000);

  afterAll(async () => {
    await museum?.close();
    if (!url) return;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.end();
  });

  it('never confirms more places than a slot has, however many book at once', async () => {
    const base = await museum.reservations.settingsFor(MUSEUM);
    await museum.reservations.updateSettings(MUSEUM, { ...base, slotCapacity: 100, walkInShare: 0, contactLimit: 1000 }, null);
    const id = slotId(DAY, '10:00');
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        post('/api/visit/bookings', { slotId: id, partySize: 1, contact: { name: 'P', phone: `1390000${String(i).padStart(4, '0')}` } }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const db = museum.reservations.store.db;
    const row = (
      await sql<{
        booked: number;
        people: string;
      }>`select booked, (select sum(party_size) from res_bookings where slot_id = ${id} and status = 'confirmed') as people from res_slots where id = ${id}`.execute(
        db,
      )
    ).rows[0];
    expect(row.booked).toBe(100);
    expect(Number(row.people)).toBe(100);
  }, 60_000);

  it('books, moves, checks in and cancels; one place per ID number a day', async () => {
    const base = await museum.reservations.settingsFor(MUSEUM);
    await museum.reservations.updateSettings(MUSEUM, { ...base, realName: true, slotCapacity: 60, walkInShare: 0.2 }, null);
    const idA = validIdNumber('19851111');
    const first = await post(
      '/api/visit/bookings',
      { slotId: slotId(DAY, '11:00'), partySize: 1, contact: { name: 'A', phone: '13700000001' }, visitors: [{ name: 'A', idNumber: idA }] },
      { 'Idempotency-Key': 'pg-key-000001' },
    );
    expect(first.status).toBe(201);
    const { ticket } = (await first.json()) as { ticket: { code: string } };
    const replay = await post(
      '/api/visit/bookings',
      { slotId: slotId(DAY, '11:00'), partySize: 1, contact: { name: 'A', phone: '13700000001' }, visitors: [{ name: 'A', idNumber: idA }] },
      { 'Idempotency-Key': 'pg-key-000001' },
    );
    expect(((await replay.json()) as { ticket: { code: string } }).ticket.code).toBe(ticket.code);
    const dup = await post('/api/visit/bookings', {
      slotId: slotId(DAY, '12:00'),
      partySize: 1,
      contact: { name: 'B', phone: '13700000002' },
      visitors: [{ name: 'A', idNumber: idA }],
    });
    expect(dup.status).toBe(409);

    const moved = await post(`/api/visit/tickets/${ticket.code}/reschedule`, { slotId: slotId(DAY, '12:30') });
    expect(moved.status).toBe(200);

    clock.advance(24 * 3600_000 + 4.2 * 3600_000); // 12:12 on the day
    const staff = await signInAs(museum, 'staff');
    const checkIn = await museum.app.request('/api/staff/check-in', {
      method: 'POST',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ museum: MUSEUM, code: ticket.code }),
    });
    expect(checkIn.status).toBe(200);
    const again = await museum.app.request('/api/staff/check-in', {
      method: 'POST',
      headers: { ...staff.headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ museum: MUSEUM, code: ticket.code }),
    });
    expect(((await again.json()) as { type: string }).type).toBe('/problems/already-used');
    expect((await museum.crowd.snapshot(MUSEUM)).total.occupancy).toBe(1);

    const other = await post('/api/visit/bookings', {
      slotId: slotId(DAY, '16:00'),
      partySize: 1,
      contact: { name: 'C', phone: '13700000003' },
      visitors: [{ name: 'C', idNumber: validIdNumber('19900101') }],
    });
    expect(other.status).toBe(201);
    const code = ((await other.json()) as { ticket: { code: string } }).ticket.code;
    expect((await museum.app.request(`/api/visit/tickets/${code}/cancel`, { method: 'POST' })).status).toBe(200);
    const calendar = await museum.app.request(`/api/visit/museums/${MUSEUM}/calendar?month=2025-05`);
    expect(calendar.status).toBe(200);
  }, 60_000);
});
