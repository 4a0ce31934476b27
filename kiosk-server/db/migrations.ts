/**
 * Schema migrations, run at start. Written with Kysely's schema builder so they run on SQLite and
 * PostgreSQL alike; add a new entry at the end, never edit an old one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { authMigrations } from '../auth/migrations.ts';
import { curatorMigrations } from '../content/migrations.ts';
import { crowdMigrations } from '../crowd/migrations.ts';
import { kioskMigrations } from '../kiosks/migrations.ts';
import { reservationMigrations } from '../reservations/migrations.ts';
import type { DialectName } from './database.ts';

/** An auto-increment integer primary key on either dialect. */
export function serialPrimaryKey(dialect: DialectName) {
  return dialect === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
}

/**
 * Each feature owns a block of migration names (content 0000–0099, auth 0100–, reservations
 * 0200–, crowd 0300–, analytics 0400–, kiosks 0500–); they are merged here and run in name order.
 */
function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    ...contentMigrations(dialect),
    ...authMigrations(dialect),
    ...reservationMigrations(dialect),
    ...crowdMigrations(dialect),
    ...kioskMigrations(dialect),
    ...curatorMigrations(dialect),
  };
}

function contentMigrations(dialect: DialectName): Record<string, Migration> {
  const serialPk = serialPrimaryKey(dialect);
  return {
    '0001_content_versions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('content_versions')
          .addColumn('id', serialPk)
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('pack', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('message', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('content_state')
          .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
          .addColumn('published_version', 'integer', (c) => c.notNull().references('content_versions.id'))
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<string[]> {
  const list = migrations(dialect);
  const provider: MigrationProvider = { getMigrations: async () => list };
  // Features land in any order, so a lower-numbered migration may arrive after a higher one ran.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
