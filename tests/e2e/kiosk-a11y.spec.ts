/**
 * Every view in kiosk mode, checked automatically: axe (WCAG 2.2 AA tags), every interactive
 * element at least the kiosk's minimum target (max(44 px, 20 mm) on the configured screen), <html
 * lang> matching the language, no raw translation key on screen, a text alternative for every
 * canvas and SVG, nothing said only in a hover tooltip, and no sideways scrolling — in landscape and portrait, and with the visitor's
 * accessibility options on.
 *
 * The views are the app's own: whatever the main navigation links to, plus a detail page of each
 * kind, so views added by other features are checked too.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { contentLoaded, expect, fetchContent, LANGUAGES, type Language, test, uiString } from './fixtures.ts';
import { kioskString, mockConfig, TEST_KIOSK } from './kiosk-support.ts';

test.use({ hasTouch: true, locale: 'zh-CN', serviceWorkers: 'block' });
test.describe.configure({ timeout: 240_000 });

/** A 21.5" 1080p screen: 20 mm is 81 CSS px, well above 44. */
const SCREEN = { diagonalInches: 21.5, widthPx: 1920, heightPx: 1080 };
const MIN_TARGET = 81;
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

/** A kiosk whose configuration a test changes between loads (start exhibit, language). */
async function configurableKiosk(page: Page) {
  let config = mockConfig({ screen: SCREEN, idleTimeoutSeconds: 600 });
  await page.addInitScript((kioskId) => localStorage.setItem('museum.kiosk.device', JSON.stringify({ kioskId, token: 'mdt_test-token' })), TEST_KIOSK);
  await page.route('**/api/kiosks/me/config', (route) => route.fulfill({ json: config }));
  await page.route('**/api/kiosks/heartbeat', (route) =>
    route.fulfill({
      json: { serverTime: new Date().toISOString(), heartbeatIntervalSeconds: 30, configVersion: config.configVersion, contentVersion: 1, storedEvents: 0 },
    }),
  );
  return {
    /** Boots the kiosk on `path` in `language` and starts a visit there. */
    async open(path: string, language: Language) {
      config = mockConfig({
        screen: SCREEN,
        idleTimeoutSeconds: 600,
        defaultLanguage: language,
        startExhibit: { path, source: 'kiosk', until: null },
        configVersion: `${path}|${language}`,
      });
      await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
      await expect(page.getByTestId('attract')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await page.getByTestId('attract-start').tap();
      await expect(page.getByTestId('kiosk-controls')).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${path.replace(/[/]/g, '\\/')}(\\?|$)`));
      await contentLoaded(page);
    },
  };
}

/** The visitor views: the main navigation's destinations and one detail page of each kind. */
async function visitorViews(page: Page, request: APIRequestContext, kiosk: Awaited<ReturnType<typeof configurableKiosk>>): Promise<string[]> {
  await kiosk.open('/', 'zh-Hans');
  const nav = page.getByRole('navigation', { name: uiString('zh-Hans', 'nav.label') });
  const paths = await nav.getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const eras = await fetchContent(request, 'eras', 'zh-Hans');
  const sites = await fetchContent(request, 'sites', 'zh-Hans', { flagship: 'true' });
  const details = [`/eras/${eras.data[0].id}`, `/sites/${sites.data[0].id}`];
  const routes = await request.get('/api/content/routes?lang=zh-Hans');
  if (routes.ok()) {
    const first = ((await routes.json()) as { data: { id: string }[] }).data[0];
    if (first) details.push(`/routes/${first.id}`);
  }
  return [...new Set([...paths, ...details])];
}

interface Findings {
  small: string[];
  rawKeys: string[];
  unlabelledGraphics: string[];
  hoverOnly: string[];
  overflow: number;
}

/** The checks axe does not do. */
function inspect(page: Page, minTarget: number): Promise<Findings> {
  return page.evaluate((min) => {
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      return el.getClientRects().length > 0 && style.visibility !== 'hidden' && !el.closest('[inert], [aria-hidden="true"]');
    };
    const interactive = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, select, input:not([type="hidden"]), textarea, summary, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [role="slider"], [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(visible);
    const small = interactive
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      // Half a pixel of rounding is not a smaller target.
      .filter(({ r }) => r.width < min - 0.5 || r.height < min - 0.5)
      .map(
        ({ el, r }) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
      );

    const rawKeys: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      if (/^[a-z]+(\.[a-zA-Z]+)+$/.test(text) && n.parentElement && visible(n.parentElement)) rawKeys.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(attr)?.trim() ?? '';
        if (/^[a-z]+(\.[a-zA-Z]+)+$/.test(v)) rawKeys.push(`${attr}=${v}`);
      }
    }

    const named = (el: Element) =>
      !!(el.getAttribute('aria-label')?.trim() || el.getAttribute('aria-labelledby')?.trim() || el.getAttribute('aria-describedby')?.trim());
    const unlabelledGraphics = [
      ...[...document.querySelectorAll('canvas')].filter(
        (c) => !named(c) && !c.textContent?.trim() && !c.closest('[role="img"][aria-label], [role="img"][aria-labelledby], figure:has(figcaption)'),
      ),
      ...[...document.querySelectorAll('svg')].filter(
        (s) =>
          !s.parentElement?.closest('svg') && s.getAttribute('aria-hidden') !== 'true' && !named(s) && !s.querySelector(':scope > title')?.textContent?.trim(),
      ),
    ].map((el) => `${el.tagName.toLowerCase()} in ${el.parentElement?.className || el.parentElement?.tagName}`);

    // A touch screen has no hover: a tooltip (title) must not be the only place something is said.
    const hoverOnly = [...document.querySelectorAll<HTMLElement>('[title]')]
      .filter((el) => el.namespaceURI === 'http://www.w3.org/1999/xhtml' && visible(el))
      .filter((el) => {
        const title = el.getAttribute('title')?.trim() ?? '';
        const shown = `${el.textContent ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
        return title && !shown.includes(title);
      })
      .map((el) => `${el.tagName.toLowerCase()} title="${el.getAttribute('title')?.slice(0, 40)}"`);

    return { small, rawKeys, unlabelledGraphics, hoverOnly, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  }, minTarget);
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function expectClean(page: Page, label: string, language: Language, withAxe = true, minTarget = MIN_TARGET) {
  await expect(page.locator('html'), label).toHaveAttribute('lang', language);
  // Colours are checked once the attract slide has faded in (axe would see it half transparent).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => (a as CSSAnimation).animationName === 'attract-in')
        .map((a) => a.finished),
    ),
  );
  if (withAxe) expect(await axe(page), `axe: ${label}`).toEqual([]);
  const found = await inspect(page, minTarget);
  expect(found.small, `targets under ${minTarget}px: ${label}`).toEqual([]);
  expect(found.rawKeys, `raw translation keys: ${label}`).toEqual([]);
  // A 3D view labels its canvas once its scene has loaded: give it that moment (never longer).
  if (found.unlabelledGraphics.length) {
    await expect
      .poll(async () => (await inspect(page, minTarget)).unlabelledGraphics, { message: `canvas/svg without a text alternative: ${label}`, timeout: 10_000 })
      .toEqual([]);
  }
  expect(found.hoverOnly, `information only in a hover tooltip: ${label}`).toEqual([]);
  expect(found.overflow, `sideways scrolling: ${label}`).toBeLessThanOrEqual(0);
}

for (const language of LANGUAGES) {
  test(`every view in kiosk mode passes the checks (${language}, landscape and portrait)`, async ({ page, request }) => {
    await page.setViewportSize(LANDSCAPE);
    const kiosk = await configurableKiosk(page);
    const views = await visitorViews(page, request, kiosk);
    expect(views.length).toBeGreaterThanOrEqual(5);
    // axe is slow: every view in zh-Hans and en; zh-Hant gets the other checks (language, keys, sizes).
    const withAxe = language !== 'zh-Hant';
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await page.setViewportSize(viewport);
      const orientation = viewport === LANDSCAPE ? 'landscape' : 'portrait';
      for (const path of views) {
        await kiosk.open(path, language);
        await expectClean(page, `${path} ${language} ${orientation}`, language, withAxe && viewport === LANDSCAPE);
      }
    }
  });
}

test('the attract loop, the prompt, the menu and the options pass the checks', async ({ page }) => {
  await page.setViewportSize(LANDSCAPE);
  const kiosk = await configurableKiosk(page);
  // The attract loop in each language: a visit in that language, ended, comes back to it (the kiosk's language is that language).
  for (const language of LANGUAGES) {
    await kiosk.open('/', language);
    await page.getByRole('button', { name: kioskString(language, 'controls.end') }).tap();
    await expect(page.getByTestId('attract')).toBeVisible();
    await expectClean(page, `attract ${language}`, language);
    for (const viewport of [PORTRAIT, LANDSCAPE]) {
      await page.setViewportSize(viewport);
      await expectClean(page, `attract ${language} ${viewport.width}×${viewport.height}`, language, false);
    }
  }

  await kiosk.open('/sites', 'en');
  await page.getByRole('button', { name: kioskString('en', 'controls.accessibility') }).tap();
  await expect(page.getByTestId('a11y-menu')).toBeVisible();
  await expectClean(page, 'accessibility menu', 'en');
  for (const option of ['a11y.largeText', 'a11y.highContrast'] as const) {
    await page.getByRole('button', { name: kioskString('en', option), exact: true }).tap();
    await expectClean(page, `${option} on`, 'en');
  }
  await page.getByRole('button', { name: kioskString('en', 'a11y.close') }).tap();
  await page.getByRole('button', { name: kioskString('en', 'controls.reach') }).tap();
  await expectClean(page, 'large text + high contrast + reach', 'en');
  await page.setViewportSize(PORTRAIT);
  await expectClean(page, 'large text + high contrast + reach, portrait', 'en', false);
  // Reach mode brings every control into the lower part of the screen.
  const highest = await page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('header button, header a[href], .kiosk-controls button')]
        .filter((el) => el.getClientRects().length)
        .map((el) => el.getBoundingClientRect().top / window.innerHeight),
    ),
  );
  expect(highest, 'top of the highest control, as a share of the screen height').toBeGreaterThan(0.5);

  await page.setViewportSize(LANDSCAPE);
  await page.clock.install();
  await kiosk.open('/', 'zh-Hans');
  await page.clock.runFor(601_000);
  await expect(page.getByTestId('idle-prompt')).toBeVisible();
  await expectClean(page, 'still there? prompt', 'zh-Hans');
});

test('the set-up screen passes the checks', async ({ page }) => {
  await page.route('**/api/kiosks/me/config', (route) =>
    route.fulfill({ status: 401, contentType: 'application/problem+json', body: '{"title":"no","status":401}' }),
  );
  await page.setViewportSize(LANDSCAPE);
  await page.goto('/?mode=kiosk&kiosk=new-kiosk');
  await expect(page.getByTestId('kiosk-setup')).toBeVisible();
  await page.getByLabel(kioskString('zh-Hans', 'setup.token')).fill('mdt_wrong');
  await page.getByRole('button', { name: kioskString('zh-Hans', 'setup.save') }).tap();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  // No configuration yet: the built-in screen (32" 1080p), where 20 mm is 55 CSS px.
  await expectClean(page, 'set-up', 'zh-Hans', true, 55);
});
