/**
 * Helpers for the exhibit views' specs (timeline, map, routes, site pages): their UI strings, read
 * from each feature's own locale files, and the checks every view shares (axe, touch targets,
 * text alternatives of SVGs and canvases).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, type Language } from './fixtures.ts';

const cache = new Map<string, Record<string, unknown>>();

/** A feature's UI string as the app shows it, with {{vars}} filled in and plurals chosen. */
export function featureString(feature: string, lang: Language, key: string, vars: Record<string, string | number> = {}): string {
  const file = path.join(import.meta.dirname, `../../exhibit/${feature}/locales/${lang}.json`);
  let strings = cache.get(file);
  if (!strings) {
    strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    cache.set(file, strings);
  }
  const lookup = (k: string) => k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  let value = lookup(key);
  if (value === undefined && typeof vars.count === 'number') {
    const form = new Intl.PluralRules(lang).select(vars.count);
    value = lookup(`${key}_${form}`) ?? lookup(`${key}_other`);
  }
  if (typeof value !== 'string') throw new Error(`no string ${feature}:${key} in ${lang}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Every visible control matched is at least 44 × 44 CSS px. */
export async function expectTouchTargets(controls: Locator) {
  const sizes = await controls.evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40)}`,
          w: Math.round(r.width),
          h: Math.round(r.height),
        };
      }),
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(sizes.filter((s) => s.w < 44 || s.h < 44)).toEqual([]);
}

/** Every SVG and canvas in main is either hidden from assistive tech or has a name. */
export async function expectGraphicsHaveTextAlternatives(page: Page) {
  const unnamed = await page.locator('main svg, main canvas').evaluateAll((els) =>
    els
      .filter((el) => el.getAttribute('aria-hidden') !== 'true' && !el.closest('[aria-hidden="true"]'))
      .filter((el) => {
        const labelled = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
          .join('');
        const named = labelled || el.getAttribute('aria-label')?.trim() || el.querySelector(':scope > title')?.textContent?.trim();
        return !(el.getAttribute('role') === 'img' && named);
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
}
