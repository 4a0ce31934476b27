/** SQL for users, sessions, devices and the audit log. No rules here: see service.ts. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DialectName } from '../db/database.ts';
import type { AuditLogTable, Database, DevicesTable, UserSessionsTable, UsersTable } from '../db/tables.ts';

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<UserSessionsTable>;
export type DeviceRow = Selectable<DevicesTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** Thrown by updateUserKeepingAnAdmin when the change would leave no active admin. */
export class LastAdminError extends Error {}

/** True for a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export interface AuthStoreOptions {
  /** Lock the active admins' rows in the last-admin check (PostgreSQL). Off only in the test that proves the lock matters. */
  lockAdminRows?: boolean;
}

export function createAuthStore(db: Kysely<Database>, dialect: DialectName, { lockAdminRows = true }: AuthStoreOptions = {}) {
  return {
    async countUsers(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async userById(id: number): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async userByKey(usernameKey: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('username_key', '=', usernameKey).executeTakeFirst();
    },

    async listUsers(): Promise<UserRow[]> {
      return db.selectFrom('users').selectAll().orderBy('username_key').execute();
    },

    async insertUser(user: Insertable<UsersTable>): Promise<UserRow> {
      return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
    },

    async updateUser(id: number, patch: Updateable<UsersTable>): Promise<void> {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },

    /**
     * Applies a change that may demote or disable an admin, refusing (LastAdminError) when no other
     * active admin would be left. On PostgreSQL the active admins' rows are locked first, so two
     * admins demoting each other at once cannot both succeed; SQLite runs one write transaction at
     * a time anyway.
     */
    async updateUserKeepingAnAdmin(id: number, patch: Updateable<UsersTable>): Promise<void> {
      await db.transaction().execute(async (tx) => {
        let admins = tx.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled', '=', 0);
        if (dialect === 'postgres' && lockAdminRows) admins = admins.forUpdate();
        const ids = (await admins.execute()).map((r) => r.id);
        if (ids.includes(id) && ids.length === 1) throw new LastAdminError('the last active admin');
        await tx.updateTable('users').set(patch).where('id', '=', id).execute();
      });
    },

    async insertSession(session: SessionRow): Promise<void> {
      await db.insertInto('user_sessions').values(session).execute();
    },

    /** The session and its user, when the session exists and has not expired at `nowIso`. */
    async liveSession(idHash: string, nowIso: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
      const row = await db
        .selectFrom('user_sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select([
          's.id_hash',
          's.user_id',
          's.csrf_token',
          's.created_at as s_created_at',
          's.last_used_at',
          's.expires_at',
          'u.id',
          'u.username',
          'u.username_key',
          'u.display_name',
          'u.role',
          'u.password_hash',
          'u.disabled',
          'u.created_at',
          'u.updated_at',
          'u.last_sign_in_at',
        ])
        .where('s.id_hash', '=', idHash)
        .where('s.expires_at', '>', nowIso)
        .executeTakeFirst();
      if (!row) return undefined;
      const { id_hash, user_id, csrf_token, s_created_at, last_used_at, expires_at, ...user } = row;
      return { session: { id_hash, user_id, csrf_token, created_at: s_created_at, last_used_at, expires_at }, user };
    },

    async touchSession(idHash: string, lastUsedAt: string, expiresAt: string): Promise<void> {
      await db.updateTable('user_sessions').set({ last_used_at: lastUsedAt, expires_at: expiresAt }).where('id_hash', '=', idHash).execute();
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.deleteFrom('user_sessions').where('id_hash', '=', idHash).execute();
    },

    /** Ends every session of a user, except (optionally) one. */
    async deleteUserSessions(userId: number, exceptIdHash?: string): Promise<number> {
      let q = db.deleteFrom('user_sessions').where('user_id', '=', userId);
      if (exceptIdHash) q = q.where('id_hash', '<>', exceptIdHash);
      const res = await q.executeTakeFirst();
      return Number(res.numDeletedRows);
    },

    async deleteExpiredSessions(nowIso: string): Promise<number> {
      const res = await db.deleteFrom('user_sessions').where('expires_at', '<=', nowIso).executeTakeFirst();
      return Number(res.numDeletedRows);
    },

    async insertDevice(device: Insertable<DevicesTable>): Promise<DeviceRow> {
      return db.insertInto('devices').values(device).returningAll().executeTakeFirstOrThrow();
    },

    async listDevices(): Promise<DeviceRow[]> {
      return db.selectFrom('devices').selectAll().orderBy('id').execute();
    },

    async deviceById(id: number): Promise<DeviceRow | undefined> {
      return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async deviceByTokenHash(tokenHash: string): Promise<DeviceRow | undefined> {
      return db.selectFrom('devices').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    },

    async revokeDevice(id: number, at: string): Promise<void> {
      await db.updateTable('devices').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },

    async touchDevice(id: number, at: string): Promise<void> {
      await db.updateTable('devices').set({ last_seen_at: at }).where('id', '=', id).execute();
    },

    async insertAudit(entry: Insertable<AuditLogTable>): Promise<void> {
      await db.insertInto('audit_log').values(entry).execute();
    },

    /** Newest first; `beforeId` pages back. */
    async listAudit(limit: number, beforeId?: number): Promise<AuditRow[]> {
      let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
      if (beforeId !== undefined) q = q.where('id', '<', beforeId);
      return q.execute();
    },
  };
}

export type AuthStore = ReturnType<typeof createAuthStore>;
