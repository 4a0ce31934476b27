/**
 * `t` for a feature's own i18next namespace (the app's typings only know the shell's strings),
 * re-rendering when the language changes. Used by content-sync, the curator console and the fleet view.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function useNamespaceT(namespace: string): { t: LooseT; language: string } {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const fixedT = i18n.getFixedT.bind(i18n) as unknown as (lng: string | null, ns: string) => LooseT;
    return { t: fixedT(null, namespace), language };
  }, [i18n, language, namespace]);
}
