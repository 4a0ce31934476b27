/**
 * The analytics write path on SQLite, as plain JavaScript so it runs unchanged inside a worker
 * thread (file databases: the fsync of each commit then never blocks the HTTP thread) and in the
 * main thread (in-memory databases in tests). The SQL comes from store.ts.
 *
 * One write = one transaction: insert the events (a known id is skipped: that is the dedupe),
 * then add exactly the rows this transaction inserted (rowid above the old maximum) to the hourly
 * rollups. Raw events and rollups can therefore never disagree.
 */
'use strict';

/**
 * @param {import('better-sqlite3').Database} db
 * @param {{ insertEvent: string, maxRowid: string, rollupSince: string, deleteRollups: string, rebuildRollups: string, prune: string }} sql
 */
function createWriter(db, sql) {
  const insertEvent = db.prepare(sql.insertEvent);
  const maxRowid = db.prepare(sql.maxRowid).pluck();
  const rollupSince = db.prepare(sql.rollupSince);
  const deleteRollups = db.prepare(sql.deleteRollups);
  const rebuildRollups = db.prepare(sql.rebuildRollups);
  const prune = db.prepare(sql.prune);

  const write = db.transaction((rows) => {
    const before = maxRowid.get() ?? 0;
    const stored = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) stored[i] = insertEvent.run(rows[i]).changes === 1;
    rollupSince.run(before);
    return stored;
  });
  const rebuild = db.transaction((fromHour, toHour) => {
    deleteRollups.run(fromHour, toHour);
    rebuildRollups.run(fromHour, toHour);
  });

  return {
    /** @param {unknown[][]} rows each row as the insert's parameters, in column order */
    write: (rows) => write(rows),
    rebuild: (fromHour, toHour) => rebuild(fromHour, toHour),
    prune: (beforeHour, limit) => prune.run(beforeHour, limit).changes,
  };
}

module.exports = { createWriter };
