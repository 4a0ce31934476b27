/** The console's UI strings (namespace `curator`, in locales/). */
import { type LooseT, useNamespaceT } from '../content-sync/useNamespaceT.ts';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('curator', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

export type { LooseT };

export function useCuratorT(): { t: LooseT; language: string } {
  return useNamespaceT('curator');
}
