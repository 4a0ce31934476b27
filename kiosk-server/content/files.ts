/**
 * A content pack as files: the same layout as content/pack/ (PACK_LAYOUT), held as a Map of
 * relative path → parsed JSON. Drafts, imports, exports and versions all use this form, so what a
 * curator exports is what a museum keeps in git, and `parsePack` validates it exactly as
 * `npm run content:check` does.
 */
import { createHash } from 'node:crypto';
import { JsonSyntaxError, type PackFiles } from '../../content/load.ts';
import { type ContentPack, PACK_LAYOUT, STATISTICS_FILE } from '../../content/schema.ts';

export type { PackFiles };

export interface CollectionInfo {
  /** The key in the resolved pack (`sites`, `scenes`, `statistics`…). */
  key: string;
  /** `dir`: one file per entity (`sites/<id>.json`); `list`: one file holding an array; `object`: one file, one object. */
  kind: 'dir' | 'list' | 'object';
  /** The folder (dir) or the file (list, object). */
  location: string;
  optional: boolean;
}

/** Every collection of the pack, in layout order (scenes and others appear as soon as the layout has them). */
export function collections(): CollectionInfo[] {
  const out: CollectionInfo[] = Object.entries(PACK_LAYOUT).map(([key, spec]) =>
    'dir' in spec
      ? { key, kind: 'dir' as const, location: spec.dir, optional: 'optional' in spec && Boolean(spec.optional) }
      : { key, kind: 'list' as const, location: spec.file, optional: false },
  );
  out.push({ key: 'statistics', kind: 'object', location: STATISTICS_FILE, optional: false });
  return out;
}

const ENTITY_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

/** The collection a pack-relative path belongs to, or undefined when the layout has no such file. */
export function collectionOf(file: string): CollectionInfo | undefined {
  for (const c of collections()) {
    if (c.kind === 'dir') {
      const prefix = `${c.location}/`;
      if (file.startsWith(prefix) && ENTITY_FILE.test(file.slice(prefix.length))) return c;
    } else if (file === c.location) return c;
  }
  return undefined;
}

export const isPackFile = (file: string) => collectionOf(file) !== undefined;

/** sha256 of a file's JSON (as stored): identifies a file's content in drafts and ETags. */
export function fileHash(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The text of a file the way content/pack/ keeps it: two-space JSON and a final newline. */
export function fileText(content: unknown): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** Files → a plain object (sorted by path), for storage and JSON bundles. */
export function filesToObject(files: PackFiles): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...files.keys()].sort()) out[key] = files.get(key);
  return out;
}

export function filesFromObject(obj: Record<string, unknown>): PackFiles {
  return new Map(Object.entries(obj));
}

/**
 * Files from raw texts (an import): each parsed, or a JsonSyntaxError that parsePack reports
 * with the file's name.
 */
export function filesFromTexts(texts: Map<string, string>): PackFiles {
  const files: PackFiles = new Map();
  for (const [name, text] of texts) {
    try {
      files.set(name, JSON.parse(text.replace(/^\uFEFF/, '')));
    } catch (err) {
      files.set(name, new JsonSyntaxError((err as Error).message));
    }
  }
  return files;
}

/** Drops what the loader added: OpenCC-made zh-Hant and the `machine` marks. */
function unresolve(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unresolve);
  if (typeof value === 'object' && value !== null) {
    const rec = value as Record<string, unknown>;
    if (typeof rec['zh-Hans'] === 'string' && typeof rec.en === 'string' && Array.isArray(rec.machine)) {
      const out: Record<string, unknown> = { 'zh-Hans': rec['zh-Hans'] };
      if (!(rec.machine as string[]).includes('zh-Hant') && typeof rec['zh-Hant'] === 'string') out['zh-Hant'] = rec['zh-Hant'];
      out.en = rec.en;
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) out[k] = unresolve(v);
    return out;
  }
  return value;
}

/**
 * The files of a resolved pack, for versions stored before the files were kept (0600). Defaults
 * the schema filled in stay filled in; machine-converted zh-Hant is dropped again.
 */
export function packToFiles(pack: ContentPack): PackFiles {
  const files: PackFiles = new Map();
  const record = pack as unknown as Record<string, unknown>;
  for (const c of collections()) {
    const value = unresolve(record[c.key]);
    if (c.kind === 'dir') {
      for (const item of (value as { id: string }[] | undefined) ?? []) files.set(`${c.location}/${item.id}.json`, item);
    } else if (value !== undefined) files.set(c.location, value);
  }
  return files;
}

/** What a file holds, for lists: its entity ids and display names. */
export interface EntitySummary {
  file: string;
  collection: string;
  /** For `list` files: the index of the entity in the array. */
  index?: number;
  id: string;
  label: { 'zh-Hans'?: string; en?: string };
}

function labelOf(item: Record<string, unknown>): EntitySummary['label'] {
  for (const key of ['name', 'title', 'label']) {
    const v = item[key] as Record<string, unknown> | undefined;
    if (v && typeof v === 'object') return { 'zh-Hans': v['zh-Hans'] as string | undefined, en: v.en as string | undefined };
  }
  return {};
}

/** Every entity of a set of files (invalid or unparsed files are skipped). */
export function entitiesOf(files: PackFiles): EntitySummary[] {
  const out: EntitySummary[] = [];
  for (const [file, content] of files) {
    const c = collectionOf(file);
    if (!c || content instanceof JsonSyntaxError || content === null || typeof content !== 'object') continue;
    if (c.kind === 'dir') {
      const rec = content as Record<string, unknown>;
      out.push({ file, collection: c.key, id: String(rec.id ?? file), label: labelOf(rec) });
    } else if (c.kind === 'list' && Array.isArray(content)) {
      content.forEach((item, index) => {
        if (item && typeof item === 'object') {
          const rec = item as Record<string, unknown>;
          out.push({ file, collection: c.key, index, id: String(rec.id ?? index), label: labelOf(rec) });
        }
      });
    } else out.push({ file, collection: c.key, id: c.key, label: {} });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || (a.index ?? 0) - (b.index ?? 0));
}
