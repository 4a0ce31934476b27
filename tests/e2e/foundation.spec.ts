/**
 * The foundation of the exhibit: languages, eras, sites, filters, not-found and error states,
 * kiosk mode and accessibility, checked against what the content API says.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { contentLoaded, expect, fetchContent, LANGUAGE_NAMES, LANGUAGES, type Language, switchLanguage, test, uiString } from './fixtures.ts';

// A mainland browser by default; the detection tests below set their own.
test.use({ locale: 'zh-CN' });

const eraCardTitles = (page: Page) => page.getByTestId('era-cards').getByRole('heading');

test.describe('languages', () => {
  test('the switcher changes <html lang>, the UI and the content for each language', async ({ page, request }) => {
    await page.goto('/');
    await contentLoaded(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    for (const name of Object.values(LANGUAGE_NAMES)) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();

    for (const lang of ['en', 'zh-Hant', 'zh-Hans'] as const) {
      await switchLanguage(page, lang);
      for (const other of LANGUAGES.filter((l) => l !== lang)) {
        await expect(page.getByRole('button', { name: LANGUAGE_NAMES[other], exact: true })).toHaveAttribute('aria-pressed', 'false');
      }
      const eras = await fetchContent(request, 'eras', lang);
      await expect(eraCardTitles(page)).toHaveText(eras.data.map((e) => e.title));
      await expect(page.getByRole('navigation').getByRole('link', { name: uiString(lang, 'nav.eras') })).toBeVisible();
    }
  });

  test('?lang=zh-Hant deep link opens in Traditional Chinese', async ({ page, request }) => {
    await page.goto('/?lang=zh-Hant');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hant'] })).toHaveAttribute('aria-pressed', 'true');
    const eras = await fetchContent(request, 'eras', 'zh-Hant');
    await expect(eraCardTitles(page)).toHaveText(eras.data.map((e) => e.title));
  });

  test('the machine-conversion note shows exactly when zh-Hant content was converted', async ({ page, request }) => {
    await page.goto('/eras?lang=zh-Hant');
    await contentLoaded(page);
    const eras = await fetchContent(request, 'eras', 'zh-Hant');
    const note = page.getByTestId('machine-note');
    if (eras.machineConverted) await expect(note).toHaveText(uiString('zh-Hant', 'language.machineConverted'));
    else await expect(note).toHaveCount(0);
    await switchLanguage(page, 'en');
    await expect(eraCardTitles(page).first()).toBeVisible();
    await expect(note).toHaveCount(0);
  });

  test('a web visitor’s choice is remembered', async ({ page }) => {
    await page.goto('/');
    await switchLanguage(page, 'en');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('kiosk mode never remembers the language', async ({ page }) => {
    await page.goto('/?mode=kiosk');
    await expect(page.locator('html')).toHaveClass(/\bkiosk\b/);
    await contentLoaded(page);
    await switchLanguage(page, 'en');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.goto('/?mode=kiosk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');

    // Nor does a kiosk pick up a choice saved by a web visit on the same browser.
    await page.goto('/');
    await switchLanguage(page, 'en');
    await page.goto('/?mode=kiosk');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hans'] })).toHaveAttribute('aria-pressed', 'true');
  });

  for (const [locale, expected] of [
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['en-GB', 'en'],
    ['fr-FR', 'zh-Hans'],
  ] as const) {
    test.describe(() => {
      test.use({ locale });
      test(`a browser in ${locale} starts in ${expected}`, async ({ page }) => {
        await page.goto('/');
        await expect(page.locator('html')).toHaveAttribute('lang', expected);
      });
    });
  }
});

test.describe('eras', () => {
  test('an era page shows its key events in year order, matching the API', async ({ page, request }) => {
    const eras = await fetchContent(request, 'eras', 'zh-Hans');
    const first = eras.data[0];
    await page.goto('/eras');
    await expect(eraCardTitles(page)).toHaveText(eras.data.map((e) => e.title));
    await page.getByRole('link', { name: first.title }).click();
    await expect(page).toHaveURL(new RegExp(`/eras/${first.id}$`));

    for (const lang of ['zh-Hans', 'en'] as const) {
      if (lang !== 'zh-Hans') await switchLanguage(page, lang);
      const era = await fetchContent(request, `eras/${first.id}`, lang);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(era.data.title);
      const events = [...era.data.events].sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0));
      const items = page.getByTestId('era-events').locator(':scope > li');
      await expect(items.getByRole('heading')).toHaveText(events.map((e) => e.title));
      for (const [i, ev] of events.entries()) {
        const links = items.nth(i).getByRole('link');
        await expect(links).toHaveCount(ev.sites.length);
        for (const [j, s] of ev.sites.entries()) {
          await expect(links.nth(j)).toHaveText(s.name);
          await expect(links.nth(j)).toHaveAttribute('href', `/sites/${s.id}`);
        }
      }
    }
  });
});

test.describe('sites', () => {
  test('a site page shows the site in each language, as the API has it', async ({ page, request }) => {
    const flagships = await fetchContent(request, 'sites', 'en', { flagship: 'true' });
    const all = await fetchContent(request, 'sites', 'en');
    const site = flagships.data[0] ?? all.data[0];
    await page.goto(`/sites/${site.id}`);
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      if (lang !== 'zh-Hans') await switchLanguage(page, lang);
      const detail = (await fetchContent(request, `sites/${site.id}`, lang)).data;
      await expect(page.getByTestId('site-name')).toHaveText(detail.name);
      await expect(page.getByTestId('site-summary')).toHaveText(detail.summary);
      await expect(page.getByRole('heading', { name: uiString(lang, 'site.history') })).toBeVisible();
      // The site's own sources (a walkthrough on the page lists its scene's sources separately).
      await expect(page.locator('section[aria-labelledby="site-sources"] .sources > li')).toHaveCount(detail.provenance.length);
    }
    await expect(page.getByTestId('walkthrough')).toHaveCount(site.flagship ? 1 : 0);

    const ordinary = all.data.find((s) => !s.flagship);
    if (ordinary) {
      await page.goto(`/sites/${ordinary.id}`);
      await contentLoaded(page);
      await expect(page.getByTestId('walkthrough')).toHaveCount(0);
    }
  });

  test('filters by era and by cluster give exactly the API’s results, kept in the URL', async ({ page, request }) => {
    const lang: Language = 'zh-Hans';
    const eras = await fetchContent(request, 'eras', lang);
    const clusters = await fetchContent(request, 'clusters', lang);
    const names = (list: { name: string }[]) => list.map((s) => s.name);
    const results = page.getByTestId('site-cards').getByRole('heading');

    await page.goto('/sites');
    await contentLoaded(page);
    const all = await fetchContent(request, 'sites', lang);
    await expect(results).toHaveText(names(all.data));

    // By era
    const era = eras.data.find((e) => all.data.some((s) => s.eras.includes(e.id))) ?? eras.data[0];
    const byEra = await fetchContent(request, 'sites', lang, { era: era.id });
    await page.getByLabel(uiString(lang, 'filter.era')).selectOption(era.id);
    await expect(page).toHaveURL(new RegExp(`[?&]era=${era.id}`));
    await expect(results).toHaveText(names(byEra.data));
    await expect(page.getByTestId('result-count')).toContainText(String(byEra.data.length));

    // And by cluster, within that era
    const clusterId = byEra.data[0]?.cluster ?? clusters.data[0].id;
    const byBoth = await fetchContent(request, 'sites', lang, { era: era.id, cluster: clusterId });
    await page.getByLabel(uiString(lang, 'filter.cluster')).selectOption(clusterId);
    await expect(page).toHaveURL(new RegExp(`[?&]cluster=${clusterId}`));
    await expect(results).toHaveText(names(byBoth.data));

    // By cluster alone
    await page.getByLabel(uiString(lang, 'filter.era')).selectOption('');
    const byCluster = await fetchContent(request, 'sites', lang, { cluster: clusterId });
    await expect(page).not.toHaveURL(/[?&]era=/);
    await expect(results).toHaveText(names(byCluster.data));

    // The URL alone restores the filters
    await page.goto(`/sites?era=${era.id}&cluster=${clusterId}`);
    await expect(page.getByLabel(uiString(lang, 'filter.era'))).toHaveValue(era.id);
    await expect(page.getByLabel(uiString(lang, 'filter.cluster'))).toHaveValue(clusterId);
    await expect(results).toHaveText(names(byBoth.data));

    // Each result leads to its site
    if (byBoth.data[0]) {
      await page.getByRole('link', { name: byBoth.data[0].name }).first().click();
      await expect(page).toHaveURL(new RegExp(`/sites/${byBoth.data[0].id}$`));
      await expect(page.getByTestId('site-name')).toHaveText(byBoth.data[0].name);
    }

    await page.goto(`/sites?era=${era.id}`);
    await page.getByRole('button', { name: uiString(lang, 'sites.clear') }).click();
    await expect(page).not.toHaveURL(/[?&]era=/);
    await expect(results).toHaveText(names(all.data));
  });
});

test.describe('not found and errors', () => {
  test('an unknown site id shows the not-found message', async ({ page }) => {
    await page.goto('/sites/no-such-site');
    await expect(page.getByTestId('not-found')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiString('zh-Hans', 'status.notFoundTitle'));
    await expect(page.getByRole('link', { name: uiString('zh-Hans', 'status.backHome') })).toBeVisible();
  });

  test('unknown addresses and era ids show the not-found message', async ({ page }) => {
    for (const url of ['/no/such/page', '/eras/no-such-era']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiString('zh-Hans', 'status.notFoundTitle'));
    }
  });

  test('a failing API shows a clear error with a retry, not a blank page', async ({ page, request }) => {
    const site = (await fetchContent(request, 'sites', 'zh-Hans')).data[0];
    let fail = true;
    await page.route('**/api/content/sites/*', (route) =>
      fail
        ? route.fulfill({
            status: 500,
            contentType: 'application/problem+json',
            body: JSON.stringify({ type: '/problems/internal', title: 'Internal server error', status: 500 }),
          })
        : route.fallback(),
    );
    await page.goto(`/sites/${site.id}`);
    const error = page.getByTestId('error-message');
    await expect(error).toBeVisible();
    await expect(error.getByRole('heading')).toHaveText(uiString('zh-Hans', 'status.errorTitle'));
    fail = false;
    await error.getByRole('button', { name: uiString('zh-Hans', 'status.retry') }).click();
    await expect(page.getByTestId('site-name')).toHaveText(site.name);
  });

  test('an unreachable API shows the error too', async ({ page }) => {
    await page.route('**/api/content/eras?*', (route) => route.abort('connectionrefused'));
    await page.goto('/eras');
    await expect(page.getByTestId('error-message')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiString('zh-Hans', 'eras.title'));
  });
});

test.describe('accessibility', () => {
  const pages = async (request: Parameters<typeof fetchContent>[0]) => {
    const eras = await fetchContent(request, 'eras', 'zh-Hans');
    const sites = await fetchContent(request, 'sites', 'zh-Hans', { flagship: 'true' });
    const site = sites.data[0] ?? (await fetchContent(request, 'sites', 'zh-Hans')).data[0];
    return {
      home: '/',
      eras: '/eras',
      'era detail': `/eras/${eras.data[0].id}`,
      sites: '/sites',
      'site detail': `/sites/${site.id}`,
    };
  };

  test('axe finds no WCAG 2.2 AA violations on the main pages', async ({ page, request }) => {
    // Ten axe passes, one on a page with a 3D scene: slow on a busy 2-core machine.
    test.setTimeout(120_000);
    for (const lang of ['zh-Hans', 'en'] as const) {
      for (const [name, url] of Object.entries(await pages(request))) {
        await page.goto(`${url}?lang=${lang}`);
        await contentLoaded(page);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          `${name} (${lang})`,
        ).toEqual([]);
      }
    }
  });

  test('controls are at least 44px tall, and phones never scroll sideways', async ({ page, request }) => {
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [name, url] of Object.entries(await pages(request))) {
        await page.goto(url);
        await contentLoaded(page);
        const small = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('a, button, select, input')]
            .filter((el) => !el.classList.contains('skip-link') && el.getClientRects().length > 0)
            .map((el) => ({ el: `${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}"`, rect: el.getBoundingClientRect() }))
            .filter(({ rect }) => rect.height < 44 || rect.width < 24)
            .map(({ el, rect }) => `${el} ${Math.round(rect.width)}×${Math.round(rect.height)}`),
        );
        expect(small, `${name} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
      }
    }
  });

  test('landmarks and a single h1 on every page', async ({ page, request }) => {
    for (const [name, url] of Object.entries(await pages(request))) {
      await page.goto(url);
      await contentLoaded(page);
      await expect(page.getByRole('banner'), name).toHaveCount(1);
      await expect(page.getByRole('main'), name).toHaveCount(1);
      await expect(page.getByRole('contentinfo'), name).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: uiString('zh-Hans', 'nav.label') }), name).toHaveCount(1);
      await expect(page.locator('h1'), name).toHaveCount(1);
    }
  });
});

test.describe('performance', () => {
  test('the home page’s first screen loads at most 150 KB of JavaScript (gzip), no charts, maps, three.js, OpenCC or console', async ({ page }) => {
    const { gzipSync } = await import('node:zlib');
    const scripts: Promise<{ url: string; gzip: number }>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script' && new URL(res.url()).origin === new URL(page.url() || res.url()).origin) {
        scripts.push(res.body().then((body) => ({ url: res.url(), gzip: gzipSync(body, { level: 9 }).length })));
      }
    });
    await page.goto('/');
    await contentLoaded(page);
    await page.waitForLoadState('networkidle');
    const loaded = await Promise.all(scripts);
    const total = loaded.reduce((n, s) => n + s.gzip, 0);
    console.log(`first screen JS: ${loaded.length} files, ${(total / 1024).toFixed(1)} KiB gzip`);
    expect(loaded.length).toBeGreaterThan(0);
    expect(total, loaded.map((s) => `${s.url} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(150 * 1000);
    expect(loaded.map((s) => s.url).join(' ')).not.toMatch(/WalkthroughCanvas|chart|MapPage|LocatorMap|cn2t|CuratorApp|ReportsPage/);
  });
});
