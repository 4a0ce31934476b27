/**
 * `npm run fonts`: self-hosted, subset faces for the museum, from Debian's fonts-noto-cjk
 * (Noto Sans CJK SC and TC, Regular and Bold; SIL Open Font License 1.1), cut with fontTools'
 * subsetter (Debian's python3-fonttools + python3-brotli) to the characters the museum shows:
 * every UI string in exhibit/ (all features' locale files) and every Chinese text in the content
 * pack (Simplified and Traditional). Writes woff2 files to assets/fonts/ and the @font-face rules
 * into exhibit/styles.css between the `fonts:begin` / `fonts:end` markers.
 *
 * Three subsets per weight, so no one pays for glyphs they don't see:
 * - latin: Latin letters (with pinyin tone marks), digits and punctuation, shared by all languages;
 * - core: the few CJK characters shown on every page, English ones included (the language switcher's
 *   "简体中文" / "繁體中文"), so an English page never downloads the full CJK face;
 * - cjk: every other CJK character used, one file per face (SC for zh-Hans, TC for zh-Hant).
 *
 * Text added later (a curator's new content) that uses a character outside the subset falls back to
 * the system's font for that character until this script runs again.
 *
 *   apt-get install fonts-noto-cjk python3-fonttools python3-brotli
 *   npm run fonts
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadPack } from '../../content/load.ts';
import { LANGUAGE_NAMES } from '../../exhibit/i18n/detect.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'assets/fonts');
const STYLES = path.join(ROOT, 'exhibit/styles.css');
const SOURCES = { 400: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 700: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc' } as const;
/** Face index inside Debian's .ttc collections: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK. */
const FACE_INDEX = { sc: 2, tc: 3 } as const;
const COPYRIGHT_FILE = '/usr/share/doc/fonts-noto-cjk/copyright';

/** Code points that count as CJK (and go to the core/cjk subsets). */
const CJK_RANGES: [number, number][] = [
  [0x2e80, 0x2fdf], // radicals
  [0x3000, 0x303f], // CJK symbols and punctuation
  [0x3100, 0x312f], // bopomofo
  [0x3200, 0x33ff], // enclosed CJK, compatibility
  [0x3400, 0x4dbf], // extension A
  [0x4e00, 0x9fff], // unified ideographs
  [0xf900, 0xfaff], // compatibility ideographs
  [0xfe30, 0xfe4f], // vertical / compatibility forms
  [0xff00, 0xffef], // full-width forms
  [0x20000, 0x2ffff], // extensions B–F
];
/** The Latin subset: ASCII, Latin-1, Latin Extended-A, pinyin's ǎ ǐ ǒ ǔ ǖ…, general punctuation, €, ™, −. */
const LATIN_RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x1cd, 0x1dc],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

const inRanges = (cp: number, ranges: [number, number][]) => ranges.some(([a, b]) => cp >= a && cp <= b);
const hex = (cp: number) => cp.toString(16).toUpperCase();

/** Compact CSS unicode-range for a set of code points ("U+4E00-4E02, U+4E05"). */
export function unicodeRange(codePoints: Iterable<number>): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Every CJK range minus the given code points, as unicode-range ranges. */
function cjkRangesWithout(excluded: Set<number>): string {
  const parts: string[] = [];
  for (const [a, b] of CJK_RANGES) {
    let start = a;
    for (const cp of [...excluded].filter((c) => c >= a && c <= b).sort((x, y) => x - y)) {
      if (cp > start) parts.push(cp - 1 > start ? `U+${hex(start)}-${hex(cp - 1)}` : `U+${hex(start)}`);
      start = cp + 1;
    }
    if (start <= b) parts.push(start < b ? `U+${hex(start)}-${hex(b)}` : `U+${hex(start)}`);
  }
  return parts.join(', ');
}

function collectStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, out);
}

function localeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...localeFiles(p));
    else if (entry.name.endsWith('.json') && path.basename(dir) === 'locales') found.push(p);
  }
  return found;
}

async function collectText(): Promise<string> {
  const strings: string[] = [];
  collectStrings(await loadPack(), strings);
  for (const file of localeFiles(path.join(ROOT, 'exhibit'))) collectStrings(JSON.parse(await readFile(file, 'utf8')), strings);
  strings.push(await readFile(path.join(ROOT, 'exhibit/index.html'), 'utf8'));
  strings.push(...Object.values(LANGUAGE_NAMES));
  return strings.join('\n');
}

async function subsetter(): Promise<{ cmd: string; prefix: string[] }> {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      await run(python, ['-c', 'import fontTools.subset, brotli']);
      return { cmd: python, prefix: ['-m', 'fontTools.subset'] };
    } catch {
      // try the next one
    }
  }
  throw new Error('fontTools with brotli is needed: apt-get install python3-fonttools python3-brotli');
}

async function main() {
  for (const src of Object.values(SOURCES)) {
    if (!existsSync(src)) throw new Error(`${src} is missing: apt-get install fonts-noto-cjk`);
  }
  const tool = await subsetter();
  const text = await collectText();
  const used = new Set([...text].map((c) => c.codePointAt(0)!));
  const core = new Set([...LANGUAGE_NAMES['zh-Hans'], ...LANGUAGE_NAMES['zh-Hant']].map((c) => c.codePointAt(0)!));
  const cjk = new Set([...used].filter((cp) => inRanges(cp, CJK_RANGES) && !core.has(cp)));
  const latin: number[] = [];
  for (const [a, b] of LATIN_RANGES) for (let cp = a; cp <= b; cp++) latin.push(cp);

  const tmp = await mkdtemp(path.join(tmpdir(), 'fonts-'));
  const made: { file: string; bytes: number; glyphs: number }[] = [];
  const cut = async (name: string, source: string, faceIndex: number, codePoints: Iterable<number>) => {
    const list = path.join(tmp, `${name}.txt`);
    const cps = [...codePoints];
    await writeFile(list, cps.map((cp) => `U+${hex(cp)}`).join('\n'));
    const file = path.join(OUT, `${name}.woff2`);
    await run(tool.cmd, [
      ...tool.prefix,
      source,
      `--font-number=${faceIndex}`,
      `--unicodes-file=${list}`,
      '--flavor=woff2',
      `--output-file=${file}`,
      // Screens render CJK well without hints; desubroutinized CFF compresses better in woff2. No
      // locl (faces are chosen by :lang()) nor vertical forms: they would double the glyph count.
      '--no-hinting',
      '--desubroutinize',
      '--layout-features=kern,liga,ccmp,palt',
      '--name-IDs=0,1,2,3,4,5,6,13,14',
      '--name-languages=*',
    ]);
    made.push({ file: path.relative(ROOT, file), bytes: (await stat(file)).size, glyphs: cps.length });
  };

  for (const [weight, source] of Object.entries(SOURCES)) {
    await cut(`noto-sans-latin-${weight}`, source, FACE_INDEX.sc, latin);
    for (const [face, index] of Object.entries(FACE_INDEX)) {
      await cut(`noto-sans-${face}-core-${weight}`, source, index, core);
      await cut(`noto-sans-${face}-${weight}`, source, index, cjk);
    }
  }
  await rm(tmp, { recursive: true, force: true });

  // The licence travels with the files: the OFL text from Debian's copyright file.
  const copyright = await readFile(COPYRIGHT_FILE, 'utf8');
  // The stand-alone "License: SIL-1.1" paragraph: its text is the indented lines that follow.
  const paragraph = copyright.split(/\n\s*\n/).find((p) => /^License: SIL-1\.1\n /.test(p));
  const ofl = paragraph
    ?.split('\n')
    .slice(1)
    .map((l) => (l === ' .' ? '' : l.slice(1)))
    .join('\n');
  if (!ofl?.includes('SIL OPEN FONT LICENSE Version 1.1')) throw new Error(`no OFL text found in ${COPYRIGHT_FILE}`);
  const { stdout: version } = await run('dpkg-query', ['-W', `-f=${'$'}{Version}`, 'fonts-noto-cjk']).catch(() => ({ stdout: 'unknown' }));
  await writeFile(
    path.join(OUT, 'OFL.txt'),
    `Noto Sans CJK SC / TC — Copyright © 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\nSubset from Debian's fonts-noto-cjk ${version} by scripts/fonts/subset.ts. Licensed under the SIL Open Font License, Version 1.1:\n\n${ofl}\n`,
  );

  // @font-face rules, written into the stylesheet between markers.
  const face = (family: string, file: string, weight: string, range: string) =>
    `@font-face {\n  font-family: "${family}";\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: swap;\n  src: url("/assets/fonts/${file}.woff2") format("woff2");\n  unicode-range: ${range};\n}`;
  const coreRange = unicodeRange(core);
  const cjkRange = cjkRangesWithout(core);
  const rules: string[] = [];
  for (const weight of Object.keys(SOURCES)) {
    rules.push(face('Museum Sans', `noto-sans-latin-${weight}`, weight, unicodeRange(latin)));
    for (const f of Object.keys(FACE_INDEX)) {
      const family = `Museum Sans ${f.toUpperCase()}`;
      rules.push(face(family, `noto-sans-${f}-core-${weight}`, weight, coreRange));
      rules.push(face(family, `noto-sans-${f}-${weight}`, weight, cjkRange));
    }
  }
  const css = await readFile(STYLES, 'utf8');
  const begin = '/* fonts:begin — written by `npm run fonts` (scripts/fonts/subset.ts); do not edit by hand */';
  const end = '/* fonts:end */';
  const block = `${begin}\n${rules.join('\n\n')}\n${end}`;
  const at = css.indexOf('/* fonts:begin');
  const stop = css.indexOf(end);
  const next = at >= 0 && stop > at ? css.slice(0, at) + block + css.slice(stop + end.length) : `${block}\n\n${css}`;
  await writeFile(STYLES, next);
  await run(path.join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', STYLES]);

  const total = made.reduce((s, m) => s + m.bytes, 0);
  for (const m of made) console.log(`${m.file}: ${(m.bytes / 1024).toFixed(1)} KiB (${m.glyphs} characters)`);
  console.log(`fonts: ${made.length} files, ${(total / 1024).toFixed(0)} KiB in all; ${cjk.size + core.size} CJK characters`);
}

await main();
