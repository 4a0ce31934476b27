/**
 * Per-entity, per-field differences between two resolved packs: what a publish or a rollback
 * changed, shown in the history. Entities are matched by id; inside an entity, texts are compared
 * per language (`name.en`), lists of things with ids by id (`events[cq-arsenal].title.zh-Hans`),
 * other lists by position (`stops[2].site`), and a list that only changed order says so.
 */
import type { ContentPack } from '../../content/schema.ts';
import { collections } from './files.ts';

export interface FieldChange {
  /** Field path inside the entity; '' for the whole entity. */
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface EntityChange {
  collection: string;
  id: string;
  /** The pack file it lives in. */
  file: string;
  change: 'added' | 'removed' | 'changed';
  label?: { 'zh-Hans'?: string; en?: string };
  fields: FieldChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (list: unknown[]) => list.length > 0 && list.every((x) => isObject(x) && typeof x.id === 'string');

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function diffValue(before: unknown, after: unknown, path: string, out: FieldChange[]) {
  if (same(before, after)) return;
  if (isObject(before) && isObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    keys.delete('machine'); // which language OpenCC filled in is bookkeeping, not content
    for (const k of keys) diffValue(before[k], after[k], join(path, k), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (hasIds(before) && hasIds(after)) {
      const a = new Map(before.map((x) => [(x as { id: string }).id, x]));
      const b = new Map(after.map((x) => [(x as { id: string }).id, x]));
      for (const [id, x] of a) if (!b.has(id)) out.push({ path: `${path}[${id}]`, before: x });
      for (const [id, x] of b) {
        if (!a.has(id)) out.push({ path: `${path}[${id}]`, after: x });
        else diffValue(a.get(id), x, `${path}[${id}]`, out);
      }
      const orderA = before.map((x) => (x as { id: string }).id).filter((id) => b.has(id));
      const orderB = after.map((x) => (x as { id: string }).id).filter((id) => a.has(id));
      if (!same(orderA, orderB)) out.push({ path: `${path} (order)`, before: orderA, after: orderB });
      return;
    }
    if (before.every((x) => !isObject(x)) && after.every((x) => !isObject(x))) {
      out.push({ path, before, after });
      return;
    }
    // Same things in another order (a tour's stops moved): say so rather than list every position.
    if (before.length === after.length && before.length > 1) {
      const key = (x: unknown) => JSON.stringify(x);
      const sortedA = before.map(key).sort();
      const sortedB = after.map(key).sort();
      if (same(sortedA, sortedB)) {
        out.push({ path: `${path} (order)`, before, after });
        return;
      }
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) diffValue(before[i], after[i], join(path, i), out);
    return;
  }
  out.push({ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
}

function labelOf(x: unknown): EntityChange['label'] {
  if (!isObject(x)) return undefined;
  const v = (x.name ?? x.title) as Record<string, unknown> | undefined;
  return isObject(v) ? { 'zh-Hans': v['zh-Hans'] as string, en: v.en as string } : undefined;
}

/** Differences from `before` to `after`, collection by collection in layout order. */
export function diffPacks(before: ContentPack, after: ContentPack): EntityChange[] {
  const out: EntityChange[] = [];
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const c of collections()) {
    if (c.kind === 'object') {
      const fields: FieldChange[] = [];
      diffValue(a[c.key], b[c.key], '', fields);
      if (fields.length) out.push({ collection: c.key, id: c.key, file: c.location, change: 'changed', fields });
      continue;
    }
    const listA = (a[c.key] as { id: string }[] | undefined) ?? [];
    const listB = (b[c.key] as { id: string }[] | undefined) ?? [];
    const mapA = new Map(listA.map((x) => [x.id, x]));
    const mapB = new Map(listB.map((x) => [x.id, x]));
    const file = (id: string) => (c.kind === 'dir' ? `${c.location}/${id}.json` : c.location);
    for (const [id, x] of mapA) if (!mapB.has(id)) out.push({ collection: c.key, id, file: file(id), change: 'removed', label: labelOf(x), fields: [] });
    for (const [id, x] of mapB) {
      const old = mapA.get(id);
      if (!old) {
        out.push({ collection: c.key, id, file: file(id), change: 'added', label: labelOf(x), fields: [] });
        continue;
      }
      const fields: FieldChange[] = [];
      diffValue(old, x, '', fields);
      if (fields.length) out.push({ collection: c.key, id, file: file(id), change: 'changed', label: labelOf(x), fields });
    }
  }
  return out;
}
