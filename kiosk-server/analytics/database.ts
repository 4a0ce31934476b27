/**
 * The analytics database, apart from the main one: DATA_DIR/analytics.sqlite (WAL,
 * synchronous=FULL: an acknowledged event is on disk), or with DATABASE_URL the analytics_* tables
 * in that PostgreSQL database with a migration table of their own.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from '../db/database.ts';
import { withStatementCache } from '../db/statementCache.ts';
import type { EventRow } from './events.ts';
import { analyticsMigrations } from './migrations.ts';

export type AnalyticsEventsTable = EventRow;

export interface AnalyticsHourlyTable {
  type: string;
  hour: number;
  source: string;
  kiosk_id: number;
  hall_id: string;
  lang: string;
  subject: string;
  detail: string;
  events: number;
  total_ms: number;
}

export interface AnalyticsDatabase {
  analytics_events: AnalyticsEventsTable;
  analytics_hourly: AnalyticsHourlyTable;
}

export interface AnalyticsDb {
  kysely: Kysely<AnalyticsDatabase>;
  dialect: DialectName;
  /** The raw better-sqlite3 handle (SQLite only): the ingest path uses prepared statements. */
  sqlite?: SQLite.Database;
  /** The file, for SQLite on disk. */
  file?: string;
  close(): Promise<void>;
}

export const ANALYTICS_DB_FILE = 'analytics.sqlite';

export function openAnalyticsDatabase(options: { dataDir: string; databaseUrl?: string; memory?: boolean }): AnalyticsDb {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
    const kysely = new Kysely<AnalyticsDatabase>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() };
  }
  let file = ':memory:';
  if (!options.memory) {
    mkdirSync(options.dataDir, { recursive: true });
    file = path.join(options.dataDir, ANALYTICS_DB_FILE);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: the ingest acknowledges a batch only after its commit, and a commit under FULL survives
  // power loss too. Group commit (one transaction per flush, not per request) pays for the fsync.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<AnalyticsDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { kysely, dialect: 'sqlite', sqlite, file: options.memory ? undefined : file, close: () => kysely.destroy() };
}

export async function migrateAnalytics(db: AnalyticsDb): Promise<string[]> {
  const list = analyticsMigrations();
  const provider: MigrationProvider = { getMigrations: async () => list };
  const migrator = new Migrator({
    db: db.kysely as Kysely<unknown>,
    provider,
    // Own bookkeeping tables: on PostgreSQL they sit beside the main migrator's without mixing.
    migrationTableName: 'analytics_migration',
    migrationLockTableName: 'analytics_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
