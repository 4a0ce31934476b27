/**
 * A content pack as one download: a zip of the same files as content/pack/ (fflate), or a JSON
 * bundle `{ "format": "museum-content-pack", "files": { "sites/erchang.json": {…} } }`. Reading a
 * zip is defensive: entry count and unpacked size are capped before anything is inflated, names
 * with `..`, absolute paths or backslashes are refused, and files that are not JSON (README.md,
 * IDS.md, __MACOSX/…) are skipped.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ContentError, type ContentIssue } from '../../content/load.ts';
import { collections, filesFromTexts, filesToObject, fileText, type PackFiles } from './files.ts';

export const BUNDLE_FORMAT = 'museum-content-pack';
export const IMPORT_LIMITS = { entries: 2000, unpackedBytes: 32 * 1024 * 1024 } as const;

export function packToZip(files: PackFiles, mtime: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const [file, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) entries[file] = [strToU8(fileText(content)), { mtime }];
  return zipSync(entries, { level: 6 });
}

export function packToJsonBundle(files: PackFiles, meta: Record<string, unknown>): string {
  return `${JSON.stringify({ format: BUNDLE_FORMAT, ...meta, files: filesToObject(files) }, null, 2)}\n`;
}

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function badName(name: string): string | undefined {
  if (name.includes('\\')) return 'backslashes are not allowed in names';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute paths are not allowed';
  if (name.split('/').some((s) => s === '..' || s === '.')) return '".." and "." are not allowed in paths';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f]/.test(name)) return 'control characters are not allowed in names';
  return undefined;
}

/** Skipped quietly: documentation, editor and OS leftovers. */
const skipped = (name: string) =>
  name.endsWith('/') ||
  !name.endsWith('.json') ||
  name.startsWith('__MACOSX/') ||
  name.split('/').some((s) => s.startsWith('.')) ||
  name.startsWith('json-schema/');

/**
 * A zip made by zipping the pack's folder has every file under one top folder (`pack/sites/…`):
 * strip it, unless it is itself one of the pack's folders.
 */
function stripTopFolder(names: string[]): (name: string) => string {
  if (names.length === 0 || names.some((n) => !n.includes('/'))) return (n) => n;
  const top = names[0].slice(0, names[0].indexOf('/') + 1);
  const layoutDirs = new Set(
    collections()
      .filter((c) => c.kind === 'dir')
      .map((c) => `${c.location}/`),
  );
  if (layoutDirs.has(top) || !names.every((n) => n.startsWith(top))) return (n) => n;
  return (n) => n.slice(top.length);
}

function readZip(bytes: Uint8Array): PackFiles {
  const issues: ContentIssue[] = [];
  let count = 0;
  let total = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (f) => {
        count++;
        // Named first: a traversal name is refused loudly, never skipped as a "dot file".
        const bad = badName(f.name);
        if (bad) {
          issues.push({ file: f.name, path: '', message: bad });
          return false;
        }
        if (skipped(f.name)) return false;
        total += f.originalSize;
        return count <= IMPORT_LIMITS.entries && total <= IMPORT_LIMITS.unpackedBytes;
      },
    });
  } catch (err) {
    throw new ContentError([{ file: '', path: '', message: `not a readable zip file: ${(err as Error).message}` }]);
  }
  if (count > IMPORT_LIMITS.entries) issues.push({ file: '', path: '', message: `a zip may hold at most ${IMPORT_LIMITS.entries} entries` });
  if (total > IMPORT_LIMITS.unpackedBytes)
    issues.push({ file: '', path: '', message: `the zip unpacks to more than ${IMPORT_LIMITS.unpackedBytes / 1024 / 1024} MiB` });
  if (issues.length) throw new ContentError(issues);
  const names = Object.keys(unzipped);
  const strip = stripTopFolder(names);
  const texts = new Map<string, string>();
  for (const name of names) {
    const data = unzipped[name];
    // The header's size could lie; the inflated bytes can't.
    total += data.length;
    if (total > 2 * IMPORT_LIMITS.unpackedBytes) throw new ContentError([{ file: name, path: '', message: 'the zip unpacks to too much data' }]);
    texts.set(strip(name), strFromU8(data));
  }
  return filesFromTexts(texts);
}

function readJsonBundle(text: string): PackFiles {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ContentError([{ file: '', path: '', message: `not valid JSON: ${(err as Error).message}` }]);
  }
  const files = (parsed as { files?: unknown } | null)?.files;
  if (!files || typeof files !== 'object' || Array.isArray(files))
    throw new ContentError([{ file: '', path: 'files', message: `expected { "format": "${BUNDLE_FORMAT}", "files": { "<path>": <json>, … } }` }]);
  const issues: ContentIssue[] = [];
  const out: PackFiles = new Map();
  for (const [name, content] of Object.entries(files)) {
    const bad = badName(name);
    if (bad) issues.push({ file: name, path: '', message: bad });
    else out.set(name, content);
  }
  if (issues.length) throw new ContentError(issues);
  return out;
}

/** An uploaded pack (zip or JSON bundle) as files; throws ContentError naming what is wrong. */
export function readBundle(bytes: Uint8Array): PackFiles {
  if (isZip(bytes)) return readZip(bytes);
  return readJsonBundle(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
}
