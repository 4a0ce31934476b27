import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('timeline', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });
