/**
 * Content rules: which version is published, publishing a new one, and the serialized views the
 * API serves (memoized per version, so a request costs a map lookup). A draft preview is served
 * through the same views from its own snapshot (see curation.ts).
 */
import { createHash } from 'node:crypto';
import { ContentError, DEFAULT_PACK_DIR, parsePack, readPackFiles } from '../../content/load.ts';
import { hasMachineText, localize } from '../../content/localize.ts';
import type { ContentPack, Locale } from '../../content/schema.ts';
import { etagOf } from '../http/etag.ts';
import { filesFromObject, filesToObject, type PackFiles, packToFiles } from './files.ts';
import type { ContentStore, VersionRow } from './store.ts';
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
/** A draft preview is personal and changes with every save: never stored by a cache. */
const PREVIEW_CACHE_CONTROL = 'private, no-store';

export interface ContentServiceDeps {
  store: ContentStore;
  now?: () => Date;
}

export interface PublishMeta {
  author: string;
  message: string;
  /** 'disk' (content/pack at start), 'editor' (a curator's draft), 'import', 'rollback'. */
  source: string;
  authorId?: number | null;
  /** For a rollback: the version it copies. */
  rollbackOf?: number | null;
  /** The pack's files; derived from the pack when not given. */
  files?: PackFiles;
  /** Clear the shared draft in the same transaction (a publish of the draft). */
  clearDraft?: boolean;
}

export function hashPack(pack: ContentPack): string {
  return createHash('sha256').update(JSON.stringify(pack)).digest('hex');
}

/** The views of one pack (a published version, or a draft preview), built on demand and memoized. */
export interface ContentSnapshot {
  current(): PublishedContent;
  view(key: string, lang: Locale | undefined, build: (c: PublishedContent) => unknown): SerializedView | undefined;
}

export function createSnapshot(content: PublishedContent, options: { preview?: boolean } = {}): ContentSnapshot {
  const views = new Map<string, SerializedView>();
  const cacheControl = options.preview ? PREVIEW_CACHE_CONTROL : CACHE_CONTROL;
  const extra = options.preview ? { preview: true } : {};
  return {
    current: () => content,
    view(key, lang, build) {
      const cacheKey = `${key}|${lang ?? '*'}`;
      const hit = views.get(cacheKey);
      if (hit) return hit;
      const raw = build(content);
      if (raw === undefined) return undefined;
      const body = lang
        ? JSON.stringify({ version: content.version, ...extra, lang, machineConverted: hasMachineText(raw, lang), data: localize(raw, lang) })
        : JSON.stringify({ version: content.version, ...extra, data: raw });
      const etag = options.preview ? `"p-${etagOf(body).slice(1)}` : etagOf(body);
      const view: SerializedView = {
        body: new TextEncoder().encode(body),
        etag,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': cacheControl },
        notModifiedHeaders: { ETag: etag, 'Cache-Control': cacheControl },
      };
      if (views.size > 5000) views.clear(); // bounded: filter combinations are finite but many
      views.set(cacheKey, view);
      return view;
    },
  };
}

export function publishedContent(row: { id: number; hash: string; created_at: string }, pack: ContentPack): PublishedContent {
  return { version: row.id, hash: row.hash, publishedAt: row.created_at, pack, index: indexPack(pack) };
}

/** The files of a stored version: as stored, or (versions from before 0600) derived from its pack. */
export function filesOfRow(row: Pick<VersionRow, 'files' | 'pack'>, pack?: ContentPack): PackFiles {
  if (row.files) return filesFromObject(JSON.parse(row.files) as Record<string, unknown>);
  return packToFiles(pack ?? (JSON.parse(row.pack) as ContentPack));
}

export function createContentService({ store, now = () => new Date() }: ContentServiceDeps) {
  let current: PublishedContent | undefined;
  let currentFiles: PackFiles | undefined;
  let snapshot: ContentSnapshot | undefined;
  /** Request path+query → view, filled only after a request passed validation (see routes.ts). */
  let byUrl = new Map<string, SerializedView>();
  const listeners = new Set<(c: PublishedContent) => void>();

  const use = (row: { id: number; hash: string; created_at: string }, pack: ContentPack, files: PackFiles | undefined) => {
    current = publishedContent(row, pack);
    currentFiles = files;
    snapshot = createSnapshot(current);
    byUrl = new Map();
  };

  const service = {
    /**
     * At start: serve the published version; if the pack on disk differs from the last one taken
     * from disk (a developer or curator edited content/ in git), publish it as a new version. An
     * invalid pack on disk is refused (reported through onRefused) and the last good version serves.
     */
    async init(packDir: string = DEFAULT_PACK_DIR, onRefused?: (err: ContentError) => void): Promise<PublishedContent> {
      let disk: ContentPack | undefined;
      let diskFiles: PackFiles | undefined;
      try {
        diskFiles = await readPackFiles(packDir);
        disk = parsePack(diskFiles);
      } catch (err) {
        // A broken pack never replaces the last good version; with no version at all we can't start.
        if (!(err instanceof ContentError) || !(await store.published())) throw err;
        onRefused?.(err);
      }
      const diskHash = disk && hashPack(disk);
      if (disk && diskHash) {
        const lastDisk = await store.latestFromSource('disk');
        if (!lastDisk || lastDisk.hash !== diskHash) {
          await service.publish(disk, { author: 'system', message: 'Imported from content/pack', source: 'disk', files: diskFiles });
        }
      }
      const row = await store.published();
      if (!row) throw new Error('no published content version');
      // The files are read from the row when first needed (an export, a draft).
      use(row, disk && row.hash === diskHash ? disk : (JSON.parse(row.pack) as ContentPack), undefined);
      return service.current();
    },

    /** Stores a new version and serves it at once; listeners (live push) hear about it. */
    async publish(pack: ContentPack, meta: PublishMeta): Promise<number> {
      const json = JSON.stringify(pack); // once: stored and hashed (hashPack would serialize again)
      const hash = createHash('sha256').update(json).digest('hex');
      const created_at = now().toISOString();
      const files = meta.files ?? packToFiles(pack);
      const id = await store.insertAndPublish(
        {
          hash,
          pack: json,
          files: JSON.stringify(filesToObject(files)),
          created_at,
          author: meta.author,
          author_id: meta.authorId ?? null,
          message: meta.message,
          source: meta.source,
          rollback_of: meta.rollbackOf ?? null,
        },
        { clearDraft: meta.clearDraft },
      );
      use({ id, hash, created_at }, pack, files);
      for (const fn of [...listeners]) {
        try {
          fn(service.current());
        } catch {
          /* a listener's failure never undoes a publish */
        }
      }
      return id;
    },

    current(): PublishedContent {
      if (!current) throw new Error('content service not initialised');
      return current;
    },

    /** The published version's source files (what an export gives). */
    async files(): Promise<PackFiles> {
      if (currentFiles) return currentFiles;
      const c = service.current();
      const row = await store.version(c.version);
      currentFiles = row ? filesOfRow(row, c.pack) : packToFiles(c.pack);
      return currentFiles;
    },

    /** Called after every publish (and rollback, import): live push, preview caches. */
    onPublished(fn: (c: PublishedContent) => void): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
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
      if (!snapshot) throw new Error('content service not initialised');
      return snapshot.view(key, lang, build);
    },
  };
  return service;
}

export type ContentService = ReturnType<typeof createContentService>;
