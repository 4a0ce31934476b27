/**
 * Helpers for the kiosk specs: the kiosk's own strings, a kiosk whose server answers are mocked
 * (configuration and heartbeats, so a test controls what the kiosk is told and whether the server
 * is there), a fake speech engine, and the test hook the kiosk shell exposes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Language } from './fixtures.ts';

const dir = path.join(import.meta.dirname, '../../exhibit/kiosk/locales');
const cache = new Map<string, Record<string, unknown>>();

/** A kiosk UI string as the app shows it (from exhibit/kiosk/locales), with {{x}} filled in. */
export function kioskString(lang: Language, key: string, vars: Record<string, string | number> = {}): string {
  let strings = cache.get(lang);
  if (!strings) {
    strings = JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Record<string, unknown>;
    cache.set(lang, strings);
  }
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], strings);
  if (typeof value !== 'string') throw new Error(`no kiosk string ${key} in ${lang}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));
}

export interface MockConfig {
  kioskId: string;
  name: string;
  hallId: string | null;
  defaultLanguage: Language;
  startExhibit: { path: string; source: string; until: string | null };
  idleTimeoutSeconds: number;
  promptSeconds: number;
  heartbeatIntervalSeconds: number;
  screen: { diagonalInches: number; widthPx: number; heightPx: number };
  contentVersion: number;
  configVersion: string;
  serverTime: string;
}

export const TEST_KIOSK = 'test-kiosk';

export function mockConfig(overrides: Partial<MockConfig> = {}): MockConfig {
  return {
    kioskId: TEST_KIOSK,
    name: 'Test kiosk',
    hallId: null,
    defaultLanguage: 'en',
    startExhibit: { path: '/sites/erchang', source: 'kiosk', until: null },
    idleTimeoutSeconds: 60,
    promptSeconds: 20,
    heartbeatIntervalSeconds: 30,
    screen: { diagonalInches: 32, widthPx: 1920, heightPx: 1080 },
    contentVersion: 1,
    configVersion: 'v1',
    serverTime: new Date().toISOString(),
    ...overrides,
  };
}

export interface Heartbeat {
  contentVersion: number | null;
  appVersion: string | null;
  lastInteractionAt: string | null;
  state: string;
  sentAt: string;
  events: { id: string; status: 'online' | 'offline'; at: string }[];
}

/**
 * A kiosk that was set up (its device token in localStorage) and whose server answers are mocked.
 * `serverUp(false)` makes both routes fail as if the server were gone.
 */
export async function mockedKiosk(page: Page, config: MockConfig = mockConfig(), options: { saveConfig?: MockConfig } = {}) {
  const beats: Heartbeat[] = [];
  let up = true;
  await page.addInitScript(
    ({ kioskId, saved }) => {
      localStorage.setItem('museum.kiosk.device', JSON.stringify({ kioskId, token: 'mdt_test-token' }));
      if (saved) localStorage.setItem('museum.kiosk.config', JSON.stringify({ ...saved, source: 'server' }));
    },
    { kioskId: config.kioskId, saved: options.saveConfig ?? null },
  );
  await page.route('**/api/kiosks/me/config', (route) => (up ? route.fulfill({ json: config }) : route.abort('connectionrefused')));
  await page.route('**/api/kiosks/heartbeat', (route) => {
    if (!up) return route.abort('connectionrefused');
    beats.push(route.request().postDataJSON() as Heartbeat);
    return route.fulfill({
      json: {
        serverTime: new Date().toISOString(),
        heartbeatIntervalSeconds: config.heartbeatIntervalSeconds,
        configVersion: config.configVersion,
        contentVersion: 1,
        storedEvents: 0,
      },
    });
  });
  return {
    beats,
    serverUp(next: boolean) {
      up = next;
    },
  };
}

/**
 * Replaces the browser's speech synthesis (headless Chromium has no voices) with one that
 * "speaks" each utterance for `msPerChar` per character (+ 0.5 s) of the page's clock and records
 * what it was asked.
 */
export async function fakeSpeech(page: Page, msPerChar = 250) {
  await page.addInitScript((ms) => {
    const log: { spoken: string[]; cancels: number; speaking: boolean } = { spoken: [], cancels: 0, speaking: false };
    let current: { onend: ((e: unknown) => void) | null; onerror: ((e: { error: string }) => void) | null } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    class Utterance {
      lang = '';
      voice: unknown = null;
      rate = 1;
      onend: ((e: unknown) => void) | null = null;
      onerror: ((e: { error: string }) => void) | null = null;
      constructor(readonly text: string) {}
    }
    const synth = {
      getVoices: () => [
        { lang: 'zh-CN', name: 'zh', localService: true },
        { lang: 'zh-TW', name: 'tw', localService: true },
        { lang: 'en-GB', name: 'en', localService: true },
      ],
      speak(u: Utterance) {
        current = u;
        log.speaking = true;
        log.spoken.push(u.text);
        timer = setTimeout(
          () => {
            log.speaking = false;
            current = null;
            u.onend?.({});
          },
          500 + ms * u.text.length,
        );
      },
      cancel() {
        log.cancels += 1;
        log.speaking = false;
        clearTimeout(timer);
        const u = current;
        current = null;
        u?.onerror?.({ error: 'interrupted' });
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    (window as unknown as { __speech: typeof log }).__speech = log;
  }, msPerChar);
  return {
    log: () => page.evaluate(() => (window as unknown as { __speech: { spoken: string[]; cancels: number; speaking: boolean } }).__speech),
  };
}

/** The kiosk shell's test hook (exhibit/kiosk/KioskShell.tsx). */
export const hook = {
  phase: (page: Page) => page.evaluate(() => window.__museumKiosk?.phase()),
  visit: (page: Page) => page.evaluate(() => window.__museumKiosk?.visit()),
  isIdleHeld: (page: Page) => page.evaluate(() => window.__museumKiosk?.isIdleHeld()),
  audio: (page: Page) => page.evaluate(() => window.__museumKiosk?.audio() ?? null),
};
