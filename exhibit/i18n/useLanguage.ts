import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../content/schema.ts';
import { useKioskMode } from '../app/KioskMode.tsx';
import { DEFAULT_LANGUAGE, LANGUAGES } from './detect.ts';
import { saveLanguage } from './savedLanguage.ts';

/** The current language, and a setter that remembers the choice (except on kiosks). */
export function useLanguage(): { language: Locale; setLanguage: (language: Locale) => void } {
  const { i18n } = useTranslation();
  const kiosk = useKioskMode();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language = (LANGUAGES as readonly string[]).includes(current) ? (current as Locale) : DEFAULT_LANGUAGE;
  const setLanguage = useCallback(
    (next: Locale) => {
      void i18n.changeLanguage(next);
      if (!kiosk) saveLanguage(next);
    },
    [i18n, kiosk],
  );
  return { language, setLanguage };
}
