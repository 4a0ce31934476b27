/** SQL for content versions, the shared draft and preview tokens. No rules here: see service.ts and curation.ts. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables.ts';

export interface VersionRow {
  id: number;
  hash: string;
  pack: string;
  author: string;
  message: string;
  source: string;
  created_at: string;
  files?: string | null;
  author_id?: number | null;
  rollback_of?: number | null;
}

export type VersionSummary = Omit<VersionRow, 'pack' | 'files'>;

export interface DraftFileRow {
  file: string;
  content: string | null;
  base_hash: string | null;
  updated_by: number | null;
  updated_by_name: string;
  updated_at: string;
}

const SUMMARY = ['id', 'hash', 'author', 'author_id', 'message', 'source', 'created_at', 'rollback_of'] as const;

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

    async version(id: number): Promise<VersionRow | undefined> {
      return db.selectFrom('content_versions').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The version before `id` (by id), if any. */
    async previousId(id: number): Promise<number | undefined> {
      const row = await db.selectFrom('content_versions').select('id').where('id', '<', id).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.id;
    },

    async latestFromSource(source: string): Promise<VersionSummary | undefined> {
      return db.selectFrom('content_versions').select(SUMMARY).where('source', '=', source).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    /**
     * Inserts a version and makes it the published one, in one transaction; with `clearDraft`
     * the draft files it was made from go in the same transaction (a crash leaves both or neither).
     */
    async insertAndPublish(v: Omit<VersionRow, 'id'>, options: { clearDraft?: boolean } = {}): Promise<number> {
      return db.transaction().execute(async (tx) => {
        const row = await tx.insertInto('content_versions').values(v).returning('id').executeTakeFirstOrThrow();
        const state = await tx.selectFrom('content_state').select('id').where('id', '=', 1).executeTakeFirst();
        if (state) {
          await tx.updateTable('content_state').set({ published_version: row.id, updated_at: v.created_at }).where('id', '=', 1).execute();
        } else {
          await tx.insertInto('content_state').values({ id: 1, published_version: row.id, updated_at: v.created_at }).execute();
        }
        if (options.clearDraft) await tx.deleteFrom('content_draft_files').execute();
        return row.id;
      });
    },

    /** Newest first; `before` pages back. */
    async history(limit = 50, before?: number): Promise<VersionSummary[]> {
      let q = db.selectFrom('content_versions').select(SUMMARY).orderBy('id', 'desc').limit(limit);
      if (before !== undefined) q = q.where('id', '<', before);
      return q.execute();
    },

    async draftFiles(): Promise<DraftFileRow[]> {
      return db.selectFrom('content_draft_files').selectAll().orderBy('file').execute();
    },

    async putDraftFile(row: DraftFileRow): Promise<void> {
      await db.transaction().execute(async (tx: Transaction<Database>) => {
        await tx.deleteFrom('content_draft_files').where('file', '=', row.file).execute();
        await tx.insertInto('content_draft_files').values(row).execute();
      });
    },

    async removeDraftFiles(files?: string[]): Promise<number> {
      let q = db.deleteFrom('content_draft_files');
      if (files) {
        if (files.length === 0) return 0;
        q = q.where('file', 'in', files);
      }
      const res = await q.executeTakeFirst();
      return Number(res.numDeletedRows ?? 0);
    },

    async setDraftBase(file: string, baseHash: string | null): Promise<void> {
      await db.updateTable('content_draft_files').set({ base_hash: baseHash }).where('file', '=', file).execute();
    },

    async insertPreviewToken(row: { token_hash: string; created_by: number | null; created_at: string; expires_at: string }): Promise<void> {
      await db.insertInto('content_preview_tokens').values(row).execute();
    },

    async previewToken(tokenHash: string): Promise<{ expires_at: string } | undefined> {
      return db.selectFrom('content_preview_tokens').select('expires_at').where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    async deleteExpiredPreviewTokens(nowIso: string): Promise<void> {
      await db.deleteFrom('content_preview_tokens').where('expires_at', '<=', nowIso).execute();
    },

    async deleteAllPreviewTokens(): Promise<number> {
      const res = await db.deleteFrom('content_preview_tokens').executeTakeFirst();
      return Number(res.numDeletedRows ?? 0);
    },
  };
}

export type ContentStore = ReturnType<typeof createContentStore>;
