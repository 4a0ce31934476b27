/**
 * Curators' content versions: the shared draft (validated on every save, lost updates refused),
 * publish with a message, history with per-field diffs, rollback as a new version, conflicts,
 * import/export of packs (a broken import changes nothing), preview of the draft through the
 * public content API, and the audit log.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACK_DIR, readPackFiles } from '../../content/load.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { type SignedInAs, signInAs } from '../support/auth.ts';
import { testMuseum } from '../support/museum.ts';
import { call, editFile, publicSite, publish, readFile, saveFile } from './curator-support.ts';

let museum: Museum;
let curator: SignedInAs;
let other: SignedInAs;
let admin: SignedInAs;

type Site = { name: Record<string, string>; summary: Record<string, string>; district: string; media: unknown[]; history: Record<string, string> };
type Problem = { status: number; type: string; errors?: { path: string; message: string }[] };

const versionOf = async () => ((await (await museum.app.request('/api/content/version')).json()) as { version: number }).version;
const history = async () =>
  (
    (await (await call(museum, '/api/curator/versions', { as: curator })).json()) as {
      versions: { id: number; source: string; rollbackOf: number | null; author: string; message: string }[];
    }
  ).versions;
const draft = async () =>
  (await (await call(museum, '/api/curator/draft', { as: curator })).json()) as {
    files: { file: string; change: string; updatedBy: string; conflict: boolean }[];
    issues: unknown[];
  };
const discardAll = () => call(museum, '/api/curator/draft/discard', { method: 'POST', as: curator, body: {} });

beforeAll(async () => {
  museum = await testMuseum();
  curator = await signInAs(museum, 'curator');
  other = await signInAs(museum, 'curator');
  admin = await signInAs(museum, 'admin');
});
afterAll(() => museum.close());

describe('the shared draft', () => {
  it('keeps a saved change out of the public API until it is published', async () => {
    await discardAll();
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'Draft summary, not yet published.';
    });
    expect((await publicSite(museum, 'erchang')).data.summary).not.toBe('Draft summary, not yet published.');
    const d = await draft();
    expect(d.files).toEqual([expect.objectContaining({ file: 'sites/erchang.json', change: 'changed', updatedBy: curator.user.username, conflict: false })]);
    expect(d.issues).toEqual([]);
    // The working copy shows it to every curator (one shared draft).
    expect((await readFile<Site>(museum, other, 'sites/erchang.json')).content.summary.en).toBe('Draft summary, not yet published.');
  });

  it('refuses an invalid save with the file and field, and changes nothing', async () => {
    await discardAll();
    const { content, etag } = await readFile<Site>(museum, curator, 'sites/erchang.json');
    content.name.en = '';
    const res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const p = (await res.json()) as Problem;
    expect(p.type).toBe('/problems/content-invalid');
    expect(p.errors?.map((e) => e.path)).toEqual(['sites/erchang.json › name.en']);
    expect((await draft()).files).toEqual([]);
  });

  it('names the file and field of a broken cross-reference', async () => {
    const { content, etag } = await readFile<{ stops: { site: string }[] }>(museum, curator, 'routes/yuzhong-erchang.json');
    content.stops[1].site = 'no-such-site';
    const res = await saveFile(museum, curator, 'routes/yuzhong-erchang.json', content, etag);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([
      expect.objectContaining({ path: 'routes/yuzhong-erchang.json › stops[1].site', message: 'unknown site "no-such-site"' }),
    ]);
  });

  it('requires captions on narration and alt text on images, and that uploads exist', async () => {
    const { content, etag } = await readFile<Site>(museum, curator, 'sites/erchang.json');
    content.media = [
      { kind: 'audio', src: '/assets/audio/erchang.mp3', alt: { 'zh-Hans': '讲解', en: 'Narration' }, credit: 'Museum' },
      { kind: 'image', src: `/media/${'a'.repeat(64)}.jpg`, alt: { 'zh-Hans': '照片', en: 'Photo' }, credit: 'Museum' },
    ];
    let res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    expect(res.status).toBe(422);
    let paths = ((await res.json()) as Problem).errors?.map((e) => e.path);
    expect(paths).toContain('sites/erchang.json › media[0].captions');
    expect(paths).toContain('sites/erchang.json › media[1].src');
    content.media = [{ kind: 'image', src: '/assets/img/x.jpg', credit: 'Museum' }];
    res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    paths = ((await res.json()) as Problem).errors?.map((e) => e.path);
    expect(paths).toEqual(['sites/erchang.json › media[0].alt']);
  });

  it('refuses source links that would run script (javascript:, data:)', async () => {
    const { content, etag } = await readFile<Site & { provenance: unknown[] }>(museum, curator, 'sites/erchang.json');
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
      content.provenance = [{ kind: 'reference', title: 'A page', url }];
      const res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
      expect(res.status, url).toBe(422);
      expect(((await res.json()) as Problem).errors?.[0].path).toBe('sites/erchang.json › provenance[0].url');
    }
  });

  it('keeps texts within the size budget', async () => {
    const { content, etag } = await readFile<Site>(museum, curator, 'sites/erchang.json');
    content.history.en = 'x'.repeat(20_001);
    const res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.[0]).toMatchObject({ path: 'sites/erchang.json › history.en', message: expect.stringContaining('budget') });
  });

  it('refuses to delete a site that routes and events still point at', async () => {
    const { etag } = await readFile(museum, curator, 'sites/erchang.json');
    const res = await call(museum, '/api/curator/file?path=sites/erchang.json', { method: 'DELETE', as: curator, headers: { 'If-Match': etag } });
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as Problem).errors?.map((e) => e.path) ?? [];
    expect(paths.some((p) => p.startsWith('routes/yuzhong-erchang.json › stops['))).toBe(true);
  });

  it('adds a new site and drops a change that is saved back to the published text', async () => {
    await discardAll();
    const { content } = await readFile<Site & { id: string }>(museum, curator, 'sites/erchang.json');
    const copy = { ...content, id: 'erchang-annex', name: { 'zh-Hans': '贰厂附楼', en: 'Erchang annex' } };
    let res = await call(museum, '/api/curator/file?path=sites/erchang-annex.json', {
      method: 'PUT',
      as: curator,
      body: copy,
      headers: { 'If-None-Match': '*' },
    });
    expect(res.status).toBe(200);
    expect((await draft()).files).toEqual([expect.objectContaining({ file: 'sites/erchang-annex.json', change: 'added' })]);
    // A file named after another id is refused with the field to fix.
    res = await call(museum, '/api/curator/file?path=sites/wrong-name.json', { method: 'PUT', as: curator, body: copy, headers: { 'If-None-Match': '*' } });
    expect(((await res.json()) as Problem).errors?.[0].path).toBe('sites/wrong-name.json › id');
    await discardAll();

    const original = await readFile<Site>(museum, curator, 'sites/erchang.json');
    const edited = await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'temporary';
    });
    expect((await draft()).files).toHaveLength(1);
    res = await saveFile(museum, curator, 'sites/erchang.json', original.content, edited.etag);
    expect(res.status).toBe(200);
    expect((await draft()).files).toEqual([]);
  });

  it('refuses paths outside the pack layout', async () => {
    for (const p of ['../../etc/passwd', 'sites/../../x.json', 'IDS.md', 'sites/Erchang.json', 'json-schema/site.schema.json']) {
      const res = await call(museum, `/api/curator/file?path=${encodeURIComponent(p)}`, {
        method: 'PUT',
        as: curator,
        body: {},
        headers: { 'If-None-Match': '*' },
      });
      expect(res.status, p).toBe(404);
    }
  });

  it('refuses a lost update: a save naming an old ETag gets 412 (control: If-Match * overwrites)', async () => {
    await discardAll();
    const a = await readFile<Site>(museum, curator, 'sites/erchang.json');
    const b = await readFile<Site>(museum, other, 'sites/erchang.json');
    a.content.summary.en = 'Curator A was here.';
    b.content.summary.zh_note = undefined as never;
    b.content.name.en = 'Curator B was here';
    const [ra, rb] = await Promise.all([
      saveFile(museum, curator, 'sites/erchang.json', a.content, a.etag),
      saveFile(museum, other, 'sites/erchang.json', b.content, b.etag),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 412]);
    const noMatch = await call(museum, '/api/curator/file?path=sites/erchang.json', { method: 'PUT', as: other, body: b.content });
    expect(noMatch.status).toBe(428);

    // Control: without the guard (If-Match: *) the second save silently wins and A's text is lost,
    // which is exactly what the 412 above prevents.
    await discardAll();
    const a2 = await readFile<Site>(museum, curator, 'sites/erchang.json');
    const b2 = await readFile<Site>(museum, other, 'sites/erchang.json');
    a2.content.summary.en = 'Curator A was here.';
    b2.content.name.en = 'Curator B was here';
    expect((await saveFile(museum, curator, 'sites/erchang.json', a2.content, '*')).status).toBe(200);
    expect((await saveFile(museum, other, 'sites/erchang.json', b2.content, '*')).status).toBe(200);
    expect((await readFile<Site>(museum, curator, 'sites/erchang.json')).content.summary.en).not.toBe('Curator A was here.');
    await discardAll();
  });
});

describe('publish, history and rollback', () => {
  it('publishes the draft as a new version with author, message and a per-field diff', async () => {
    await discardAll();
    const before = await versionOf();
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.name = { 'zh-Hans': '贰厂文创公园', 'zh-Hant': '貳廠文創公園', en: 'Erchang Creative Park' };
    });
    const out = await publish(museum, curator, 'Rename Erchang');
    expect(out.version).toBeGreaterThan(before);
    expect(await versionOf()).toBe(out.version);
    expect((await publicSite(museum, 'erchang', 'zh-Hant')).data.name).toBe('貳廠文創公園');
    expect((await draft()).files).toEqual([]);

    const [latest] = await history();
    expect(latest).toMatchObject({ id: out.version, source: 'editor', author: curator.user.username, message: 'Rename Erchang' });
    const diff = (await (await call(museum, `/api/curator/versions/${out.version}/diff`, { as: curator })).json()) as {
      changes: { file: string; change: string; fields: { path: string; before: unknown; after: unknown }[] }[];
    };
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ file: 'sites/erchang.json', change: 'changed' });
    expect(diff.changes[0].fields.map((f) => f.path).sort()).toEqual(['name.en', 'name.zh-Hans', 'name.zh-Hant']);
    expect(diff.changes[0].fields.find((f) => f.path === 'name.en')).toMatchObject({ before: 'Erchang (No. 2 Works)', after: 'Erchang Creative Park' });
  });

  it('refuses to publish an empty draft or without a message', async () => {
    await discardAll();
    let res = await call(museum, '/api/curator/publish', { method: 'POST', as: curator, body: { message: 'nothing' } });
    expect(res.status).toBe(409);
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'x';
    });
    res = await call(museum, '/api/curator/publish', { method: 'POST', as: curator, body: { message: '  ' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.[0].path).toBe('body.message');
    await discardAll();
  });

  it('rolls back to any version as a new version; history is never rewritten', async () => {
    const versions = await history();
    const first = versions[versions.length - 1];
    const before = versions.length;
    const res = await call(museum, `/api/curator/versions/${first.id}/rollback`, { method: 'POST', as: curator, body: { message: 'Back to the seed' } });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: number };
    const after = await history();
    expect(after).toHaveLength(before + 1);
    expect(after[0]).toMatchObject({ id: version, source: 'rollback', rollbackOf: first.id, message: 'Back to the seed' });
    expect(after.slice(1).map((v) => v.id)).toEqual(versions.map((v) => v.id));
    expect((await publicSite(museum, 'erchang')).data.name).toBe('Erchang (No. 2 Works)');
    // The rolled-back-from version is still there and can be restored in turn.
    const again = await call(museum, `/api/curator/versions/${versions[0].id}/rollback`, { method: 'POST', as: curator, body: {} });
    expect(again.status).toBe(201);
    expect((await publicSite(museum, 'erchang')).data.name).toBe('Erchang Creative Park');
    expect((await call(museum, `/api/curator/versions/${(await history())[0].id}/rollback`, { method: 'POST', as: curator, body: {} })).status).toBe(409);
    expect((await call(museum, '/api/curator/versions/99999/rollback', { method: 'POST', as: curator, body: {} })).status).toBe(404);
  });

  it('refuses to publish a draft file whose published version changed under it, until rebased', async () => {
    await discardAll();
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'Edited in the draft.';
    });
    // Meanwhile the published erchang changes (a rollback to the seed version).
    const versions = await history();
    const seed = versions[versions.length - 1].id;
    expect((await call(museum, `/api/curator/versions/${seed}/rollback`, { method: 'POST', as: admin, body: {} })).status).toBe(201);
    expect((await draft()).files[0].conflict).toBe(true);
    const res = await call(museum, '/api/curator/publish', { method: 'POST', as: curator, body: { message: 'mine' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toEqual(['sites/erchang.json']);
    expect((await call(museum, '/api/curator/draft/rebase', { method: 'POST', as: curator, body: {} })).status).toBe(200);
    await publish(museum, curator, 'mine, after review');
    expect((await publicSite(museum, 'erchang')).data.summary).toBe('Edited in the draft.');
  });
});

describe('import and export', () => {
  it('exports the same files as content/pack', async () => {
    const versions = await history();
    const seed = versions[versions.length - 1].id;
    const res = await call(museum, `/api/curator/export?version=${seed}&format=zip`, { as: curator });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain(`museum-content-v${seed}.zip`);
    const entries = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const disk = await readPackFiles(DEFAULT_PACK_DIR);
    expect(Object.keys(entries).sort()).toEqual([...disk.keys()].sort());
    for (const [name, bytes] of Object.entries(entries)) {
      expect(JSON.parse(strFromU8(bytes)), name).toEqual(disk.get(name));
      // In the pack's own format (two-space JSON, final newline): files kept that way round-trip
      // through git byte for byte.
      const canonical = `${JSON.stringify(disk.get(name), null, 2)}\n`;
      expect(strFromU8(bytes), name).toBe(canonical);
      if (name.startsWith('sites/')) expect(strFromU8(bytes), name).toBe(readFileSync(path.join(DEFAULT_PACK_DIR, name), 'utf8'));
    }
  });

  it('imports a JSON bundle as a new version, and a dry run changes nothing', async () => {
    const bundle = (await (await call(museum, '/api/curator/export?format=json', { as: curator })).json()) as { files: Record<string, Site> };
    bundle.files['sites/erchang.json'].summary.en = 'Imported summary.';
    const before = await versionOf();
    let res = await call(museum, '/api/curator/import?dryRun=true', { method: 'POST', as: curator, body: bundle });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changes: { file: string }[] }).changes.map((c) => c.file)).toEqual(['sites/erchang.json']);
    expect(await versionOf()).toBe(before);
    res = await call(museum, '/api/curator/import?message=From%20git', { method: 'POST', as: curator, body: bundle });
    expect(res.status).toBe(201);
    expect(await versionOf()).toBeGreaterThan(before);
    expect((await history())[0]).toMatchObject({ source: 'import', message: 'From git' });
    expect((await publicSite(museum, 'erchang')).data.summary).toBe('Imported summary.');
    // The same pack again is not a new version.
    res = await call(museum, '/api/curator/import', { method: 'POST', as: curator, body: bundle });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unchanged?: boolean }).unchanged).toBe(true);
  });

  it('refuses a broken pack with file › field paths and changes nothing', async () => {
    const zipRes = await call(museum, '/api/curator/export?format=zip', { as: curator });
    const entries = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    const site = JSON.parse(strFromU8(entries['sites/erchang.json']));
    site.name.en = '';
    entries['sites/erchang.json'] = strToU8(JSON.stringify(site));
    entries['routes/yuzhong-erchang.json'] = strToU8('{ not json');
    delete entries['districts.json'];
    const broken = zipSync(entries);
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'A draft that must survive a failed import.';
    });
    const [beforeVersion, beforeHistory, beforeDraft, beforeSite] = [await versionOf(), await history(), await draft(), await publicSite(museum, 'erchang')];

    const res = await call(museum, '/api/curator/import', { method: 'POST', as: curator, raw: broken, headers: { 'Content-Type': 'application/zip' } });
    expect(res.status).toBe(422);
    const paths = ((await res.json()) as Problem).errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['sites/erchang.json › name.en', 'routes/yuzhong-erchang.json', 'districts.json']));

    expect(await versionOf()).toBe(beforeVersion);
    expect(await history()).toEqual(beforeHistory);
    expect(await draft()).toEqual(beforeDraft);
    expect(await publicSite(museum, 'erchang')).toEqual(beforeSite);
    await discardAll();
  });

  it('refuses zips with path-traversal names, and garbage', async () => {
    const before = await versionOf();
    const evil = zipSync({ '../../evil.json': strToU8('{}'), 'districts.json': strToU8('[]') });
    let res = await call(museum, '/api/curator/import', { method: 'POST', as: curator, raw: evil, headers: { 'Content-Type': 'application/zip' } });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors?.[0]).toMatchObject({ path: '../../evil.json' });
    res = await call(museum, '/api/curator/import', {
      method: 'POST',
      as: curator,
      raw: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
      headers: { 'Content-Type': 'application/zip' },
    });
    expect(res.status).toBe(422);
    res = await call(museum, '/api/curator/import', { method: 'POST', as: curator, body: { files: { 'sites/../../x.json': {} } } });
    expect(res.status).toBe(422);
    expect(await versionOf()).toBe(before);
  });

  it('takes a zip of the pack folder (files under one top folder)', async () => {
    const zipRes = await call(museum, '/api/curator/export?format=zip', { as: curator });
    const entries = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
    const nested = Object.fromEntries(Object.entries(entries).map(([k, v]) => [`pack/${k}`, v]));
    nested['pack/IDS.md'] = strToU8('# notes');
    const res = await call(museum, '/api/curator/import?dryRun=true', {
      method: 'POST',
      as: curator,
      raw: zipSync(nested),
      headers: { 'Content-Type': 'application/zip' },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changes: unknown[] }).changes).toEqual([]);
  });
});

describe('preview', () => {
  it('serves the draft through the same API to a valid preview token only, never cached', async () => {
    await discardAll();
    await editFile<Site>(museum, curator, 'sites/erchang.json', (s) => {
      s.summary.en = 'Preview me.';
    });
    const res = await call(museum, '/api/curator/preview', { method: 'POST', as: curator });
    expect(res.status).toBe(201);
    const { token, links } = (await res.json()) as { token: string; links: { web: string; kiosk: string } };

    const viaHeader = await museum.app.request('/api/content/sites/erchang?lang=en', { headers: { 'X-Content-Preview': token } });
    expect(viaHeader.headers.get('cache-control')).toBe('private, no-store');
    expect(((await viaHeader.json()) as { data: { summary: string } }).data.summary).toBe('Preview me.');
    expect((await publicSite(museum, 'erchang')).data.summary).not.toBe('Preview me.');
    expect((await publicSite(museum, 'erchang', 'en', { 'X-Content-Preview': 'forged' })).data.summary).not.toBe('Preview me.');

    const enter = await museum.app.request(links.kiosk);
    expect(enter.status).toBe(303);
    expect(enter.headers.get('location')).toBe('/?mode=kiosk');
    const cookie = /museum_preview=[^;]+/.exec(enter.headers.get('set-cookie') ?? '')?.[0];
    expect(enter.headers.get('set-cookie')).toContain('HttpOnly');
    expect((await publicSite(museum, 'erchang', 'en', { Cookie: cookie! })).data.summary).toBe('Preview me.');
    const version = (await (await museum.app.request('/api/content/version', { headers: { Cookie: cookie! } })).json()) as { preview?: { revision: number } };
    expect(version.preview?.revision).toBeGreaterThan(0);

    // Only same-app paths after entering; expired/forged tokens are refused.
    const open = await museum.app.request(`/api/content/preview/enter?token=${token}&to=${encodeURIComponent('//evil.example/')}`);
    expect(open.headers.get('location')).toBe('/');
    expect((await museum.app.request('/api/content/preview/enter?token=nope')).status).toBe(403);

    // Revoking ends every link.
    expect((await call(museum, '/api/curator/preview', { method: 'DELETE', as: curator })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 5));
    expect((await publicSite(museum, 'erchang', 'en', { 'X-Content-Preview': token })).data.summary).not.toBe('Preview me.');
    await discardAll();
  });
});

describe('audit', () => {
  it('records publish, rollback, import and preview with who did it', async () => {
    const res = await call(museum, '/api/admin/audit?limit=500', { as: admin });
    const entries = ((await res.json()) as { entries: { action: string; actorId: number | null }[] }).entries;
    for (const action of ['content.publish', 'content.rollback', 'content.import', 'content.preview']) {
      expect(
        entries.some((e) => e.action === action && e.actorId !== null),
        action,
      ).toBe(true);
    }
  });
});
