/**
 * Picks the UI and content language at start: an explicit `?lang=`, then the visitor's saved
 * choice, then the browser's languages, then zh-Hans. Pure, so it can be reasoned about alone.
 */
import type { Locale } from '../../content/schema.ts';

export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LANGUAGE: Locale = 'zh-Hans';

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

/**
 * Maps a BCP 47 tag to one of our languages. zh-TW/HK/MO are Traditional: i18next's own
 * fallback would turn them into zh-Hans.
 */
export function matchLanguage(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase().replaceAll('_', '-');
  if (t === 'zh-hant' || t.startsWith('zh-hant-') || /^zh-(tw|hk|mo)(-|$)/.test(t)) return 'zh-Hant';
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-Hans';
  if (t === 'en' || t.startsWith('en-')) return 'en';
  return undefined;
}

export interface DetectionInput {
  /** `location.search`, e.g. `?lang=en`. */
  search: string;
  /** The saved choice; pass null in kiosk mode (kiosks never carry a language between visitors). */
  saved: string | null;
  /** `navigator.languages`. */
  languages: readonly string[];
}

export function detectLanguage({ search, saved, languages }: DetectionInput): Locale {
  const fromQuery = matchLanguage(new URLSearchParams(search).get('lang'));
  if (fromQuery) return fromQuery;
  const fromSaved = (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : undefined;
  if (fromSaved) return fromSaved;
  for (const tag of languages) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
