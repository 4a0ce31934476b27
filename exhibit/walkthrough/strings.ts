/**
 * The walkthrough's UI strings (namespace `walkthrough`, in locales/), with a `t` typed on the
 * English file's keys.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('walkthrough', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type WalkthroughKey = Leaves<typeof en>;
export type WalkthroughT = (key: WalkthroughKey, options?: Record<string, unknown>) => string;

/** `t` for the walkthrough's strings in the current language. */
export function useWalkthroughT(): WalkthroughT {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => i18n.getFixedT(language, 'walkthrough' as never) as unknown as WalkthroughT, [i18n, language]);
}
