/**
 * Analytics tables (migration block 0400–0499). They live in their own database (DATA_DIR/
 * analytics.sqlite, or the analytics_* tables with their own migration table on PostgreSQL), so a
 * burst of visitor events never competes with bookings for the main database's writer, and the
 * raw events can be pruned or dropped without touching anything else.
 *
 * Times are integers: `at`/`received` in ms since the epoch, `hour` in UTC hours since the epoch,
 * so bucketing is integer arithmetic that SQLite and PostgreSQL do the same way.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function analyticsMigrations(): Record<string, Migration> {
  return {
    '0400_analytics_events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('analytics_events')
          // The tracker's event id: a resend hits this key and is counted once.
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'bigint', (c) => c.notNull())
          .addColumn('hour', 'integer', (c) => c.notNull())
          .addColumn('received', 'bigint', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('kiosk', 'web', 'server')`))
          .addColumn('kiosk_id', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('hall_id', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('session', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('ms', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // Pruning and rollup rebuilds go by hour.
        await db.schema.createIndex('analytics_events_hour').on('analytics_events').column('hour').execute();
      },
    },
    '0401_analytics_hourly': {
      async up(db: Kysely<unknown>) {
        // One row per hour and combination of dimensions: what every report reads. Kept after the
        // raw events are pruned. `type` and `hour` lead the key: every report asks for one type
        // over a range of hours.
        await db.schema
          .createTable('analytics_hourly')
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('hour', 'integer', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('kiosk_id', 'integer', (c) => c.notNull())
          .addColumn('hall_id', 'text', (c) => c.notNull())
          .addColumn('lang', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .addColumn('events', 'bigint', (c) => c.notNull())
          .addColumn('total_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('analytics_hourly_pk', ['type', 'hour', 'source', 'kiosk_id', 'hall_id', 'lang', 'subject', 'detail'])
          .execute();
      },
    },
  };
}
