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
  test.setTimeout(240_000); // axe over a dozen console pages, one a whole 3D scene form
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await page.goto(`/curator?lang=${lang}`);
    await page.locator('form.signin-form').waitFor();
    await axe(page, `sign-in ${lang}`);
  }
  await apiSignIn(page.context().request, ADMIN);
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
  ]) {
    await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0, { timeout: 15_000 });
    await axe(page, path);
    expect(await smallTargets(page), path).toEqual([]);
  }
});
