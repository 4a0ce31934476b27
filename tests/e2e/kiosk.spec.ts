/**
 * The kiosk lifecycle, driven by touch with a controlled clock: attract loop → tap → visit → idle
 * → "still there?" → reset, and nothing of the visitor left afterwards. Also idle holds
 * (narration, read-aloud), heartbeats with offline transitions, setup, and the touch guards.
 */
import type { Page } from '@playwright/test';
import { contentLoaded, expect, fetchContent, LANGUAGE_NAMES, type Language, test, uiString } from './fixtures.ts';
import { fakeSpeech, hook, kioskString, mockConfig, mockedKiosk, TEST_KIOSK } from './kiosk-support.ts';

// A touch screen in a hall; no service worker here (the offline spec has its own).
test.use({ hasTouch: true, viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', serviceWorkers: 'block' });

const attract = (page: Page) => page.getByTestId('attract');
const prompt = (page: Page) => page.getByTestId('idle-prompt');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const slideId = (page: Page) => page.locator('.attract-slide').getAttribute('data-slide-id');

async function startVisit(page: Page, language?: Language) {
  if (language) await page.getByRole('button', { name: LANGUAGE_NAMES[language], exact: true }).tap();
  else await page.getByTestId('attract-start').tap();
  await expect(attract(page)).toHaveCount(0);
  await contentLoaded(page);
}

test.describe('attract loop', () => {
  test('shows eras and sites, "touch to start" in three languages, and moves on by itself', async ({ page, request }) => {
    await page.clock.install();
    await page.goto('/?mode=kiosk');
    await expect(attract(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(kioskString('zh-Hans', 'attract.title'));
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      await expect(page.getByTestId('attract-start').locator(`[lang="${lang}"]`)).toHaveText(kioskString(lang, 'attract.touchToStart'));
      await expect(page.getByRole('button', { name: LANGUAGE_NAMES[lang], exact: true })).toBeVisible();
    }
    // Nothing of the app's pages or controls before a visitor arrives.
    await expect(page.getByTestId('kiosk-controls')).toHaveCount(0);

    const eras = await fetchContent(request, 'eras', 'zh-Hans');
    const sites = await fetchContent(request, 'sites', 'zh-Hans', { flagship: 'true' });
    const seen = new Set<string>();
    await expect(page.locator('.attract-slide')).toBeVisible();
    for (let i = 0; i < 6; i++) {
      const id = await slideId(page);
      seen.add(id ?? '');
      await page.clock.runFor(8_000);
      await expect.poll(() => slideId(page)).not.toBe(id);
    }
    expect([...seen].some((id) => eras.data.some((e) => e.id === id))).toBe(true);
    expect([...seen].some((id) => sites.data.some((s) => s.id === id))).toBe(true);
    // The slide moves in (an animation) for visitors who did not ask for less motion.
    expect(await page.locator('.attract-slide').evaluate((el) => getComputedStyle(el).animationName)).not.toBe('none');
  });

  test('under prefers-reduced-motion it is calm slides: no movement, a slower change', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.clock.install();
    await page.goto('/?mode=kiosk');
    await expect(page.locator('.attract-slide')).toBeVisible();
    expect(await page.locator('.attract-slide').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await page.getByTestId('attract-start').evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    const first = await slideId(page);
    await page.clock.runFor(8_500);
    expect(await slideId(page)).toBe(first);
    await page.clock.runFor(4_000);
    await expect.poll(() => slideId(page)).not.toBe(first);
  });

  test('starts on the kiosk’s start exhibit, in its language, or in the language tapped', async ({ page, request }) => {
    await mockedKiosk(page, mockConfig({ defaultLanguage: 'en', startExhibit: { path: '/sites/erchang', source: 'kiosk', until: null } }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await expect(attract(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The start exhibit leads the showcase.
    await expect(page.locator('.attract-slide')).toHaveAttribute('data-slide-id', 'erchang');

    await startVisit(page);
    await expect(page).toHaveURL(/\/sites\/erchang(\?|$)/);
    const site = await fetchContent(request, 'sites/erchang', 'en');
    await expect(page.locator('main h1')).toHaveText(site.data.name);
    await expect(page.getByTestId('kiosk-controls')).toBeVisible();
    // The first touch unlocked audio for the visit (the narration player needs no second tap).
    await expect.poll(() => hook.audio(page)).toMatchObject({ unlocked: true });

    await page.evaluate(() => window.__museumKiosk?.reset());
    await expect(attract(page)).toBeVisible();
    await startVisit(page, 'zh-Hant');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(page.locator('main h1')).toHaveText((await fetchContent(request, 'sites/erchang', 'zh-Hant')).data.name);
  });
});

test.describe('idle and reset', () => {
  test('idle leads to "still there?", then to a reset that leaves nothing of the visitor', async ({ page, request }) => {
    const speech = await fakeSpeech(page);
    await mockedKiosk(
      page,
      mockConfig({ defaultLanguage: 'en', idleTimeoutSeconds: 60, promptSeconds: 20, startExhibit: { path: '/', source: 'kiosk', until: null } }),
    );
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    const visitBefore = await hook.visit(page);

    // The visitor: another language, the site list with a filter, a site, scrolled, every option on.
    await page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hant'], exact: true }).tap();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await page
      .getByRole('navigation', { name: uiString('zh-Hant', 'nav.label') })
      .getByRole('link', { name: uiString('zh-Hant', 'nav.sites') })
      .tap();
    await contentLoaded(page);
    const eras = await fetchContent(request, 'eras', 'zh-Hant');
    await page.getByRole('combobox', { name: uiString('zh-Hant', 'filter.era'), exact: true }).selectOption(eras.data[1].id);
    await expect(page).toHaveURL(new RegExp(`era=${eras.data[1].id}`));
    await page.evaluate(() => sessionStorage.setItem('visit-draft', 'a half-filled form'));
    await page.getByRole('button', { name: kioskString('zh-Hant', 'controls.accessibility') }).tap();
    for (const option of ['a11y.largeText', 'a11y.highContrast', 'a11y.readAloud']) {
      await page.getByRole('button', { name: kioskString('zh-Hant', option), exact: true }).tap();
    }
    await page.getByRole('button', { name: kioskString('zh-Hant', 'controls.reach') }).tap();
    await expect(page.locator('html')).toHaveClass(/a11y-large-text/);
    await expect(page.locator('html')).toHaveClass(/a11y-high-contrast/);
    await expect(page.locator('html')).toHaveClass(/kiosk-reach/);
    await expect.poll(async () => (await speech.log()).speaking).toBe(true);
    await page.getByRole('button', { name: kioskString('zh-Hant', 'a11y.stop') }).tap();
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

    // Idle: a minute of nothing brings the prompt, with at least 20 seconds to answer.
    await page.clock.runFor(59_000);
    await expect(prompt(page)).toHaveCount(0);
    await page.clock.runFor(2_000);
    await expect(prompt(page)).toBeVisible();
    await expect(prompt(page).getByRole('heading')).toHaveText(kioskString('zh-Hant', 'prompt.title'));
    const seconds = Number(await prompt(page).locator('.idle-prompt-count').textContent());
    expect(seconds).toBeGreaterThanOrEqual(19);
    await page.clock.runFor(10_000);
    await expect(prompt(page)).toBeVisible();
    await page.clock.runFor(11_000);

    // Reset: the attract loop again, in the kiosk's language, and not a trace of the visit.
    await expect(attract(page)).toBeVisible();
    expect(await hook.phase(page)).toBe('attract');
    expect(await hook.visit(page)).toBe((visitBefore ?? 0) + 1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).not.toHaveClass(/a11y-large-text|a11y-high-contrast|kiosk-reach/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await hook.isIdleHeld(page)).toBe(false);
    expect((await speech.log()).speaking).toBe(false);
    const audio = await hook.audio(page);
    expect(audio === null || !['playing', 'loading'].includes(audio.status)).toBe(true);
    expect(await page.evaluate(() => [...document.querySelectorAll('audio, video')].every((m) => (m as HTMLMediaElement).paused))).toBe(true);
    // The visitor's route is gone from the address bar too (only the kiosk's own parameters remain).
    expect(new URL(page.url()).pathname).toBe('/');
    expect(new URL(page.url()).searchParams.get('era')).toBeNull();

    // The next visitor starts fresh: start page, top of the page, default language, options off, no history.
    await startVisit(page);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.getByRole('button', { name: LANGUAGE_NAMES.en, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: kioskString('en', 'controls.back') })).toBeDisabled();
    await expect(page.getByRole('button', { name: kioskString('en', 'controls.reach') })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('a11y-menu')).toHaveCount(0);
    await page.getByRole('button', { name: kioskString('en', 'controls.accessibility') }).tap();
    for (const option of ['a11y.largeText', 'a11y.highContrast', 'a11y.readAloud']) {
      await expect(page.getByRole('button', { name: kioskString('en', option), exact: true })).toHaveAttribute('aria-pressed', 'false');
    }
  });

  test('one tap on the prompt continues the visit where it was', async ({ page }) => {
    await mockedKiosk(page, mockConfig({ idleTimeoutSeconds: 60, promptSeconds: 30 }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    await page.getByRole('button', { name: LANGUAGE_NAMES['zh-Hans'], exact: true }).tap();
    await page.clock.runFor(61_000);
    await expect(prompt(page)).toBeVisible();
    await page.clock.runFor(25_000);
    await prompt(page)
      .getByRole('button', { name: kioskString('zh-Hans', 'prompt.continue') })
      .tap();
    await expect(prompt(page)).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page).toHaveURL(/\/sites\/erchang/);
    // The visitor gets the full idle time again.
    await page.clock.runFor(55_000);
    await expect(prompt(page)).toHaveCount(0);
    expect(await hook.phase(page)).toBe('active');
    await page.clock.runFor(6_000);
    await expect(prompt(page)).toBeVisible();
  });

  test('an idle hold (narration, a guided walkthrough) pauses the timer until it is released', async ({ page }) => {
    await mockedKiosk(page, mockConfig({ idleTimeoutSeconds: 60 }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    await page.evaluate(() => {
      (window as unknown as { __release: () => void }).__release = window.__museumKiosk!.holdIdle('narration');
    });
    await page.clock.runFor(5 * 60_000);
    await expect(prompt(page)).toHaveCount(0);
    expect(await hook.phase(page)).toBe('active');
    await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
    await page.clock.runFor(59_000);
    await expect(prompt(page)).toHaveCount(0);
    await page.clock.runFor(2_000);
    await expect(prompt(page)).toBeVisible();
  });

  test('read-aloud holds the timer while it speaks, and releases it when done', async ({ page }) => {
    const speech = await fakeSpeech(page);
    await mockedKiosk(page, mockConfig({ idleTimeoutSeconds: 60 }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    await page.getByRole('button', { name: kioskString('en', 'controls.accessibility') }).tap();
    await page.getByRole('button', { name: kioskString('en', 'a11y.readAloud'), exact: true }).tap();
    await expect.poll(async () => (await speech.log()).speaking).toBe(true);
    await expect(page.getByRole('status').filter({ hasText: kioskString('en', 'a11y.speaking') })).toBeVisible();
    expect(await hook.isIdleHeld(page)).toBe(true);
    // A site's text takes minutes to read: well past the idle timeout, and no prompt.
    await page.clock.runFor(90_000);
    await expect(prompt(page)).toHaveCount(0);
    expect((await speech.log()).speaking).toBe(true);
    // The page's main text, in reading order: the eyebrow, the heading, …
    const { spoken } = await speech.log();
    expect(spoken.length).toBeGreaterThan(2);
    expect(spoken.slice(0, 3)).toContain(await page.locator('main h1').textContent());
    await page.getByRole('button', { name: kioskString('en', 'a11y.stop') }).tap();
    expect(await hook.isIdleHeld(page)).toBe(false);
    await page.clock.runFor(61_000);
    await expect(prompt(page)).toBeVisible();
  });

  test('"End visit" resets at once', async ({ page }) => {
    await mockedKiosk(page);
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    await page.getByRole('button', { name: kioskString('en', 'controls.end') }).tap();
    await expect(attract(page)).toBeVisible();
  });
});

test.describe('touch first', () => {
  test('Home and Back are always there; no context menu, text selection or pinch zoom', async ({ page, request }) => {
    await mockedKiosk(page, mockConfig({ startExhibit: { path: '/eras', source: 'kiosk', until: null } }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    const back = page.getByRole('button', { name: kioskString('en', 'controls.back') });
    const home = page.getByRole('button', { name: kioskString('en', 'controls.home') });
    await expect(back).toBeDisabled();
    const eras = await fetchContent(request, 'eras', 'en');
    await page
      .getByRole('link', { name: new RegExp(escapeRegExp(eras.data[0].title)) })
      .first()
      .tap();
    await contentLoaded(page);
    await expect(page).toHaveURL(new RegExp(`/eras/${eras.data[0].id}`));
    await page.mouse.wheel(0, 3000);
    // Still on screen after scrolling: the bar is fixed.
    await expect(home).toBeInViewport();
    await expect(back).toBeEnabled();
    await back.tap();
    await expect(page).toHaveURL(/\/eras(\?|$)/);
    await page
      .getByRole('link', { name: new RegExp(escapeRegExp(eras.data[1].title)) })
      .first()
      .tap();
    await home.tap();
    await expect(page).toHaveURL(/\/eras$/);
    await expect(home).toHaveAttribute('aria-current', 'page');

    const guarded = await page.evaluate(() => {
      const target = document.querySelector('main h1')!;
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      target.dispatchEvent(menu);
      const wheel = new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 });
      target.dispatchEvent(wheel);
      const html = getComputedStyle(document.documentElement);
      return {
        contextMenuBlocked: menu.defaultPrevented,
        ctrlWheelBlocked: wheel.defaultPrevented,
        userSelect: getComputedStyle(target).userSelect,
        touchAction: html.touchAction,
        overscroll: html.overscrollBehaviorY,
        viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content'),
      };
    });
    expect(guarded).toEqual({
      contextMenuBlocked: true,
      ctrlWheelBlocked: true,
      userSelect: 'none',
      touchAction: 'pan-x pan-y',
      overscroll: 'none',
      // Zoom is taken away by touch-action and the kiosk's Chromium flags, never by the viewport
      // tag (that would also take it from web visitors and fails WCAG 1.4.4).
      viewport: 'width=device-width, initial-scale=1',
    });
  });

  test('the web keeps normal zoom, selection and context menus', async ({ page }) => {
    await page.goto('/');
    await contentLoaded(page);
    const web = await page.evaluate(() => {
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.querySelector('main h1')!.dispatchEvent(menu);
      return { blocked: menu.defaultPrevented, touchAction: getComputedStyle(document.documentElement).touchAction };
    });
    expect(web).toEqual({ blocked: false, touchAction: 'auto' });
    await expect(page.getByTestId('kiosk-controls')).toHaveCount(0);
  });
});

test.describe('heartbeat and configuration', () => {
  test('reports every interval, and queues going offline until the server is back', async ({ page }) => {
    const kiosk = await mockedKiosk(page, mockConfig({ heartbeatIntervalSeconds: 30 }));
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await expect.poll(() => kiosk.beats.length).toBe(1);
    expect(kiosk.beats[0]).toMatchObject({ state: 'attract', lastInteractionAt: null, events: [] });
    await expect.poll(() => kiosk.beats[0]?.contentVersion ?? kiosk.beats.at(-1)?.contentVersion).not.toBeUndefined();

    await startVisit(page);
    await page.clock.runFor(30_000);
    await expect.poll(() => kiosk.beats.length).toBe(2);
    expect(kiosk.beats[1].state).toBe('active');
    expect(kiosk.beats[1].lastInteractionAt).not.toBeNull();
    expect(kiosk.beats[1].contentVersion).toBeGreaterThan(0);

    kiosk.serverUp(false);
    await page.clock.runFor(30_000);
    // The next beat is timed from when the last one finished (real time on a busy machine): nudge
    // the clock on while waiting for the failed beat to be queued.
    await expect
      .poll(async () => {
        const queued = await page.evaluate(() => window.__museumKiosk?.heartbeatQueue().length);
        if (queued === 0) await page.clock.runFor(1_000);
        return queued;
      })
      .toBe(1);
    await page.clock.runFor(60_000);
    // Kept in localStorage: a reload while offline does not lose it.
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('museum.kiosk.heartbeat-queue') ?? '[]').length)).toBe(1);

    kiosk.serverUp(true);
    await page.clock.runFor(30_000);
    await expect.poll(() => kiosk.beats.flatMap((b) => b.events.map((e) => e.status))).toEqual(['offline', 'online']);
    await expect.poll(() => page.evaluate(() => window.__museumKiosk?.heartbeatQueue().length)).toBe(0);
  });

  test('set-up: the token is checked against the server and kept; a wrong one is refused', async ({ page }) => {
    await page.route('**/api/kiosks/me/config', (route) => {
      const auth = route.request().headers().authorization;
      if (auth === 'Bearer mdt_right') return route.fulfill({ json: mockConfig({ kioskId: 'hall-7', defaultLanguage: 'zh-Hant' }) });
      if (auth === 'Bearer mdt_other') return route.fulfill({ json: mockConfig({ kioskId: 'hall-8' }) });
      return route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ type: '/problems/unauthenticated', title: 'Not signed in', status: 401, detail: 'Send a valid device token.' }),
      });
    });
    await page.route('**/api/kiosks/heartbeat', (route) => route.fulfill({ status: 204 }));
    await page.goto('/?mode=kiosk&kiosk=hall-7');
    const setup = page.getByTestId('kiosk-setup');
    await expect(setup).toBeVisible();
    const token = setup.getByLabel(kioskString('zh-Hans', 'setup.token'));
    await token.fill('mdt_wrong');
    await setup.getByRole('button', { name: kioskString('zh-Hans', 'setup.save') }).tap();
    await expect(setup.getByRole('alert')).toContainText('Send a valid device token.');
    await token.fill('mdt_other');
    await setup.getByRole('button', { name: kioskString('zh-Hans', 'setup.save') }).tap();
    await expect(setup.getByRole('alert')).toHaveText(kioskString('zh-Hans', 'setup.wrongKiosk', { other: 'hall-8', id: 'hall-7' }));
    await token.fill('mdt_right');
    await setup.getByRole('button', { name: kioskString('zh-Hans', 'setup.save') }).tap();
    await expect(attract(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('museum.kiosk.device') ?? 'null'))).toEqual({ kioskId: 'hall-7', token: 'mdt_right' });

    // Kept: the next start needs no set-up; the token in an address fragment is never left in the bar.
    await page.goto('/?mode=kiosk&kiosk=hall-7');
    await expect(attract(page)).toBeVisible();
    await page.goto('/?mode=kiosk&kiosk=hall-7&setup=1#kiosk-token=mdt_right');
    await expect(attract(page)).toBeVisible();
    expect(page.url()).not.toContain('mdt_right');
  });

  test('with the server down at start, the kiosk runs on its last configuration', async ({ page }) => {
    const saved = mockConfig({ defaultLanguage: 'zh-Hant', startExhibit: { path: '/eras', source: 'kiosk', until: null } });
    const kiosk = await mockedKiosk(page, mockConfig({ defaultLanguage: 'en' }), { saveConfig: saved });
    kiosk.serverUp(false);
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await expect(attract(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await startVisit(page);
    await expect(page).toHaveURL(/\/eras(\?|$)/);
  });

  test('a new configuration waits for the end of the visit', async ({ page }) => {
    let config = mockConfig({ defaultLanguage: 'en', configVersion: 'v1' });
    await mockedKiosk(page, config);
    await page.route('**/api/kiosks/me/config', (route) => route.fulfill({ json: config }));
    await page.route('**/api/kiosks/heartbeat', (route) =>
      route.fulfill({
        json: { serverTime: new Date().toISOString(), heartbeatIntervalSeconds: 30, configVersion: config.configVersion, contentVersion: 1, storedEvents: 0 },
      }),
    );
    await page.clock.install();
    await page.goto(`/?mode=kiosk&kiosk=${TEST_KIOSK}`);
    await startVisit(page);
    config = mockConfig({ defaultLanguage: 'zh-Hans', configVersion: 'v2', startExhibit: { path: '/eras', source: 'playlist', until: null } });
    await page.clock.runFor(31_000);
    await expect.poll(() => page.evaluate(() => window.__museumKiosk?.config().configVersion)).toBe('v1');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.evaluate(() => window.__museumKiosk?.reset());
    await expect.poll(() => page.evaluate(() => window.__museumKiosk?.config().configVersion)).toBe('v2');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await startVisit(page);
    await expect(page).toHaveURL(/\/eras(\?|$)/);
  });
});
