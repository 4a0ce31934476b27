/**
 * The 3D walkthroughs in a real browser (system Chromium, SwiftShader WebGL): every flagship
 * scene opens, its guided path is followed to the end (captions, camera, year), the time slider
 * shows exactly the structures that stood in chosen years (checked against the scene document),
 * a hotspot opens from the accessible list; plus autoplay, leaving and rejoining the path, the
 * camera buttons and keys, a tap in the 3D view, the spoken narration of each step, and accessibility.
 */
import AxeBuilder from '@axe-core/playwright';
import { playing } from './audio-support.ts';
import { expect, test } from './fixtures.ts';
import { hooks, openWalkthrough, type SceneDoc, sceneDoc, sceneIds, settled, standing, visibleIds, watchThreeChunk } from './walkthrough-support.ts';

test.use({ locale: 'en-GB', reducedMotion: 'reduce' });

// The flagship scenes are listed by the API; the list is fixed for this content pack.
const SCENES = [
  'beichuan-railway',
  'dadukou-steel-works',
  'erchang',
  'printing-works-no1',
  'project-816',
  'sankuaishi-power-station',
  'wangjiang-works',
  'yimin-works',
];

test('the API lists exactly the scenes these tests walk through', async ({ request }) => {
  expect(await sceneIds(request)).toEqual(SCENES);
});

/** Years worth checking: the slider's ends, every key moment, and the year before and after each. */
function yearsToCheck(scene: SceneDoc): number[] {
  const years = new Set<number>([scene.timeline.from, scene.timeline.to]);
  for (const m of scene.moments) for (const y of [m.year - 1, m.year]) if (y >= scene.timeline.from && y <= scene.timeline.to) years.add(y);
  for (const s of scene.structures) {
    for (const y of [s.years.from, s.years.to === undefined ? undefined : s.years.to + 1])
      if (y !== undefined && y >= scene.timeline.from && y <= scene.timeline.to) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

for (const id of SCENES) {
  test(`${id}: follows the guided path to its end, scrubs the years, opens a hotspot from the list`, async ({ page, request }) => {
    test.setTimeout(180_000);
    const scene = await sceneDoc(request, id);
    await openWalkthrough(page, id);

    // The canvas has a text alternative naming the scene.
    const canvas = page.locator('[data-testid="walkthrough-stage"] canvas');
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute('aria-label', new RegExp(scene.description.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    // The guided path, step by step, with the buttons a visitor uses.
    const caption = page.getByTestId('walkthrough-caption');
    const next = page.getByRole('button', { name: 'Next step' });
    for (let i = 0; i < scene.waypoints.length; i++) {
      const w = scene.waypoints[i];
      if (i > 0) await next.click();
      await expect(caption).toContainText(w.narration);
      await expect(caption).toContainText(`Step ${i + 1} of ${scene.waypoints.length}`);
      await settled(page);
      const state = await hooks(page, (h) => h.state);
      expect(state).toMatchObject({ step: i, mode: 'guided' });
      if (w.year !== undefined) expect(state.year).toBe(w.year);
      const cam = await hooks(page, (h) => h.probe?.camera());
      for (let k = 0; k < 3; k++) expect(Math.abs((cam?.position[k] ?? 0) - w.camera[k])).toBeLessThan(1.5);
      expect(await visibleIds(page)).toEqual(standing(scene, state.year));
    }
    await expect(next).toBeDisabled();

    // The time slider: for chosen years, exactly the structures that stood then.
    const slider = page.getByTestId('walkthrough-slider');
    const list = page.getByTestId('hotspot-list');
    for (const year of yearsToCheck(scene)) {
      await slider.fill(String(year));
      await expect(page.getByTestId('walkthrough-year')).toHaveText(String(year));
      await settled(page);
      const expected = standing(scene, year);
      expect(await visibleIds(page), `structures standing in ${year}`).toEqual(expected);
      await expect(list.getByRole('button')).toHaveCount(expected.length);
      const era = scene.eras.find((e) => e.startYear <= year && year <= e.endYear);
      if (era) await expect(page.getByTestId('walkthrough-era')).toHaveText(era.title);
    }

    // A hotspot from the accessible list: its card opens with its story; Escape closes it.
    const year = scene.timeline.start;
    await slider.fill(String(year));
    await settled(page);
    const target = scene.structures.find((s) => standing(scene, year).includes(s.id) && s.hotspot.text) ?? scene.structures[0];
    const button = list.getByRole('button', { name: new RegExp(`^${target.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await button.click();
    const card = page.getByTestId('hotspot-card');
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { name: target.label })).toBeFocused();
    if (target.hotspot.text) await expect(card).toContainText(target.hotspot.text);
    expect(await hooks(page, (h) => h.state.selected)).toBe(target.id);
    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await expect(button).toBeFocused();
  });
}

test('three.js loads only with a walkthrough: not on the first screen, not on an ordinary site page', async ({ page }) => {
  const chunks = watchThreeChunk(page);
  await page.goto('/?lang=en');
  await expect(page.locator('main h1')).toBeVisible();
  await page.goto('/sites/ganghua-theatre?lang=en');
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.getByTestId('walkthrough')).toHaveCount(0);
  expect(chunks).toEqual([]);
  await page.goto('/sites/erchang?lang=en');
  await expect(page.locator('[data-testid="walkthrough-stage"] canvas')).toBeVisible({ timeout: 30_000 });
  expect(chunks.length).toBe(1);
});

test('full screen fills the window with the 3D view and keeps the tour controls on it', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 640 });
  await openWalkthrough(page, 'wangjiang-works');
  const stage = page.getByTestId('walkthrough-stage');
  await stage.getByRole('button', { name: 'Full screen' }).click();
  await expect.poll(() => hooks(page, (h) => h.probe?.canvasSize())).toEqual({ width: 1024, height: 640 });
  await stage.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => hooks(page, (h) => h.state.step)).toBe(1);
  await page.keyboard.press('Escape');
  await expect(stage.getByRole('button', { name: 'Full screen' })).toBeVisible();
});

test('the tour plays to its end by itself, and says so', async ({ page, request }) => {
  const scene = await sceneDoc(request, 'erchang');
  await openWalkthrough(page, 'erchang');
  await hooks(page, (h) => h.setTimeScale(40));
  await page.getByTestId('walkthrough-play').click();
  await expect(page.getByTestId('walkthrough-play')).toHaveText(/Pause the tour/);
  await expect.poll(() => hooks(page, (h) => h.state.ended), { timeout: 30_000 }).toBe(true);
  expect(await hooks(page, (h) => h.state)).toMatchObject({ step: scene.waypoints.length - 1, playing: false });
  await expect(page.getByTestId('walkthrough-caption')).toContainText('End of the tour.');
  await expect(page.getByTestId('walkthrough-play')).toHaveText(/Play the tour again/);
});

test('while the tour plays, each step speaks its own narration; pausing the tour stops it', async ({ page, request }) => {
  test.setTimeout(120_000);
  const scene = await sceneDoc(request, 'erchang');
  await openWalkthrough(page, 'erchang');
  // Long steps, so the tour does not move on by itself while the test looks.
  await hooks(page, (h) => h.setTimeScale(0.05));
  const file = (i: number) => `/assets/audio/narration/waypoint/erchang/${scene.waypoints[i].id}.en.opus`;
  await page.getByTestId('walkthrough-play').click(); // a real click: it also unlocks audio
  await expect.poll(() => playing(page), { timeout: 15_000 }).toEqual([file(0)]);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByTestId('walkthrough-caption')).toContainText(scene.waypoints[1].narration);
  await expect.poll(() => playing(page), { timeout: 15_000 }).toEqual([file(1)]);
  await page.getByTestId('walkthrough-play').click();
  await expect.poll(() => playing(page)).toEqual([]);
});

test('dragging leaves the path; the buttons and keys move the view; returning goes back to the step', async ({ page, request }) => {
  const scene = await sceneDoc(request, 'dadukou-steel-works');
  await openWalkthrough(page, 'dadukou-steel-works');
  await settled(page);
  const stage = page.getByTestId('walkthrough-stage');
  await stage.scrollIntoViewIfNeeded();
  const box = await stage.locator('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  const before = await hooks(page, (h) => h.probe?.camera().position);

  // A one-finger/mouse drag turns the view and leaves the guided path.
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.45, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('walkthrough-caption')).toContainText('left the guided path');
  await expect.poll(() => hooks(page, (h) => h.probe?.camera().position)).not.toEqual(before);

  // Zoom in with the button: the camera comes closer to what it looks at.
  const distance = () =>
    hooks(page, (h) => {
      const c = h.probe?.camera();
      return c ? Math.hypot(c.position[0] - c.target[0], c.position[1] - c.target[1], c.position[2] - c.target[2]) : 0;
    });
  const far = await distance();
  await stage.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await expect.poll(distance).toBeLessThan(far * 0.9);

  // Back to the path: the camera returns to the step's view.
  await stage.getByRole('button', { name: 'Return to the guided path' }).click();
  await settled(page);
  const cam = await hooks(page, (h) => h.probe?.camera().position);
  for (let k = 0; k < 3; k++) expect(Math.abs((cam?.[k] ?? 0) - scene.waypoints[0].camera[k])).toBeLessThan(1.5);
  expect(await hooks(page, (h) => h.state.mode)).toBe('guided');

  // Keys, with the stage focused: ] steps forward, [ back, + zooms, 0 resets.
  await stage.focus();
  await page.keyboard.press(']');
  await expect.poll(() => hooks(page, (h) => h.state.step)).toBe(1);
  await page.keyboard.press('[');
  await expect.poll(() => hooks(page, (h) => h.state.step)).toBe(0);
  const d0 = await distance();
  await page.keyboard.press('+');
  await expect.poll(distance).toBeLessThan(d0 * 0.9);
  await page.keyboard.press('0');
  await expect.poll(() => hooks(page, (h) => h.state.mode)).toBe('guided');
});

test('tapping a structure’s marker in the 3D view opens its card', async ({ page, request }) => {
  const scene = await sceneDoc(request, 'sankuaishi-power-station');
  await openWalkthrough(page, 'sankuaishi-power-station');
  await settled(page);
  const id = 'turbine-house';
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click(); // the step that shows the turbine house
  await settled(page);
  await page.getByTestId('walkthrough-stage').scrollIntoViewIfNeeded();
  const at = await hooks(page, (h) => h.probe?.markerAt('turbine-house'));
  if (!at) throw new Error('the turbine house is not on screen');
  await page.mouse.click(at.x, at.y - 12);
  const card = page.getByTestId('hotspot-card');
  await expect(card).toBeVisible();
  const label = scene.structures.find((s) => s.id === id)?.label ?? '';
  await expect(card.getByRole('heading')).toHaveText(label);
});

test('the walkthrough page passes axe, labels its canvas and keeps every control at least 44 px', async ({ page }) => {
  await openWalkthrough(page, 'project-816');
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByTestId('hotspot-list').getByRole('button').first().click();
  await expect(page.getByTestId('hotspot-card')).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('[data-testid="walkthrough"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-testid="walkthrough-stage"] canvas')).toHaveAttribute('aria-label', /.{40,}/);
  const small = await page.locator('[data-testid="walkthrough"] button, [data-testid="walkthrough"] input').evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el: (el as HTMLElement).outerHTML.slice(0, 80), r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 || r.width < 44)
      .map(({ el }) => el),
  );
  expect(small).toEqual([]);
});

test('in Traditional Chinese the captions, list and card are in Traditional Chinese', async ({ page, request }) => {
  const scene = await sceneDoc(request, 'erchang', 'zh-Hant');
  await page.goto('/sites/erchang?test-hooks=1&lang=zh-Hant');
  await expect(page.getByTestId('walkthrough-caption')).toContainText(scene.waypoints[0].narration);
  await expect(page.getByTestId('hotspot-list').getByRole('heading')).toContainText(String(scene.timeline.start));
  await expect(page.getByRole('button', { name: '下一步' })).toBeVisible();
});
