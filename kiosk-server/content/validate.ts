/**
 * Everything a pack must pass before it becomes a version (or a draft): the layout (no unknown
 * files), size budgets, the schemas and cross-references (`parsePack`, the same check as
 * `npm run content:check`: three languages, alt text on every image, captions on audio and
 * video…), and that every uploaded file a pack points at exists and is of the right kind. Every
 * problem names the file and the field.
 */
import { ContentError, type ContentIssue, formatPath, JsonSyntaxError, parsePack } from '../../content/load.ts';
import type { ContentPack } from '../../content/schema.ts';
import { problem } from '../http/problem.ts';
import { collectionOf, type PackFiles } from './files.ts';

/** Size budgets: a pack must stay small enough for kiosks to load it over a slow museum network. */
export const BUDGETS = {
  /** One file, as two-space JSON. */
  fileBytes: 512 * 1024,
  /** The whole pack. */
  packBytes: 8 * 1024 * 1024,
  /** One text (any language). */
  textChars: 20_000,
  /** Files in a pack. */
  files: 2000,
} as const;

/** What kind of upload a /media/ hash is, or undefined when there is no such upload. */
export type MediaKindLookup = (hash: string) => 'image' | 'audio' | 'captions' | undefined;

const UPLOAD_SRC = /^\/media\/([0-9a-f]{64})\.([a-z0-9]{2,4})$/;

function walk(value: unknown, path: (string | number)[], visit: (value: unknown, path: (string | number)[]) => void) {
  visit(value, path);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) walk(v, [...path, i], visit);
  } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k], visit);
}

/** Layout, budgets and media references; the schema checks come after (see validatePack). */
function precheck(files: PackFiles, mediaKind?: MediaKindLookup): ContentIssue[] {
  const issues: ContentIssue[] = [];
  if (files.size > BUDGETS.files) issues.push({ file: '', path: '', message: `a pack may have at most ${BUDGETS.files} files` });
  let total = 0;
  for (const [file, content] of files) {
    if (!collectionOf(file)) {
      issues.push({ file, path: '', message: 'not a file of the content pack layout (see content/pack/)' });
      continue;
    }
    if (content instanceof JsonSyntaxError) continue; // parsePack names it
    const bytes = Buffer.byteLength(JSON.stringify(content, null, 2));
    total += bytes;
    if (bytes > BUDGETS.fileBytes)
      issues.push({ file, path: '', message: `${Math.ceil(bytes / 1024)} KiB is over the budget of ${BUDGETS.fileBytes / 1024} KiB per file` });
    walk(content, [], (v, path) => {
      if (typeof v !== 'string') return;
      if (v.length > BUDGETS.textChars)
        issues.push({ file, path: formatPath(path), message: `${v.length} characters is over the budget of ${BUDGETS.textChars} per text` });
      const m = UPLOAD_SRC.exec(v);
      if (m && mediaKind) {
        const kind = mediaKind(m[1]);
        const field = formatPath(path);
        if (!kind) issues.push({ file, path: field, message: `no uploaded file ${v}: upload it in the media library first` });
        else {
          // The field says what the file must be: captions are WebVTT, media follow their `kind`.
          const parent = path.length >= 1 ? getAt(content, path.slice(0, -1)) : undefined;
          const last = path[path.length - 1];
          const wanted = path.includes('captions')
            ? 'captions'
            : last === 'src' && parent && typeof parent === 'object'
              ? (parent as { kind?: unknown }).kind
              : undefined;
          if ((wanted === 'image' || wanted === 'audio' || wanted === 'captions') && wanted !== kind)
            issues.push({
              file,
              path: field,
              message: `${v} is ${kind === 'captions' ? 'a captions file' : `an ${kind} file`}, not ${wanted === 'captions' ? 'captions' : `an ${wanted}`}`,
            });
        }
      }
    });
  }
  if (total > BUDGETS.packBytes)
    issues.push({
      file: '',
      path: '',
      message: `the pack is ${(total / 1024 / 1024).toFixed(1)} MiB, over the budget of ${BUDGETS.packBytes / 1024 / 1024} MiB`,
    });
  return issues;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
  return v;
}

/**
 * Validates a whole pack and returns it resolved (zh-Hant filled in), or throws ContentError
 * with every problem found.
 */
export function validatePack(files: PackFiles, mediaKind?: MediaKindLookup): ContentPack {
  const issues = precheck(files, mediaKind);
  const known = new Map([...files].filter(([file]) => collectionOf(file)));
  try {
    const pack = parsePack(known);
    if (issues.length) throw new ContentError(issues);
    return pack;
  } catch (err) {
    if (err instanceof ContentError && issues.length && err.issues !== issues) throw new ContentError([...issues, ...err.issues]);
    throw err;
  }
}

/** `sites/erchang.json › name.en` (the file alone when the problem is the whole file). */
export const issuePath = (i: ContentIssue) => (i.path ? `${i.file} › ${i.path}` : i.file || 'pack');

/** A ContentError as 422 problem+json, each error naming the file and field. */
export function contentProblem(err: ContentError, title = 'The content has problems') {
  const errors = err.issues.map((i) => ({ path: issuePath(i), message: i.message, file: i.file, field: i.path }));
  const n = errors.length;
  return problem(
    422,
    'content-invalid',
    title,
    `${n} problem${n === 1 ? '' : 's'}: ${errors
      .slice(0, 3)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ')}${n > 3 ? '; …' : ''}`,
    {
      errors,
    },
  );
}
