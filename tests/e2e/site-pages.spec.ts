/**
 * What the exhibit views add to a site's page: a locator map with a way to the heritage map, links
 * to the tour routes that stop there (opening at its stop), and the 3D walkthrough's place.
 */
import { expectGraphicsHaveTextAlternatives, expectNoAxeViolations, expectTouchTargets, featureString } from './exhibits-helpers.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, switchLanguage, test } from './fixtures.ts';

test.use({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });

test('a site page shows where the site is and leads to it on the heritage map', async ({ page, request }) => {
  const all = (await fetchContent(request, 'sites', 'en')).data;
  const precise = all.find((s) => s.location.precision === 'site')!;
  const approximate = all.find((s) => s.location.precision === 'district')!;
  await page.goto(`/sites/${approximate.id}`);
  await contentLoaded(page);
  for (const lang of LANGUAGES) {
    if (lang !== 'zh-Hans') await switchLanguage(page, lang);
    const detail = (await fetchContent(request, `sites/${approximate.id}`, lang)).data;
    const locator = page.getByTestId('site-locator');
    await expect(locator.getByTestId('map-svg')).toHaveAccessibleName(
      featureString('map', lang, 'locator.labelApproximate', { name: detail.name, district: detail.districtInfo!.name }),
    );
    await expect(locator).toContainText(featureString('map', lang, 'locator.approximate'));
    await expect(locator.locator(`.map-marker[data-site-id="${approximate.id}"]`)).toHaveClass(/is-approximate/);
  }

  await page.goto(`/sites/${precise.id}?lang=en`);
  const locator = page.getByTestId('site-locator');
  await expect(locator.locator(`.map-marker[data-site-id="${precise.id}"]`)).not.toHaveClass(/is-approximate/);
  await expect(locator).not.toContainText(featureString('map', 'en', 'locator.approximate'));
  await locator.getByRole('link', { name: featureString('map', 'en', 'locator.open') }).click();
  await expect(page).toHaveURL(new RegExp(`/map\\?site=${precise.id}$`));
  await expect(page.getByTestId('map-card').getByRole('heading')).toHaveText(precise.name);
});

test('a site’s tour routes link to the route, opened at the site’s stop', async ({ page, request }) => {
  const routes = (await fetchContent(request, 'routes', 'en')).data;
  const route = (await fetchContent(request, `routes/${routes[0].id}`, 'en')).data;
  const stop = route.stops[route.stops.length - 1];
  const site = (await fetchContent(request, `sites/${stop.site}`, 'en')).data;
  await page.goto(`/sites/${stop.site}?lang=en`);
  await contentLoaded(page);
  const links = page.getByTestId('related-routes').getByRole('link');
  await expect(links).toHaveText(site.related.routes.map((r) => r.name));
  await links.filter({ hasText: route.name }).click();
  await expect(page).toHaveURL(new RegExp(`/routes/${route.id}\\?stop=${stop.order}$`));
  await expect(page.getByTestId('route-current').getByRole('heading')).toHaveText(stop.name!);
});

test('flagship pages keep the walkthrough’s place; site pages pass axe with the locator map', async ({ page, request }) => {
  test.slow(); // three languages, each checked in full
  const flagship = (await fetchContent(request, 'sites', 'zh-Hans', { flagship: 'true' })).data[0];
  for (const lang of LANGUAGES) {
    await page.goto(`/sites/${flagship.id}?lang=${lang}`);
    await contentLoaded(page);
    await expect(page.getByTestId('walkthrough-placeholder').or(page.locator('[data-testid^="walkthrough"]')).first()).toBeVisible();
    await expect(page.getByTestId('site-locator').getByTestId('map-svg')).toBeVisible();
    await expectNoAxeViolations(page);
    await expectGraphicsHaveTextAlternatives(page);
    await expectTouchTargets(page.getByTestId('site-locator').locator('button, a'));
  }
});
