/**
 * Kiosk tables (migration block 0500–0599): configuration per kiosk, the latest heartbeat, and the
 * online/offline transitions. Written with Kysely's schema builder for SQLite and PostgreSQL.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { serialPrimaryKey } from '../db/migrations.ts';

export function kioskMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0500_kiosks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('kiosks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('hall_id', 'text')
          .addColumn('default_language', 'text', (c) => c.notNull().check(sql`default_language in ('zh-Hans', 'zh-Hant', 'en')`))
          .addColumn('start_exhibit', 'text', (c) => c.notNull())
          .addColumn('idle_timeout_s', 'integer', (c) => c.notNull().check(sql`idle_timeout_s > 0`))
          .addColumn('prompt_s', 'integer', (c) => c.notNull().check(sql`prompt_s >= 20`))
          .addColumn('heartbeat_interval_s', 'integer', (c) => c.notNull().check(sql`heartbeat_interval_s > 0`))
          .addColumn('screen_diagonal_in', 'real', (c) => c.notNull())
          .addColumn('screen_width_px', 'integer', (c) => c.notNull())
          .addColumn('screen_height_px', 'integer', (c) => c.notNull())
          .addColumn('device_id', 'integer', (c) => c.references('devices.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('kiosks_device').unique().on('kiosks').column('device_id').execute();

        await db.schema
          .createTable('kiosk_status')
          .addColumn('kiosk_id', 'text', (c) => c.primaryKey().references('kiosks.id').onDelete('cascade'))
          .addColumn('first_heartbeat_at', 'text', (c) => c.notNull())
          .addColumn('last_heartbeat_at', 'text', (c) => c.notNull())
          .addColumn('heartbeat_count', 'integer', (c) => c.notNull())
          .addColumn('content_version', 'integer')
          .addColumn('app_version', 'text')
          .addColumn('last_interaction_at', 'text')
          .addColumn('visitor_state', 'text')
          .addColumn('kiosk_clock_skew_ms', 'integer', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('kiosk_status_events')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.id').onDelete('cascade'))
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('online', 'offline')`))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('kiosk', 'server')`))
          .execute();
        // A queued transition sent again after a lost answer is stored once.
        await db.schema.createIndex('kiosk_status_events_once').unique().on('kiosk_status_events').columns(['kiosk_id', 'event_id']).execute();
        await db.schema.createIndex('kiosk_status_events_at').on('kiosk_status_events').columns(['kiosk_id', 'at']).execute();
      },
    },
  };
}
