/**
 * Schema migrations, run at start. Written with Kysely's schema builder so they run on SQLite and
 * PostgreSQL alike; add a new entry at the end, never edit an old one.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DialectName } from './database.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  const serialPk = dialect === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
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
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
