/** SQL for kiosks: configuration rows, the latest heartbeat per kiosk, status transitions. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { KioskStatusEventsTable, KioskStatusTable, KiosksTable } from './tables.ts';

export type KioskRow = Selectable<KiosksTable>;
export type KioskStatusRow = Selectable<KioskStatusTable>;
export type KioskStatusEventRow = Selectable<KioskStatusEventsTable>;

export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

export function createKioskStore(db: Kysely<Database>) {
  return {
    async insertKiosk(row: Insertable<KiosksTable>): Promise<KioskRow> {
      return db.insertInto('kiosks').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async updateKiosk(id: string, set: Updateable<KiosksTable>): Promise<KioskRow | undefined> {
      return db.updateTable('kiosks').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    },

    async deleteKiosk(id: string): Promise<boolean> {
      // Status rows and events go with it (ON DELETE CASCADE); done explicitly too for SQLite
      // connections that were opened without foreign_keys.
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('kiosk_status_events').where('kiosk_id', '=', id).execute();
        await tx.deleteFrom('kiosk_status').where('kiosk_id', '=', id).execute();
        const r = await tx.deleteFrom('kiosks').where('id', '=', id).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      });
    },

    async kioskById(id: string): Promise<KioskRow | undefined> {
      return db.selectFrom('kiosks').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async kioskByDevice(deviceId: number): Promise<KioskRow | undefined> {
      return db.selectFrom('kiosks').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    },

    async listKiosks(): Promise<KioskRow[]> {
      return db.selectFrom('kiosks').selectAll().orderBy('id').execute();
    },

    async statusOf(kioskId: string): Promise<KioskStatusRow | undefined> {
      return db.selectFrom('kiosk_status').selectAll().where('kiosk_id', '=', kioskId).executeTakeFirst();
    },

    async listStatus(): Promise<KioskStatusRow[]> {
      return db.selectFrom('kiosk_status').selectAll().execute();
    },

    /**
     * Writes a heartbeat and its transitions in one transaction. Transitions already stored (same
     * kiosk + event id: a retry after a lost answer) are skipped. Returns how many were new.
     */
    async recordHeartbeat(
      status: Omit<KioskStatusRow, 'first_heartbeat_at' | 'heartbeat_count'>,
      events: Insertable<KioskStatusEventsTable>[],
    ): Promise<number> {
      return db.transaction().execute(async (tx) => {
        await tx
          .insertInto('kiosk_status')
          .values({ ...status, first_heartbeat_at: status.last_heartbeat_at, heartbeat_count: 1 })
          .onConflict((oc) =>
            oc.column('kiosk_id').doUpdateSet((eb) => ({
              last_heartbeat_at: eb.ref('excluded.last_heartbeat_at'),
              heartbeat_count: eb('kiosk_status.heartbeat_count', '+', 1),
              content_version: eb.ref('excluded.content_version'),
              app_version: eb.ref('excluded.app_version'),
              last_interaction_at: eb.ref('excluded.last_interaction_at'),
              visitor_state: eb.ref('excluded.visitor_state'),
              kiosk_clock_skew_ms: eb.ref('excluded.kiosk_clock_skew_ms'),
            })),
          )
          .execute();
        let added = 0;
        for (const e of events) {
          const r = await tx
            .insertInto('kiosk_status_events')
            .values(e)
            .onConflict((oc) => oc.columns(['kiosk_id', 'event_id']).doNothing())
            .executeTakeFirst();
          added += Number(r.numInsertedOrUpdatedRows ?? 0n);
        }
        return added;
      });
    },

    async recentEvents(kioskId: string, limit: number): Promise<KioskStatusEventRow[]> {
      return db
        .selectFrom('kiosk_status_events')
        .selectAll()
        .where('kiosk_id', '=', kioskId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },

    /** Forgets transitions older than `before` (ISO), so the log stays bounded on a kiosk that flaps for months. */
    async pruneEvents(before: string): Promise<number> {
      const r = await db.deleteFrom('kiosk_status_events').where('at', '<', before).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;
