/**
 * Kiosk API: configuration per kiosk (admin), the kiosk's own config and heartbeats (device token),
 * the fleet with online/offline status (staff, curators, admins). Auth failures and bad input come
 * back as problem+json with field paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../kiosk-server/auth/service.ts';
import { createAuthStore } from '../../kiosk-server/auth/store.ts';
import { createContentService } from '../../kiosk-server/content/service.ts';
import { createContentStore } from '../../kiosk-server/content/store.ts';
import { openDatabase } from '../../kiosk-server/db/database.ts';
import { migrateToLatest } from '../../kiosk-server/db/migrations.ts';
import { createKioskService, type FleetKiosk, type KioskClientConfig } from '../../kiosk-server/kiosks/service.ts';
import { createKioskStore } from '../../kiosk-server/kiosks/store.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum, CHEAP_SCRYPT, createDeviceToken, type SignedInAs, signInAs, testClock } from '../support/auth.ts';

const clock = testClock(new Date('2025-06-01T08:00:00.000Z'));
let museum: Museum;
let admin: SignedInAs;

beforeAll(async () => {
  museum = await authTestMuseum({ now: clock.now, auth: { scrypt: CHEAP_SCRYPT } });
  admin = await signInAs(museum, 'admin');
});
afterAll(() => museum.close());

let seq = 0;
const newId = () => `kiosk-${++seq}`;

function send(method: string, url: string, init: { headers?: Record<string, string>; body?: unknown; raw?: string } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined;
  if (init.raw !== undefined) body = init.raw;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  return museum.app.request(url, { method, headers, body });
}

async function createKiosk(body: Record<string, unknown> = {}) {
  const res = await send('POST', '/api/admin/kiosks', { headers: admin.headers, body: { id: newId(), ...body } });
  expect(res.status, await res.clone().text()).toBe(201);
  const created = (await res.json()) as { kiosk: { id: string; updatedAt: string }; token: string };
  return { ...created, device: { Authorization: `Bearer ${created.token}` } };
}

function beat(overrides: Record<string, unknown> = {}) {
  return { contentVersion: 1, appVersion: 'test', lastInteractionAt: null, state: 'attract', sentAt: clock.now().toISOString(), ...overrides };
}

async function fleetEntry(id: string, headers = admin.headers): Promise<FleetKiosk> {
  const res = await send('GET', '/api/kiosks', { headers });
  expect(res.status).toBe(200);
  const fleet = (await res.json()) as { kiosks: FleetKiosk[] };
  const entry = fleet.kiosks.find((k) => k.id === id);
  if (!entry) throw new Error(`kiosk ${id} not in the fleet`);
  return entry;
}

async function expectProblem(res: Response, status: number, paths?: string[]) {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = (await res.json()) as { type: string; errors?: { path: string }[] };
  if (paths) expect(problem.errors?.map((e) => e.path).sort()).toEqual([...paths].sort());
  return problem;
}

describe('kiosk configuration', () => {
  it('an admin creates a kiosk; its token reads its own configuration', async () => {
    const { kiosk, token, device } = await createKiosk({
      name: 'Steelmaking hall, left',
      hallId: 'china-steel-museum/steelmaking-hall',
      defaultLanguage: 'en',
      startExhibit: '/sites/dadukou-steel-works',
      idleTimeoutSeconds: 120,
      promptSeconds: 25,
      heartbeatIntervalSeconds: 15,
      screen: { diagonalInches: 43, widthPx: 1080, heightPx: 1920 },
    });
    expect(token).toMatch(/^mdt_/);
    const res = await send('GET', '/api/kiosks/me/config', { headers: device });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const config = (await res.json()) as KioskClientConfig;
    expect(config).toMatchObject({
      kioskId: kiosk.id,
      name: 'Steelmaking hall, left',
      hallId: 'china-steel-museum/steelmaking-hall',
      defaultLanguage: 'en',
      startExhibit: { path: '/sites/dadukou-steel-works', source: 'kiosk', until: null },
      idleTimeoutSeconds: 120,
      promptSeconds: 25,
      heartbeatIntervalSeconds: 15,
      screen: { diagonalInches: 43, widthPx: 1080, heightPx: 1920 },
      configVersion: `${kiosk.updatedAt}|kiosk:/sites/dadukou-steel-works`,
    });
    expect(config.contentVersion).toBeGreaterThan(0);
  });

  it('fills in defaults: zh-Hans, the home page, 90 s idle, 30 s prompt, 30 s heartbeat', async () => {
    const { device } = await createKiosk();
    const config = (await (await send('GET', '/api/kiosks/me/config', { headers: device })).json()) as KioskClientConfig;
    expect(config).toMatchObject({
      defaultLanguage: 'zh-Hans',
      startExhibit: { path: '/' },
      idleTimeoutSeconds: 90,
      promptSeconds: 30,
      heartbeatIntervalSeconds: 30,
    });
  });

  it('a change reaches the kiosk and moves its configVersion', async () => {
    const { kiosk, device } = await createKiosk();
    const res = await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, {
      headers: admin.headers,
      body: { defaultLanguage: 'zh-Hant', screen: { diagonalInches: 55 } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const config = (await (await send('GET', '/api/kiosks/me/config', { headers: device })).json()) as KioskClientConfig;
    expect(config.defaultLanguage).toBe('zh-Hant');
    expect(config.screen).toEqual({ diagonalInches: 55, widthPx: 1920, heightPx: 1080 });
    expect(config.configVersion).not.toBe(kiosk.updatedAt);
    const answer = (await (await send('POST', '/api/kiosks/heartbeat', { headers: device, body: beat() })).json()) as { configVersion: string };
    expect(answer.configVersion).toBe(config.configVersion);
  });

  it('a taken id is a 409 naming body.id', async () => {
    const { kiosk } = await createKiosk();
    await expectProblem(await send('POST', '/api/admin/kiosks', { headers: admin.headers, body: { id: kiosk.id } }), 409, ['body.id']);
  });

  it('a new token replaces the old one at once; deleting a kiosk revokes its token', async () => {
    const { kiosk, device: oldDevice } = await createKiosk();
    const res = await send('POST', `/api/admin/kiosks/${kiosk.id}/token`, { headers: admin.headers });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: oldDevice }), 401);
    const newDevice = { Authorization: `Bearer ${token}` };
    expect((await send('GET', '/api/kiosks/me/config', { headers: newDevice })).status).toBe(200);

    expect((await send('DELETE', `/api/admin/kiosks/${kiosk.id}`, { headers: admin.headers })).status).toBe(204);
    await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: newDevice }), 401);
    await expectProblem(await send('GET', `/api/kiosks/${kiosk.id}`, { headers: admin.headers }), 404);
    await expectProblem(await send('DELETE', `/api/admin/kiosks/${kiosk.id}`, { headers: admin.headers }), 404);
    await expectProblem(await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, { headers: admin.headers, body: { name: 'x' } }), 404);
  });
});

describe('auth failures', () => {
  it('the kiosk routes need a valid kiosk token', async () => {
    const none = await expectProblem(await send('GET', '/api/kiosks/me/config'), 401);
    expect(none.type).toBe('/problems/unauthenticated');
    await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: { Authorization: 'Bearer mdt_not-a-token' } }), 401);
    await expectProblem(await send('POST', '/api/kiosks/heartbeat', { body: beat() }), 401);
    // A door counter's token is a device token, but not a kiosk's.
    const counter = await createDeviceToken(museum, 'counter');
    const wrongKind = await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: counter.headers }), 403);
    expect(wrongKind.type).toBe('/problems/forbidden');
    // A person's session is not a device.
    await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: admin.headers }), 401);
  });

  it('a kiosk token that belongs to no configuration gets a 404 that says so', async () => {
    const stray = await createDeviceToken(museum, 'kiosk');
    const p = await expectProblem(await send('GET', '/api/kiosks/me/config', { headers: stray.headers }), 404);
    expect(p.type).toBe('/problems/kiosk-not-configured');
    await expectProblem(await send('POST', '/api/kiosks/heartbeat', { headers: stray.headers, body: beat() }), 404);
  });

  it('only admins change configurations; staff and curators read the fleet; visitors read nothing', async () => {
    const { kiosk } = await createKiosk();
    const curator = await signInAs(museum, 'curator');
    const staff = await signInAs(museum, 'staff');
    for (const who of [curator, staff]) {
      expect((await send('GET', '/api/kiosks', { headers: who.headers })).status).toBe(200);
      expect((await send('GET', `/api/kiosks/${kiosk.id}`, { headers: who.headers })).status).toBe(200);
      await expectProblem(await send('POST', '/api/admin/kiosks', { headers: who.headers, body: { id: newId() } }), 403);
      await expectProblem(await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, { headers: who.headers, body: { name: 'x' } }), 403);
      await expectProblem(await send('POST', `/api/admin/kiosks/${kiosk.id}/token`, { headers: who.headers }), 403);
      await expectProblem(await send('DELETE', `/api/admin/kiosks/${kiosk.id}`, { headers: who.headers }), 403);
    }
    await expectProblem(await send('GET', '/api/kiosks'), 401);
    await expectProblem(await send('POST', '/api/admin/kiosks', { body: { id: newId() } }), 401);
    // A kiosk's own token cannot read the fleet or create kiosks.
    const { device } = await createKiosk();
    await expectProblem(await send('GET', '/api/kiosks', { headers: device }), 401);
    await expectProblem(await send('POST', '/api/admin/kiosks', { headers: device, body: { id: newId() } }), 401);
  });

  it('an admin change without the CSRF token is refused', async () => {
    const p = await expectProblem(await send('POST', '/api/admin/kiosks', { headers: { Cookie: admin.cookie }, body: { id: newId() } }), 403);
    expect(p.type).toBe('/problems/csrf');
  });
});

describe('bad input', () => {
  it('names every bad field of a new kiosk', async () => {
    const res = await send('POST', '/api/admin/kiosks', {
      headers: admin.headers,
      body: {
        id: 'Bad Id!',
        defaultLanguage: 'fr',
        idleTimeoutSeconds: 5,
        promptSeconds: 10,
        heartbeatIntervalSeconds: 1.5,
        screen: { diagonalInches: 2, widthPx: 1920, heightPx: 'tall' },
        colour: 'red',
      },
    });
    await expectProblem(res, 400, [
      'body',
      'body.defaultLanguage',
      'body.heartbeatIntervalSeconds',
      'body.id',
      'body.idleTimeoutSeconds',
      'body.promptSeconds',
      'body.screen.diagonalInches',
      'body.screen.heightPx',
    ]);
  });

  it('checks the hall and the start exhibit against the content', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ hallId: 'no-such-museum/main-hall' }, 'no museum'],
      [{ hallId: 'china-steel-museum/no-such-hall' }, 'no hall'],
      [{ hallId: 'china-steel-museum' }, '<museum>/<hall>'],
      [{ startExhibit: '/sites/no-such-site' }, 'no site'],
      [{ startExhibit: '/eras/no-such-era' }, 'no era'],
      [{ startExhibit: '/api/content/eras' }, 'an app path'],
      [{ startExhibit: 'https://example.com/' }, 'an app path'],
      [{ startExhibit: '/sites/../api' }, 'an app path'],
      [{ startExhibit: '//example.com' }, 'an app path'],
    ];
    const devices = async () => ((await (await send('GET', '/api/admin/devices', { headers: admin.headers })).json()) as { devices: unknown[] }).devices.length;
    const devicesBefore = await devices();
    for (const [body, message] of cases) {
      const res = await send('POST', '/api/admin/kiosks', { headers: admin.headers, body: { id: newId(), ...body } });
      const p = (await expectProblem(res, 400, [`body.${Object.keys(body)[0]}`])) as unknown as { errors: { message: string }[] };
      expect(p.errors[0].message, JSON.stringify(body)).toContain(message);
    }
    // Nothing was half-created: no device token was issued for any of them.
    expect(await devices()).toBe(devicesBefore);
  });

  it('refuses an empty change, malformed JSON and a body that is not JSON', async () => {
    const { kiosk } = await createKiosk();
    await expectProblem(await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, { headers: admin.headers, body: {} }), 400, ['body']);
    await expectProblem(
      await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, { headers: { ...admin.headers, 'Content-Type': 'application/json' }, raw: '{"name":' }),
      400,
      ['body'],
    );
    await expectProblem(
      await send('PATCH', `/api/admin/kiosks/${kiosk.id}`, { headers: { ...admin.headers, 'Content-Type': 'text/plain' }, raw: 'name=x' }),
      415,
      ['header.Content-Type'],
    );
    await expectProblem(await send('PATCH', '/api/admin/kiosks/UPPER', { headers: admin.headers, body: { name: 'x' } }), 400, ['param.id']);
  });

  it('names the bad fields of a heartbeat', async () => {
    const { device } = await createKiosk();
    const res = await send('POST', '/api/kiosks/heartbeat', {
      headers: device,
      body: { contentVersion: 'seven', lastInteractionAt: 'yesterday', state: 'dancing', sentAt: 12, events: [{ id: 'e1', status: 'sleeping', at: 'now' }] },
    });
    await expectProblem(res, 400, ['body.contentVersion', 'body.events.0.at', 'body.events.0.status', 'body.lastInteractionAt', 'body.sentAt', 'body.state']);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ id: `e${i}`, status: 'online', at: clock.now().toISOString() }));
    await expectProblem(await send('POST', '/api/kiosks/heartbeat', { headers: device, body: beat({ events: tooMany }) }), 400, ['body.events']);
  });
});

describe('heartbeats and fleet status', () => {
  it('a kiosk is never-seen, online after a heartbeat, offline after 1.1 × its interval, online again with the gap recorded', async () => {
    const { kiosk, device } = await createKiosk({ heartbeatIntervalSeconds: 30 });
    expect((await fleetEntry(kiosk.id)).status).toBe('never-seen');

    const started = clock.now().toISOString();
    const res = await send('POST', '/api/kiosks/heartbeat', {
      headers: device,
      body: beat({ state: 'active', lastInteractionAt: started, contentVersion: 1 }),
    });
    expect(res.status).toBe(200);
    let entry = await fleetEntry(kiosk.id);
    expect(entry).toMatchObject({
      status: 'online',
      lastHeartbeatAt: started,
      visitorState: 'active',
      lastInteractionAt: started,
      heartbeatCount: 1,
      appVersion: 'test',
    });

    clock.advance(33_000); // exactly 1.1 × 30 s: still online
    entry = await fleetEntry(kiosk.id);
    expect(entry.status).toBe('online');
    expect(entry.secondsSinceHeartbeat).toBe(33);
    clock.advance(1);
    entry = await fleetEntry(kiosk.id);
    expect(entry.status).toBe('offline');
    expect(entry.statusSince).toBe(new Date(new Date(started).getTime() + 33_000).toISOString());

    clock.advance(10 * 60_000);
    const back = clock.now().toISOString();
    await send('POST', '/api/kiosks/heartbeat', { headers: device, body: beat() });
    entry = await fleetEntry(kiosk.id);
    expect(entry.status).toBe('online');
    expect(entry.statusSince).toBe(back);
    expect(entry.heartbeatCount).toBe(2);
    // Newest first: back online now, offline from the deadline, first seen at the start.
    expect(entry.recentTransitions).toEqual([
      { status: 'online', at: back, source: 'server' },
      { status: 'offline', at: new Date(new Date(started).getTime() + 33_000).toISOString(), source: 'server' },
      { status: 'online', at: started, source: 'server' },
    ]);
  });

  it('stores queued transitions once, on the server clock, and reports the content version against the published one', async () => {
    const { kiosk, device } = await createKiosk();
    const config = (await (await send('GET', '/api/kiosks/me/config', { headers: device })).json()) as KioskClientConfig;
    // The kiosk's clock runs 5 minutes fast.
    const skew = 5 * 60_000;
    const kioskTime = (msAgo: number) => new Date(clock.now().getTime() + skew - msAgo).toISOString();
    const events = [
      { id: 'k-1', status: 'offline', at: kioskTime(120_000) },
      { id: 'k-2', status: 'online', at: kioskTime(1_000) },
    ];
    const body = beat({ sentAt: kioskTime(0), contentVersion: config.contentVersion - 1 || 999, events, lastInteractionAt: kioskTime(60_000) });
    const first = (await (await send('POST', '/api/kiosks/heartbeat', { headers: device, body })).json()) as { storedEvents: number };
    expect(first.storedEvents).toBe(2);
    // The answer was lost; the kiosk sends the same queue again.
    const again = (await (await send('POST', '/api/kiosks/heartbeat', { headers: device, body })).json()) as { storedEvents: number };
    expect(again.storedEvents).toBe(0);

    const res = await send('GET', `/api/kiosks/${kiosk.id}`, { headers: admin.headers });
    const detail = (await res.json()) as { status: FleetKiosk; transitions: { status: string; at: string; source: string }[] };
    const fromKiosk = detail.transitions.filter((t) => t.source === 'kiosk');
    expect(fromKiosk).toEqual([
      { status: 'online', at: new Date(clock.now().getTime() - 1_000).toISOString(), source: 'kiosk' },
      { status: 'offline', at: new Date(clock.now().getTime() - 120_000).toISOString(), source: 'kiosk' },
    ]);
    expect(detail.status.clockSkewMs).toBe(skew);
    expect(detail.status.lastInteractionAt).toBe(new Date(clock.now().getTime() - 60_000).toISOString());
    expect(detail.status.contentUpToDate).toBe(false);

    await send('POST', '/api/kiosks/heartbeat', { headers: device, body: beat({ contentVersion: config.contentVersion }) });
    expect((await fleetEntry(kiosk.id)).contentUpToDate).toBe(true);
  });

  it('a kiosk claiming a time in the future is held to the server’s now', async () => {
    const { kiosk, device } = await createKiosk();
    const future = new Date(clock.now().getTime() + 86_400_000).toISOString();
    await send('POST', '/api/kiosks/heartbeat', { headers: device, body: beat({ events: [{ id: 'f', status: 'offline', at: future }] }) });
    const detail = (await (await send('GET', `/api/kiosks/${kiosk.id}`, { headers: admin.headers })).json()) as {
      transitions: { at: string; source: string }[];
    };
    expect(detail.transitions.find((t) => t.source === 'kiosk')?.at).toBe(clock.now().toISOString());
  });

  it('counts the fleet by status', async () => {
    const res = await send('GET', '/api/kiosks', { headers: admin.headers });
    const fleet = (await res.json()) as { counts: Record<string, number>; kiosks: FleetKiosk[]; publishedContentVersion: number };
    const tally = { online: 0, offline: 0, 'never-seen': 0 } as Record<string, number>;
    for (const k of fleet.kiosks) tally[k.status] += 1;
    expect(fleet.counts).toEqual(tally);
    expect(fleet.publishedContentVersion).toBeGreaterThan(0);
  });
});

describe('start exhibit seam (playlists)', () => {
  it('resolvers are asked in order before the kiosk’s own start exhibit', async () => {
    const db = openDatabase({ dataDir: '', memory: true });
    await migrateToLatest(db.kysely as never, db.dialect);
    const content = createContentService({ store: createContentStore(db.kysely) });
    await content.init();
    const auth = createAuthService({ store: createAuthStore(db.kysely, db.dialect), options: { scrypt: CHEAP_SCRYPT } });
    const now = new Date('2025-06-01T08:00:00Z');
    let playlistRunning = true;
    const kiosks = createKioskService({
      store: createKioskStore(db.kysely),
      auth,
      content,
      now: () => now,
      startExhibitResolvers: [
        () => undefined, // a playlist with nothing for this kiosk
        (kiosk) =>
          playlistRunning && kiosk.hallId === 'china-steel-museum/steelmaking-hall'
            ? { path: '/sites/dadukou-steel-works', source: 'playlist', until: '2025-06-08T00:00:00Z' }
            : undefined,
      ],
    });
    const inHall = await kiosks.create({ id: 'in-hall', hallId: 'china-steel-museum/steelmaking-hall', startExhibit: '/eras/wartime' }, null);
    const elsewhere = await kiosks.create({ id: 'elsewhere', startExhibit: '/eras/wartime' }, null);
    const device = async (token: string) => (await auth.devices.authenticate(token))!;
    expect((await kiosks.configForDevice(await device(inHall.token))).startExhibit).toEqual({
      path: '/sites/dadukou-steel-works',
      source: 'playlist',
      until: '2025-06-08T00:00:00Z',
    });
    expect((await kiosks.configForDevice(await device(elsewhere.token))).startExhibit).toEqual({ path: '/eras/wartime', source: 'kiosk', until: null });
    expect((await kiosks.fleet()).kiosks.find((k) => k.id === 'in-hall')?.startExhibit.source).toBe('playlist');
    // The playlist ends: the next heartbeat tells the kiosk its configuration changed.
    const beat = { contentVersion: 1, lastInteractionAt: null, sentAt: now.toISOString() };
    const before = await kiosks.heartbeat(await device(inHall.token), beat);
    playlistRunning = false;
    const after = await kiosks.heartbeat(await device(inHall.token), beat);
    expect(after.configVersion).not.toBe(before.configVersion);
    expect(after.configVersion).toBe((await kiosks.configForDevice(await device(inHall.token))).configVersion);
    await db.close();
  });
});
