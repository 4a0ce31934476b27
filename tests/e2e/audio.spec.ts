/**
 * Narration as a visitor meets it: captions follow the narration as it plays and as it is moved,
 * in each language; one narration at a time; it stops when the visitor leaves the page; axe on a page with the
 * player (the unlock by a real tap is in audio-unlock.spec.ts). Playback is read from howler and the
 * Web Audio graph (the context running, its clock moving), not from the page's own UI.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import type { NarrationManifest } from '../../exhibit/audio/narrationManifest.ts';
import { audioClock, playing, playingGain } from './audio-support.ts';
import { contentLoaded, expect, fetchContent, LANGUAGES, type Language, switchLanguage, test } from './fixtures.ts';

test.use({ locale: 'zh-CN' });

/** A narration is fetched and decoded before it starts: allow for a busy test machine. */
const START = 15_000;

interface Cue {
  start: number;
  end: number;
  text: string;
}

/** A minimal reading of the generated VTT (the app uses a full parser; this keeps the test independent). */
async function cuesOf(request: APIRequestContext, url: string): Promise<Cue[]> {
  const text = await (await request.get(url)).text();
  const seconds = (t: string) => t.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return text
    .split(/\n\n+/)
    .map((block) => block.match(/^(?:\d+\n)?([\d:.]+) --> ([\d:.]+)\n([\s\S]+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ start: seconds(m[1]), end: seconds(m[2]), text: m[3].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim() }));
}

async function manifest(request: APIRequestContext): Promise<NarrationManifest> {
  const res = await request.get('/assets/audio/narration/manifest.json');
  expect(res.status()).toBe(200);
  return (await res.json()) as NarrationManifest;
}

const player = (page: Page) => page.locator('section.narration');
const caption = (page: Page) => page.getByTestId('narration-caption');

test.describe('captions follow the narration', () => {
  for (const lang of LANGUAGES) {
    test(`${lang}: captions change as the narration plays and when it is moved`, async ({ page, request }) => {
      const entry = (await manifest(request)).items['era/wartime'][lang as Language]!;
      const cues = await cuesOf(request, entry.captions);
      expect(cues.length).toBeGreaterThan(3);

      await page.goto(`/eras/wartime?lang=${lang}`);
      await contentLoaded(page);
      await expect(player(page)).toHaveAttribute('data-status', 'idle');
      await expect(caption(page)).toHaveText('');

      await page.getByRole('button', { name: /^(播放讲解|播放講解|Play the narration)$/ }).click();
      await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
      await expect.poll(() => playing(page), { timeout: START }).toEqual([entry.audio[0]]);
      // The first sentence, then — as time passes — the second.
      await expect(caption(page)).toHaveText(cues[0].text);
      await expect(caption(page)).toHaveText(cues[1].text, { timeout: (cues[1].start + 5) * 1000 });

      // Moving the position slider shows the sentence spoken there.
      const target = cues[4];
      await page.getByRole('slider', { name: /^(播放进度|播放進度|Position)$/ }).fill(String(Math.ceil(target.start * 2) / 2 + 0.5));
      await expect(caption(page)).toHaveText(target.text);
      await expect(page.locator('.narration-transcript li[aria-current="true"]')).toContainText(target.text);

      // Pause: nothing plays, the caption stays.
      await page.getByRole('button', { name: /^(暂停讲解|暫停講解|Pause the narration)$/ }).click();
      await expect(player(page)).toHaveAttribute('data-status', 'paused');
      await expect.poll(() => playing(page), { timeout: START }).toEqual([]);
      await expect(caption(page)).toHaveText(target.text);
    });
  }

  test('the transcript lists every sentence and plays from the one tapped', async ({ page, request }) => {
    const entry = (await manifest(request)).items['site/project-816'].en!;
    const cues = await cuesOf(request, entry.captions);
    await page.goto('/sites/project-816?lang=en');
    await contentLoaded(page);
    await page.getByText('Transcript', { exact: true }).click();
    const items = page.locator('.narration-transcript li');
    await expect(items.locator('span')).toHaveText(cues.map((c) => c.text));
    const pick = cues[cues.length - 2];
    await items
      .nth(cues.length - 2)
      .getByRole('button')
      .click();
    await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
    await expect(caption(page)).toHaveText(pick.text);
    await expect.poll(() => playing(page), { timeout: START }).toEqual([entry.audio[0]]);
  });
});

test('one narration at a time, and it stops when the visitor leaves the page', async ({ page, request }) => {
  const m = await manifest(request);
  const era = await fetchContent(request, 'eras/wartime', 'zh-Hans');
  const flagship = era.data.sites.find((s) => s.flagship && m.items[`site/${s.id}`]);
  expect(flagship, 'a flagship site of the wartime era').toBeTruthy();

  await page.goto('/eras/wartime');
  await contentLoaded(page);
  await page.getByRole('button', { name: '播放讲解' }).click();
  await expect.poll(() => playing(page), { timeout: START }).toEqual([m.items['era/wartime']['zh-Hans']!.audio[0]]);

  // Leave for a site page through a link (client-side navigation): the era's narration stops.
  await page.locator(`a[href="/sites/${flagship!.id}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/sites/${flagship!.id}$`));
  await expect.poll(() => playing(page), { timeout: START }).toEqual([]);

  // The site's own narration plays, and only it.
  await page.getByRole('button', { name: '播放讲解' }).click();
  const siteAudio = m.items[`site/${flagship!.id}`]['zh-Hans']!.audio[0];
  await expect.poll(() => playing(page), { timeout: START }).toEqual([siteAudio]);

  // Back: the site's narration stops too; starting the era again leaves exactly one playing.
  await page.goBack();
  await expect(page).toHaveURL(/\/eras\/wartime$/);
  await expect.poll(() => playing(page), { timeout: START }).toEqual([]);
  await page.getByRole('button', { name: '播放讲解' }).click();
  await expect.poll(() => playing(page), { timeout: START }).toEqual([m.items['era/wartime']['zh-Hans']!.audio[0]]);

  // Switching language silences the narration in the old language; the new one waits for Play.
  await switchLanguage(page, 'en');
  await expect.poll(() => playing(page), { timeout: START }).toEqual([]);
  await expect(player(page)).toHaveAttribute('data-narration-id', 'era/wartime:en');
  await expect(player(page)).toHaveAttribute('data-status', 'idle');
});

test('volume and mute reach the audio graph', async ({ page }) => {
  await page.goto('/eras/founding?lang=en');
  await contentLoaded(page);
  await page.getByRole('button', { name: 'Play the narration' }).click();
  await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
  const before = await audioClock(page);
  expect(before.state).toBe('running');
  await expect.poll(async () => (await audioClock(page)).time).toBeGreaterThan(before.time + 0.5);

  await page.getByRole('slider', { name: 'Volume' }).fill('40');
  await expect.poll(() => playingGain(page)).toEqual({ volume: 0.4, muted: false, gain: 0.4 });
  const mute = page.getByRole('button', { name: 'Mute' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => playingGain(page)).toEqual({ volume: 0.4, muted: true, gain: 0 });
  await mute.click();
  await expect.poll(() => playingGain(page)).toEqual({ volume: 0.4, muted: false, gain: 0.4 });

  const captionsToggle = page.getByRole('button', { name: 'Captions' });
  await captionsToggle.click();
  await expect(caption(page)).toBeHidden();
  await captionsToggle.click();
  await expect(caption(page)).toBeVisible();
});

test('a site without narration shows no player; an era page with one passes axe', async ({ page }) => {
  await page.goto('/sites/ganghua-theatre');
  await contentLoaded(page);
  await expect(player(page)).toHaveCount(0);

  await page.goto('/eras/third-front');
  await contentLoaded(page);
  await page.getByText('讲解全文').click();
  await page.getByRole('button', { name: '播放讲解' }).click();
  await expect(player(page)).toHaveAttribute('data-status', 'playing', { timeout: START });
  await expect(caption(page)).not.toHaveText('');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).include('section.narration').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  const whole = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(whole.violations.map((v) => v.id)).toEqual([]);
  for (const control of await page.locator('section.narration button, section.narration input, section.narration summary').all()) {
    if (!(await control.isVisible())) continue;
    expect((await control.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await expect(caption(page)).toHaveAttribute('aria-live', 'off');
});
