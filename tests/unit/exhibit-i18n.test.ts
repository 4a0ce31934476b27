/** The exhibit's language detection and UI strings (pure parts; the browser side is in tests/e2e). */
import { describe, expect, it } from 'vitest';
import { detectLanguage, matchLanguage } from '../../exhibit/i18n/detect.ts';
import en from '../../exhibit/i18n/locales/en.json';
import zhHans from '../../exhibit/i18n/locales/zh-Hans.json';
import zhHant from '../../exhibit/i18n/locales/zh-Hant.json';

describe('matchLanguage', () => {
  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh_TW', 'zh-Hant'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['fr-FR', undefined],
    ['', undefined],
  ])('%s → %s', (tag, expected) => expect(matchLanguage(tag)).toBe(expected));
});

describe('detectLanguage', () => {
  const none = { search: '', saved: null, languages: [] };
  it('prefers ?lang=, then the saved choice, then the browser, then zh-Hans', () => {
    expect(detectLanguage({ search: '?lang=en', saved: 'zh-Hant', languages: ['zh-CN'] })).toBe('en');
    expect(detectLanguage({ search: '', saved: 'zh-Hant', languages: ['en-US'] })).toBe('zh-Hant');
    expect(detectLanguage({ search: '', saved: null, languages: ['fr-FR', 'zh-HK', 'en'] })).toBe('zh-Hant');
    expect(detectLanguage(none)).toBe('zh-Hans');
  });
  it('ignores unknown values', () => {
    expect(detectLanguage({ search: '?lang=klingon', saved: 'xx', languages: ['de'] })).toBe('zh-Hans');
  });
});

describe('UI strings', () => {
  // Plural forms differ by language (English has _one, Chinese only _other): compare base keys.
  const keys = (node: unknown, prefix = ''): string[] =>
    Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`],
    );
  const unique = (node: unknown) => [...new Set(keys(node))].sort();

  it('all three languages have the same strings', () => {
    expect(unique(zhHans)).toEqual(unique(en));
    expect(unique(zhHant)).toEqual(unique(en));
  });
  it('no string is empty', () => {
    const leaves = (node: unknown): unknown[] =>
      Object.values(node as Record<string, unknown>).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [v]));
    for (const file of [en, zhHans, zhHant]) expect(leaves(file).filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });
});
