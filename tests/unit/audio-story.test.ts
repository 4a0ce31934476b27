/**
 * The story+audio features' UI strings (complete in all three languages) and the money formats of
 * the transformation story (万元 from the annex shown as 亿元 / million yuan).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMoney, moneyParts, toChartUnit } from '../../exhibit/transformation/data.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LANGS = ['zh-Hans', 'zh-Hant', 'en'] as const;

// Plural forms differ by language (English has _one, Chinese only _other): compare base keys.
const keys = (node: unknown, prefix = ''): string[] =>
  Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
  );
const leaves = (node: unknown): unknown[] =>
  Object.values(node as Record<string, unknown>).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [v]));

describe.each(['exhibit/audio/locales', 'exhibit/transformation/locales', 'exhibit/transformation/locales/nav'])('%s', (dir) => {
  const files = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(path.join(ROOT, dir, `${l}.json`), 'utf8'))]));
  it('has the same strings in all three languages, none empty', () => {
    const en = [...new Set(keys(files.en))].sort();
    for (const lang of LANGS) {
      expect([...new Set(keys(files[lang]))].sort(), lang).toEqual(en);
      expect(leaves(files[lang]).filter((v) => typeof v !== 'string' || !v.trim())).toEqual([]);
    }
  });
  it('writes Traditional Chinese in Traditional characters', () => {
    const hant = leaves(files['zh-Hant']).join('');
    for (const simplified of ['这', '个', '为', '时', '图', '数', '项', '资', '讲', '载']) expect(hant).not.toContain(simplified);
  });
});

describe('money', () => {
  it('shows 万元 as 亿元 in Chinese and million yuan in English', () => {
    expect(formatMoney(110_000, 'zh-Hans')).toBe('11亿元');
    expect(formatMoney(15_517.45, 'zh-Hans')).toBe('1.55亿元');
    expect(formatMoney(8000, 'zh-Hans')).toBe('8,000万元');
    expect(formatMoney(8000, 'zh-Hant')).toBe('8,000萬元');
    expect(formatMoney(630_000, 'zh-Hant')).toBe('63億元');
    expect(formatMoney(110_000, 'en')).toBe('1,100 million yuan');
    expect(formatMoney(2451.8, 'en')).toBe('24.52 million yuan');
  });
  it('splits an amount for large display', () => {
    expect(moneyParts(3_387_890.25, 'zh-Hans')).toEqual({ number: '338.79', unit: '亿元' });
    expect(moneyParts(3_387_890.25, 'en')).toEqual({ number: '33,878.9', unit: 'million yuan' });
  });
  it('converts to the chart unit, to the cent of the unit', () => {
    expect(toChartUnit(15_517.45, 'zh-Hans')).toBe(1.55);
    expect(toChartUnit(15_517.45, 'en')).toBe(155.17);
  });
});
