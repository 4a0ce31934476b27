/** Crowd SQL: entry/exit events (the same code on SQLite and PostgreSQL). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { CrowdEventsTable } from './tables.ts';

type Q = Kysely<Database> | Transaction<Database>;

export type NewCrowdEvent = Omit<CrowdEventsTable, 'id'>;
export type CrowdEventRow = NewCrowdEvent & { id: number };

export function createCrowdStore(db: Kysely<Database>) {
  return {
    db,
    async insert(q: Q, e: NewCrowdEvent): Promise<CrowdEventRow> {
      const r = await q.insertInto('crowd_events').values(e).returning('id').executeTakeFirstOrThrow();
      return { ...e, id: Number(r.id) };
    },
    eventsOfDay: (museumId: string, date: string) =>
      db.selectFrom('crowd_events').selectAll().where('museum_id', '=', museumId).where('date', '=', date).orderBy('id').execute() as Promise<CrowdEventRow[]>,
  };
}

export type CrowdStore = ReturnType<typeof createCrowdStore>;
