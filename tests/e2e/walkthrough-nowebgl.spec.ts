/**
 * A browser started with WebGL switched off (`--disable-webgl --disable-3d-apis`): the
 * walkthrough shows the poster and the text tour, and never downloads three.js.
 */
import config from '../../playwright.config.ts';
import { expect, test } from './fixtures.ts';
import { expectFallback, watchThreeChunk } from './walkthrough-support.ts';

test.use({
  locale: 'en-GB',
  launchOptions: { ...config.use?.launchOptions, args: [...(config.use?.launchOptions?.args ?? []), '--disable-webgl', '--disable-3d-apis'] },
});

test('the fallback shows the poster and the text tour', async ({ page, request }) => {
  const chunks = watchThreeChunk(page);
  await page.goto('/sites/project-816?lang=en');
  await expectFallback(page, request, 'project-816', 'unavailable');
  expect(chunks).toEqual([]);
});
