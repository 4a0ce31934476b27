import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { FigureTable } from './FigureTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

/** Searches made at least `threshold` times, and the errors visitors met. */
export function SearchesSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  return (
    <>
      <ReportSection id="searches" title={t('searches.heading')} csv={['searches']} filters={filters}>
        {report.searches.length === 0 ? (
          <p>{t('searches.none', { threshold: fmt.threshold })}</p>
        ) : (
          <FigureTable
            caption={t('searches.heading')}
            columns={[t('searches.query'), t('searches.count')]}
            rows={report.searches.map((s) => [s.query, fmt.count(s.count)])}
            numeric={[false, true]}
          />
        )}
      </ReportSection>
      <ReportSection id="errors" title={t('errors.heading')} csv={['errors']} filters={filters}>
        {report.errors.length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <FigureTable
            caption={t('errors.heading')}
            columns={[t('errors.kind'), t('errors.count')]}
            rows={report.errors.map((e) => [e.kind, fmt.count(e.count)])}
            numeric={[false, true]}
          />
        )}
      </ReportSection>
    </>
  );
}
