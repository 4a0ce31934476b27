/**
 * i18next for the UI strings. All three languages are bundled (a few kB) so switching is instant
 * and works offline on kiosks. `<html lang>` follows the language so screen readers and `:lang()`
 * font rules pick the right voice and glyphs.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../content/schema.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from './detect.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

export const resources = {
  'zh-Hans': { translation: zhHans },
  'zh-Hant': { translation: zhHant },
  en: { translation: en },
} as const;

export function setupI18n(language: Locale) {
  const applyHtmlLang = (lng: string) => {
    document.documentElement.lang = lng;
  };
  i18next.on('languageChanged', applyHtmlLang);
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    load: 'currentOnly',
    // Resources are inline: initialise synchronously so the first render already has strings.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  applyHtmlLang(language);
  return i18next;
}
