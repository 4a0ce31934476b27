/**
 * Tour routes (/routes, /routes/:id?stop=N): the routes in their order, and a route stepped through
 * stop by stop with the buttons, the keys and the map, against the content API in each language.
 */
import type { Page } from '@playwright/test';
import { expectGraphicsHaveTextAlternatives, expectNoAxeViolations, expectTouchTargets, featureString } from './exhibits-helpers.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, switchLanguage, test } from './fixtures.ts';

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

test('the route list shows every route in order, in each language', async ({ page, request }) => {
  await page.goto('/routes');
  await contentLoaded(page);
  for (const lang of LANGUAGES) {
    if (lang !== 'zh-Hans') await switchLanguage(page, lang);
    const routes = (await fetchContent(request, 'routes', lang)).data.sort((a, b) => a.order - b.order);
    await expect(page.getByTestId('route-cards').getByRole('heading')).toHaveText(routes.map((r) => r.name));
    for (const r of routes) {
      const card = page.locator(`[data-route-id="${r.id}"]`);
      await expect(card.getByRole('link')).toHaveAttribute('href', `/routes/${r.id}`);
      await expect(card).toContainText(featureString('routes', lang, 'stops', { count: r.stopCount }));
    }
  }
});

async function expectAtStop(page: Page, stops: { order: number; site: string; name?: string }[], n: number, lang: (typeof LANGUAGES)[number]) {
  const stop = stops[n - 1];
  // The first stop needs no ?stop= (a plain link opens there); every other one is in the URL.
  if (n === 1) await expect(page).not.toHaveURL(/[?&]stop=(?!1(&|$))/);
  else await expect(page).toHaveURL(new RegExp(`[?&]stop=${n}(&|$)`));
  await expect(page.getByTestId('route-step')).toHaveText(featureString('routes', lang, 'stepLabel', { n, total: stops.length }));
  await expect(page.getByTestId('route-current').getByRole('heading')).toHaveText(stop.name!);
  await expect(page.getByTestId('route-current').getByRole('link')).toHaveAttribute('href', `/sites/${stop.site}`);
  const items = page.getByTestId('route-stops').locator(':scope > li');
  await expect(items.nth(n - 1)).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('route-stops').locator('[aria-current="step"]')).toHaveCount(1);
  const marker = page.locator(`.map-markers .map-marker[data-site-id="${stop.site}"]`);
  await expect(marker).toHaveClass(/is-selected/);
  await expect(page.locator('.map-markers .map-marker.is-selected')).toHaveCount(1);
}

test('a route steps through its stops in order: buttons, keys and the map', async ({ page, request }) => {
  test.slow(); // three languages, each checked in full
  const routes = (await fetchContent(request, 'routes', 'en')).data;
  const longest = [...routes].sort((a, b) => b.stopCount - a.stopCount)[0];
  await page.goto(`/routes/${longest.id}`);
  await contentLoaded(page);

  for (const lang of LANGUAGES) {
    if (lang !== 'zh-Hans') await switchLanguage(page, lang);
    const route = (await fetchContent(request, `routes/${longest.id}`, lang)).data;
    const stops = route.stops;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.name);
    // The list: every stop in order, each linking to its site.
    const names = page.getByTestId('route-stops').locator('.route-stop-name');
    await expect(names).toHaveText(stops.map((s) => s.name!));
    for (const [i, s] of stops.entries()) await expect(names.nth(i)).toHaveAttribute('href', `/sites/${s.site}`);
    // The map: a numbered marker per stop, joined by one line.
    await expect(page.locator('.map-markers .map-marker .map-marker-dot')).toHaveText(stops.map((s) => String(s.order)));
    await expect(page.locator('.map-route-line')).toHaveCount(1);

    const next = page.getByRole('button', { name: featureString('routes', lang, 'next'), exact: true });
    const prev = page.getByRole('button', { name: featureString('routes', lang, 'prev'), exact: true });
    await page.goto(`/routes/${longest.id}?lang=${lang}`);
    await expect(page.getByTestId('route-step')).toBeVisible();
    await expect(prev).toBeDisabled();
    for (let n = 1; n <= stops.length; n++) {
      if (n > 1) await next.click();
      await expectAtStop(page, stops, n, lang);
    }
    await expect(next).toBeDisabled();
    await prev.click();
    await expectAtStop(page, stops, stops.length - 1, lang);
  }

  // Arrow keys step too, from anywhere in the stepper.
  const route = (await fetchContent(request, `routes/${longest.id}`, 'en')).data;
  await page.goto(`/routes/${longest.id}?stop=2&lang=en`);
  await expectAtStop(page, route.stops, 2, 'en');
  await page.getByRole('button', { name: featureString('routes', 'en', 'next'), exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expectAtStop(page, route.stops, 3, 'en');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expectAtStop(page, route.stops, 1, 'en');

  // Tapping a stop on the map or its number in the list goes there.
  const last = route.stops.at(-1)!;
  await page.getByRole('button', { name: featureString('map', 'en', 'resetMarkers'), exact: true }).click(); // the whole route in view
  await page.locator(`.map-markers .map-marker[data-site-id="${last.site}"]`).click();
  await expectAtStop(page, route.stops, route.stops.length, 'en');
  await page.getByRole('button', { name: featureString('routes', 'en', 'showStop', { n: 2, name: route.stops[1].name! }) }).click();
  await expectAtStop(page, route.stops, 2, 'en');
});

test('deep links: ?stop=N, ?site=<id>, out-of-range stops and unknown routes', async ({ page, request }) => {
  const route = (await fetchContent(request, 'routes/jialing-belt', 'zh-Hans')).data;
  await page.goto('/routes/jialing-belt?stop=3');
  await expectAtStop(page, route.stops, 3, 'zh-Hans');
  await page.goto(`/routes/jialing-belt?site=${route.stops[4].site}`);
  await expectAtStop(page, route.stops, 5, 'zh-Hans');
  await page.goto('/routes/jialing-belt?stop=99');
  await expect(page.getByTestId('route-step')).toHaveText(
    featureString('routes', 'zh-Hans', 'stepLabel', { n: route.stops.length, total: route.stops.length }),
  );
  await page.goto('/routes/no-such-route');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('route-step')).toHaveCount(0);
});

test('route pages pass axe, name their map and have 44 px targets, in each language', async ({ page }) => {
  test.slow(); // three languages, each checked in full
  for (const lang of LANGUAGES) {
    await page.goto(`/routes?lang=${lang}`);
    await contentLoaded(page);
    await expectNoAxeViolations(page);
    await page.goto(`/routes/yangtze-belt?stop=2&lang=${lang}`);
    await contentLoaded(page);
    await expect(page.getByTestId('map-svg')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectGraphicsHaveTextAlternatives(page);
    await expectTouchTargets(page.locator('main button, .route-stop-name, .route-current a'));
  }
});
