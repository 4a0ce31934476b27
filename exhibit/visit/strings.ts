/** The booking pages' UI strings (namespace "visit"), with `t` typed on the English keys. */
import { registerStrings } from '../i18n/registerStrings.ts';
import { type FeatureT, useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('visit', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

export type VisitT = FeatureT<typeof en>;
export const useVisitStrings = (): VisitT => useFeatureStrings<typeof en>('visit');
