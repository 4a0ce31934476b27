/**
 * Kiosk playlists (rules, no HTTP): which exhibit a kiosk or a whole hall shows and attracts with,
 * optionally for a date range (a temporary exhibition). The kiosk server asks
 * `startExhibitFor(kioskId, hallId, date)` when a kiosk reads its configuration (wired through
 * `playlistResolver` into kiosks/service.ts); every change is audited.
 */
import type { ContentPack } from '../../content/schema.ts';
import type { AuthService } from '../auth/service.ts';
import type { ContentService } from '../content/service.ts';
import { problem } from '../http/problem.ts';
import type { KioskConfig, StartExhibit } from '../kiosks/service.ts';
import { isRealDate, localDate, localInstant } from '../reservations/time.ts';
import { type ChosenExhibit, chooseEntry, type PlaylistEntry } from './resolve.ts';
import type { PlaylistRow, PlaylistStore } from './store.ts';

export type { ChosenExhibit, PlaylistEntry };

export interface PlaylistInput {
  scope: 'kiosk' | 'hall';
  target: string;
  exhibit: string;
  attract?: string[];
  label?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
}

export interface PlaylistServiceDeps {
  store: PlaylistStore;
  content: Pick<ContentService, 'current'>;
  audit: AuthService['audit'];
  /** The kiosks that exist (ids), for checking kiosk targets. */
  kioskIds: () => Promise<string[]>;
  now?: () => Date;
}

/** App paths a playlist may show: inside the visitor app, never the API, files or the console. */
const EXHIBIT_PATH = /^\/(?!(?:api|assets|media|curator|fleet)(?:\/|$))[A-Za-z0-9._~\-/]*$/;

type FieldError = { path: string; message: string };

/** Problems with an exhibit path for this pack (empty when it is fine). */
export function exhibitPathProblems(p: string, pack: ContentPack): string[] {
  if (!EXHIBIT_PATH.test(p) || p.includes('//') || p.split('/').some((s) => s === '.' || s === '..'))
    return ['an app path such as /, /eras/<id>, /sites/<id> or /routes/<id>'];
  const [, section, id] = p.split('/');
  const lists: Record<string, { id: string }[]> = { eras: pack.eras, sites: pack.sites, routes: pack.routes, museums: pack.museums };
  const list = lists[section];
  if (list && id && !list.some((x) => x.id === id)) return [`no ${section.replace(/s$/, '')} "${id}" in the published content`];
  return [];
}

export function hallIds(
  pack: ContentPack,
): { id: string; museum: string; hall: string; name: ContentPack['museums'][number]['name']; museumName: ContentPack['museums'][number]['name'] }[] {
  return pack.museums.flatMap((m) => m.halls.map((h) => ({ id: `${m.id}/${h.id}`, museum: m.id, hall: h.id, name: h.name, museumName: m.name })));
}

const entryOf = (r: PlaylistRow): PlaylistEntry => ({
  id: r.id,
  scope: r.scope,
  target: r.target,
  exhibit: r.exhibit,
  attract: JSON.parse(r.attract) as string[],
  label: r.label,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createPlaylistService({ store, content, audit, kioskIds, now = () => new Date() }: PlaylistServiceDeps) {
  async function check(input: PlaylistInput): Promise<void> {
    const errors: FieldError[] = [];
    const pack = content.current().pack;
    if (input.scope === 'hall') {
      if (!hallIds(pack).some((h) => h.id === input.target))
        errors.push({ path: 'body.target', message: `no hall "${input.target}" ("<museum>/<hall>" from the content)` });
    } else if (!(await kioskIds()).includes(input.target)) errors.push({ path: 'body.target', message: `no kiosk "${input.target}"` });
    for (const m of exhibitPathProblems(input.exhibit, pack)) errors.push({ path: 'body.exhibit', message: m });
    (input.attract ?? []).forEach((p, i) => {
      for (const m of exhibitPathProblems(p, pack)) errors.push({ path: `body.attract.${i}`, message: m });
    });
    for (const key of ['startsOn', 'endsOn'] as const) {
      const d = input[key];
      if (d != null && !isRealDate(d)) errors.push({ path: `body.${key}`, message: 'a real date, YYYY-MM-DD' });
    }
    if (input.startsOn && input.endsOn && input.startsOn > input.endsOn) errors.push({ path: 'body.endsOn', message: 'must not be before startsOn' });
    if (errors.length) throw problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }

  const service = {
    async list(): Promise<PlaylistEntry[]> {
      return (await store.list()).map(entryOf);
    },

    async create(input: PlaylistInput, actorId: number): Promise<PlaylistEntry> {
      await check(input);
      const t = now().toISOString();
      const row = await store.insert({
        scope: input.scope,
        target: input.target,
        exhibit: input.exhibit,
        attract: JSON.stringify(input.attract ?? []),
        label: input.label ?? null,
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        created_by: actorId,
        created_at: t,
        updated_at: t,
      });
      const entry = entryOf(row);
      await audit.record({ actorId, action: 'playlist.create', target: `playlist:${row.id}`, detail: { ...input } });
      return entry;
    },

    async update(id: number, input: PlaylistInput, actorId: number): Promise<PlaylistEntry> {
      const before = await store.get(id);
      if (!before) throw problem(404, 'not-found', 'Not found', `No playlist entry ${id}.`);
      await check(input);
      const row = await store.update(id, {
        scope: input.scope,
        target: input.target,
        exhibit: input.exhibit,
        attract: JSON.stringify(input.attract ?? []),
        label: input.label ?? null,
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        updated_at: now().toISOString(),
      });
      if (!row) throw problem(404, 'not-found', 'Not found', `No playlist entry ${id}.`);
      await audit.record({ actorId, action: 'playlist.update', target: `playlist:${id}`, detail: { before: entryOf(before), after: input } });
      return entryOf(row);
    },

    async remove(id: number, actorId: number): Promise<void> {
      const before = await store.get(id);
      if (!before || !(await store.remove(id))) throw problem(404, 'not-found', 'Not found', `No playlist entry ${id}.`);
      await audit.record({ actorId, action: 'playlist.delete', target: `playlist:${id}`, detail: { before: entryOf(before) } });
    },

    /**
     * What a kiosk shows on a date: its own entry, else its hall's; dated (temporary) entries over
     * undated ones. `date` is a museum-local YYYY-MM-DD or an instant. Undefined: no playlist
     * applies (the kiosk's own configuration does).
     */
    async startExhibitFor(kioskId: string | null, hallId: string | null, date: string | Date = now()): Promise<ChosenExhibit | undefined> {
      const day = typeof date === 'string' ? date : localDate(date);
      const entries = (await store.forTargets(kioskId, hallId)).map(entryOf);
      return chooseEntry(entries, kioskId, hallId, day);
    },
  };
  return service;
}

export type PlaylistService = ReturnType<typeof createPlaylistService>;

/**
 * The kiosk service's seam (kiosks/service.ts `startExhibitResolvers`): a playlist entry, when one
 * applies, decides where the kiosk starts and what its attract screen shows, until the next date
 * on which the playlist changes.
 */
export function playlistResolver(playlists: Pick<PlaylistService, 'startExhibitFor'>) {
  return async (kiosk: KioskConfig, at: Date): Promise<(StartExhibit & { attract: string[]; label: string | null }) | undefined> => {
    const chosen = await playlists.startExhibitFor(kiosk.id, kiosk.hallId, at);
    if (!chosen) return undefined;
    return {
      path: chosen.exhibit,
      source: 'playlist',
      until: chosen.changesOn ? localInstant(chosen.changesOn, '00:00').toISOString() : null,
      attract: chosen.attract,
      label: chosen.label,
    };
  };
}
