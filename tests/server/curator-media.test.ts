/**
 * Uploads: the bytes decide the type, the extension must agree, sizes are capped per kind, names
 * that could name another place are refused, files are stored by content hash and served with
 * their recorded type, nosniff and a sandboxing CSP — never executed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { createMuseum } from '../../kiosk-server/server.ts';
import { CHEAP_SCRYPT, type SignedInAs, signInAs } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';
import { call, readFile, saveFile } from './curator-support.ts';

let museum: Museum;
let dataDir: string;
let curator: SignedInAs;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 9, 9, 9]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const VTT = new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:02.000\n贰厂的故事\n');
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');

/** `as: null` sends the request anonymously. */
const upload = (name: string, bytes: Uint8Array, as: SignedInAs | null = curator) =>
  call(museum, `/api/curator/media?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    as: as ?? undefined,
    raw: bytes,
    headers: { 'Content-Type': 'application/octet-stream' },
  });

beforeAll(async () => {
  dataDir = tempDir();
  const config = readConfig({ DATA_DIR: dataDir, STATIC_DIR: path.join(tempDir(), 'none'), LOG_LEVEL: 'silent' });
  museum = await createMuseum(config, { memory: true, log: createLogger('silent'), auth: { scrypt: CHEAP_SCRYPT } });
  curator = await signInAs(museum, 'curator');
});
afterAll(() => museum.close());

describe('uploads', () => {
  it('stores an image by its content hash and serves it with its type, nosniff and a sandbox', async () => {
    const res = await upload('Chimney photo.PNG', PNG);
    expect(res.status).toBe(201);
    const { media } = (await res.json()) as { media: { src: string; hash: string; kind: string; mime: string } };
    expect(media).toMatchObject({ kind: 'image', mime: 'image/png' });
    expect(media.src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    expect(existsSync(path.join(dataDir, 'media', `${media.hash}.png`))).toBe(true);

    const again = await upload('same-bytes.png', PNG);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { media: { src: string } }).media.src).toBe(media.src);

    const served = await museum.app.request(media.src);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    const ranged = await museum.app.request(media.src, { headers: { Range: 'bytes=2-5' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 2-5/${PNG.length}`);
    expect(new Uint8Array(await ranged.arrayBuffer())).toEqual(PNG.slice(2, 6));
    expect((await museum.app.request(media.src, { headers: { Range: 'bytes=999-' } })).status).toBe(416);
  });

  it('serves narration and captions with their own types', async () => {
    const mp3 = (await (await upload('narration.mp3', MP3)).json()) as { media: { src: string } };
    expect((await museum.app.request(mp3.media.src)).headers.get('content-type')).toBe('audio/mpeg');
    const vtt = (await (await upload('narration.zh-Hans.vtt', VTT)).json()) as { media: { src: string; kind: string } };
    expect(vtt.media.kind).toBe('captions');
    expect((await museum.app.request(vtt.media.src)).headers.get('content-type')).toBe('text/vtt; charset=utf-8');
  });

  it('refuses a file whose extension lies about its content', async () => {
    for (const [name, bytes] of [
      ['photo.png', JPEG],
      ['photo.jpg', PNG],
      ['narration.mp3', PNG],
      ['captions.vtt', MP3],
      ['page.jpg', HTML],
      ['drawing.png', SVG],
    ] as const) {
      const res = await upload(name, bytes);
      expect(res.status, name).toBe(415);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(((await (await upload('photo.png', JPEG)).json()) as { type: string }).type).toBe('/problems/type-mismatch');
    // Formats a browser could execute are not taken at all, whatever their bytes.
    for (const name of ['drawing.svg', 'page.html', 'script.js', 'x.php']) expect((await upload(name, SVG)).status, name).toBe(415);
  });

  it('refuses oversized files (per kind, and above the upload limit before reading it all)', async () => {
    const bigImage = new Uint8Array(10 * 1024 * 1024 + 1);
    bigImage.set(PNG);
    const res = await upload('huge.png', bigImage);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { detail: string }).detail).toContain('10 MiB');
    const bigCaptions = new Uint8Array(1024 * 1024 + 10).fill(0x41);
    bigCaptions.set(new TextEncoder().encode('WEBVTT\n\n'));
    expect((await upload('long.vtt', bigCaptions)).status).toBe(413);
    const tooBig = new Uint8Array(40 * 1024 * 1024 + 1);
    tooBig.set(MP3);
    expect((await upload('long.mp3', tooBig)).status).toBe(413);
    expect((await upload('empty.png', new Uint8Array(0))).status).toBe(400);
  });

  it('refuses path-traversal and path-like names, and writes nothing outside the media folder', async () => {
    for (const name of ['../../museum.sqlite.png', '..\\..\\x.png', 'a/b.png', '/etc/passwd.png', 'C:x.png', '.hidden.png', 'x\u0000.png', 'noext', '..png']) {
      const res = await upload(name, PNG);
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(((await res.json()) as { type: string }).type).toBe('/problems/bad-file-name');
    }
    for (const f of readdirSync(path.join(dataDir, 'media'))) expect(f).toMatch(/^[0-9a-f]{64}\.(png|jpg|mp3|vtt)$/);
    expect(existsSync(path.join(dataDir, '..', 'museum.sqlite.png'))).toBe(false);
  });

  it('serves nothing but stored uploads under /media', async () => {
    for (const p of [
      '/media/../museum.sqlite',
      '/media/..%2Fmuseum.sqlite',
      '/media/%2e%2e%2fmuseum.sqlite',
      `/media/${'0'.repeat(64)}.png`,
      '/media/x.png',
      `/media/${'a'.repeat(64)}.html`,
    ]) {
      const res = await museum.app.request(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type') ?? '', p).not.toContain('text/html');
    }
  });

  it('is for curators: anonymous and staff uploads are refused', async () => {
    expect((await upload('x.png', PNG, null)).status).toBe(401);
    expect((await upload('x.png', PNG, await signInAs(museum, 'staff'))).status).toBe(403);
    // A session without its CSRF token is refused too.
    const res = await museum.app.request('/api/curator/media?name=x.png', { method: 'POST', headers: { Cookie: curator.cookie }, body: PNG });
    expect(res.status).toBe(403);
  });

  it('lets content use an upload only as what it is', async () => {
    const png = (await (await upload('works.png', PNG)).json()) as { media: { src: string } };
    const vtt = (await (await upload('works.vtt', VTT)).json()) as { media: { src: string } };
    const { content, etag } = await readFile<{ media: unknown[] }>(museum, curator, 'sites/erchang.json');
    content.media = [{ kind: 'image', src: vtt.media.src, alt: { 'zh-Hans': '厂房', en: 'The works' }, credit: 'Museum' }];
    let res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0].path).toBe('sites/erchang.json › media[0].src');
    content.media = [{ kind: 'image', src: png.media.src, alt: { 'zh-Hans': '厂房', en: 'The works' }, credit: 'Museum' }];
    res = await saveFile(museum, curator, 'sites/erchang.json', content, etag);
    expect(res.status).toBe(200);
    await call(museum, '/api/curator/draft/discard', { method: 'POST', as: curator, body: {} });
  });

  it('lists the library and audits every upload', async () => {
    const list = (await (await call(museum, '/api/curator/media', { as: curator })).json()) as { media: { kind: string }[] };
    expect(list.media.map((m) => m.kind).sort()).toEqual(expect.arrayContaining(['audio', 'captions', 'image']));
    const admin = await signInAs(museum, 'admin');
    const audit = (await (await call(museum, '/api/admin/audit?limit=500', { as: admin })).json()) as { entries: { action: string }[] };
    expect(audit.entries.filter((e) => e.action === 'media.upload').length).toBeGreaterThanOrEqual(4);
  });
});
