import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../kiosk-server/db/statementCache.ts';

describe('withStatementCache', () => {
  it('prepares each SQL text once, evicts the least recently used, and still follows schema changes', () => {
    const raw = new SQLite(':memory:');
    const db = withStatementCache(raw, 2);
    db.prepare('create table t (a integer)').run();
    const insert = db.prepare('insert into t (a) values (?)');
    expect(db.prepare('insert into t (a) values (?)')).toBe(insert);
    insert.run(1);
    const count = db.prepare('select count(*) as n from t');
    expect(count.get()).toEqual({ n: 1 });
    db.prepare('select 1'); // the cache holds 2: the insert (least recently used) goes
    expect(db.prepare('insert into t (a) values (?)')).not.toBe(insert);
    db.prepare('alter table t add column b text').run();
    expect(db.prepare('select * from t').all()).toEqual([{ a: 1, b: null }]);
    db.close();
    expect(raw.open).toBe(false);
  });
});
