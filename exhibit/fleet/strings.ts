/** The fleet view's strings (namespace `fleet`). */
import { useNamespaceT } from '../content-sync/useNamespaceT.ts';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('fleet', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

export const useFleetT = () => useNamespaceT('fleet');
