/**
 * Reservation tables (migration block 0200–0299). Capacity lives in the database: CHECK
 * constraints keep `booked <= capacity` on every slot and day, ticket codes and idempotency keys
 * are unique, and a partial unique index stops one ID number from holding two places on one day.
 * Portable SQL: ISO-8601 text timestamps in UTC (they sort as text), 0/1 integers for flags.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { serialPrimaryKey } from '../db/migrations.ts';

export function reservationMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0200_reservation_settings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('res_settings')
          .addColumn('museum_id', 'text', (c) => c.primaryKey())
          // JSON, validated by ReservationSettingsSchema on the way in.
          .addColumn('settings', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'integer')
          .execute();
        await db.schema
          .createTable('res_day_exceptions')
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('closed', 'integer', (c) => c.notNull().check(sql`closed in (0, 1)`))
          .addColumn('opens', 'text')
          .addColumn('closes', 'text')
          .addColumn('last_entry', 'text')
          .addColumn('note', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'integer')
          .addPrimaryKeyConstraint('res_day_exceptions_pk', ['museum_id', 'date'])
          .execute();
      },
    },
    '0201_reservation_days_slots': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('res_days')
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
          // The daily cap (null: none beyond the slots' own capacities).
          .addColumn('capacity', 'integer')
          .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('opens', 'text')
          .addColumn('closes', 'text')
          .addColumn('note', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('res_days_pk', ['museum_id', 'date'])
          .addCheckConstraint('res_days_booked', sql`booked >= 0 and (capacity is null or booked <= capacity)`)
          .execute();
        await db.schema
          .createTable('res_slots')
          // `<museum>:<date>:<HHMM>`: generating a day twice can never make a second slot.
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('start_time', 'text', (c) => c.notNull())
          .addColumn('end_time', 'text', (c) => c.notNull())
          .addColumn('starts_at', 'text', (c) => c.notNull())
          .addColumn('ends_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
          // Places for individual visitors, of which `held` are kept for walk-ins until release_at.
          .addColumn('capacity', 'integer', (c) => c.notNull())
          .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('release_at', 'text', (c) => c.notNull())
          .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
          // The reserved quota for school and group bookings.
          .addColumn('group_capacity', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('group_booked', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('note', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addCheckConstraint('res_slots_booked', sql`booked >= 0 and booked <= capacity`)
          .addCheckConstraint('res_slots_group_booked', sql`group_booked >= 0 and group_booked <= group_capacity`)
          .addCheckConstraint('res_slots_held', sql`held >= 0 and held <= capacity`)
          .execute();
        await db.schema.createIndex('res_slots_museum_date').on('res_slots').columns(['museum_id', 'date', 'start_time']).execute();
      },
    },
    '0202_reservation_bookings': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('res_bookings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          // The ticket code (80 random bits): whoever holds it may see, cancel or move the booking.
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('slot_id', 'text', (c) => c.notNull().references('res_slots.id'))
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('individual', 'group')`))
          .addColumn('party_size', 'integer', (c) => c.notNull().check(sql`party_size > 0`))
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('confirmed', 'cancelled', 'cancelled-by-museum')`))
          .addColumn('contact_name', 'text', (c) => c.notNull())
          // Masked phone or e-mail for display; the full value is never stored.
          .addColumn('contact_hint', 'text', (c) => c.notNull())
          // HMAC of the normalized phone or e-mail: per-contact limits without keeping the contact.
          .addColumn('contact_hash', 'text', (c) => c.notNull())
          .addColumn('group_name', 'text')
          .addColumn('group_leader', 'text')
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('idempotency_key', 'text', (c) => c.unique())
          .addColumn('request_hash', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('cancelled_at', 'text')
          .addColumn('cancel_reason', 'text')
          .addColumn('checked_in_at', 'text')
          .addColumn('checked_in_by', 'integer')
          .addColumn('checked_in_hall', 'text')
          .addColumn('rescheduled_at', 'text')
          .addColumn('previous_slot_id', 'text')
          .execute();
        await db.schema.createIndex('res_bookings_slot').on('res_bookings').column('slot_id').execute();
        await db.schema.createIndex('res_bookings_contact').on('res_bookings').columns(['contact_hash', 'created_at']).execute();
        await db.schema
          .createTable('res_booking_visitors')
          .addColumn('booking_id', 'text', (c) => c.notNull().references('res_bookings.id'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          // HMAC-SHA-256 of the ID number with a key kept outside the database; last 4 for display.
          .addColumn('id_hash', 'text', (c) => c.notNull())
          .addColumn('id_last4', 'text', (c) => c.notNull())
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
          .addPrimaryKeyConstraint('res_booking_visitors_pk', ['booking_id', 'position'])
          .execute();
        // One ID number, one live place per museum and day (scalpers cannot stack real-name tickets).
        await db.schema
          .createIndex('res_visitors_one_per_day')
          .unique()
          .on('res_booking_visitors')
          .columns(['museum_id', 'date', 'id_hash'])
          .where(sql.ref('active'), '=', 1)
          .execute();
        await db.schema
          .createTable('res_contacts')
          // One row per contact, locked (upserted) first in a booking so that two bookings of one
          // contact are counted one after the other on PostgreSQL too.
          .addColumn('contact_hash', 'text', (c) => c.primaryKey())
          .addColumn('last_booking_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('res_changes')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'integer')
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('detail', 'text')
          .execute();
      },
    },
  };
}
