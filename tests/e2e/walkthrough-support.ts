/**
 * Helpers for the walkthrough specs: the scene documents from the API, the rule for which
 * structures stand in a year (written again here, independently of the app), and waiting on the
 * test hooks (`?test-hooks=1` → window.__walkthrough).
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { WalkthroughWindow } from '../bench/scenes-harness.ts';
import { expect } from './fixtures.ts';

export interface Structure {
  id: string;
  label: string;
  years: { from?: number; to?: number; basis: string };
  hotspot: { text?: string; link?: { kind: string; id: string; name?: string } };
}
export interface SceneDoc {
  id: string;
  title: string;
  description: string;
  timeline: { from: number; to: number; start: number };
  moments: { year: number; text: string }[];
  structures: Structure[];
  waypoints: { id: string; title: string; narration: string; camera: [number, number, number]; target: [number, number, number]; year?: number }[];
  eras: { id: string; title: string; startYear: number; endYear: number }[];
  poster: { src: string; alt: string };
}

export async function sceneIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get('/api/content/scenes', { params: { lang: 'en' } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: { id: string }[] }).data.map((s) => s.id).sort();
}

export async function sceneDoc(request: APIRequestContext, id: string, lang = 'en'): Promise<SceneDoc> {
  const res = await request.get(`/api/content/scenes/${id}`, { params: { lang } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { data: SceneDoc }).data;
}

/** Structures standing in `year`: from ≤ year ≤ to; undated ones always. */
export function standing(scene: SceneDoc, year: number): string[] {
  return scene.structures
    .filter((s) => s.years.from === undefined || (s.years.from <= year && (s.years.to === undefined || year <= s.years.to)))
    .map((s) => s.id)
    .sort();
}

type Hooks = WalkthroughWindow['__walkthrough'];

export function hooks<T>(page: Page, fn: (w: Hooks) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.__walkthrough)`) as Promise<T>;
}

/** Opens a site's page with the test hooks and waits until its scene has been drawn. */
export async function openWalkthrough(page: Page, id: string, extra = '') {
  await page.goto(`/sites/${id}?test-hooks=1&lang=en${extra}`);
  await expect(page.getByTestId('walkthrough')).toBeVisible();
  await expect.poll(() => hooks(page, (w) => w?.probe?.ready === true && w.probe.sceneId), { timeout: 60_000 }).toBe(id);
}

/** Waits until no structure is rising or sinking and the camera is not gliding. */
export async function settled(page: Page) {
  await expect.poll(() => hooks(page, (w) => w.probe?.settled() ?? false), { timeout: 20_000 }).toBe(true);
}

export async function visibleIds(page: Page): Promise<string[]> {
  return hooks(page, (w) => (w.probe?.visible() ?? []).slice().sort());
}

/** Records requests for the 3D chunk (three.js, R3F): the fallback must not pay for them. */
export function watchThreeChunk(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/\/app\/WalkthroughCanvas-[^/]*\.js$/.test(new URL(r.url()).pathname)) seen.push(r.url());
  });
  return seen;
}

export async function expectFallback(page: Page, request: APIRequestContext, id: string, reason: 'unavailable' | 'lost') {
  const scene = await sceneDoc(request, id);
  const fallback = page.getByTestId('walkthrough-fallback');
  await expect(fallback).toBeVisible({ timeout: 30_000 });
  await expect(fallback).toHaveAttribute('data-reason', reason);
  await expect(fallback.getByRole('status')).toContainText(reason === 'lost' ? 'stopped working' : 'cannot show the 3D view');
  const poster = page.getByTestId('walkthrough-poster');
  await expect(poster).toHaveAttribute('alt', scene.poster.alt);
  await expect.poll(() => poster.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const tour = page.getByTestId('walkthrough-text-tour');
  await expect(tour.getByRole('listitem')).toHaveCount(scene.waypoints.length);
  for (const w of scene.waypoints) {
    await expect(tour).toContainText(w.title);
    await expect(tour).toContainText(w.narration);
  }
  await expect(page.locator('[data-testid="walkthrough-stage"]')).toHaveCount(0);
  return scene;
}
