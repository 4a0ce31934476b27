/**
 * Features keep their own UI strings in `exhibit/<feature>/locales/{zh-Hans,zh-Hant,en}.json` and
 * register them as an i18next namespace named after the feature, so no two features edit the same
 * file. Use: `registerStrings('visit', { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en })` at module
 * load of the feature, then `useTranslation('visit')`.
 */
import i18next from 'i18next';
import type { Locale } from '../../content/schema.ts';

export type FeatureStrings = Record<Locale, Record<string, unknown>>;

export function registerStrings(namespace: string, strings: FeatureStrings): void {
  const add = () => {
    for (const [lng, bundle] of Object.entries(strings)) {
      // deep + overwrite: re-registering (hot reload) replaces the old strings.
      i18next.addResourceBundle(lng, namespace, bundle, true, true);
    }
  };
  // Modules the shell imports run before setupI18n(): i18next has no store until init, so their
  // strings are added the moment it is initialised (synchronously, before the first render).
  if (i18next.isInitialized) add();
  else i18next.on('initialized', add);
}
