/**
 * Warming the kiosk's caches once it is online and its service worker controls the page: every
 * content view in every language (the exact URLs the pages ask for, so the service worker's
 * network-first cache can answer them offline) and every self-hosted file the content refers to
 * (images, audio, models; cache-first). Which views exist is read from the API's own OpenAPI
 * document (or, should that be unavailable, guessed from the pack's collections), and ids from the
 * content pack, so views that other features add later (`/api/content/<things>` and
 * `/api/content/<things>/{id}`) are warmed without changes here.
 * Features with other URLs add them with `addWarmTargets`.
 */
import type { Locale } from '../../content/schema.ts';
import { contentUrl } from '../api/useContent.ts';

export interface WarmTarget {
  /** Under /api/content/, e.g. `sites` or `sites/erchang`. */
  path: string;
  params?: Record<string, string>;
}

type Pack = Record<string, unknown>;
type TargetSource = (pack: Pack) => WarmTarget[];

const extraSources = new Set<TargetSource>();

/** For other features: content URLs (beyond `<things>` and `<things>/{id}`) their pages request. */
export function addWarmTargets(fn: TargetSource): () => void {
  extraSources.add(fn);
  return () => extraSources.delete(fn);
}

/** Not views: the whole pack, the version probe, the live event stream, curators' preview switches. */
const SKIP = new Set(['pack', 'version', 'events', 'preview']);

function idsOf(pack: Pack, collection: string): string[] {
  const list = pack[collection];
  if (!Array.isArray(list)) return [];
  return list.map((x) => (x && typeof x === 'object' ? (x as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string');
}

/**
 * The content views to warm: each GET `/api/content/<x>` and `/api/content/<x>/{id}` of the API
 * (ids from `pack[x]`), the site list with each single filter the site pages offer, and extras.
 */
export function warmTargets(apiPaths: readonly string[], pack: Pack): WarmTarget[] {
  const targets: WarmTarget[] = [];
  for (const p of apiPaths) {
    const m = /^\/api\/content\/([a-z0-9-]+)(?:\/\{[a-zA-Z]+\})?$/.exec(p);
    if (!m || SKIP.has(m[1])) continue;
    if (p.includes('{')) for (const id of idsOf(pack, m[1])) targets.push({ path: `${m[1]}/${id}` });
    else targets.push({ path: m[1] });
  }
  // Home page and the site list's one-filter views.
  targets.push({ path: 'sites', params: { flagship: 'true' } });
  for (const era of idsOf(pack, 'eras')) targets.push({ path: 'sites', params: { era } });
  for (const cluster of idsOf(pack, 'clusters')) targets.push({ path: 'sites', params: { cluster } });
  for (const source of extraSources) targets.push(...source(pack));
  return targets;
}

/** Every self-hosted file a JSON document refers to (`assets/…`, `/assets/…`, `/media/…`), as absolute paths. */
export function assetUrls(doc: unknown, found = new Set<string>()): Set<string> {
  if (typeof doc === 'string') {
    if (/^\/?assets\/[\w./-]+$/.test(doc) && !doc.split('/').includes('..')) found.add(doc.startsWith('/') ? doc : `/${doc}`);
    else if (/^\/media\/[0-9a-f]{64}\.[a-z0-9]{2,4}$/.test(doc)) found.add(doc);
  } else if (Array.isArray(doc)) {
    for (const x of doc) assetUrls(x, found);
  } else if (doc && typeof doc === 'object') {
    for (const x of Object.values(doc)) assetUrls(x, found);
  }
  return found;
}

/** Without the OpenAPI document: a list and a detail view for every collection of the pack. */
export function guessedApiPaths(pack: Pack): string[] {
  return Object.entries(pack).flatMap(([key, value]) =>
    Array.isArray(value) && value.some((x) => x && typeof x === 'object' && 'id' in x)
      ? [`/api/content/${key}`, `/api/content/${key}/{id}`]
      : [`/api/content/${key}`],
  );
}

export interface WarmResult {
  version: number;
  views: number;
  assets: number;
  failed: number;
}

/** Runs `tasks` with at most `limit` at a time (a kiosk should not flood a museum's server). */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function warmCache(languages: readonly Locale[], options: { fetch?: typeof fetch; concurrency?: number } = {}): Promise<WarmResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const getJson = async (url: string) => {
    // A view that never answers must not stall the warming (or the next one).
    const res = await doFetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const [openapi, packEnvelope] = await Promise.all([getJson('/api/openapi.json').catch(() => null), getJson('/api/content/pack')]);
  const { version, data: pack } = packEnvelope as { version: number; data: Pack };
  type Get = { responses?: Record<string, { content?: Record<string, unknown> }> };
  const documented = Object.entries((openapi as { paths?: Record<string, { get?: Get }> } | null)?.paths ?? {})
    // JSON views only: never an event stream or anything else that does not end.
    .filter(([, ops]) => ops.get && Object.keys(ops.get.responses?.['200']?.content ?? {}).some((type) => type.includes('json')))
    .map(([p]) => p);
  const apiPaths = documented.length ? documented : guessedApiPaths(pack);
  const assets = assetUrls(pack);
  // Files the page loaded before the service worker took it over (fonts, images in styles): again, through it.
  for (const entry of globalThis.performance?.getEntriesByType('resource') ?? []) {
    const url = new URL(entry.name, location.href);
    if (url.origin === location.origin && /^\/(assets|media)\//.test(url.pathname)) assets.add(url.pathname + url.search);
  }
  const urls = warmTargets(apiPaths, pack).flatMap((t) => languages.map((lang) => contentUrl(t.path, t.params ?? {}, lang)));
  let failed = 0;
  await pool([...new Set(urls)], options.concurrency ?? 3, async (url) => {
    try {
      assetUrls(await getJson(url), assets);
    } catch {
      failed += 1; // a view that 404s (an id filtered out) is not worth stopping for
    }
  });
  await pool([...assets], options.concurrency ?? 3, async (url) => {
    try {
      const res = await doFetch(url, { signal: AbortSignal.timeout(60_000) });
      if (!res.ok) failed += 1;
      await res.arrayBuffer();
    } catch {
      failed += 1;
    }
  });
  return { version, views: urls.length, assets: assets.size, failed };
}
