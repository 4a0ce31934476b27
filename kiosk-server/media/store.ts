/** SQL for uploaded media. */
import type { Kysely } from 'kysely';
import type { MediaTable } from '../content/tables.ts';
import type { Database } from '../db/tables.ts';

export function createMediaStore(db: Kysely<Database>) {
  return {
    async get(hash: string): Promise<MediaTable | undefined> {
      return db.selectFrom('media').selectAll().where('hash', '=', hash).executeTakeFirst();
    },
    /** Inserts unless the same bytes were uploaded before; returns the stored row. */
    async insert(row: MediaTable): Promise<{ row: MediaTable; created: boolean }> {
      const existing = await db.selectFrom('media').selectAll().where('hash', '=', row.hash).executeTakeFirst();
      if (existing) return { row: existing, created: false };
      await db.insertInto('media').values(row).execute();
      return { row, created: true };
    },
    async list(): Promise<MediaTable[]> {
      return db.selectFrom('media').selectAll().orderBy('uploaded_at', 'desc').execute();
    },
    async kinds(): Promise<{ hash: string; kind: MediaTable['kind'] }[]> {
      return db.selectFrom('media').select(['hash', 'kind']).execute();
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
