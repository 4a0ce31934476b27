/**
 * Content is text, never markup: a curator (or an imported pack) puts HTML and script into content
 * fields, publishes, and every view — visitor pages, the kiosk, the console — shows the characters
 * as written, runs nothing and grows no elements.
 */
import { request as playwrightRequest } from '@playwright/test';
import { ADMIN, apiSignIn, expect, publishEdit, test } from './curator-server.ts';

test.describe.configure({ mode: 'serial' });

const IMG = '<img src=x onerror="window.__xss=(window.__xss||0)+1">';
const SCRIPT = '<script>window.__xss=(window.__xss||0)+1</script>';
const SVG = '"><svg onload="window.__xss=(window.__xss||0)+1">';
const NAME = `Erchang ${IMG}`;
const ROUTE = `Route ${SVG}`;
const ERA = `Wartime ${SCRIPT}`;

type Json = Record<string, unknown> & { name: Record<string, string> };

test('XSS payloads in content fields render as text on every view', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const api = await playwrightRequest.newContext({ baseURL });
  const headers = await apiSignIn(api, ADMIN);
  await publishEdit(
    api,
    headers,
    'sites/erchang.json',
    (s) => {
      (s as Json).name.en = NAME;
      (s as Json & { summary: Record<string, string> }).summary.en = `Summary ${SCRIPT} ${SVG}`;
      (s as Json & { history: Record<string, string> }).history.en = `History ${IMG}`;
    },
    `XSS probe ${IMG}`,
  );
  await publishEdit(
    api,
    headers,
    'routes/yuzhong-erchang.json',
    (r) => {
      (r as Json).name.en = ROUTE;
      (r as { stops: { note?: Record<string, string> }[] }).stops[0].note = { 'zh-Hans': `备注${IMG}`, en: `Note ${IMG}` };
    },
    'XSS probe 2',
  );
  await publishEdit(
    api,
    headers,
    'eras/wartime.json',
    (e) => {
      (e as { title: Record<string, string> }).title.en = ERA;
      (e as { events: { title: Record<string, string> }[] }).events[0].title.en = `Event ${IMG}`;
    },
    'XSS probe 3',
  );

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  const views: { path: string; shows?: string }[] = [
    { path: '/?lang=en' },
    { path: '/sites?lang=en', shows: NAME },
    { path: '/sites/erchang?lang=en', shows: NAME },
    { path: '/eras?lang=en', shows: ERA },
    { path: '/eras/wartime?lang=en', shows: ERA },
    { path: '/routes?lang=en', shows: ROUTE },
    { path: '/routes/yuzhong-erchang?lang=en', shows: ROUTE },
    { path: '/timeline?lang=en' },
    { path: '/map?lang=en' },
    { path: '/transformation?lang=en' },
    { path: '/visit?lang=en' },
  ];
  for (const view of views) {
    await page.goto(view.path);
    await expect(page.locator('main')).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 15_000 });
    if (view.shows) await expect(page.getByText(view.shows, { exact: false }).first(), view.path).toBeVisible();
    await page.waitForTimeout(300); // onerror/onload would have fired by now
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), view.path).toBeUndefined();
    await expect(page.locator('img[src="x"], svg[onload], main script'), view.path).toHaveCount(0);
  }

  // The kiosk's attract loop and a kiosk visit.
  await page.goto('/?mode=kiosk&lang=en');
  await page.getByTestId('attract').waitFor();
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.evaluate(() => {
    window.history.pushState(null, '', '/sites/erchang');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByTestId('site-name')).toHaveText(NAME);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  // The console: the editor's inputs, the history and its diff.
  await apiSignIn(page.context().request, ADMIN);
  await page.goto('/curator/edit?file=sites%2Ferchang.json');
  await expect(page.getByRole('group', { name: 'Name *' }).getByLabel('English')).toHaveValue(NAME);
  await page.goto('/curator/history');
  await expect(page.getByText(`XSS probe ${IMG}`)).toBeVisible();
  await page
    .getByRole('button', { name: /Changes in v\d+/ })
    .nth(2)
    .click();
  await expect(page.locator('.diff')).toContainText(NAME);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);

  expect(dialogs).toEqual([]);
  await api.dispose();
});
