/**
 * Curator tables (migration block 0600–0699): the source files behind each content version, the
 * shared draft, preview tokens (0600–0609); uploaded media (0610–); kiosk playlists (0620–).
 * Portable SQL: ISO-8601 text timestamps, JSON as text.
 */
import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { serialPrimaryKey } from '../db/migrations.ts';

export function curatorMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0600_content_version_files': {
      async up(db: Kysely<unknown>) {
        // The pack's files as curators wrote them (zh-Hant left out where OpenCC fills it), so an
        // export gives back the same files that were imported. NULL for versions from before.
        await db.schema.alterTable('content_versions').addColumn('files', 'text').execute();
        await db.schema.alterTable('content_versions').addColumn('author_id', 'integer').execute();
        await db.schema.alterTable('content_versions').addColumn('rollback_of', 'integer').execute();
      },
    },
    '0601_content_draft_files': {
      async up(db: Kysely<unknown>) {
        // One shared draft: the files that differ from the published version (an overlay).
        await db.schema
          .createTable('content_draft_files')
          .addColumn('file', 'text', (c) => c.primaryKey())
          // The file's JSON; NULL when the draft deletes the file.
          .addColumn('content', 'text')
          // Hash of the published file when the draft first changed it (NULL: a new file). A
          // publish refuses a file whose published version changed since (someone else's publish).
          .addColumn('base_hash', 'text')
          .addColumn('updated_by', 'integer')
          .addColumn('updated_by_name', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0602_content_preview_tokens': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('content_preview_tokens')
          // SHA-256 of the token; the token itself is shown once to the curator who made it.
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('created_by', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0610_media': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('media')
          // sha256 (hex) of the bytes: the file is DATA_DIR/media/<hash>.<ext>.
          .addColumn('hash', 'text', (c) => c.primaryKey())
          .addColumn('ext', 'text', (c) => c.notNull())
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image', 'audio', 'captions')`))
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('original_name', 'text', (c) => c.notNull())
          .addColumn('uploaded_by', 'integer')
          .addColumn('uploaded_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0620_playlists': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('playlist_entries')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('kiosk', 'hall')`))
          // A kiosk's device id, or a hall id.
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('exhibit', 'text', (c) => c.notNull())
          // JSON array of exhibit references the attract screen cycles through.
          .addColumn('attract', 'text', (c) => c.notNull())
          .addColumn('label', 'text')
          // Museum-local dates, YYYY-MM-DD, both inclusive; NULL = open.
          .addColumn('starts_on', 'text')
          .addColumn('ends_on', 'text')
          .addColumn('created_by', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('playlist_entries_target').on('playlist_entries').columns(['scope', 'target']).execute();
      },
    },
  };
}
