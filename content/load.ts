/**
 * Reads a content pack (a folder laid out as PACK_LAYOUT says), validates every file against its
 * schema, fills missing zh-Hant from zh-Hans with OpenCC (marking it machine-converted), and checks
 * cross-references. Errors name the file and the field path, so a curator can find the mistake.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { checkReferences } from './references.ts';
import { type ContentPack, FileSchemas, PACK_LAYOUT, STATISTICS_FILE } from './schema.ts';
import { resolveLocalizedTexts } from './traditional.ts';

export interface ContentIssue {
  /** Path of the file relative to the pack folder. */
  file: string;
  /** Field path inside the file, e.g. `events[2].sites[0]`. */
  path: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(`content pack is invalid:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'ContentError';
  }
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}${issue.path ? ` › ${issue.path}` : ''}: ${issue.message}`;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

/** The raw files of a pack: relative path → parsed JSON (or a parse error). */
export type PackFiles = Map<string, unknown>;

export async function readPackFiles(dir: string): Promise<PackFiles> {
  const files: PackFiles = new Map();
  const readJson = async (rel: string) => {
    const text = await readFile(path.join(dir, rel), 'utf8');
    try {
      files.set(rel, JSON.parse(text));
    } catch (err) {
      files.set(rel, new JsonSyntaxError((err as Error).message));
    }
  };
  for (const spec of Object.values(PACK_LAYOUT)) {
    if ('dir' in spec) {
      let names: string[] = [];
      try {
        names = (await readdir(path.join(dir, spec.dir))).filter((n) => n.endsWith('.json')).sort();
      } catch {
        names = [];
      }
      for (const n of names) await readJson(`${spec.dir}/${n}`);
    } else {
      await readJson(spec.file).catch(() => undefined);
    }
  }
  await readJson(STATISTICS_FILE).catch(() => undefined);
  return files;
}

export class JsonSyntaxError {
  constructor(readonly message: string) {}
}

/** Validates the files of a pack and returns the resolved pack, or throws ContentError. */
export function parsePack(files: PackFiles): ContentPack {
  const issues: ContentIssue[] = [];
  const take = <S extends z.ZodTypeAny>(file: string, value: unknown, schema: S, prefix: (string | number)[] = []) => {
    const result = schema.safeParse(value);
    if (!result.success) {
      for (const i of result.error.issues) issues.push({ file, path: formatPath([...prefix, ...i.path]), message: i.message });
      return undefined;
    }
    return result.data as z.infer<S>;
  };
  const present = (file: string) => {
    if (!files.has(file)) {
      issues.push({ file, path: '', message: 'file is missing' });
      return false;
    }
    const v = files.get(file);
    if (v instanceof JsonSyntaxError) {
      issues.push({ file, path: '', message: `not valid JSON: ${v.message}` });
      return false;
    }
    return true;
  };

  const pack: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(PACK_LAYOUT)) {
    const out: unknown[] = [];
    if ('dir' in spec) {
      const entries = [...files.keys()].filter((f) => f.startsWith(`${spec.dir}/`));
      if (entries.length === 0 && !('optional' in spec)) issues.push({ file: `${spec.dir}/`, path: '', message: 'no files in this folder' });
      for (const file of entries) {
        if (!present(file)) continue;
        const item = take(file, files.get(file), spec.schema);
        if (!item) continue;
        const expected = `${spec.dir}/${(item as { id: string }).id}.json`;
        if (expected !== file) issues.push({ file, path: 'id', message: `the file must be named after its id (${expected})` });
        out.push(item);
      }
    } else if (present(spec.file)) {
      const value = files.get(spec.file);
      if (!Array.isArray(value)) issues.push({ file: spec.file, path: '', message: 'expected a JSON array' });
      else
        value.forEach((v, i) => {
          const item = take(spec.file, v, spec.schema, [i]);
          if (item) out.push(item);
        });
    }
    pack[key] = out;
  }
  if (present(STATISTICS_FILE)) pack.statistics = take(STATISTICS_FILE, files.get(STATISTICS_FILE), FileSchemas.Statistics);

  if (issues.length) throw new ContentError(issues);
  const resolved = resolveLocalizedTexts(pack) as unknown as ContentPack;
  const refIssues = checkReferences(resolved);
  if (refIssues.length) throw new ContentError(refIssues);
  sortPack(resolved);
  return resolved;
}

function sortPack(pack: ContentPack) {
  pack.eras.sort((a, b) => a.order - b.order);
  for (const e of pack.eras) e.events.sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
  pack.routes.sort((a, b) => a.order - b.order);
  pack.projects.sort((a, b) => a.number - b.number);
  pack.sites.sort((a, b) => a.id.localeCompare(b.id));
  pack.museums.sort((a, b) => a.id.localeCompare(b.id));
}

export const DEFAULT_PACK_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'pack');

export async function loadPack(dir = DEFAULT_PACK_DIR): Promise<ContentPack> {
  return parsePack(await readPackFiles(dir));
}
