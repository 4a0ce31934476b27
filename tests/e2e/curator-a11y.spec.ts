/**
 * The console is for people with every kind of access need too: axe (WCAG 2.2 AA) on its pages,
 * in the three languages for the sign-in page, and every control at least 44 px tall.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ADMIN, apiSignIn, expect, test } from './curator-server.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    where,
  ).toEqual([]);
}

async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main input:not([type=checkbox]):not([type=radio]):not([type=file]), main a')]
      .filter((el) => el.offsetParent !== null && !el.closest('td, p, li.console-empty, .problem-list'))
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`),
  );
}

test('the console passes axe and keeps touch targets large', async ({ page }) => {
  test.setTimeout(300_000); // axe over fifteen console pages, one a whole 3D scene form
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await page.goto(`/curator?lang=${lang}`);
    await page.locator('form.signin-form').waitFor();
    await axe(page, `sign-in ${lang}`);
  }
  const headers = await apiSignIn(page.context().request, ADMIN);
  // Something in the admin pages' tables: a kiosk and a door counter.
  const kiosk = await page.context().request.post('/api/admin/kiosks', {
    headers,
    data: { id: 'a11y-kiosk', name: 'A11y kiosk', hallId: 'china-steel-museum/steelmaking-hall' },
  });
  expect(kiosk.status(), await kiosk.text()).toBe(201);
  const counter = await page.context().request.post('/api/admin/devices', {
    headers,
    data: { kind: 'counter', name: 'A11y counter', hallId: 'china-steel-museum/steelmaking-hall' },
  });
  expect(counter.status(), await counter.text()).toBe(201);
  // A 3D scene too, when the pack has any: its form is built from the scene schema alone.
  const entities = (await (await page.context().request.get('/api/curator/entities')).json()) as { entities: { collection: string; file: string }[] };
  const scene = entities.entities.find((e) => e.collection === 'scenes');
  const scenePages = scene ? [`/curator/edit?file=${encodeURIComponent(scene.file)}`] : [];
  for (const path of [
    ...scenePages,
    '/curator',
    '/curator/content/sites',
    '/curator/edit?file=sites%2Ferchang.json',
    '/curator/edit?file=routes%2Fyuzhong-erchang.json',
    '/curator/changes',
    '/curator/history',
    '/curator/media',
    '/curator/playlists',
    '/curator/transfer',
    '/curator/fleet',
    '/curator/users',
    '/curator/kiosks',
    '/curator/devices',
    '/curator/audit',
  ]) {
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 15_000 });
    await axe(page, path);
    expect(await smallTargets(page), path).toEqual([]);
  }

  // A device token shown once (copy buttons, set-up address, QR code), and a refused form.
  await page.goto('/curator/kiosks?lang=en');
  const form = page.getByRole('region', { name: 'Register a kiosk', exact: true });
  await form.getByLabel('Kiosk id').fill('a11y-kiosk');
  await form.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(form.getByRole('alert')).toBeVisible();
  await axe(page, 'kiosk form with a problem');
  await form.getByLabel('Kiosk id').fill('a11y-kiosk-2');
  await form.getByRole('button', { name: 'Register the kiosk' }).click();
  await expect(page.getByRole('img', { name: 'QR code of the kiosk’s set-up address' })).toBeVisible();
  await axe(page, 'kiosk token');
  expect(await smallTargets(page), 'kiosk token').toEqual([]);
  // …in Chinese too.
  await page.getByRole('button', { name: '繁體中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '展臺管理' })).toBeVisible();
  await axe(page, 'kiosk token zh-Hant');
});
