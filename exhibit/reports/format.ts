/** Number, duration and percentage formatting for the reports; suppressed counts read "<5". */
import { useTranslation } from 'react-i18next';
import type { Count } from '../../kiosk-server/analytics/reports.ts';
import { useReportStrings } from './useReportStrings.ts';

export interface ReportFormat {
  count(n: Count): string;
  duration(ms: number | null): string;
  percent(r: number | null): string;
  threshold: number;
}

export function useReportFormat(threshold: number): ReportFormat {
  const t = useReportStrings();
  const { i18n } = useTranslation();
  const nf = new Intl.NumberFormat(i18n.language);
  return {
    threshold,
    count: (n) => (n === null ? t('suppressed', { threshold }) : nf.format(n)),
    duration(ms) {
      if (ms === null) return '–';
      const s = Math.round(ms / 1000);
      return s >= 60 ? t('minutes', { m: Math.floor(s / 60), s: s % 60 }) : t('seconds', { s });
    },
    percent: (r) => (r === null ? '–' : t('percent', { value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(r * 100) })),
  };
}
