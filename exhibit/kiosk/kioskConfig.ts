/**
 * The kiosk's configuration: from the server (GET /api/kiosks/me/config with the device token),
 * else the last one it got (localStorage), else built-in defaults — so a kiosk starts and runs
 * with the server down. The device token belongs to the machine, not to a visitor: it survives
 * visitor resets and is kept until the kiosk is set up again.
 */
import type { Locale } from '../../content/schema.ts';
import type { ScreenSize } from './targetSize.ts';

export interface StartExhibit {
  path: string;
  source: string;
  until: string | null;
}

export interface KioskConfig {
  /** null for a kiosk that was never set up (`?mode=kiosk` alone): defaults, no heartbeat. */
  kioskId: string | null;
  name: string;
  hallId: string | null;
  defaultLanguage: Locale;
  startExhibit: StartExhibit;
  idleTimeoutSeconds: number;
  promptSeconds: number;
  heartbeatIntervalSeconds: number;
  screen: ScreenSize;
  configVersion: string | null;
  /** Where this configuration came from. */
  source: 'server' | 'saved' | 'defaults';
}

/** The device's identity: which kiosk it is and its bearer token. */
export interface KioskDevice {
  kioskId: string;
  token: string;
}

export const DEFAULT_CONFIG: KioskConfig = {
  kioskId: null,
  name: 'Kiosk',
  hallId: null,
  defaultLanguage: 'zh-Hans',
  startExhibit: { path: '/', source: 'defaults', until: null },
  idleTimeoutSeconds: 90,
  promptSeconds: 30,
  heartbeatIntervalSeconds: 30,
  screen: { diagonalInches: 32, widthPx: 1920, heightPx: 1080 },
  configVersion: null,
  source: 'defaults',
};

/** The visitor gets at least 20 s to answer "still there?" (WCAG 2.2.1), whatever is configured. */
export const MIN_PROMPT_SECONDS = 20;

const DEVICE_KEY = 'museum.kiosk.device';
const CONFIG_KEY = 'museum.kiosk.config';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage, or nothing when storage is disabled (then the kiosk runs on defaults). */
export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readJson<T>(store: KeyValueStore | null, key: string): T | null {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function writeJson(store: KeyValueStore | null, key: string, value: unknown) {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // full or disabled storage: the kiosk still runs, it just can't remember
  }
}

export function readDevice(store: KeyValueStore | null): KioskDevice | null {
  const d = readJson<KioskDevice>(store, DEVICE_KEY);
  return d && typeof d.kioskId === 'string' && typeof d.token === 'string' && d.token ? d : null;
}

export function saveDevice(store: KeyValueStore | null, device: KioskDevice) {
  writeJson(store, DEVICE_KEY, device);
}

export function forgetDevice(store: KeyValueStore | null) {
  try {
    store?.removeItem(DEVICE_KEY);
    store?.removeItem(CONFIG_KEY);
  } catch {
    /* nothing to forget */
  }
}

export function readSavedConfig(store: KeyValueStore | null, kioskId: string): KioskConfig | null {
  const c = readJson<KioskConfig>(store, CONFIG_KEY);
  return c && c.kioskId === kioskId ? sanitize({ ...c, source: 'saved' }) : null;
}

export function saveConfig(store: KeyValueStore | null, config: KioskConfig) {
  writeJson(store, CONFIG_KEY, config);
}

const LANGS: readonly string[] = ['zh-Hans', 'zh-Hant', 'en'];
const num = (v: unknown, fallback: number, min: number, max: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : fallback;

/** Whatever came from the network or storage, made safe to run with. */
export function sanitize(raw: Partial<KioskConfig> & Record<string, unknown>): KioskConfig {
  const d = DEFAULT_CONFIG;
  const start = raw.startExhibit as Partial<StartExhibit> | undefined;
  const path = typeof start?.path === 'string' && /^\/(?!\/)/.test(start.path) ? start.path : d.startExhibit.path;
  const screen = (raw.screen ?? {}) as Partial<ScreenSize>;
  return {
    kioskId: typeof raw.kioskId === 'string' ? raw.kioskId : null,
    name: typeof raw.name === 'string' ? raw.name : d.name,
    hallId: typeof raw.hallId === 'string' ? raw.hallId : null,
    defaultLanguage: LANGS.includes(raw.defaultLanguage as string) ? (raw.defaultLanguage as Locale) : d.defaultLanguage,
    startExhibit: { path, source: typeof start?.source === 'string' ? start.source : 'defaults', until: typeof start?.until === 'string' ? start.until : null },
    idleTimeoutSeconds: num(raw.idleTimeoutSeconds, d.idleTimeoutSeconds, 15, 3600),
    promptSeconds: num(raw.promptSeconds, d.promptSeconds, MIN_PROMPT_SECONDS, 300),
    heartbeatIntervalSeconds: num(raw.heartbeatIntervalSeconds, d.heartbeatIntervalSeconds, 5, 3600),
    screen: {
      diagonalInches: num(screen.diagonalInches, d.screen.diagonalInches, 7, 120),
      widthPx: num(screen.widthPx, d.screen.widthPx, 320, 16384),
      heightPx: num(screen.heightPx, d.screen.heightPx, 320, 16384),
    },
    configVersion: typeof raw.configVersion === 'string' ? raw.configVersion : null,
    source: raw.source === 'server' || raw.source === 'saved' ? raw.source : 'defaults',
  };
}

export type FetchConfigResult =
  | { kind: 'ok'; config: KioskConfig }
  /** The server refused the token (revoked, or it belongs to another kiosk). */
  | { kind: 'refused'; status: number; detail: string }
  | { kind: 'unreachable' };

/** GET /api/kiosks/me/config with a short timeout: a kiosk never waits long for its server. */
export async function fetchConfig(token: string, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<FetchConfigResult> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  try {
    const res = await doFetch('/api/kiosks/me/config', {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      cache: 'no-store',
      signal: controller.signal,
    });
    if (res.status === 401 || res.status === 403 || res.status === 404) {
      let detail = res.statusText;
      try {
        detail = ((await res.json()) as { detail?: string }).detail ?? detail;
      } catch {
        /* not problem+json */
      }
      return { kind: 'refused', status: res.status, detail };
    }
    if (!res.ok) return { kind: 'unreachable' };
    const body = (await res.json()) as Record<string, unknown>;
    return { kind: 'ok', config: sanitize({ ...body, source: 'server' }) };
  } catch {
    return { kind: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}

/** The configuration to start with, before (or without) the server: saved, else defaults. */
export function initialConfig(store: KeyValueStore | null, device: KioskDevice | null): KioskConfig {
  if (!device) return DEFAULT_CONFIG;
  return readSavedConfig(store, device.kioskId) ?? { ...DEFAULT_CONFIG, kioskId: device.kioskId };
}
