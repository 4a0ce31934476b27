/**
 * Every feature's strings exist in all three languages: the same keys (plural forms aside, which
 * differ by language), no empty string. A key missing in one language would show raw on screen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const EXHIBIT = path.resolve(import.meta.dirname, '../../exhibit');
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [kk, vv] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(kk, vv);
  } else out.set(prefix, value);
  return out;
}

const folders = readdirSync(EXHIBIT, { recursive: true, withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name === 'locales')
  .map((d) => path.join(d.parentPath, d.name))
  .filter((dir) => readdirSync(dir).includes('en.json'));

describe('feature strings in three languages', () => {
  it('finds the feature locale folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
  });
  for (const dir of folders) {
    it(path.relative(EXHIBIT, dir), () => {
      const sets = LANGS.map((lang) => flatten(JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8'))));
      const keys = sets.map((s) => [...new Set([...s.keys()].map((k) => k.replace(PLURAL, '')))].sort());
      expect(keys[1], 'zh-Hant keys = zh-Hans keys').toEqual(keys[0]);
      expect(keys[2], 'en keys = zh-Hans keys').toEqual(keys[0]);
      for (const [i, s] of sets.entries()) {
        const empty = [...s].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
        expect(empty, `${LANGS[i]}: empty or non-text strings`).toEqual([]);
      }
    });
  }
});
