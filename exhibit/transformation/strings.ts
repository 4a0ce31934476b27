/**
 * The transformation story's UI strings (namespace "transformation", in locales/), with a `t`
 * typed on the English file's keys.
 */
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('transformation', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${'one' | 'other'}` ? B : K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type StoryKey = Leaves<typeof en>;
export type StoryT = (key: StoryKey, options?: Record<string, unknown>) => string;

export function useStoryT(): StoryT {
  const { t } = useTranslation('transformation' as 'translation');
  return t as unknown as StoryT;
}
