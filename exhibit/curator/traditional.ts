/**
 * Simplified → Traditional Chinese with OpenCC (Taiwan standard, as the server fills missing
 * zh-Hant), loaded only when a curator first asks for it.
 */
let converter: Promise<(text: string) => string> | null = null;

export function toTraditional(text: string): Promise<string> {
  converter ??= import('opencc-js/cn2t').then((OpenCC) => OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return converter.then((convert) => convert(text));
}
