/** The scene API: a site's walkthrough scene in one language, with its site and the eras of its slider. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../content/load.ts';
import type { ContentPack } from '../../content/schema.ts';
import { testMuseum } from '../support/museum.ts';

let museum: Awaited<ReturnType<typeof testMuseum>>;
let pack: ContentPack;
const get = (url: string, headers: Record<string, string> = {}) => museum.app.request(url, { headers });

beforeAll(async () => {
  museum = await testMuseum();
  pack = await loadPack();
});
afterAll(() => museum.close());

describe('scene API', () => {
  it('lists the scenes, small', async () => {
    const res = await get('/api/content/scenes?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((s: { id: string }) => s.id).sort()).toEqual(pack.scenes.map((s) => s.id).sort());
    expect(body.data[0]).not.toHaveProperty('structures');
    expect(body.data[0].poster.src).toMatch(/^assets\/3d\//);
  });

  it('returns a scene in one language with its site, the eras its timeline spans and link names resolved', async () => {
    const res = await get('/api/content/scenes/dadukou-steel-works?lang=zh-Hant');
    expect(res.status).toBe(200);
    const { data, lang } = await res.json();
    expect(lang).toBe('zh-Hant');
    const site = pack.sites.find((s) => s.id === 'dadukou-steel-works');
    expect(data.site).toEqual({ id: site?.id, name: site?.name['zh-Hant'], foundedYear: 1938 });
    // The timeline runs 1936–2025: the last year of the treaty-port era and the three after it.
    expect(data.eras.map((e: { id: string }) => e.id)).toEqual(['port-opening', 'wartime', 'founding', 'third-front']);
    expect(typeof data.title).toBe('string');
    const station = data.structures.find((s: { id: string }) => s.id === 'dadukou-station');
    expect(station.hotspot.link).toEqual({
      kind: 'site',
      id: 'dadukou-railway-station',
      name: pack.sites.find((s) => s.id === 'dadukou-railway-station')?.name['zh-Hant'],
    });
    // Defaults are filled in for the kit.
    expect(station.params).toMatchObject({ length: 110, width: 7, canopy: true });
  });

  it('answers 404 problem+json for a site without a scene, and 304 for a repeated request', async () => {
    const missing = await get('/api/content/scenes/ganghua-theatre?lang=en');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const first = await get('/api/content/scenes/erchang?lang=en');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const again = await get('/api/content/scenes/erchang?lang=en', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
  });
});
