/**
 * `npx tsx tests/bench/scenes-posters.ts [ids…]`: renders each walkthrough scene's first view at
 * 1280×720, in the year the scene opens on, and saves it as the poster shown without WebGL (assets/3d/posters/<id>.jpg). Run after
 * changing a scene so the fallback still shows what the 3D view would. Needs a build (see
 * scenes-harness.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, openScene, startMuseum, type WalkthroughWindow } from './scenes-harness.ts';

const OUT = path.join(import.meta.dirname, '../../assets/3d/posters');
mkdirSync(OUT, { recursive: true });
const server = await startMuseum(4404);
const browser = await launchChromium();
try {
  const res = await fetch(`${server.url}/api/content/scenes?lang=en`);
  const all = ((await res.json()) as { data: { id: string }[] }).data.map((s) => s.id);
  const wanted = process.argv.slice(2);
  for (const id of wanted.length ? wanted : all) {
    const { page } = await openScene(browser, server.url, id);
    // The picture only: no captions, buttons or labels over it.
    await page.addStyleTag({ content: '.walkthrough-caption, .walkthrough-camera, .walkthrough-label, .walkthrough-card { display: none !important; }' });
    // The first view, in the year the scene opens on (what the poster's alt text describes).
    await page.evaluate(() => {
      const c = (window as unknown as WalkthroughWindow).__walkthrough.controller;
      c.goTo(0);
      c.setYear(c.scene.timeline.start);
    });
    await page.waitForFunction(() => (window as unknown as WalkthroughWindow).__walkthrough.probe?.settled());
    await page.waitForTimeout(500);
    const file = path.join(OUT, `${id}.jpg`);
    await page.screenshot({ path: file, type: 'jpeg', quality: 80, clip: { x: 0, y: 0, width: 1280, height: 720 } });
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
