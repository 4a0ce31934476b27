/**
 * The heritage map (/map): markers and list against the content API with the URL filters, in each
 * language; tapping markers (precise and approximate), zoom and pan by buttons, drag and keys;
 * overlapping markers kept apart; the map's data loaded only when a map is shown.
 */
import type { Locator, Page } from '@playwright/test';
import { expectGraphicsHaveTextAlternatives, expectNoAxeViolations, expectTouchTargets, featureString } from './exhibits-helpers.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, type Language, switchLanguage, test, uiString } from './fixtures.ts';

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

const markerLayer = (page: Page) => page.locator('.map-markers');

/** Every site the map shows: lone markers and the members of group buttons. */
async function mapSiteIds(page: Page): Promise<string[]> {
  const ids = await markerLayer(page)
    .locator('[data-site-id], [data-site-ids]')
    .evaluateAll((els) => els.flatMap((el) => (el.getAttribute('data-site-id') ?? el.getAttribute('data-site-ids') ?? '').split(' ')));
  return ids.filter(Boolean).sort();
}
const listIds = async (page: Page) =>
  (
    await page
      .getByTestId('map-list')
      .locator(':scope > li')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-site-id')!))
  ).sort();
const scaleOf = async (page: Page) => Number(await page.locator('.map-viewport').getAttribute('data-scale'));

async function expectMapShows(page: Page, expected: { id: string }[]) {
  const ids = expected.map((s) => s.id).sort();
  if (ids.length) await mapReady(page);
  await expect.poll(() => mapSiteIds(page)).toEqual(ids);
  if (ids.length) await expect.poll(() => listIds(page)).toEqual(ids);
  else await expect(page.getByTestId('map-list')).toHaveCount(0);
}

/** The map has drawn its markers (its geometry loads separately from the page). */
async function mapReady(page: Page) {
  await expect(markerLayer(page).locator('button').first()).toBeVisible();
}

/** Taps group buttons until the site has its own marker. */
async function revealMarker(page: Page, id: string): Promise<Locator> {
  await mapReady(page);
  const marker = markerLayer(page).locator(`.map-marker[data-site-id="${id}"]`);
  for (let i = 0; i < 8 && !(await marker.count()); i++) await markerLayer(page).locator(`[data-site-ids~="${id}"]`).click();
  await expect(marker).toBeVisible();
  return marker;
}

test('the markers and the list are exactly the API’s sites, filter by filter, in each language', async ({ page, request }) => {
  test.slow(); // three languages, each checked in full
  const lang: Language = 'zh-Hans';
  await page.goto('/map');
  await contentLoaded(page);
  await expectMapShows(page, (await fetchContent(request, 'sites', lang)).data);

  const select = (key: string) => page.getByLabel(uiString(lang, `filter.${key}`), { exact: true });
  const steps: [string, string][] = [
    ['era', 'wartime'],
    ['cluster', 'core-jiangbei-beibin'],
  ];
  const applied: Record<string, string> = {};
  for (const [key, value] of steps) {
    await select(key).selectOption(value);
    applied[key] = value;
    await expect(page).toHaveURL(new RegExp(`${key}=${value}`));
    const expected = (await fetchContent(request, 'sites', lang, applied)).data;
    expect(expected.length).toBeGreaterThan(0);
    await expectMapShows(page, expected);
    await expect(page.getByTestId('map-svg').locator('title')).toHaveText(featureString('map', lang, 'svgLabel', { count: expected.length }));
  }
  await page.getByRole('button', { name: uiString(lang, 'sites.clear') }).click();

  for (const [key, value] of [
    ['grade', '1'],
    ['category', 'area'],
    ['district', 'beibei'],
  ] as const) {
    await select(key).selectOption(value);
    await expectMapShows(page, (await fetchContent(request, 'sites', lang, { [key]: value })).data);
    await select(key).selectOption('');
  }

  // A filtered link opens filtered; names follow the language.
  await page.goto('/map?district=beibei');
  for (const l of LANGUAGES) {
    if (l !== 'zh-Hans') await switchLanguage(page, l);
    const expected = (await fetchContent(request, 'sites', l, { district: 'beibei' })).data;
    await expectMapShows(page, expected);
    await expect(page.getByTestId('map-list').locator('.map-list-name')).toHaveText(expected.map((s) => s.name));
  }
});

test('tapping a marker opens its card; approximate places are marked as such', async ({ page, request }) => {
  for (const lang of ['en', 'zh-Hant'] as const) {
    const sites = (await fetchContent(request, 'sites', lang, { district: 'dadukou' })).data;
    const precise = sites.find((s) => s.location.precision === 'site')!;
    const approximate = sites.find((s) => s.location.precision === 'district')!;
    const districts = (await fetchContent(request, 'districts', lang)).data;
    await page.goto(`/map?district=dadukou&lang=${lang}`);
    await contentLoaded(page);

    const m1 = await revealMarker(page, precise.id);
    await expect(m1).toHaveAccessibleName(precise.name);
    await expect(m1).not.toHaveClass(/is-approximate/);
    await m1.click();
    const card = page.getByTestId('map-card');
    await expect(card.getByRole('heading')).toHaveText(precise.name);
    await expect(card.getByRole('heading')).toBeFocused();
    await expect(card).toContainText(precise.summary);
    await expect(card.getByTestId('map-card-approximate')).toHaveCount(0);
    await expect(card.getByRole('link', { name: featureString('map', lang, 'card.open') })).toHaveAttribute('href', `/sites/${precise.id}`);
    await expect(page).toHaveURL(new RegExp(`site=${precise.id}`));
    await expect(m1).toHaveAttribute('aria-pressed', 'true');

    const m2 = await revealMarker(page, approximate.id);
    await expect(m2).toHaveClass(/is-approximate/);
    await expect(m2).toHaveAccessibleName(featureString('map', lang, 'markerApproximate', { name: approximate.name }));
    await m2.click();
    await expect(card.getByRole('heading')).toHaveText(approximate.name);
    await expect(card.getByTestId('map-card-approximate')).toHaveText(
      featureString('map', lang, 'card.approximate', { district: districts.find((d) => d.id === 'dadukou')!.name }),
    );
    // Hollow: the dot's middle is white.
    expect(await m2.locator('.map-marker-dot').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');

    await card.getByRole('button', { name: featureString('map', lang, 'card.close') }).click();
    await expect(card).toHaveCount(0);
    await expect(m2).toBeFocused();
  }
});

test('zoom and pan with the buttons, a mouse drag, the wheel and the keyboard', async ({ page }) => {
  await page.goto('/map?lang=en');
  await contentLoaded(page);
  await mapReady(page);
  const viewport = page.locator('.map-viewport');
  await expect(viewport).toHaveAttribute('data-scale', /\d/);
  const start = await scaleOf(page);
  await page.getByRole('button', { name: featureString('map', 'en', 'zoomIn'), exact: true }).click();
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(start);
  const zoomed = await scaleOf(page);
  await page.getByRole('button', { name: featureString('map', 'en', 'zoomOut'), exact: true }).click();
  await expect.poll(() => scaleOf(page)).toBeLessThan(zoomed);
  await page.getByRole('button', { name: featureString('map', 'en', 'zoomIn'), exact: true }).click();
  await page.getByRole('button', { name: featureString('map', 'en', 'resetAll'), exact: true }).click();
  await expect.poll(() => scaleOf(page)).toBeCloseTo(start, 3);

  // A drag moves every marker by the drag.
  const marker = markerLayer(page).locator('button').first();
  await viewport.scrollIntoViewIfNeeded();
  const before = (await marker.boundingBox())!;
  await viewport.scrollIntoViewIfNeeded();
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + 60 + i * 20, box.y + 100 - i * 8);
  await page.mouse.up();
  const after = (await marker.boundingBox())!;
  expect(after.x - before.x).toBeCloseTo(100, 0);
  expect(after.y - before.y).toBeCloseTo(-40, 0);

  // The wheel zooms.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(start);

  // Keys: arrows pan, + and − zoom.
  await viewport.focus();
  const k0 = (await marker.boundingBox())!;
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await marker.boundingBox())!.x).toBeGreaterThan(k0.x + 40);
  const s0 = await scaleOf(page);
  await page.keyboard.press('+');
  await expect.poll(() => scaleOf(page)).toBeGreaterThan(s0);
  await page.keyboard.press('-');
  await expect.poll(() => scaleOf(page)).toBeCloseTo(s0, 3);
});

test('overlapping markers stay apart and tappable at every zoom', async ({ page, request }) => {
  const beibei = (await fetchContent(request, 'sites', 'en', { district: 'beibei' })).data;
  // Several sites share one point (placed at the district's centre).
  expect(new Set(beibei.map((s) => `${s.location.lat},${s.location.lng}`)).size).toBeLessThan(beibei.length);
  await page.goto('/map?lang=en');
  await contentLoaded(page);
  await mapReady(page);
  const centres = async () =>
    markerLayer(page)
      .locator('button')
      .evaluateAll((els) =>
        els
          .filter((el) => getComputedStyle(el).visibility !== 'hidden')
          .map((el) => {
            const r = el.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }),
      );
  const closest = (pts: { x: number; y: number }[]) => {
    let min = Number.POSITIVE_INFINITY;
    for (const [i, p] of pts.entries()) for (const q of pts.slice(i + 1)) min = Math.min(min, Math.hypot(p.x - q.x, p.y - q.y));
    return min;
  };
  expect(closest(await centres())).toBeGreaterThanOrEqual(44);
  await expectTouchTargets(markerLayer(page).locator('button'));

  await page.goto('/map?lang=en&district=beibei');
  for (const s of beibei) await revealMarker(page, s.id);
  expect(closest(await centres())).toBeGreaterThanOrEqual(44);
  // Each one answers its own tap (Playwright refuses to click a covered button).
  for (const s of beibei) {
    await markerLayer(page).locator(`[data-site-id="${s.id}"]`).click();
    await expect(page.getByTestId('map-card').getByRole('heading')).toHaveText(s.name);
  }
});

test('the list’s "show on the map" and a ?site= link open the site’s card', async ({ page, request }) => {
  const sites = (await fetchContent(request, 'sites', 'zh-Hans', { cluster: 'core-points' })).data;
  const target = sites[sites.length - 1];
  await page.goto('/map?cluster=core-points');
  await contentLoaded(page);
  await page.getByRole('button', { name: featureString('map', 'zh-Hans', 'list.showOnMapLabel', { name: target.name }) }).click();
  await expect(page.getByTestId('map-card')).toHaveAttribute('data-site-id', target.id);
  await expect(markerLayer(page).locator(`.map-marker[data-site-id="${target.id}"]`)).toHaveClass(/is-selected/);

  await page.goto(`/map?site=${target.id}`);
  await expect(page.getByTestId('map-card').getByRole('heading')).toHaveText(target.name);
  await expect(markerLayer(page).locator(`.map-marker[data-site-id="${target.id}"]`)).toBeVisible();
});

test('the map passes axe, describes itself in text and has 44 px targets, in each language', async ({ page, request }) => {
  test.slow(); // three languages, each checked in full
  for (const lang of LANGUAGES) {
    const all = (await fetchContent(request, 'sites', lang)).data;
    await page.goto(`/map?lang=${lang}&site=${all[0].id}`);
    await contentLoaded(page);
    await expect(page.getByTestId('map-card')).toBeVisible();
    const svg = page.getByTestId('map-svg');
    await expect(svg).toHaveAttribute('role', 'img');
    await expect(svg).toHaveAccessibleName(featureString('map', lang, 'svgLabel', { count: all.length }));
    await expect(svg).toHaveAccessibleDescription(/\S/);
    await expect(page.getByTestId('map-legend')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectGraphicsHaveTextAlternatives(page);
    await expectTouchTargets(page.locator('main button, .map-list a, .map-card a'));
  }
});

test('the map’s data and code load only when a map is shown', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/');
  await contentLoaded(page);
  expect(requested.filter((p) => /geojson|MapPage|HeritageMap|LocatorMap/.test(p))).toEqual([]);
  await page
    .getByRole('navigation')
    .getByRole('link', { name: uiString('zh-Hans', 'nav.map') })
    .click();
  await expect(page.getByTestId('map-svg')).toBeVisible();
  expect(requested.filter((p) => p.endsWith('.geojson'))).toHaveLength(1);
});
