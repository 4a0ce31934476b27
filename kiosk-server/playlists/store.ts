/** SQL for kiosk playlists. */
import type { Kysely, Selectable } from 'kysely';
import type { PlaylistEntriesTable } from '../content/tables.ts';
import type { Database } from '../db/tables.ts';

export type PlaylistRow = Selectable<PlaylistEntriesTable>;

export function createPlaylistStore(db: Kysely<Database>) {
  return {
    async list(): Promise<PlaylistRow[]> {
      return db.selectFrom('playlist_entries').selectAll().orderBy('scope').orderBy('target').orderBy('starts_on').orderBy('id').execute();
    },
    /** The entries for a kiosk and its hall (any dates). */
    async forTargets(kioskId: string | null, hallId: string | null): Promise<PlaylistRow[]> {
      return db
        .selectFrom('playlist_entries')
        .selectAll()
        .where((eb) => {
          const ors = [];
          if (kioskId) ors.push(eb.and([eb('scope', '=', 'kiosk'), eb('target', '=', kioskId)]));
          if (hallId) ors.push(eb.and([eb('scope', '=', 'hall'), eb('target', '=', hallId)]));
          return ors.length ? eb.or(ors) : eb.val(false);
        })
        .execute();
    },
    async get(id: number): Promise<PlaylistRow | undefined> {
      return db.selectFrom('playlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async insert(row: Omit<PlaylistRow, 'id'>): Promise<PlaylistRow> {
      return db.insertInto('playlist_entries').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async update(id: number, set: Partial<Omit<PlaylistRow, 'id' | 'created_at' | 'created_by'>>): Promise<PlaylistRow | undefined> {
      return db.updateTable('playlist_entries').set(set).where('id', '=', id).returningAll().executeTakeFirst();
    },
    async remove(id: number): Promise<boolean> {
      const res = await db.deleteFrom('playlist_entries').where('id', '=', id).executeTakeFirst();
      return Number(res.numDeletedRows ?? 0) > 0;
    },
  };
}

export type PlaylistStore = ReturnType<typeof createPlaylistStore>;
