/** The content API, called on the Hono app directly. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPack } from '../../content/load.ts';
import type { ContentPack } from '../../content/schema.ts';
import { copyOfPack, tempDir, testMuseum } from '../support/museum.ts';

let museum: Awaited<ReturnType<typeof testMuseum>>;
let pack: ContentPack;
const get = (url: string, headers: Record<string, string> = {}) => museum.app.request(url, { headers });

beforeAll(async () => {
  museum = await testMuseum();
  pack = await loadPack();
});
afterAll(() => museum.close());

describe('content API', () => {
  it('lists the eras in one language when asked', async () => {
    const res = await get('/api/content/eras?lang=en');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.lang).toBe('en');
    expect(body.data.map((e: { title: string }) => e.title)).toEqual(pack.eras.map((e) => e.title.en));
  });

  it('returns all three languages without ?lang', async () => {
    const body = await (await get('/api/content/eras/wartime')).json();
    expect(body.data.title).toEqual(pack.eras[1].title);
    expect(body.data.events.length).toBe(pack.eras[1].events.length);
  });

  it('answers a bad lang with 400 problem+json naming the field', async () => {
    const res = await get('/api/content/sites?lang=fr');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = await res.json();
    expect(p).toMatchObject({ status: 400, title: 'Invalid request', type: '/problems/validation' });
    expect(p.errors[0].path).toBe('query.lang');
  });

  it('answers bad filters with 400 and the field path', async () => {
    const res = await get('/api/content/sites?grade=7&cluster=nowhere');
    expect(res.status).toBe(400);
    const paths = (await res.json()).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['query.cluster', 'query.grade']);
  });

  it('answers an unknown id with 404 problem+json', async () => {
    for (const url of [
      '/api/content/sites/no-such-site',
      '/api/content/eras/bronze-age',
      '/api/content/routes/x',
      '/api/content/projects/p99',
      '/api/content/museums/x',
    ]) {
      const res = await get(`${url}?lang=zh-Hans`);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).type).toBe('/problems/not-found');
    }
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends an ETag and answers If-None-Match with 304 and no body', async () => {
    const first = await get('/api/content/sites/erchang?lang=zh-Hant');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers.get('cache-control')).toContain('must-revalidate');
    const second = await get('/api/content/sites/erchang?lang=zh-Hant', { 'If-None-Match': etag! });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
    const otherLang = await get('/api/content/sites/erchang?lang=en', { 'If-None-Match': etag! });
    expect(otherLang.status).toBe(200);
    expect(otherLang.headers.get('etag')).not.toBe(etag);
  });

  it('filters sites by era, cluster, district and flagship exactly', async () => {
    const body = await (await get('/api/content/sites?era=third-front&cluster=belt-chengyu')).json();
    const expected = pack.sites.filter((s) => s.eras.includes('third-front') && s.cluster === 'belt-chengyu').map((s) => s.id);
    expect(body.data.map((s: { id: string }) => s.id)).toEqual(expected);
    const flagship = await (await get('/api/content/sites?flagship=true')).json();
    expect(flagship.data.length).toBe(pack.sites.filter((s) => s.flagship).length);
  });

  it('gives a site its related projects, routes and events', async () => {
    const body = await (await get('/api/content/sites/erchang?lang=en')).json();
    expect(body.data.name).toBe(pack.sites.find((s) => s.id === 'erchang')?.name.en);
    expect(body.data.related.projects.map((p: { id: string }) => p.id)).toContain('p49');
    expect(body.data.related.routes.map((r: { id: string }) => r.id)).toContain('yuzhong-erchang');
  });

  it('gives routes their stops in order with site names', async () => {
    const route = pack.routes[0];
    const body = await (await get(`/api/content/routes/${route.id}?lang=en`)).json();
    expect(body.data.stops.map((s: { site: string; order: number }) => [s.order, s.site])).toEqual(route.stops.map((s, i) => [i + 1, s.site]));
    expect(body.data.stops[0].name).toBeTruthy();
  });

  it('serves projects, statistics, museums, districts and the whole pack', async () => {
    const projects = await (await get('/api/content/projects?district=rongchang')).json();
    expect(projects.data.length).toBe(pack.projects.filter((p) => p.district === 'rongchang').length);
    const stats = await (await get('/api/content/statistics?lang=en')).json();
    expect(stats.data.listedPlaces.total).toBe(140);
    const all = await (await get('/api/content/pack')).json();
    expect(all.data.sites.length).toBe(pack.sites.length);
  });

  it('publishes an OpenAPI document and a health check', async () => {
    const doc = await (await get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/content/sites', '/api/content/sites/{id}', '/api/health']));
    const health = await (await get('/api/health')).json();
    expect(health).toMatchObject({ status: 'ok', database: 'ok', dialect: 'sqlite' });
  });
});

describe('content versions', () => {
  it('publishes a new version at start when content/pack changed, and keeps it across restarts', async () => {
    const dir = copyOfPack();
    const dataDir = tempDir();
    const a = await testMuseum({ contentDir: dir, dataDir });
    const v1 = (await (await a.app.request('/api/content/version')).json()).version;
    await a.close();

    const b = await testMuseum({ contentDir: dir, dataDir });
    expect((await (await b.app.request('/api/content/version')).json()).version).toBe(v1);
    await b.close();

    const file = path.join(dir, 'sites/erchang.json');
    const site = JSON.parse(readFileSync(file, 'utf8'));
    site.summary.en = 'Edited summary for the test.';
    writeFileSync(file, JSON.stringify(site));
    const c = await testMuseum({ contentDir: dir, dataDir });
    const v3 = (await (await c.app.request('/api/content/version')).json()).version;
    expect(v3).toBeGreaterThan(v1);
    const body = await (await c.app.request('/api/content/sites/erchang?lang=en')).json();
    expect(body.data.summary).toBe('Edited summary for the test.');
    await c.close();
  });

  it('refuses to start on a broken pack with no good version to fall back on, naming the file', async () => {
    const dir = copyOfPack();
    writeFileSync(path.join(dir, 'routes/yuzhong-erchang.json'), '{');
    await expect(testMuseum({ contentDir: dir })).rejects.toThrow(/routes\/yuzhong-erchang.json/);
  });

  it('keeps serving the last good version when the pack on disk breaks', async () => {
    const dir = copyOfPack();
    const dataDir = tempDir();
    const a = await testMuseum({ contentDir: dir, dataDir });
    const good = await (await a.app.request('/api/content/version')).json();
    await a.close();
    writeFileSync(path.join(dir, 'routes/yuzhong-erchang.json'), '{');
    const b = await testMuseum({ contentDir: dir, dataDir });
    expect((await (await b.app.request('/api/content/version')).json()).version).toBe(good.version);
    expect((await b.app.request('/api/content/routes/yuzhong-erchang')).status).toBe(200);
    await b.close();
  });
});
