/**
 * Shared by the scene benchmark and the poster maker: serve a build of the front end with the
 * museum server, open headless system Chromium with SwiftShader (the weakest kiosk GPU stands in
 * for it), and open a site's walkthrough with the test hooks on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { type Server, startServer, tempDataDir } from './harness.ts';

/** The build to serve: BENCH_STATIC_DIR, else E2E_STATIC_DIR, else dist/. */
export function staticDir(): string {
  const dir = path.resolve(process.env.BENCH_STATIC_DIR ?? process.env.E2E_STATIC_DIR ?? 'dist');
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no front-end build in ${dir}: run \`npx vite build --outDir ${dir}\` first (or set BENCH_STATIC_DIR)`);
  }
  return dir;
}

export async function startMuseum(port: number): Promise<Server> {
  return startServer('kiosk-server/main.ts', { DATA_DIR: tempDataDir(), STATIC_DIR: staticDir() }, '/api/health', port);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--no-first-run'],
  });
}

export interface SceneInfo {
  id: string;
  steps: number;
  /** The year in which the most structures stand (the heaviest frame). */
  busiestYear: number;
}

/**
 * Opens a site's walkthrough at 1280×720 in full-screen mode (the canvas fills the window),
 * without motion, and waits until the scene has been drawn.
 */
export async function openScene(browser: Browser, baseUrl: string, id: string): Promise<{ page: Page; info: SceneInfo }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await page.goto(`${baseUrl}/sites/${id}?test-hooks=1&lang=en`);
  await page.waitForFunction(() => (window as unknown as WalkthroughWindow).__walkthrough?.probe?.ready === true, null, { timeout: 90_000 });
  await page.getByRole('button', { name: 'Full screen' }).click();
  const info = await page.evaluate(() => {
    const w = (window as unknown as WalkthroughWindow).__walkthrough;
    const c = w.controller;
    const { from, to } = c.scene.timeline;
    let busiestYear = from;
    let most = -1;
    for (let y = from; y <= to; y++) {
      const n = c.scene.structures.filter((s) => s.years.from === undefined || (s.years.from <= y && (s.years.to === undefined || y <= s.years.to))).length;
      if (n > most) {
        most = n;
        busiestYear = y;
      }
    }
    return { id: c.scene.id, steps: c.steps, busiestYear };
  });
  await page.waitForFunction(() => {
    const p = (window as unknown as WalkthroughWindow).__walkthrough.probe;
    const s = p?.canvasSize();
    return s && s.width === 1280 && s.height === 720;
  });
  return { page, info };
}

/** The shape of `window.__walkthrough` as the tests and benchmarks use it. */
export interface WalkthroughWindow {
  __walkthrough: {
    controller: {
      scene: {
        id: string;
        timeline: { from: number; to: number; start: number };
        structures: { id: string; years: { from?: number; to?: number } }[];
        waypoints: { camera: number[]; target: number[] }[];
      };
      steps: number;
      goTo(step: number): void;
      setYear(year: number): void;
    };
    state: { step: number; year: number; playing: boolean; ended: boolean; mode: string; selected: string | null };
    fallback: string | null;
    probe: {
      ready: boolean;
      sceneId: string | null;
      visible(): string[];
      settled(): boolean;
      camera(): { position: number[]; target: number[] };
      memory(): { geometries: number; textures: number };
      render(): { calls: number; triangles: number; frame: number };
      canvasSize(): { width: number; height: number };
      markerAt(id: string): { x: number; y: number } | null;
      loseContext(): void;
      measure(frames: number, mode: 'scene' | 'empty' | 'fill'): { times: number[]; calls: number; triangles: number };
    } | null;
    setTimeScale(scale: number): void;
  };
}
