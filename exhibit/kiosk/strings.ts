/**
 * The kiosk's UI strings (namespace `kiosk`, in locales/), with a `t` typed on the English file's
 * keys (the app's i18next types only know the shell's own namespace).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../content/schema.ts';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('kiosk', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type KioskKey = Leaves<typeof en>;
export type KioskT = (key: KioskKey, options?: Record<string, unknown>) => string;

/** `t` for the kiosk's strings in the current language (re-renders when it changes). */
export function useKioskT(): { t: KioskT; tIn: (lng: Locale) => KioskT; language: string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    // The app's typings only know its own namespace: a loosely typed handle on getFixedT.
    const fixedT = i18n.getFixedT.bind(i18n) as unknown as (lng: string | null, ns: string) => KioskT;
    const tIn = (lng: Locale | null) => fixedT(lng, 'kiosk');
    return { t: tIn(null), tIn, language };
  }, [i18n, language]);
}
