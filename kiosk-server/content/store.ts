/** SQL for content versions. No rules here: see service.ts. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

export interface VersionRow {
  id: number;
  hash: string;
  pack: string;
  author: string;
  message: string;
  source: string;
  created_at: string;
}

export type VersionSummary = Omit<VersionRow, 'pack'>;

export function createContentStore(db: Kysely<Database>) {
  return {
    async published(): Promise<VersionRow | undefined> {
      return db
        .selectFrom('content_state')
        .innerJoin('content_versions', 'content_versions.id', 'content_state.published_version')
        .selectAll('content_versions')
        .where('content_state.id', '=', 1)
        .executeTakeFirst();
    },

    async latestFromSource(source: string): Promise<VersionSummary | undefined> {
      return db
        .selectFrom('content_versions')
        .select(['id', 'hash', 'author', 'message', 'source', 'created_at'])
        .where('source', '=', source)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** Inserts a version and makes it the published one, in one transaction. */
    async insertAndPublish(v: Omit<VersionRow, 'id'>): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('content_versions').values(v).returning('id').executeTakeFirstOrThrow();
        const state = await tx.selectFrom('content_state').select('id').where('id', '=', 1).executeTakeFirst();
        if (state) {
          await tx.updateTable('content_state').set({ published_version: row.id, updated_at: v.created_at }).where('id', '=', 1).execute();
        } else {
          await tx.insertInto('content_state').values({ id: 1, published_version: row.id, updated_at: v.created_at }).execute();
        }
        return row.id;
      });
    },

    async history(limit = 50): Promise<VersionSummary[]> {
      return db.selectFrom('content_versions').select(['id', 'hash', 'author', 'message', 'source', 'created_at']).orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
