/**
 * Audio unlock with real taps, in a Chromium that refuses sound until the visitor has touched the
 * page (--autoplay-policy=user-gesture-required, as a strict mobile browser would). page.evaluate
 * counts as a user gesture, so every unlock here comes from a real tap and script is only used
 * to read state or to send an untrusted event.
 */
import type { Page } from '@playwright/test';
import { audioClock, playing } from './audio-support.ts';
import { contentLoaded, expect, test } from './fixtures.ts';

test.use({
  locale: 'zh-CN',
  hasTouch: true,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--autoplay-policy=user-gesture-required', '--no-first-run'],
  },
});

/** A narration is fetched and decoded before it starts: allow for a busy test machine. */
const START = 15_000;

const player = (page: Page) => page.locator('section.narration');

const contextState = async (page: Page) => (await audioClock(page)).state;

test('kiosk: the attract screen’s first real tap unlocks audio (script events do not); narration holds the idle timer', async ({ page }) => {
  await page.goto('/eras/wartime?mode=kiosk');
  await expect(page.getByTestId('attract')).toBeVisible();
  // The kiosk loads howler at once so the unlock can run inside that first tap.
  await page.waitForFunction(() => 'Howler' in window);
  // A synthetic event is not a visitor's touch: nothing is unlocked.
  await page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerup')));
  await page.waitForTimeout(300);
  expect(await contextState(page)).not.toBe('running');

  await page.getByTestId('attract-start').tap();
  await expect.poll(() => contextState(page)).toBe('running');
  expect(await page.evaluate(() => (window as unknown as { Howler: { autoSuspend: boolean } }).Howler.autoSuspend)).toBe(false);

  // A visitor listening to narration holds the kiosk's idle timer; pausing lets it run again.
  const idleHeld = () => page.evaluate(() => window.__museumKiosk?.isIdleHeld() ?? null);
  await page.locator('a[href="/eras/wartime"]').first().tap();
  await contentLoaded(page);
  expect(await idleHeld()).toBe(false);
  await page.getByRole('button', { name: '播放讲解' }).tap();
  await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
  expect(await idleHeld()).toBe(true);
  await page.getByRole('button', { name: '暂停讲解' }).tap();
  await expect(player(page)).toHaveAttribute('data-status', 'paused');
  expect(await idleHeld()).toBe(false);
});

test('web: pressing Play is the tap that starts sound', async ({ page }) => {
  await page.goto('/eras/wartime');
  await contentLoaded(page);
  expect(await contextState(page)).not.toBe('running');
  await page.getByRole('button', { name: '播放讲解' }).tap();
  await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
  await expect.poll(() => playing(page), { timeout: START }).toHaveLength(1);
  await expect(page.locator('.narration-error')).toHaveCount(0);
});
