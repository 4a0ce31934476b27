/**
 * The audio feature's UI strings (namespace "audio", in locales/), with a `t` typed on the English
 * file's keys.
 */
import { useTranslation } from 'react-i18next';
import { registerStrings } from '../i18n/registerStrings.ts';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

registerStrings('audio', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en });

export type AudioKey = keyof typeof en;
export type AudioT = (key: AudioKey, options?: Record<string, unknown>) => string;

export function useAudioT(): AudioT {
  const { t } = useTranslation('audio' as 'translation');
  return t as unknown as AudioT;
}
