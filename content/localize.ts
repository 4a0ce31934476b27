/**
 * Turns resolved content into one language: every `{ zh-Hans, zh-Hant, en }` becomes the string
 * for `lang`. Pure; used by the server's `?lang=` views and by the front end.
 */
import type { Locale, LocalizedText } from './schema.ts';

/** The type of T with every LocalizedText replaced by string. */
export type Localized<T> = T extends LocalizedText
  ? string
  : T extends (infer U)[]
    ? Localized<U>[]
    : T extends object
      ? { [K in keyof T]: Localized<T[K]> }
      : T;

export function isLocalizedText(v: unknown): v is LocalizedText {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as Record<string, unknown>)['zh-Hans'] === 'string' &&
    typeof (v as Record<string, unknown>)['zh-Hant'] === 'string'
  );
}

export function localize<T>(value: T, lang: Locale): Localized<T> {
  if (Array.isArray(value)) return value.map((v) => localize(v, lang)) as Localized<T>;
  if (isLocalizedText(value)) return value[lang] as Localized<T>;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = localize(v, lang);
    return out as Localized<T>;
  }
  return value as Localized<T>;
}

/** True when any text in `value` shown in `lang` was machine-converted. */
export function hasMachineText(value: unknown, lang: Locale): boolean {
  if (Array.isArray(value)) return value.some((v) => hasMachineText(v, lang));
  if (isLocalizedText(value)) return value.machine?.includes(lang) ?? false;
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => hasMachineText(v, lang));
  return false;
}
