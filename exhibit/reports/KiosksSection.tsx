import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { FigureTable } from './FigureTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

export function KiosksSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  return (
    <ReportSection id="kiosks" title={t('kiosks.heading')} csv={['kiosks', 'halls']} filters={filters}>
      {report.kiosks.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="report-columns">
          <FigureTable
            caption={t('kiosks.halls')}
            columns={[t('kiosks.hall'), t('kiosks.visits')]}
            rows={report.halls.map((h) => [h.hallId || '–', fmt.count(h.visits)])}
            numeric={[false, true]}
          />
          <FigureTable
            caption={t('kiosks.kiosk')}
            columns={[t('kiosks.kiosk'), t('kiosks.hall'), t('kiosks.visits')]}
            rows={report.kiosks.map((k) => [k.name, k.hallId || '–', fmt.count(k.visits)])}
            numeric={[false, false, true]}
          />
        </div>
      )}
    </ReportSection>
  );
}
