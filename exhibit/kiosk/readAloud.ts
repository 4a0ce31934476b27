/**
 * Read-aloud for the kiosk's audio mode: speaks the main text of the screen with the browser's
 * speech synthesis, without any assistive technology attached. While it speaks it holds the
 * kiosk's idle timer (the visitor is listening, not gone). Where no voice exists (many kiosk
 * images have no speech engine; headless Chromium has none) it says so and the rest of the kiosk
 * works as before. The speech engine is injected, so the logic is tested without one.
 */
import type { Locale } from '../../content/schema.ts';

/** Which text of a page is "main": headings, paragraphs, list items, terms, captions, table cells. */
const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, figcaption, caption, th, td, blockquote';
/** Never read: controls, hidden things, the kiosk's own chrome. */
const SKIP = 'nav, button, select, input, textarea, [aria-hidden="true"], [hidden], .visually-hidden, .kiosk-controls, .skip-link, script, style, template';

/** The main text of `root`, in reading order, one string per block (nested blocks are not read twice). */
export function mainTextBlocks(root: Element): string[] {
  const blocks: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.closest(SKIP)) continue;
    // A list item holding a paragraph: the paragraph is read on its own, not twice.
    if (el.parentElement?.closest(BLOCKS) && root.contains(el.parentElement.closest(BLOCKS))) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
  }
  return blocks;
}

/** Long blocks are split at sentence ends: Chromium stops long utterances after ~15 s. */
export function chunk(blocks: string[], max = 220): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.length <= max) {
      out.push(block);
      continue;
    }
    const sentences = block.match(/[^。！？.!?；;]+[。！？.!?；;]*\s*/g) ?? [block];
    let current = '';
    for (const s of sentences) {
      if ((current + s).length > max && current) {
        out.push(current.trim());
        current = '';
      }
      current += s;
      while (current.length > max) {
        out.push(current.slice(0, max));
        current = current.slice(max);
      }
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

/** BCP 47 tags a voice may carry for each of our languages, best first. */
const VOICE_TAGS: Record<Locale, string[]> = {
  'zh-Hans': ['zh-cn', 'cmn-hans-cn', 'zh-hans', 'zh-sg', 'zh'],
  'zh-Hant': ['zh-tw', 'cmn-hant-tw', 'zh-hant', 'zh-hk', 'yue-hant-hk'],
  en: ['en-gb', 'en-us', 'en'],
};

export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
}

/** The best voice for a language; local voices first (the kiosk may be offline). */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: Locale): V | undefined {
  const tags = VOICE_TAGS[lang];
  const norm = (v: V) => v.lang.toLowerCase().replaceAll('_', '-');
  for (const local of [true, false]) {
    for (const tag of tags) {
      const v = voices.find((v) => (v.localService ?? true) === local && (norm(v) === tag || norm(v).startsWith(`${tag}-`)));
      if (v) return v;
    }
  }
  return undefined;
}

/** What the speech engine must offer (the browser's speechSynthesis fits). */
export interface SpeechEngine<U extends UtteranceLike = UtteranceLike> {
  getVoices(): VoiceLike[];
  speak(u: U): void;
  cancel(): void;
  makeUtterance(text: string): U;
}

export interface UtteranceLike {
  lang: string;
  voice: unknown;
  rate: number;
  onend: ((ev: unknown) => void) | null;
  onerror: ((ev: { error?: string }) => void) | null;
}

export type ReaderState = 'idle' | 'speaking' | 'unavailable';

export interface ReaderOptions {
  engine: SpeechEngine | null;
  /** Pauses the idle timer; returns the release. */
  hold(): () => void;
  onState?(state: ReaderState): void;
  setTimeout?(fn: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
}

/**
 * A watchdog per utterance: an engine that never ends an utterance (seen with missing voices)
 * must not hold the kiosk for ever. Generous: 2.5 characters a second (slow Chinese speech is
 * about 4) plus 10 s.
 */
export const watchdogMs = (text: string) => 10_000 + text.length * 400;

export function createReader(opts: ReaderOptions) {
  const setT = opts.setTimeout ?? ((fn, ms) => globalThis.setTimeout(fn, ms));
  const clearT = opts.clearTimeout ?? ((h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>));
  let state: ReaderState = opts.engine ? 'idle' : 'unavailable';
  let release: (() => void) | null = null;
  let run = 0;
  let watchdog: unknown;

  const set = (next: ReaderState) => {
    if (state === next) return;
    state = next;
    opts.onState?.(next);
  };

  function finish(next: ReaderState) {
    if (watchdog !== undefined) clearT(watchdog);
    watchdog = undefined;
    release?.();
    release = null;
    set(next);
  }

  function stop() {
    run += 1;
    if (opts.engine && state === 'speaking') opts.engine.cancel();
    if (state === 'speaking') finish('idle');
  }

  function read(blocks: string[], lang: Locale) {
    stop();
    const engine = opts.engine;
    if (!engine) {
      set('unavailable');
      return;
    }
    const parts = chunk(blocks);
    if (!parts.length) return;
    const voice = pickVoice(engine.getVoices(), lang);
    const mine = run;
    release = opts.hold();
    set('speaking');
    let i = 0;
    const next = () => {
      if (mine !== run) return;
      if (i >= parts.length) return finish('idle');
      const text = parts[i++];
      const u = engine.makeUtterance(text);
      u.lang = voice?.lang ?? { 'zh-Hans': 'zh-CN', 'zh-Hant': 'zh-TW', en: 'en-GB' }[lang];
      u.voice = voice ?? null;
      u.rate = 0.95;
      u.onend = () => {
        if (watchdog !== undefined) clearT(watchdog);
        next();
      };
      u.onerror = (ev) => {
        if (mine !== run) return;
        // 'interrupted'/'canceled' come from our own cancel(); anything else means no working voice.
        if (ev.error === 'interrupted' || ev.error === 'canceled') return;
        run += 1;
        finish('unavailable');
      };
      if (watchdog !== undefined) clearT(watchdog);
      watchdog = setT(() => {
        if (mine !== run) return;
        run += 1;
        engine.cancel();
        finish('unavailable');
      }, watchdogMs(text));
      engine.speak(u);
    };
    next();
  }

  return { read, stop, state: () => state };
}

export type Reader = ReturnType<typeof createReader>;

/** The browser's speech synthesis as a SpeechEngine, or null where there is none. */
export function browserSpeechEngine(): SpeechEngine | null {
  const synth = globalThis.speechSynthesis;
  const Utterance = globalThis.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return null;
  return {
    getVoices: () => synth.getVoices(),
    speak: (u) => synth.speak(u as unknown as SpeechSynthesisUtterance),
    cancel: () => synth.cancel(),
    makeUtterance: (text) => new Utterance(text) as unknown as UtteranceLike,
  };
}
