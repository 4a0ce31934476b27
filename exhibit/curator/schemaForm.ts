/**
 * Forms from the content schemas (JSON Schema of each entity, from GET /api/curator/schema): what
 * kind of control a field gets, the empty value of a new item, and field paths in the same
 * notation as the server's errors (`events[2].title.en`). Anything the form cannot show as
 * controls falls back to a JSON box, so a new schema (scenes…) is always editable.
 */
import type { JsonSchema } from './types.ts';

export type Path = (string | number)[];

export function formatPath(path: Path): string {
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

export const LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;

export function isLocalized(s: JsonSchema): boolean {
  const p = s.properties;
  return s.type === 'object' && !!p && 'zh-Hans' in p && 'en' in p && Object.keys(p).every((k) => k === 'zh-Hans' || k === 'zh-Hant' || k === 'en');
}

/** Fields that hold ids of other entities, by name → the collection they point into. */
export const REFERENCE_FIELDS: Record<string, string> = {
  site: 'sites',
  sites: 'sites',
  district: 'districts',
  industries: 'industries',
  relatedProjects: 'projects',
  project: 'projects',
  museum: 'museums',
};

/** Texts that are paragraphs rather than lines. */
const LONG_TEXTS = new Set(['history', 'today', 'summary', 'body', 'text', 'description', 'scope', 'note', 'caption', 'narration', 'place']);
export const isLongText = (name: string | number | undefined) => typeof name === 'string' && LONG_TEXTS.has(name);

/** A media file field: `src` next to a `kind`, or inside `captions`. */
export const isMediaSrc = (name: string | number | undefined, path: Path) =>
  name === 'src' && (path.includes('media') || path.includes('captions') || path.includes('poster'));

const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The property every branch of a union pins with `const` (e.g. `kind`), if any. */
export function discriminatorOf(branches: JsonSchema[]): string | undefined {
  const first = branches[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((k) => branches.every((b) => b.properties?.[k]?.const !== undefined));
}

export function branchesOf(s: JsonSchema): JsonSchema[] | undefined {
  return s.oneOf ?? s.anyOf;
}

/** The branch of a union a value belongs to. */
export function branchFor(branches: JsonSchema[], value: unknown): number {
  const key = discriminatorOf(branches);
  if (key && value && typeof value === 'object') {
    const i = branches.findIndex((b) => b.properties?.[key]?.const === (value as Record<string, unknown>)[key]);
    if (i >= 0) return i;
  }
  const i = branches.findIndex((b) => b.const !== undefined && b.const === value);
  return Math.max(i, 0);
}

/** The value a new field or list item starts with: required parts filled, defaults taken. */
export function defaultFor(s: JsonSchema): unknown {
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  const branches = branchesOf(s);
  if (branches?.length) return defaultFor(branches[0]);
  if (s.enum?.length) return s.enum[0];
  if (isLocalized(s)) return { 'zh-Hans': '', en: '' };
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) if (s.properties?.[key]) out[key] = defaultFor(s.properties[key]);
      return out;
    }
    case 'array':
      if (s.prefixItems) return s.prefixItems.map(defaultFor);
      return Array.from({ length: s.minItems ?? 0 }, () => (s.items ? defaultFor(s.items) : null));
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return s.minimum !== undefined && s.minimum > 0 ? s.minimum : 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

export type Control =
  | 'localized'
  | 'object'
  | 'union'
  | 'choice'
  | 'tuple'
  | 'multi-choice'
  | 'list'
  | 'enum'
  | 'const'
  | 'string'
  | 'number'
  | 'boolean'
  | 'json';

/** Which control a schema gets. */
export function controlFor(s: JsonSchema): Control {
  if (isLocalized(s)) return 'localized';
  const branches = branchesOf(s);
  if (branches) {
    if (branches.every((b) => b.const !== undefined)) return 'choice';
    if (discriminatorOf(branches)) return 'union';
    return 'json';
  }
  if (s.const !== undefined) return 'const';
  if (s.enum) return 'enum';
  switch (typeOf(s)) {
    case 'object':
      return s.properties ? 'object' : 'json';
    case 'array':
      if (s.prefixItems) return s.prefixItems.every((p) => ['number', 'integer', 'string'].includes(String(typeOf(p)))) ? 'tuple' : 'json';
      if ((s.items || undefined)?.enum) return 'multi-choice';
      return s.items ? 'list' : 'json';
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** "relatedProjects" → "Related projects" (when no translation exists). */
export function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
