/**
 * Fills a missing zh-Hant text from zh-Hans with OpenCC (Simplified → Traditional, Taiwan
 * standard with phrases) and marks it machine-converted, so the UI can say so.
 */
import * as OpenCC from 'opencc-js';

let converter: ((text: string) => string) | undefined;

export function toTraditional(text: string): string {
  converter ??= OpenCC.Converter({ from: 'cn', to: 'tw' });
  return converter(text);
}

function isLocalizedText(v: unknown): v is { 'zh-Hans': string; 'zh-Hant'?: string; en: string } {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as Record<string, unknown>)['zh-Hans'] === 'string' &&
    typeof (v as Record<string, unknown>).en === 'string'
  );
}

/** Returns a deep copy in which every localized text has all three languages. */
export function resolveLocalizedTexts<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => resolveLocalizedTexts(v)) as T;
  if (isLocalizedText(value)) {
    if (value['zh-Hant']) return { 'zh-Hans': value['zh-Hans'], 'zh-Hant': value['zh-Hant'], en: value.en } as T;
    return { 'zh-Hans': value['zh-Hans'], 'zh-Hant': toTraditional(value['zh-Hans']), en: value.en, machine: ['zh-Hant'] } as T;
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveLocalizedTexts(v);
    return out as T;
  }
  return value;
}
