/**
 * Without WebGL the walkthrough shows its poster and the tour as text (and never downloads
 * three.js); when the WebGL context is lost mid-visit it switches to the same fallback.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { expectFallback, hooks, openWalkthrough, settled, standing, watchThreeChunk } from './walkthrough-support.ts';

test.use({ locale: 'en-GB', reducedMotion: 'reduce' });

test.describe('with WebGL refused by the browser', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/i.test(type)) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
  });

  test('the poster and the text tour show; the slider and hotspot list still work; three.js is never loaded', async ({ page, request }) => {
    const chunks = watchThreeChunk(page);
    await page.goto('/sites/dadukou-steel-works?test-hooks=1&lang=en');
    const scene = await expectFallback(page, request, 'dadukou-steel-works', 'unavailable');
    expect(await hooks(page, (h) => h.fallback)).toBe('unavailable');

    await page.getByTestId('walkthrough-slider').fill('1958');
    const list = page.getByTestId('hotspot-list');
    await expect(list.getByRole('button')).toHaveCount(standing(scene, 1958).length);
    const first = scene.structures.find((s) => standing(scene, 1958).includes(s.id));
    await list.getByRole('button', { name: new RegExp(`^${first?.label}`) }).click();
    await expect(page.getByTestId('hotspot-card').getByRole('heading')).toHaveText(first?.label ?? '');
    expect(chunks).toEqual([]);

    const results = await new AxeBuilder({ page })
      .include('[data-testid="walkthrough"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test('a WebGL context lost mid-visit switches to the poster and text tour', async ({ page, request }) => {
  await openWalkthrough(page, 'erchang');
  await settled(page);
  await hooks(page, (h) => h.probe?.loseContext());
  await expectFallback(page, request, 'erchang', 'lost');
  expect(await hooks(page, (h) => h.fallback)).toBe('lost');
  // The tour itself carries on: the steps and the slider still answer.
  await page.getByRole('button', { name: 'Next step' }).click();
  expect(await hooks(page, (h) => h.state.step)).toBe(1);
});
