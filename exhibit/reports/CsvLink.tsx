import type { CsvSection } from '../../kiosk-server/analytics/reports.ts';
import { type ReportFilters, reportQuery } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

/** Downloads one section as CSV (same range and filters as on screen). */
export function CsvLink({ section, filters, label }: { section: CsvSection; filters: ReportFilters; label: string }) {
  const t = useReportStrings();
  const q = reportQuery(filters);
  return (
    <a className="button report-csv" href={`/api/analytics/reports/csv?section=${section}${q ? `&${q}` : ''}`} download>
      {t('csv')}
      <span className="visually-hidden">: {label}</span>
    </a>
  );
}
