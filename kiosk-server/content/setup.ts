/**
 * The curators' feature in one place for server.ts and app.ts: the shared draft, publish,
 * rollback, import/export and preview (curation.ts), live push (events.ts), uploaded media
 * (../media/) and kiosk playlists (../playlists/).
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AuthService } from '../auth/service.ts';
import type { Db } from '../db/database.ts';
import { createKioskStore } from '../kiosks/store.ts';
import { MEDIA_UPLOAD_PATH, registerMediaRoutes } from '../media/routes.ts';
import { createMediaService, type MediaService } from '../media/service.ts';
import { createMediaStore } from '../media/store.ts';
import { registerPlaylistRoutes } from '../playlists/routes.ts';
import { createPlaylistService, type PlaylistService, playlistResolver } from '../playlists/service.ts';
import { createPlaylistStore } from '../playlists/store.ts';
import { type Curation, createCuration } from './curation.ts';
import { IMPORT_PATH, registerCuratorRoutes } from './curator-routes.ts';
import { type ContentEvents, createContentEvents } from './events.ts';
import type { ContentLive } from './routes.ts';
import type { ContentService } from './service.ts';
import { createContentStore } from './store.ts';

export interface Curator {
  curation: Curation;
  events: ContentEvents;
  media: MediaService;
  playlists: PlaylistService;
  /** For kiosks/service.ts `startExhibitResolvers`. */
  playlistResolver: ReturnType<typeof playlistResolver>;
  /** The kiosks that exist, for playlist targets. */
  kiosks(): Promise<{ id: string; name: string; hallId: string | null }[]>;
  /** What the public content routes need for live push and preview. */
  live: ContentLive;
  close(): void;
}

export interface CuratorOptions {
  db: Db;
  content: ContentService;
  auth: AuthService;
  dataDir: string;
  now?: () => Date;
  /** SSE heartbeat interval (default 15 s). */
  heartbeatMs?: number;
}

export function createCurator({ db, content, auth, dataDir, now, heartbeatMs }: CuratorOptions): Curator {
  const events = createContentEvents({ heartbeatMs });
  const media = createMediaService({ store: createMediaStore(db.kysely), dataDir, audit: auth.audit, now });
  const curation = createCuration({ content, store: createContentStore(db.kysely), audit: auth.audit, events, mediaKinds: () => media.kinds(), now });
  const kioskStore = createKioskStore(db.kysely);
  const kiosks = async () => (await kioskStore.listKiosks()).map((k) => ({ id: k.id, name: k.name, hallId: k.hall_id }));
  const playlists = createPlaylistService({
    store: createPlaylistStore(db.kysely),
    content,
    audit: auth.audit,
    kioskIds: async () => (await kiosks()).map((k) => k.id),
    now,
  });
  return {
    curation,
    events,
    media,
    playlists,
    playlistResolver: playlistResolver(playlists),
    kiosks,
    live: { events, curation },
    close: () => events.closeAll(),
  };
}

export function registerCuratorFeature(app: OpenAPIHono, deps: { auth: AuthService; content: ContentService; curator: Curator }) {
  const { curator } = deps;
  registerCuratorRoutes(app, { auth: deps.auth, curation: curator.curation, events: curator.events });
  registerMediaRoutes(app, { auth: deps.auth, media: curator.media });
  registerPlaylistRoutes(app, { auth: deps.auth, playlists: curator.playlists, content: deps.content, kiosks: curator.kiosks });
}

/** Routes that apply their own, larger body limit (uploads, pack imports) instead of the app's 1 MiB. */
export function hasOwnBodyLimit(path: string): boolean {
  return path === MEDIA_UPLOAD_PATH || path === IMPORT_PATH;
}
