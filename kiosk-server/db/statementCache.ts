/**
 * Kysely's SQLite driver prepares every query afresh; on the hot paths (a booking, a device's token
 * check on each analytics batch) preparing costs as much as running. This hands Kysely the same
 * better-sqlite3 database with `prepare` remembered per SQL text (SQLite re-prepares a remembered
 * statement by itself after a schema change). Safe because better-sqlite3 runs each statement to
 * completion synchronously; the project never streams (`.stream()` would iterate a shared statement).
 */
import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';

export function withStatementCache(db: SQLiteDatabase, max = 500) {
  const cache = new Map<string, Statement>();
  return {
    prepare(sql: string): Statement {
      let stmt = cache.get(sql);
      if (stmt) {
        // Most recently used last, so the first key is the one to drop when full.
        cache.delete(sql);
      } else {
        stmt = db.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, stmt);
      return stmt;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}
