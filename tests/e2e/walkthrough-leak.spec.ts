/**
 * Leaving a scene frees what it built: visiting every scene five times (client-side navigation,
 * one persistent canvas) leaves renderer.info.memory — geometries and textures — at the same
 * counts as after the first round, both on each scene and after leaving it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { hooks, sceneIds, settled } from './walkthrough-support.ts';

test.use({ locale: 'en-GB', reducedMotion: 'reduce' });

/** Navigates inside the app (react-router listens to popstate): the document and the canvas stay. */
async function navigate(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const memory = (page: Page) => hooks(page, (h) => h.probe?.memory());

test('five rounds of every scene leave geometries and textures where the first round left them', async ({ page, request }) => {
  test.setTimeout(300_000);
  const ids = await sceneIds(request);
  await page.goto('/sites?test-hooks=1&lang=en');
  await expect(page.locator('main h1')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });

  const onScene: Record<string, { geometries: number; textures: number }[]> = {};
  const afterLeaving: { geometries: number; textures: number }[] = [];
  for (let round = 0; round < 5; round++) {
    for (const id of ids) {
      await navigate(page, `/sites/${id}?test-hooks=1&lang=en`);
      await expect.poll(() => hooks(page, (h) => (h?.probe?.ready ? h.probe.sceneId : null)), { timeout: 60_000 }).toBe(id);
      await settled(page);
      // Move through the scene a little (steps, years) so everything it can build is built.
      await page.getByRole('button', { name: 'Next step' }).click();
      await settled(page);
      const m = await memory(page);
      if (!m) throw new Error('no probe');
      onScene[id] = [...(onScene[id] ?? []), m];
    }
    await navigate(page, '/sites');
    await expect.poll(() => hooks(page, (h) => h.probe?.sceneId ?? null), { timeout: 30_000 }).toBeNull();
    const m = await memory(page);
    if (!m) throw new Error('no probe');
    afterLeaving.push(m);
  }

  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  for (const id of ids) {
    expect(onScene[id], `memory on ${id}, rounds 1–5`).toEqual(Array(5).fill(onScene[id][0]));
    expect(onScene[id][0].geometries).toBeGreaterThan(0);
  }
  expect(afterLeaving, 'memory after leaving the last scene, rounds 1–5').toEqual(Array(5).fill(afterLeaving[0]));
  // Nothing of any scene survives it.
  expect(afterLeaving[0]).toEqual({ geometries: 0, textures: 0 });
});
