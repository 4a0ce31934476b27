/**
 * The navigation link's label only (namespace "transformationNav"), small enough for the first
 * screen; the page's own strings load with the page.
 */
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/nav/en.json';
import zhHans from './locales/nav/zh-Hans.json';
import zhHant from './locales/nav/zh-Hant.json';

registerStrings('transformationNav', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

/** "Transformation" / "转型之路" in the current language. */
export function useTransformationNavLabel(): string {
  const { t } = useTranslation('transformationNav' as 'translation');
  return (t as unknown as (key: keyof typeof en) => string)('link');
}
