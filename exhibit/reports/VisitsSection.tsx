import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

export function VisitsSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const days = report.visitsByDay;
  return (
    <ReportSection id="visits" title={t('visitsByDay.heading')} csv={['visits-by-day', 'visits-by-hour']} filters={filters}>
      <ChartWithTable
        title={t('visitsByDay.heading')}
        kind={days.length > 31 ? 'line' : 'bar'}
        labels={days.map((d) => d.date.slice(5))}
        series={[
          { label: t('visitsByDay.kiosk'), data: days.map((d) => d.kiosk) },
          { label: t('visitsByDay.web'), data: days.map((d) => d.web) },
        ]}
        columns={[t('visitsByDay.date'), t('visitsByDay.visits'), t('visitsByDay.kiosk'), t('visitsByDay.web')]}
        rows={days.map((d) => [d.date, fmt.count(d.visits), fmt.count(d.kiosk), fmt.count(d.web)])}
        numeric={[false, true, true, true]}
      />
      <ChartWithTable
        title={t('visitsByHour.heading')}
        kind="bar"
        labels={report.visitsByHour.map((h) => String(h.hour).padStart(2, '0'))}
        series={[{ label: t('visitsByHour.visits'), data: report.visitsByHour.map((h) => h.visits) }]}
        columns={[t('visitsByHour.hour'), t('visitsByHour.visits')]}
        rows={report.visitsByHour.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, fmt.count(h.visits)])}
        numeric={[false, true]}
      />
    </ReportSection>
  );
}
