/**
 * The kiosk's idle timer and the pure parts around it: touch-target size from the screen's size,
 * the configuration fallback, the accessibility settings that reset with the visitor.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSettings, NO_SETTINGS, resetSettings, setSetting, subscribeSettings } from '../../exhibit/kiosk/accessibilitySettings.ts';
import { createIdleTimer, type Timers } from '../../exhibit/kiosk/idleTimer.ts';
import {
  DEFAULT_CONFIG,
  fetchConfig,
  initialConfig,
  type KeyValueStore,
  readDevice,
  readSavedConfig,
  sanitize,
  saveConfig,
  saveDevice,
} from '../../exhibit/kiosk/kioskConfig.ts';
import { devicePxPerMm, MIN_TARGET_CSS_PX, minTargetCssPx } from '../../exhibit/kiosk/targetSize.ts';

const fakeTimers = (): Timers => ({
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
});

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the timeout without activity, and activity restarts the countdown', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 60_000, onIdle, timers: fakeTimers() });
    timer.start();
    vi.advanceTimersByTime(59_000);
    timer.activity();
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('pauses while held, and gives the full timeout again when the hold ends', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 60_000, onIdle, timers: fakeTimers() });
    timer.start();
    vi.advanceTimersByTime(50_000);
    timer.setHeld(true);
    expect(timer.counting()).toBe(false);
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.setHeld(false);
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does not let a stuck hold keep the kiosk busy for ever', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 60_000, onIdle, maxHoldMs: 20 * 60_000, timers: fakeTimers() });
    timer.start();
    timer.setHeld(true);
    vi.advanceTimersByTime(20 * 60_000 + 59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('is silent when stopped, and a new timeout applies at once', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 60_000, onIdle, timers: fakeTimers() });
    timer.start();
    timer.stop();
    vi.advanceTimersByTime(120_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.start();
    timer.setTimeoutMs(20_000);
    vi.advanceTimersByTime(20_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('remembers the last activity for the heartbeat', () => {
    const timer = createIdleTimer({ timeoutMs: 60_000, onIdle: () => {}, timers: fakeTimers() });
    expect(timer.lastActivity()).toBeNull();
    timer.start();
    vi.advanceTimersByTime(5_000);
    timer.activity();
    expect(timer.lastActivity()).toBe(Date.now());
  });
});

describe('touch target size', () => {
  it('is 20 mm where that is more than 44 px: a 21.5" 1080p screen has ~4 px per mm', () => {
    const screen = { diagonalInches: 21.5, widthPx: 1920, heightPx: 1080 };
    expect(devicePxPerMm(screen)).toBeCloseTo(4.034, 2);
    expect(minTargetCssPx(screen)).toBe(81);
  });

  it('is never under 44 CSS px: a 65" 4K screen scaled ×2 has 20 mm ≈ 27 CSS px', () => {
    expect(minTargetCssPx({ diagonalInches: 65, widthPx: 3840, heightPx: 2160 }, 2)).toBe(MIN_TARGET_CSS_PX);
  });

  it('divides by the device pixel ratio, and the same screen in portrait needs the same size', () => {
    const landscape = { diagonalInches: 15.6, widthPx: 3840, heightPx: 2160 };
    expect(minTargetCssPx(landscape, 1)).toBe(223); // 20 mm = 222.4 device px, rounded up
    expect(minTargetCssPx(landscape, 2)).toBe(112);
    expect(minTargetCssPx({ ...landscape, widthPx: 2160, heightPx: 3840 }, 2)).toBe(112);
  });

  it('falls back to 44 px on nonsense', () => {
    expect(minTargetCssPx({ diagonalInches: 0, widthPx: 1920, heightPx: 1080 })).toBe(44);
    expect(minTargetCssPx({ diagonalInches: 21.5, widthPx: 1920, heightPx: 1080 }, 0)).toBe(44);
  });
});

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('kiosk configuration fallback', () => {
  const serverConfig = {
    kioskId: 'hall-1',
    name: 'Hall 1',
    hallId: 'china-steel-museum/steelmaking-hall',
    defaultLanguage: 'en',
    startExhibit: { path: '/sites/erchang', source: 'kiosk', until: null },
    idleTimeoutSeconds: 120,
    promptSeconds: 25,
    heartbeatIntervalSeconds: 15,
    screen: { diagonalInches: 43, widthPx: 1080, heightPx: 1920 },
    configVersion: '2025-06-01T08:00:00.000Z',
    contentVersion: 3,
    serverTime: '2025-06-01T08:00:00.000Z',
  };
  const okFetch = (body: unknown, status = 200) =>
    (async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;

  it('takes the server’s configuration, keeps it, and starts from it when the server is down', async () => {
    const store = memoryStore();
    const result = await fetchConfig('tok', { fetch: okFetch(serverConfig) });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.config).toMatchObject({ kioskId: 'hall-1', defaultLanguage: 'en', startExhibit: { path: '/sites/erchang' }, source: 'server' });
    saveDevice(store, { kioskId: 'hall-1', token: 'tok' });
    saveConfig(store, result.config);
    // Next start, server down:
    const down = await fetchConfig('tok', { fetch: (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch });
    expect(down.kind).toBe('unreachable');
    const device = readDevice(store);
    expect(initialConfig(store, device)).toMatchObject({ kioskId: 'hall-1', defaultLanguage: 'en', idleTimeoutSeconds: 120, source: 'saved' });
    // Another kiosk id never gets this kiosk's saved configuration.
    expect(readSavedConfig(store, 'hall-2')).toBeNull();
  });

  it('uses built-in defaults with nothing saved', () => {
    expect(initialConfig(memoryStore(), null)).toEqual(DEFAULT_CONFIG);
    expect(initialConfig(memoryStore(), { kioskId: 'x', token: 't' })).toMatchObject({ kioskId: 'x', source: 'defaults', defaultLanguage: 'zh-Hans' });
    expect(initialConfig(null, null)).toEqual(DEFAULT_CONFIG);
  });

  it('reports a refused token with the server’s reason, and a 5xx as unreachable', async () => {
    const refused = await fetchConfig('bad', { fetch: okFetch({ detail: 'Send a valid device token' }, 401) });
    expect(refused).toEqual({ kind: 'refused', status: 401, detail: 'Send a valid device token' });
    expect((await fetchConfig('tok', { fetch: okFetch({}, 502) })).kind).toBe('unreachable');
  });

  it('gives up after the timeout instead of hanging the kiosk', async () => {
    const never = ((_url: string, init: RequestInit) =>
      new Promise((_r, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as unknown as typeof fetch;
    expect((await fetchConfig('tok', { fetch: never, timeoutMs: 20 })).kind).toBe('unreachable');
  });

  it('makes whatever it is given safe: the prompt is never under 20 s, paths stay inside the app', () => {
    const c = sanitize({
      promptSeconds: 5,
      idleTimeoutSeconds: -1,
      defaultLanguage: 'fr' as never,
      startExhibit: { path: '//evil.example/', source: 'x', until: null },
    });
    expect(c.promptSeconds).toBe(20);
    expect(c.idleTimeoutSeconds).toBe(15);
    expect(c.defaultLanguage).toBe('zh-Hans');
    expect(c.startExhibit.path).toBe('/');
    expect(readDevice({ getItem: () => '{not json', setItem: () => {}, removeItem: () => {} })).toBeNull();
  });
});

describe('accessibility settings', () => {
  it('toggle one by one, notify, and all go back to off at reset', () => {
    const seen: unknown[] = [];
    const off = subscribeSettings(() => seen.push(getSettings()));
    setSetting('largeText', true);
    setSetting('reach', true);
    setSetting('reach', true); // no change, no notification
    expect(getSettings()).toEqual({ ...NO_SETTINGS, largeText: true, reach: true });
    resetSettings();
    expect(getSettings()).toEqual(NO_SETTINGS);
    expect(seen).toHaveLength(3);
    off();
  });
});
