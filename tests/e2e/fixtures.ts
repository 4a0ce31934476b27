/**
 * The `test` every e2e spec uses: the page refuses (and records) any request that leaves the
 * app's origin, and each test fails if there was one. Kiosks run on museum networks and mainland
 * visitors cannot reach many CDNs, so nothing may be fetched from elsewhere at run time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type APIRequestContext, test as base, expect, type Page } from '@playwright/test';
import type { ContentData, ContentEnvelope, ContentPath } from '../../exhibit/api/types.ts';

export { expect };

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const offOriginRequests: string[] = [];
    const origin = new URL(baseURL ?? `http://localhost:${process.env.E2E_PORT}`).origin;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.fallback();
      offOriginRequests.push(url);
      return route.abort('blockedbyclient');
    });
    await use(page);
    expect(offOriginRequests, 'requests that left the origin').toEqual([]);
  },
});

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The switcher's button labels: each language in itself. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

const localesDir = path.join(import.meta.dirname, '../../exhibit/i18n/locales');
const locales = new Map<Language, Record<string, unknown>>();

/** A UI string as the app shows it, read from the app's own locale files (so tests never drift). */
export function uiString(lang: Language, key: string): string {
  let strings = locales.get(lang);
  if (!strings) {
    strings = JSON.parse(readFileSync(path.join(localesDir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
    locales.set(lang, strings);
  }
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  if (typeof value !== 'string') throw new Error(`no UI string ${key} in ${lang}`);
  return value;
}

/** The content API's answer for a path in one language. */
export async function fetchContent<P extends ContentPath>(
  request: APIRequestContext,
  contentPath: P,
  lang: Language,
  params: Record<string, string> = {},
): Promise<ContentEnvelope<ContentData<P>>> {
  const res = await request.get(`/api/content/${contentPath}`, { params: { ...params, lang } });
  expect(res.status(), `GET /api/content/${contentPath}`).toBe(200);
  return (await res.json()) as ContentEnvelope<ContentData<P>>;
}

/** Waits until the page's own content has loaded (its h1 shows and nothing is loading). */
export async function contentLoaded(page: Page) {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('main .loading')).toHaveCount(0);
}

export async function switchLanguage(page: Page, lang: Language) {
  const button = page.getByRole('button', { name: LANGUAGE_NAMES[lang], exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
