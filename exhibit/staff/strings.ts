/** Front-of-house UI strings (namespace "staff"), with `t` typed on the English keys. */
import { registerStrings } from '../i18n/registerStrings.ts';
import { type FeatureT, useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('staff', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

export type StaffT = FeatureT<typeof en>;
export const useStaffStrings = (): StaffT => useFeatureStrings<typeof en>('staff');
