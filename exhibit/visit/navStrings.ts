/**
 * The navigation link's label only (namespace "visitNav"), small enough for the first screen; the
 * booking pages' own strings load with them.
 */
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/nav/en.json';
import zhHans from './locales/nav/zh-Hans.json';
import zhHant from './locales/nav/zh-Hant.json';

registerStrings('visitNav', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

/** "Book a visit" / "预约参观" in the current language. */
export function useVisitNavLabel(): string {
  const { t } = useTranslation('visitNav' as 'translation');
  return (t as unknown as (key: keyof typeof en) => string)('link');
}
