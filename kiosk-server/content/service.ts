/**
 * Content rules: which version is published, publishing a new one, and the serialized views the
 * API serves (memoized per version, so a request costs a map lookup).
 */
import { createHash } from 'node:crypto';
import { ContentError, loadPack } from '../../content/load.ts';
import { hasMachineText, localize } from '../../content/localize.ts';
import type { ContentPack, Locale } from '../../content/schema.ts';
import { etagOf } from '../http/etag.ts';
import type { ContentStore } from './store.ts';
import { indexPack, type PackIndex } from './views.ts';

export interface PublishedContent {
  version: number;
  hash: string;
  publishedAt: string;
  pack: ContentPack;
  index: PackIndex;
}

export interface SerializedView {
  /** UTF-8 bytes, encoded once per version rather than on every request. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Response headers for 200 and 304, built once. */
  headers: Record<string, string>;
  notModifiedHeaders: Record<string, string>;
}

const CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface ContentServiceDeps {
  store: ContentStore;
  now?: () => Date;
}

export function hashPack(pack: ContentPack): string {
  return createHash('sha256').update(JSON.stringify(pack)).digest('hex');
}

export function createContentService({ store, now = () => new Date() }: ContentServiceDeps) {
  let current: PublishedContent | undefined;
  let views = new Map<string, SerializedView>();
  /** Request path+query → view, filled only after a request passed validation (see routes.ts). */
  let byUrl = new Map<string, SerializedView>();

  const use = (row: { id: number; hash: string; created_at: string }, pack: ContentPack) => {
    current = { version: row.id, hash: row.hash, publishedAt: row.created_at, pack, index: indexPack(pack) };
    views = new Map();
    byUrl = new Map();
  };

  return {
    /**
     * At start: serve the published version; if the pack on disk differs from the last one taken
     * from disk (a developer or curator edited content/ in git), publish it as a new version. An
     * invalid pack on disk is refused (reported through onRefused) and the last good version serves.
     */
    async init(packDir?: string, onRefused?: (err: ContentError) => void): Promise<PublishedContent> {
      let disk: ContentPack | undefined;
      try {
        disk = await loadPack(packDir);
      } catch (err) {
        // A broken pack never replaces the last good version; with no version at all we can't start.
        if (!(err instanceof ContentError) || !(await store.published())) throw err;
        onRefused?.(err);
      }
      const diskHash = disk && hashPack(disk);
      if (disk && diskHash) {
        const lastDisk = await store.latestFromSource('disk');
        if (!lastDisk || lastDisk.hash !== diskHash) {
          await this.publish(disk, { author: 'system', message: 'Imported from content/pack', source: 'disk' });
        }
      }
      const row = await store.published();
      if (!row) throw new Error('no published content version');
      use(row, disk && row.hash === diskHash ? disk : (JSON.parse(row.pack) as ContentPack));
      return this.current();
    },

    async publish(pack: ContentPack, meta: { author: string; message: string; source: string }): Promise<number> {
      const hash = hashPack(pack);
      const created_at = now().toISOString();
      const id = await store.insertAndPublish({ hash, pack: JSON.stringify(pack), created_at, ...meta });
      use({ id, hash, created_at }, pack);
      return id;
    },

    current(): PublishedContent {
      if (!current) throw new Error('content service not initialised');
      return current;
    },

    /** The view a validated request for this exact path+query was answered with, if any. */
    viewForUrl(url: string): SerializedView | undefined {
      return byUrl.get(url);
    },

    rememberUrl(url: string, view: SerializedView): void {
      if (byUrl.size > 5000) byUrl.clear();
      byUrl.set(url, view);
    },

    /**
     * A serialized view, memoized per published version. `build` returns undefined when the thing
     * does not exist (→ 404). Localized when `lang` is given; otherwise all three languages.
     */
    view(key: string, lang: Locale | undefined, build: (c: PublishedContent) => unknown): SerializedView | undefined {
      const c = this.current();
      const cacheKey = `${key}|${lang ?? '*'}`;
      const hit = views.get(cacheKey);
      if (hit) return hit;
      const raw = build(c);
      if (raw === undefined) return undefined;
      const body = lang
        ? JSON.stringify({ version: c.version, lang, machineConverted: hasMachineText(raw, lang), data: localize(raw, lang) })
        : JSON.stringify({ version: c.version, data: raw });
      const etag = etagOf(body);
      const view: SerializedView = {
        body: new TextEncoder().encode(body),
        etag,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': CACHE_CONTROL },
        notModifiedHeaders: { ETag: etag, 'Cache-Control': CACHE_CONTROL },
      };
      if (views.size > 5000) views.clear(); // bounded: filter combinations are finite but many
      views.set(cacheKey, view);
      return view;
    },
  };
}

export type ContentService = ReturnType<typeof createContentService>;
