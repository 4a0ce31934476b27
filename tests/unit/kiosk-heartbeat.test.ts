/**
 * The kiosk's heartbeat (offline transitions queued and sent on reconnect), its read-aloud logic
 * (with a fake speech engine: headless Chromium has no voices), and the cache-warming plan.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeartbeat, type HeartbeatBody, MAX_QUEUED, type SendResult, type StatusTransition } from '../../exhibit/kiosk/heartbeat.ts';
import type { Timers } from '../../exhibit/kiosk/idleTimer.ts';
import { chunk, createReader, mainTextBlocks, pickVoice, type SpeechEngine, type UtteranceLike, watchdogMs } from '../../exhibit/kiosk/readAloud.ts';
import { assetUrls, guessedApiPaths, warmTargets } from '../../exhibit/kiosk/warmCache.ts';

const timers = (): Timers => ({
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
});

const answer = (interval = 30): SendResult => ({
  kind: 'ok',
  answer: { serverTime: new Date().toISOString(), heartbeatIntervalSeconds: interval, configVersion: 'v1', contentVersion: 1 },
});

function setup(initialQueue: StatusTransition[] = []) {
  const sent: HeartbeatBody[] = [];
  let reachable = true;
  let saved = initialQueue;
  let n = 0;
  const heartbeat = createHeartbeat({
    intervalMs: 30_000,
    send: async (body) => {
      sent.push(structuredClone(body));
      return reachable ? answer() : { kind: 'unreachable' };
    },
    snapshot: () => ({ contentVersion: 7, appVersion: 'index-abc', lastInteractionAt: null, state: 'attract' }),
    queue: {
      load: () => saved,
      save: (q) => {
        saved = q;
      },
    },
    timers: timers(),
    newId: () => `e${++n}`,
  });
  return {
    heartbeat,
    sent,
    saved: () => saved,
    setReachable: (r: boolean) => {
      reachable = r;
    },
  };
}

describe('heartbeat', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2025-06-01T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('beats at once and then every interval, with the kiosk’s state', async () => {
    const { heartbeat, sent } = setup();
    heartbeat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(sent).toHaveLength(4);
    expect(sent[0]).toMatchObject({ contentVersion: 7, appVersion: 'index-abc', state: 'attract', sentAt: '2025-06-01T08:00:00.000Z', events: [] });
    heartbeat.stop();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(sent).toHaveLength(4);
  });

  it('queues going offline and coming back, and sends both on reconnect — once', async () => {
    const { heartbeat, sent, saved, setReachable } = setup();
    heartbeat.start();
    await vi.advanceTimersByTimeAsync(0);
    setReachable(false);
    await vi.advanceTimersByTimeAsync(30_000); // fails: offline noted at 08:00:30
    await vi.advanceTimersByTimeAsync(60_000); // still failing; nothing new queued
    expect(heartbeat.isOnline()).toBe(false);
    expect(saved()).toEqual([{ id: 'e1', status: 'offline', at: '2025-06-01T08:00:30.000Z' }]);
    setReachable(true);
    await vi.advanceTimersByTimeAsync(30_000); // 08:02:00: gets through, then sends "online" at once
    const withEvents = sent.filter((b) => b.events.length);
    expect(withEvents.map((b) => b.events.map((e) => `${e.status}@${e.at.slice(11, 19)}`))).toEqual([
      ['offline@08:00:30'],
      ['offline@08:00:30'],
      ['offline@08:00:30'],
      ['online@08:02:00'],
    ]);
    expect(saved()).toEqual([]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent.at(-1)?.events).toEqual([]);
  });

  it('keeps the queue across a reload (it is loaded from storage) and bounds it', async () => {
    const old = Array.from({ length: MAX_QUEUED }, (_, i) => ({
      id: `old${i}`,
      status: i % 2 ? ('online' as const) : ('offline' as const),
      at: '2025-05-31T08:00:00.000Z',
    }));
    const { heartbeat, sent, saved, setReachable } = setup(old);
    setReachable(false);
    heartbeat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved()).toHaveLength(MAX_QUEUED);
    expect(saved().at(-1)?.id).toBe('e1'); // the newest stays, the oldest went
    expect(sent[0].events).toHaveLength(MAX_QUEUED);
    setReachable(true);
    heartbeat.networkChanged(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved()).toEqual([]);
  });

  it('a reload while offline does not note the same outage twice', async () => {
    const { heartbeat, sent, saved, setReachable } = setup([{ id: 'before-reload', status: 'offline', at: '2025-06-01T07:59:00.000Z' }]);
    setReachable(false);
    heartbeat.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(saved().map((e) => e.id)).toEqual(['before-reload']);
    setReachable(true);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sent.flatMap((b) => b.events.map((e) => e.status)).slice(-2)).toEqual(['offline', 'online']);
    expect(saved()).toEqual([]);
  });

  it('the browser saying "offline" is noted at once; a refusal (4xx) is not an outage', async () => {
    const sent: HeartbeatBody[] = [];
    let saved: StatusTransition[] = [];
    const heartbeat = createHeartbeat({
      intervalMs: 30_000,
      send: async (b) => {
        sent.push(b);
        return { kind: 'refused', status: 401 };
      },
      snapshot: () => ({ contentVersion: null, appVersion: null, lastInteractionAt: Date.now(), state: 'active' }),
      queue: {
        load: () => saved,
        save: (q) => {
          saved = q;
        },
      },
      timers: timers(),
      newId: () => 'x',
    });
    heartbeat.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([]);
    heartbeat.networkChanged(false);
    expect(saved.map((e) => e.status)).toEqual(['offline']);
    expect(sent[0].lastInteractionAt).toBe('2025-06-01T08:00:00.000Z');
  });
});

class FakeUtterance implements UtteranceLike {
  lang = '';
  voice: unknown = null;
  rate = 1;
  onend: ((ev: unknown) => void) | null = null;
  onerror: ((ev: { error?: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeEngine(behaviour: 'speaks' | 'fails' | 'hangs', voices = [{ lang: 'zh-CN', name: 'Xiaoxiao', localService: true }]) {
  const spoken: FakeUtterance[] = [];
  let current: FakeUtterance | null = null;
  const engine: SpeechEngine = {
    getVoices: () => voices,
    makeUtterance: (text) => new FakeUtterance(text),
    speak(u) {
      current = u as FakeUtterance;
      spoken.push(current);
      if (behaviour === 'speaks') setTimeout(() => current === u && u.onend?.({}), 1000);
      if (behaviour === 'fails') setTimeout(() => u.onerror?.({ error: 'synthesis-failed' }), 10);
    },
    cancel() {
      const u = current;
      current = null;
      u?.onerror?.({ error: 'interrupted' });
    },
  };
  return { engine, spoken };
}

describe('read aloud', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads every block in order with a voice of the language, holding the idle timer until it ends', async () => {
    const { engine, spoken } = fakeEngine('speaks');
    const release = vi.fn();
    const hold = vi.fn(() => release);
    const states: string[] = [];
    const reader = createReader({ engine, hold, onState: (s) => states.push(s) });
    reader.read(['重庆工业遗产', '1891年开埠'], 'zh-Hans');
    expect(hold).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(release).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([
      ['重庆工业遗产', 'zh-CN'],
      ['1891年开埠', 'zh-CN'],
    ]);
    expect(release).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['speaking', 'idle']);
  });

  it('stops when asked, releasing the hold; a new page starts over', async () => {
    const { engine, spoken } = fakeEngine('speaks');
    const release = vi.fn();
    const reader = createReader({ engine, hold: () => release });
    reader.read(['a', 'b', 'c'], 'en');
    reader.stop();
    expect(release).toHaveBeenCalledTimes(1);
    expect(reader.state()).toBe('idle');
    await vi.advanceTimersByTimeAsync(5000);
    expect(spoken.map((u) => u.text)).toEqual(['a']);
  });

  it('says it is unavailable when there is no engine, or the engine fails or never finishes', async () => {
    expect(createReader({ engine: null, hold: () => () => {} }).state()).toBe('unavailable');

    const failing = fakeEngine('fails');
    const release = vi.fn();
    const reader = createReader({ engine: failing.engine, hold: () => release });
    reader.read(['text'], 'en');
    await vi.advanceTimersByTimeAsync(10);
    expect(reader.state()).toBe('unavailable');
    expect(release).toHaveBeenCalledTimes(1);

    const hanging = fakeEngine('hangs');
    const release2 = vi.fn();
    const reader2 = createReader({ engine: hanging.engine, hold: () => release2 });
    reader2.read(['a long silent text'], 'en');
    await vi.advanceTimersByTimeAsync(watchdogMs('a long silent text') - 1);
    expect(release2).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(release2).toHaveBeenCalledTimes(1);
    expect(reader2.state()).toBe('unavailable');
  });

  it('picks voices by language: Traditional gets a Taiwan or Hong Kong voice, never a mainland one', () => {
    const voices = [
      { lang: 'zh-CN', name: 'A', localService: true },
      { lang: 'zh-HK', name: 'B', localService: true },
      { lang: 'en-US', name: 'C', localService: false },
      { lang: 'en_GB', name: 'D', localService: true },
    ];
    expect(pickVoice(voices, 'zh-Hant')?.name).toBe('B');
    expect(pickVoice(voices, 'zh-Hans')?.name).toBe('A');
    expect(pickVoice(voices, 'en')?.name).toBe('D'); // local first
    expect(pickVoice([{ lang: 'fr-FR', name: 'E' }], 'en')).toBeUndefined();
  });

  it('splits long blocks at sentence ends', () => {
    const long = `${'第一句话很长。'.repeat(40)}`;
    const parts = chunk([long], 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(parts.join('')).toBe(long);
    expect(chunk(['short'])).toEqual(['short']);
  });

  it('collects the main text without controls, hidden text or nested duplicates', () => {
    // A tiny stand-in for the DOM: mainTextBlocks only needs querySelectorAll, closest and textContent.
    const el = (text: string, inside: string[] = []) => ({
      textContent: text,
      closest: (sel: string) => (inside.some((s) => sel.includes(s)) ? {} : null),
      parentElement: { closest: () => null },
    });
    const root = {
      querySelectorAll: () => [el('Title'), el('  Some   text '), el('Back', ['nav']), el('secret', ['[aria-hidden="true"]']), el('')],
      contains: () => true,
    } as unknown as Element;
    expect(mainTextBlocks(root)).toEqual(['Title', 'Some text']);
  });
});

describe('cache warming plan', () => {
  const pack = {
    eras: [{ id: 'wartime' }, { id: 'founding' }],
    sites: [{ id: 'erchang' }],
    clusters: [{ id: 'yuzhong' }],
    scenes: [{ id: 'erchang', model: 'assets/models/erchang.glb' }],
    museums: [{ id: 'steel', media: [{ src: '/assets/img/a.webp' }, { src: `/media/${'a'.repeat(64)}.jpg` }] }],
  };
  const paths = [
    '/api/content/eras',
    '/api/content/eras/{id}',
    '/api/content/sites',
    '/api/content/sites/{id}',
    '/api/content/scenes/{id}',
    '/api/content/pack',
    '/api/content/events',
    '/api/content/preview/enter',
    '/api/kiosks',
  ];

  it('warms every list and every detail the API offers, ids from the pack, and the site list’s filters', () => {
    const targets = warmTargets(paths, pack).map((t) => (t.params ? `${t.path}?${new URLSearchParams(t.params)}` : t.path));
    expect(targets).toEqual([
      'eras',
      'eras/wartime',
      'eras/founding',
      'sites',
      'sites/erchang',
      'scenes/erchang',
      'sites?flagship=true',
      'sites?era=wartime',
      'sites?era=founding',
      'sites?cluster=yuzhong',
    ]);
  });

  it('without the OpenAPI document, guesses a list and a detail view per collection of the pack', () => {
    expect(guessedApiPaths({ eras: [{ id: 'a' }], statistics: { total: 1 } })).toEqual([
      '/api/content/eras',
      '/api/content/eras/{id}',
      '/api/content/statistics',
    ]);
  });

  it('finds every self-hosted file the content refers to', () => {
    expect([...assetUrls(pack)].sort()).toEqual(['/assets/img/a.webp', '/assets/models/erchang.glb', `/media/${'a'.repeat(64)}.jpg`]);
    expect([...assetUrls({ x: 'https://cdn.example/a.js', y: 'assets/../secret' })]).toEqual([]);
  });
});
