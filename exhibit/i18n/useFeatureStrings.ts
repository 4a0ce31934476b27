/**
 * Typed access to a feature's own i18next namespace (see registerStrings.ts). i18next's types only
 * know the app's default namespace, so a feature passes the type of its English strings:
 *
 *   const t = useFeatureStrings<typeof en>('map');
 *   t('legend.title'); t('count', { count: 3 });
 *
 * Keys are checked (plural suffixes such as `_one`/`_other` are folded into the base key).
 */
import { useTranslation } from 'react-i18next';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Base<K extends string> = K extends `${infer B}_${PluralSuffix}` ? B : K;

export type StringKey<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : StringKey<T[K], `${P}${K}.`>;
}[keyof T & string];

export type FeatureT<T> = (key: StringKey<T>, options?: Record<string, unknown>) => string;

export function useFeatureStrings<T>(namespace: string): FeatureT<T> {
  // The cast only widens i18next's namespace type; the keys are checked by FeatureT.
  const { t } = useTranslation(namespace as 'translation');
  return t as unknown as FeatureT<T>;
}
