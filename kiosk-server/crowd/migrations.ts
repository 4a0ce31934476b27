/**
 * Crowd tables (migration block 0300–0399): one row per entry/exit event, whatever reported it
 * (a ticket check-in, a door counter, a member of staff counting by hand). Occupancy is derived
 * from these events, so a restart rebuilds the live counts of the day.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { serialPrimaryKey } from '../db/migrations.ts';

export function crowdMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0300_crowd_events': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('crowd_events')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('museum_id', 'text', (c) => c.notNull())
          .addColumn('hall_id', 'text', (c) => c.notNull())
          // The museum's local business date (YYYY-MM-DD) the event counts for.
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('entries', 'integer', (c) => c.notNull().check(sql`entries >= 0`))
          .addColumn('exits', 'integer', (c) => c.notNull().check(sql`exits >= 0`))
          .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('check-in', 'counter', 'staff')`))
          .addColumn('device_id', 'integer')
          // The counter's own sequence number: a retried post is recognised and not counted twice.
          .addColumn('device_seq', 'integer')
          .addColumn('user_id', 'integer')
          .addColumn('measured_at', 'text')
          .execute();
        await db.schema.createIndex('crowd_events_day').on('crowd_events').columns(['museum_id', 'date', 'id']).execute();
        await db.schema
          .createIndex('crowd_events_device_seq')
          .unique()
          .on('crowd_events')
          .columns(['device_id', 'device_seq'])
          .where(sql.ref('device_seq'), 'is not', null)
          .execute();
      },
    },
  };
}
