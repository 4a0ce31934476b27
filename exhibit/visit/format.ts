/** Dates and times for the booking pages, in the page's language and the museum's time zone. */
import { useMemo } from 'react';
import type { LocalizedText } from '../../content/schema.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** The museums are in Chongqing (UTC+8). */
export const MUSEUM_TIME_ZONE = 'Asia/Shanghai';

export function useVisitFormat() {
  const { language } = useLanguage();
  return useMemo(() => {
    const locale = language === 'zh-Hant' ? 'zh-Hant-TW' : language === 'zh-Hans' ? 'zh-CN' : 'en-GB';
    const day = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const shortDay = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const instant = new Intl.DateTimeFormat(locale, {
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
      timeZone: MUSEUM_TIME_ZONE,
    });
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: MUSEUM_TIME_ZONE });
    const number = new Intl.NumberFormat(locale);
    const asUtc = (date: string) => new Date(`${date}T00:00:00Z`);
    return {
      language,
      /** YYYY-MM-DD → "Wednesday, 7 May 2025" */
      day: (date: string) => day.format(asUtc(date)),
      shortDay: (date: string) => shortDay.format(asUtc(date)),
      /** YYYY-MM → "May 2025" */
      month: (m: string) => month.format(asUtc(`${m}-01`)),
      weekday: (date: string) => weekday.format(asUtc(date)),
      /** An ISO instant in museum time: "7 May, 09:30" */
      instant: (iso: string) => instant.format(new Date(iso)),
      time: (iso: string) => time.format(new Date(iso)),
      number: (n: number) => number.format(n),
      text: (t: LocalizedText) => t[language],
    };
  }, [language]);
}

export type VisitFormat = ReturnType<typeof useVisitFormat>;
