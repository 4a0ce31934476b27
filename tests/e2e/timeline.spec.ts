/**
 * The timeline (/timeline): cards against the content API in each language, the year under the
 * centre line moved by dragging, keys and buttons and kept in ?year=, event stories in a dialog.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { EraDetail } from '../../exhibit/api/types.ts';
import { expectGraphicsHaveTextAlternatives, expectNoAxeViolations, expectTouchTargets, featureString } from './exhibits-helpers.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, type Language, switchLanguage, test } from './fixtures.ts';

test.use({ locale: 'zh-CN' });

async function timelineContent(request: APIRequestContext, lang: Language) {
  const list = (await fetchContent(request, 'eras', lang)).data.sort((a, b) => a.order - b.order);
  const eras: EraDetail[] = [];
  for (const e of list) eras.push((await fetchContent(request, `eras/${e.id}`, lang)).data);
  const projects = (await fetchContent(request, 'projects', lang)).data;
  const events = eras.flatMap((era) => era.events.map((ev) => ({ ...ev, era })));
  const projectYears = new Map<number, typeof projects>();
  for (const p of projects) {
    const y = Number(p.start.slice(0, 4));
    projectYears.set(y, [...(projectYears.get(y) ?? []), p]);
  }
  const stops = [...new Set([...events.map((e) => e.year), ...projectYears.keys()])].sort((a, b) => a - b);
  return { eras, events, projectYears, stops };
}

const year = (page: Page) => page.getByTestId('timeline-year');
const currentYear = async (page: Page) => Number(await year(page).getAttribute('data-year'));
const scroller = (page: Page) => page.getByTestId('timeline-scroller');

async function expectYear(page: Page, expected: number) {
  await expect(year(page)).toHaveAttribute('data-year', String(expected));
  await expect(page).toHaveURL(new RegExp(`[?&]year=${expected}(&|$)`));
}

test('the cards are the eras’ key events and the key projects’ years, in each language', async ({ page, request }) => {
  await page.goto('/timeline?year=1938');
  await contentLoaded(page);
  for (const lang of LANGUAGES) {
    if (lang !== 'zh-Hans') await switchLanguage(page, lang);
    const { eras, events, projectYears } = await timelineContent(request, lang);
    const expected = [
      ...events.map((e) => e.title),
      ...[...projectYears.values()].map((list) => featureString('timeline', lang, 'todayCard', { count: list.length })),
    ];
    await expect(page.locator('.timeline-card-title')).toHaveCount(expected.length);
    await expect.poll(async () => (await page.locator('.timeline-card-title').allTextContents()).sort()).toEqual(expected.sort());
    // In time order.
    const years = await page.locator('.timeline-card').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-year'))));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    // The eras are coloured bands that link to their pages.
    for (const era of eras) {
      const band = page.locator(`.timeline-band[data-era="${era.id}"]`);
      await expect(band.getByRole('link')).toHaveAttribute('href', `/eras/${era.id}`);
      expect(await band.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
        `rgb(${Number.parseInt(era.colour.slice(1, 3), 16)}, ${Number.parseInt(era.colour.slice(3, 5), 16)}, ${Number.parseInt(era.colour.slice(5, 7), 16)})`,
      );
    }
    await expect(year(page)).toHaveAttribute('data-year', '1938');
  }
});

test('dragging with the mouse moves the years, in the direction of the drag', async ({ page }) => {
  await page.goto('/timeline?year=1938');
  await contentLoaded(page);
  await expectYear(page, 1938);
  const box = (await scroller(page).boundingBox())!;
  const y = box.y + 20; // on the ruler, above the cards
  const drag = async (dx: number) => {
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + (dx * i) / 10, y);
    await page.mouse.up();
  };

  await drag(-500); // pull the track left: later years come to the centre
  await expect.poll(() => currentYear(page)).toBeGreaterThan(1938);
  const later = await currentYear(page);
  await expectYear(page, later);

  await drag(700); // and back right: earlier years
  await expect.poll(() => currentYear(page)).toBeLessThan(later);
  await expectYear(page, await currentYear(page));

  // A drag that ends on a card is a pan, not a tap: no story opens.
  await expect(page.getByTestId('timeline-dialog')).toHaveCount(0);
});

test('touch swipes scroll the track natively and move the year', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 412, height: 860 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${baseURL}/timeline?year=1950`);
  await expect(page.getByTestId('timeline-year')).toHaveAttribute('data-year', '1950');
  await page.getByTestId('timeline-scroller').scrollIntoViewIfNeeded();
  const box = (await page.getByTestId('timeline-scroller').boundingBox())!;
  // A real touch swipe (leftwards) through the DevTools protocol: Playwright has no swipe helper.
  const cdp = await context.newCDPSession(page);
  const point = (x: number) => [{ x: box.x + x, y: box.y + 20 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(300) });
  for (let x = 290; x >= 50; x -= 10) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => Number(await page.getByTestId('timeline-year').getAttribute('data-year'))).toBeGreaterThan(1950);
  await context.close();
});

test('arrow keys, Home/End and the buttons step from event to event; the URL follows', async ({ page, request }) => {
  const { stops } = await timelineContent(request, 'en');
  await page.goto('/timeline?year=1938&lang=en');
  await contentLoaded(page);
  const at = stops.indexOf(1938);
  await scroller(page).focus();
  await page.keyboard.press('ArrowRight');
  await expectYear(page, stops[at + 1]);
  await page.keyboard.press('ArrowLeft');
  await expectYear(page, 1938);
  await page.keyboard.press('End');
  await expectYear(page, stops.at(-1)!);
  await expect(page.getByRole('button', { name: featureString('timeline', 'en', 'next') })).toBeDisabled();
  await expect(year(page)).toContainText(featureString('timeline', 'en', 'today'));
  await page.keyboard.press('Home');
  await expectYear(page, stops[0]);
  await expect(page.getByRole('button', { name: featureString('timeline', 'en', 'prev') })).toBeDisabled();

  await page.getByRole('button', { name: featureString('timeline', 'en', 'next') }).click();
  await expectYear(page, stops[1]);
  await page.getByRole('button', { name: featureString('timeline', 'en', 'next') }).click();
  await expectYear(page, stops[2]);
  await page.getByRole('button', { name: featureString('timeline', 'en', 'prev') }).click();
  await expectYear(page, stops[1]);
});

test('a deep link opens at its year, with that year’s cards in view', async ({ page, request }) => {
  const { events } = await timelineContent(request, 'zh-Hans');
  await page.goto('/timeline?year=1965');
  await expectYear(page, 1965);
  const frame = (await scroller(page).boundingBox())!;
  const cards = page.locator('.timeline-card[data-year="1965"]');
  await expect(cards).toHaveCount(events.filter((e) => e.year === 1965).length);
  const first = (await cards.first().boundingBox())!;
  expect(first.x).toBeGreaterThanOrEqual(frame.x);
  expect(first.x + first.width).toBeLessThanOrEqual(frame.x + frame.width);

  // A year between the runs goes to the nearer one; one outside the range to its end.
  await page.goto('/timeline?year=1800');
  await expectYear(page, 1891);
});

test('tapping an event opens its story with links to its sites; focus moves in and back', async ({ page, request }) => {
  for (const lang of ['zh-Hant', 'en'] as const) {
    const { events } = await timelineContent(request, lang);
    const ev = events.find((e) => e.sites.length > 0)!;
    await page.goto(`/timeline?year=${ev.year}&lang=${lang}`);
    await contentLoaded(page);
    const card = page.locator(`[data-item="${ev.era.id}/${ev.id}"]`);
    await card.click();
    const dialog = page.getByTestId('timeline-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(ev.title);
    await expect(dialog.getByRole('heading', { level: 2 })).toBeFocused();
    await expect(dialog).toContainText(ev.text.split('\n')[0].trim());
    const links = dialog.getByTestId('timeline-dialog-sites').getByRole('link');
    await expect(links).toHaveText(ev.sites.map((s) => s.name));
    for (const [i, s] of ev.sites.entries()) await expect(links.nth(i)).toHaveAttribute('href', `/sites/${s.id}`);
    await expect(dialog.getByRole('link', { name: featureString('timeline', lang, 'dialog.readEra', { era: ev.era.title }) })).toHaveAttribute(
      'href',
      `/eras/${ev.era.id}#event-${ev.id}`,
    );
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(card).toBeFocused();

    // Its site link goes to the site's page.
    await card.click();
    await links.first().click();
    await expect(page).toHaveURL(new RegExp(`/sites/${ev.sites[0].id}$`));
  }
});

test('the "today" epilogue lists the key projects that begin each year', async ({ page, request }) => {
  const { projectYears } = await timelineContent(request, 'en');
  const [y, projects] = [...projectYears].sort(([a], [b]) => b - a)[0];
  await page.goto(`/timeline?year=${y}&lang=en`);
  await page.locator(`[data-item="today/${y}"]`).click();
  const dialog = page.getByTestId('timeline-dialog');
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(featureString('timeline', 'en', 'dialog.projectsTitle', { year: y }));
  await expect(dialog.getByTestId('timeline-dialog-projects').locator(':scope > li .item-title')).toHaveText(
    [...projects].sort((a, b) => a.number - b.number).map((p) => `${p.number}. ${p.name}`),
  );
  await dialog.getByRole('button', { name: featureString('timeline', 'en', 'dialog.close') }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(`[data-item="today/${y}"]`)).toBeFocused();
});

test('with reduced motion, stepping jumps without a scroll animation', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/timeline?year=1891');
  await expectYear(page, 1891);
  await scroller(page).focus();
  await page.keyboard.press('End');
  const now = await scroller(page).evaluate((el) => el.scrollLeft);
  await page.waitForTimeout(400);
  expect(await scroller(page).evaluate((el) => el.scrollLeft)).toBe(now);
  expect(now).toBeGreaterThan(1000);
});

test('the timeline passes axe, names its graphics and has 44 px targets, in each language', async ({ page }) => {
  test.slow(); // three languages, each checked in full
  for (const lang of LANGUAGES) {
    await page.goto(`/timeline?year=1938&lang=${lang}`);
    await contentLoaded(page);
    await expect(page.locator('.timeline-card').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await expectGraphicsHaveTextAlternatives(page);
    await expectTouchTargets(page.locator('main button, .timeline-band-link, main .chip-link'));
  }
});
