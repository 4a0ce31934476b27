/**
 * Auth tables (migration block 0100–0199): users, their browser sessions, device tokens for kiosks
 * and door counters, and the audit log. Portable SQL: ISO-8601 text timestamps (they sort as
 * text), 0/1 integers for flags, CHECK constraints for the enums.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../db/database.ts';
import { serialPrimaryKey } from '../db/migrations.ts';

export function authMigrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0100_users': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('username', 'text', (c) => c.notNull())
          // Lower-cased (NFKC) username: makes uniqueness case-insensitive on both dialects.
          .addColumn('username_key', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'curator', 'staff')`))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0).check(sql`disabled in (0, 1)`))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('last_sign_in_at', 'text')
          .execute();
      },
    },
    '0101_user_sessions': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('user_sessions')
          // SHA-256 of the cookie value: a leaked database does not hand out live sessions.
          .addColumn('id_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_used_at', 'text', (c) => c.notNull())
          // min(last use + idle timeout, creation + absolute lifetime), kept up to date on use.
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('user_sessions_user').on('user_sessions').column('user_id').execute();
        await db.schema.createIndex('user_sessions_expires').on('user_sessions').column('expires_at').execute();
      },
    },
    '0102_devices': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('devices')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('kiosk', 'counter')`))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('hall_id', 'text')
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'integer')
          .addColumn('last_seen_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
      },
    },
    '0103_audit_log': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('audit_log')
          .addColumn('id', serialPrimaryKey(dialect))
          .addColumn('at', 'text', (c) => c.notNull())
          // No foreign key: the log outlives whatever it talks about.
          .addColumn('actor_user_id', 'integer')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('detail', 'text')
          .execute();
        await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      },
    },
  };
}
