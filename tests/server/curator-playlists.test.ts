/**
 * Kiosk playlists: which exhibit a kiosk or a hall shows and attracts with, with date ranges for
 * temporary exhibitions; the kiosk configuration endpoint follows them; every change is audited.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import { chooseEntry, type PlaylistEntry } from '../../kiosk-server/playlists/resolve.ts';
import { createMuseum, type Museum } from '../../kiosk-server/server.ts';
import { CHEAP_SCRYPT, type SignedInAs, signInAs, testClock } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';
import { call } from './curator-support.ts';

const HALL = 'china-steel-museum/steelmaking-hall';
const OTHER_HALL = 'china-steel-museum/temporary-hall';
const clock = testClock(new Date('2025-05-15T02:00:00Z')); // 10:00 in Chongqing
let museum: Museum;
let curator: SignedInAs;
let admin: SignedInAs;
const tokens: Record<string, string> = {};

type Entry = { id: number; exhibit: string };
const create = async (body: Record<string, unknown>) => {
  const res = await call(museum, '/api/curator/playlists', { method: 'POST', as: curator, body });
  return { status: res.status, body: (await res.json()) as { entry: Entry; errors?: { path: string }[] } };
};
const resolve = async (q: string) =>
  (
    (await (await call(museum, `/api/curator/playlists/resolve?${q}`, { as: curator })).json()) as {
      chosen: { exhibit: string; attract: string[]; changesOn: string | null } | null;
    }
  ).chosen;
const kioskConfig = async (id: string) =>
  (await (await museum.app.request('/api/kiosks/me/config', { headers: { Authorization: `Bearer ${tokens[id]}` } })).json()) as {
    startExhibit: { path: string; source: string; until: string | null; attract?: string[] };
  };

beforeAll(async () => {
  const config = readConfig({ DATA_DIR: tempDir(), STATIC_DIR: path.join(tempDir(), 'none'), LOG_LEVEL: 'silent' });
  museum = await createMuseum(config, { memory: true, log: createLogger('silent'), auth: { scrypt: CHEAP_SCRYPT }, now: clock.now, env: {} });
  curator = await signInAs(museum, 'curator');
  admin = await signInAs(museum, 'admin');
  for (const id of ['steel-1', 'steel-2', 'lobby']) {
    const res = await call(museum, '/api/admin/kiosks', {
      method: 'POST',
      as: admin,
      body: { id, hallId: id === 'lobby' ? OTHER_HALL : HALL, startExhibit: '/' },
    });
    expect(res.status).toBe(201);
    tokens[id] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(() => museum.close());

describe('playlists', () => {
  it('checks targets, exhibits and dates against the content', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ scope: 'hall', target: 'china-steel-museum/no-hall', exhibit: '/' }, 'body.target'],
      [{ scope: 'kiosk', target: 'no-kiosk', exhibit: '/' }, 'body.target'],
      [{ scope: 'hall', target: HALL, exhibit: '/sites/no-such-site' }, 'body.exhibit'],
      [{ scope: 'hall', target: HALL, exhibit: '/api/curator/publish' }, 'body.exhibit'],
      [{ scope: 'hall', target: HALL, exhibit: '//evil.example/' }, 'body.exhibit'],
      [{ scope: 'hall', target: HALL, exhibit: '/', attract: ['/eras/iron-age'] }, 'body.attract.0'],
      [{ scope: 'hall', target: HALL, exhibit: '/', startsOn: '2025-02-30' }, 'body.startsOn'],
      [{ scope: 'hall', target: HALL, exhibit: '/', startsOn: '2025-07-01', endsOn: '2025-06-01' }, 'body.endsOn'],
    ];
    for (const [body, field] of cases) {
      const { status, body: p } = await create(body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(
        p.errors?.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(field);
    }
  });

  it('shows a hall’s programme, a temporary exhibition in its dates, and a kiosk’s own entry over its hall’s', async () => {
    const permanent = await create({ scope: 'hall', target: HALL, exhibit: '/eras/third-front', attract: ['/eras/third-front', '/sites/dadukou-steel-works'] });
    expect(permanent.status).toBe(201);
    const temporary = await create({
      scope: 'hall',
      target: HALL,
      exhibit: '/sites/dadukou-steel-works',
      label: 'Steel in June',
      startsOn: '2025-06-01',
      endsOn: '2025-06-30',
    });
    expect(temporary.status).toBe(201);
    expect((await create({ scope: 'kiosk', target: 'steel-2', exhibit: '/sites/erchang' })).status).toBe(201);

    expect(await resolve(`kiosk=steel-1&hall=${HALL}&date=2025-05-15`)).toMatchObject({
      exhibit: '/eras/third-front',
      attract: ['/eras/third-front', '/sites/dadukou-steel-works'],
      changesOn: '2025-06-01',
    });
    expect(await resolve(`kiosk=steel-1&hall=${HALL}&date=2025-06-10`)).toMatchObject({ exhibit: '/sites/dadukou-steel-works', changesOn: '2025-07-01' });
    expect(await resolve(`kiosk=steel-1&hall=${HALL}&date=2025-07-01`)).toMatchObject({ exhibit: '/eras/third-front' });
    expect(await resolve(`kiosk=steel-2&hall=${HALL}&date=2025-06-10`)).toMatchObject({ exhibit: '/sites/erchang' });
    expect(await resolve(`kiosk=lobby&hall=${OTHER_HALL}&date=2025-06-10`)).toBeNull();
  });

  it('is what the kiosk configuration endpoint gives the kiosk, until the playlist changes', async () => {
    let cfg = await kioskConfig('steel-1');
    expect(cfg.startExhibit).toMatchObject({ path: '/eras/third-front', source: 'playlist', until: '2025-05-31T16:00:00.000Z' });
    expect(cfg.startExhibit.attract).toEqual(['/eras/third-front', '/sites/dadukou-steel-works']);
    clock.advance(27 * 86_400_000); // 2025-06-11
    cfg = await kioskConfig('steel-1');
    expect(cfg.startExhibit).toMatchObject({ path: '/sites/dadukou-steel-works', source: 'playlist' });
    // A kiosk with no entry for it or its hall keeps its own configuration.
    expect((await kioskConfig('lobby')).startExhibit).toMatchObject({ path: '/', source: 'kiosk' });
    // Sessions ended while the clock moved on a month.
    curator = await signInAs(museum, 'curator');
    admin = await signInAs(museum, 'admin');
  });

  it('updates and deletes entries, auditing each change', async () => {
    const { body } = await create({ scope: 'kiosk', target: 'lobby', exhibit: '/eras/wartime' });
    const id = body.entry.id;
    let res = await call(museum, `/api/curator/playlists/${id}`, {
      method: 'PUT',
      as: curator,
      body: { scope: 'kiosk', target: 'lobby', exhibit: '/eras/founding' },
    });
    expect(res.status).toBe(200);
    expect((await kioskConfig('lobby')).startExhibit.path).toBe('/eras/founding');
    res = await call(museum, `/api/curator/playlists/${id}`, { method: 'DELETE', as: curator });
    expect(res.status).toBe(204);
    expect((await call(museum, `/api/curator/playlists/${id}`, { method: 'DELETE', as: curator })).status).toBe(404);
    expect((await kioskConfig('lobby')).startExhibit.source).toBe('kiosk');
    const audit = (await (await call(museum, '/api/admin/audit?limit=500', { as: admin })).json()) as { entries: { action: string; target: string }[] };
    const actions = audit.entries.filter((e) => e.target === `playlist:${id}`).map((e) => e.action);
    expect(actions.sort()).toEqual(['playlist.create', 'playlist.delete', 'playlist.update']);
  });

  it('is for curators', async () => {
    const staff = await signInAs(museum, 'staff');
    expect((await call(museum, '/api/curator/playlists', { as: staff })).status).toBe(403);
    expect((await call(museum, '/api/curator/playlists', { method: 'POST', body: { scope: 'hall', target: HALL, exhibit: '/' } })).status).toBe(401);
    const targets = (await (await call(museum, '/api/curator/playlists/targets', { as: curator })).json()) as {
      kiosks: { id: string }[];
      halls: { id: string }[];
    };
    expect(targets.kiosks.map((k) => k.id).sort()).toEqual(['lobby', 'steel-1', 'steel-2']);
    expect(targets.halls.map((h) => h.id)).toContain(HALL);
  });
});

describe('choosing an entry (pure)', () => {
  const base = { attract: [], label: null, createdAt: '', updatedAt: '' };
  const e = (
    id: number,
    scope: 'kiosk' | 'hall',
    target: string,
    exhibit: string,
    startsOn: string | null = null,
    endsOn: string | null = null,
  ): PlaylistEntry => ({
    id,
    scope,
    target,
    exhibit,
    startsOn,
    endsOn,
    ...base,
  });
  it('prefers kiosk over hall, dated over undated, the later start, then the shorter run, then the newer entry', () => {
    const entries = [
      e(1, 'hall', 'h', '/a'),
      e(2, 'hall', 'h', '/b', '2025-01-01', '2025-12-31'),
      e(3, 'hall', 'h', '/c', '2025-06-01', '2025-06-30'),
      e(4, 'hall', 'h', '/d', '2025-06-01', '2025-06-15'),
    ];
    expect(chooseEntry(entries, 'k', 'h', '2024-12-31')?.exhibit).toBe('/a');
    expect(chooseEntry(entries, 'k', 'h', '2025-03-01')?.exhibit).toBe('/b');
    expect(chooseEntry(entries, 'k', 'h', '2025-06-10')?.exhibit).toBe('/d');
    expect(chooseEntry(entries, 'k', 'h', '2025-06-20')?.exhibit).toBe('/c');
    expect(chooseEntry([...entries, e(5, 'kiosk', 'k', '/k')], 'k', 'h', '2025-06-10')?.exhibit).toBe('/k');
    expect(chooseEntry([...entries, e(6, 'hall', 'h', '/newer')], 'k', 'h', '2024-12-31')?.exhibit).toBe('/newer');
    expect(chooseEntry(entries, 'k', 'other', '2025-06-10')).toBeUndefined();
  });
});
