/**
 * Reservation SQL (Kysely; the same code on SQLite and PostgreSQL). Functions taking `q` run on the
 * database or inside a transaction; every capacity change is a conditional UPDATE whose WHERE
 * clause is the rule, so two bookings can never both take the last place.
 */
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { ResBookingsTable, ResBookingVisitorsTable, ResDaysTable, ResSlotsTable } from './tables.ts';

type Q = Kysely<Database> | Transaction<Database>;

export type SlotRow = Omit<ResSlotsTable, 'booked' | 'group_booked'> & { booked: number; group_booked: number };
export type DayRow = Omit<ResDaysTable, 'booked'> & { booked: number };
export type BookingRow = ResBookingsTable;
export type VisitorRow = ResBookingVisitorsTable;

export interface DaySummaryRow {
  date: string;
  slots: number;
  open_slots: number;
  /** Places an individual can book (open slots; the walk-in share held back). */
  remaining: number;
  group_remaining: number;
}

/** SQLite: 'SQLITE_CONSTRAINT_UNIQUE' / PRIMARYKEY; PostgreSQL: 23505. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === '23505';
}

/** SQLite: 'SQLITE_CONSTRAINT_CHECK'; PostgreSQL: 23514. */
export function isCheckViolation(err: unknown): boolean {
  const e = err as { code?: string };
  return e?.code === 'SQLITE_CONSTRAINT_CHECK' || e?.code === '23514';
}

export function createReservationStore(db: Kysely<Database>) {
  return {
    db,

    // ── settings and exceptions ────────────────────────────────────────────────────────────
    allSettings: () => db.selectFrom('res_settings').selectAll().execute(),

    async saveSettings(q: Q, museumId: string, settings: string, at: string, userId: number | null) {
      await q
        .insertInto('res_settings')
        .values({ museum_id: museumId, settings, updated_at: at, updated_by: userId })
        .onConflict((oc) => oc.column('museum_id').doUpdateSet({ settings, updated_at: at, updated_by: userId }))
        .execute();
    },

    exceptions: (museumId: string, from: string, to: string) =>
      db.selectFrom('res_day_exceptions').selectAll().where('museum_id', '=', museumId).where('date', '>=', from).where('date', '<=', to).execute(),

    exception: (q: Q, museumId: string, date: string) =>
      q.selectFrom('res_day_exceptions').selectAll().where('museum_id', '=', museumId).where('date', '=', date).executeTakeFirst(),

    async saveException(
      q: Q,
      row: {
        museum_id: string;
        date: string;
        closed: number;
        opens: string | null;
        closes: string | null;
        last_entry: string | null;
        note: string | null;
        updated_at: string;
        updated_by: number | null;
      },
    ) {
      const { museum_id: _m, date: _d, ...rest } = row;
      await q
        .insertInto('res_day_exceptions')
        .values(row)
        .onConflict((oc) => oc.columns(['museum_id', 'date']).doUpdateSet(rest))
        .execute();
    },

    // ── days and slots ─────────────────────────────────────────────────────────────────────
    day: (q: Q, museumId: string, date: string) =>
      q.selectFrom('res_days').selectAll().where('museum_id', '=', museumId).where('date', '=', date).executeTakeFirst() as Promise<DayRow | undefined>,

    days: (museumId: string, from: string, to: string) =>
      db.selectFrom('res_days').selectAll().where('museum_id', '=', museumId).where('date', '>=', from).where('date', '<=', to).execute() as Promise<DayRow[]>,

    /** Creates a day and its slots; a day or slot that exists already is left as it is. */
    async insertDay(q: Q, day: Insertable<ResDaysTable>, slots: Insertable<ResSlotsTable>[]) {
      await q
        .insertInto('res_days')
        .values(day)
        .onConflict((oc) => oc.columns(['museum_id', 'date']).doNothing())
        .execute();
      // Chunks keep the statement under SQLite's bound-parameter limit.
      for (let i = 0; i < slots.length; i += 50) {
        await q
          .insertInto('res_slots')
          .values(slots.slice(i, i + 50))
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    },

    slot: (q: Q, id: string) => q.selectFrom('res_slots').selectAll().where('id', '=', id).executeTakeFirst() as Promise<SlotRow | undefined>,

    slotsOfDay: (q: Q, museumId: string, date: string) =>
      q.selectFrom('res_slots').selectAll().where('museum_id', '=', museumId).where('date', '=', date).orderBy('start_time').execute() as Promise<SlotRow[]>,

    /**
     * Per-day totals of a date range: one indexed GROUP BY (the month view). For days from the day
     * after tomorrow on: every slot is in the future and its walk-in share not yet released
     * (release is at most 24 h before the start), so no clock comparisons are needed per row.
     */
    daySummaries: (museumId: string, from: string, to: string) =>
      db
        .selectFrom('res_slots')
        .where('museum_id', '=', museumId)
        .where('date', '>=', from)
        .where('date', '<=', to)
        .groupBy('date')
        .select([
          'date',
          sql<number>`count(*)`.as('slots'),
          sql<number>`sum(case when status = 'open' then 1 else 0 end)`.as('open_slots'),
          sql<number>`sum(case when status = 'open' and capacity - booked - held > 0 then capacity - booked - held else 0 end)`.as('remaining'),
          sql<number>`sum(case when status = 'open' then group_capacity - group_booked else 0 end)`.as('group_remaining'),
        ])
        .execute() as Promise<DaySummaryRow[]>,

    /**
     * THE capacity guard: takes `n` places of a slot only if the slot is open, has not started,
     * and still has them (walk-in places count only once released). The updated slot, or
     * undefined when no row matched (nothing changed).
     */
    async takeSlotPlaces(q: Q, slotId: string, n: number, kind: 'individual' | 'group', now: string): Promise<SlotRow | undefined> {
      const query =
        kind === 'group'
          ? q
              .updateTable('res_slots')
              .set((eb) => ({ group_booked: eb('group_booked', '+', n) }))
              .where(sql<boolean>`group_booked + ${n} <= group_capacity`)
          : q
              .updateTable('res_slots')
              .set((eb) => ({ booked: eb('booked', '+', n) }))
              .where(sql<boolean>`booked + ${n} <= capacity - case when release_at > ${now} then held else 0 end`);
      // RETURNING: the updated slot comes back with the same statement (SQLite ≥ 3.35, PostgreSQL).
      return (await query.where('id', '=', slotId).where('status', '=', 'open').where('starts_at', '>', now).returningAll().executeTakeFirst()) as
        | SlotRow
        | undefined;
    },

    /** The daily cap, the same way. */
    async takeDayPlaces(q: Q, museumId: string, date: string, n: number): Promise<boolean> {
      const r = await q
        .updateTable('res_days')
        .set((eb) => ({ booked: eb('booked', '+', n) }))
        .where('museum_id', '=', museumId)
        .where('date', '=', date)
        .where('status', '=', 'open')
        .where(sql<boolean>`(capacity is null or booked + ${n} <= capacity)`)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /**
     * TEST-ONLY, the bug the guard prevents: writes a count read earlier, with no condition. Used
     * by the control run of the concurrency test to show that the test catches an oversell.
     */
    async overwriteSlotBooked(q: Q, slotId: string, kind: 'individual' | 'group', value: number) {
      await q
        .updateTable('res_slots')
        .set(kind === 'group' ? { group_booked: value } : { booked: value })
        .where('id', '=', slotId)
        .execute();
    },

    async releaseSlotPlaces(q: Q, slotId: string, n: number, kind: 'individual' | 'group') {
      await q
        .updateTable('res_slots')
        .set((eb) => (kind === 'group' ? { group_booked: eb('group_booked', '-', n) } : { booked: eb('booked', '-', n) }))
        .where('id', '=', slotId)
        .execute();
    },

    async releaseDayPlaces(q: Q, museumId: string, date: string, n: number) {
      await q
        .updateTable('res_days')
        .set((eb) => ({ booked: eb('booked', '-', n) }))
        .where('museum_id', '=', museumId)
        .where('date', '=', date)
        .execute();
    },

    async updateSlot(q: Q, slotId: string, patch: Updateable<ResSlotsTable>) {
      await q.updateTable('res_slots').set(patch).where('id', '=', slotId).execute();
    },

    async setDayStatus(q: Q, museumId: string, date: string, status: 'open' | 'closed', note: string | null) {
      await q.updateTable('res_days').set({ status, note }).where('museum_id', '=', museumId).where('date', '=', date).execute();
    },

    // ── contacts ───────────────────────────────────────────────────────────────────────────
    /** Upserts the contact's row: on PostgreSQL this locks it until the transaction ends. */
    async lockContact(q: Q, contactHash: string, at: string) {
      await q
        .insertInto('res_contacts')
        .values({ contact_hash: contactHash, last_booking_at: at })
        .onConflict((oc) => oc.column('contact_hash').doUpdateSet({ last_booking_at: at }))
        .execute();
    },

    async countContactBookings(q: Q, contactHash: string, since: string): Promise<number> {
      const r = await q
        .selectFrom('res_bookings')
        .select(sql<number>`count(*)`.as('n'))
        .where('contact_hash', '=', contactHash)
        .where('created_at', '>=', since)
        .where('status', '=', 'confirmed')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    // ── bookings ───────────────────────────────────────────────────────────────────────────
    async insertBooking(q: Q, row: BookingRow, visitors: VisitorRow[]) {
      await q.insertInto('res_bookings').values(row).execute();
      if (visitors.length) await q.insertInto('res_booking_visitors').values(visitors).execute();
    },

    bookingByCode: (q: Q, code: string) => q.selectFrom('res_bookings').selectAll().where('code', '=', code).executeTakeFirst(),
    bookingByKey: (q: Q, key: string) => q.selectFrom('res_bookings').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),

    visitorsOf: (q: Q, bookingId: string) => q.selectFrom('res_booking_visitors').selectAll().where('booking_id', '=', bookingId).orderBy('position').execute(),

    /** Which of these ID hashes already hold a live place at the museum that day. */
    async idHashesTaken(q: Q, museumId: string, date: string, hashes: string[], exceptBooking?: string): Promise<Set<string>> {
      if (!hashes.length) return new Set();
      let query = q
        .selectFrom('res_booking_visitors')
        .select('id_hash')
        .where('museum_id', '=', museumId)
        .where('date', '=', date)
        .where('active', '=', 1)
        .where('id_hash', 'in', hashes);
      if (exceptBooking) query = query.where('booking_id', '!=', exceptBooking);
      return new Set((await query.execute()).map((r) => r.id_hash));
    },

    /** Marks a confirmed, unused booking cancelled. False when it was not (any more) in that state. */
    async cancelBooking(q: Q, id: string, status: 'cancelled' | 'cancelled-by-museum', at: string, reason: string | null): Promise<boolean> {
      const r = await q
        .updateTable('res_bookings')
        .set({ status, cancelled_at: at, cancel_reason: reason })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('checked_in_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await q.updateTable('res_booking_visitors').set({ active: 0 }).where('booking_id', '=', id).execute();
      return true;
    },

    confirmedUnusedOfSlot: (q: Q, slotId: string) =>
      q.selectFrom('res_bookings').selectAll().where('slot_id', '=', slotId).where('status', '=', 'confirmed').where('checked_in_at', 'is', null).execute(),

    /** Marks the booking used, once. False when it was used (or cancelled) in the meantime. */
    async checkIn(q: Q, id: string, at: string, userId: number | null, hallId: string): Promise<boolean> {
      const r = await q
        .updateTable('res_bookings')
        .set({ checked_in_at: at, checked_in_by: userId, checked_in_hall: hallId })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('checked_in_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async moveBooking(q: Q, id: string, fromSlot: string, toSlot: string, date: string, at: string): Promise<boolean> {
      const r = await q
        .updateTable('res_bookings')
        .set({ slot_id: toSlot, date, rescheduled_at: at, previous_slot_id: fromSlot })
        .where('id', '=', id)
        .where('slot_id', '=', fromSlot)
        .where('status', '=', 'confirmed')
        .where('checked_in_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await q.updateTable('res_booking_visitors').set({ date }).where('booking_id', '=', id).execute();
      return true;
    },

    /** Counts per slot of a day, for staff: bookings, people, checked in. */
    slotBookingCounts: (museumId: string, date: string) =>
      db
        .selectFrom('res_bookings')
        .where('museum_id', '=', museumId)
        .where('date', '=', date)
        .where('status', '=', 'confirmed')
        .groupBy('slot_id')
        .select([
          'slot_id',
          sql<number>`count(*)`.as('bookings'),
          sql<number>`sum(party_size)`.as('people'),
          sql<number>`sum(case when checked_in_at is not null then party_size else 0 end)`.as('checked_in'),
        ])
        .execute(),

    async logChange(q: Q, row: { at: string; user_id: number | null; museum_id: string; target: string; action: string; detail: unknown }) {
      await q
        .insertInto('res_changes')
        .values({ ...row, detail: row.detail === undefined ? null : JSON.stringify(row.detail) })
        .execute();
    },
  };
}

export type ReservationStore = ReturnType<typeof createReservationStore>;
