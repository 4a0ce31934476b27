import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

/** Calendar → form → confirmed → checked in. */
export function BookingSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const label = (s: Report['booking'][number]['step']) => t(`booking.steps.${s}`);
  return (
    <ReportSection id="booking" title={t('booking.heading')} csv={['booking']} filters={filters}>
      <ChartWithTable
        title={t('booking.heading')}
        kind="bar"
        labels={report.booking.map((b) => label(b.step))}
        series={[{ label: t('booking.count'), data: report.booking.map((b) => b.count) }]}
        columns={[t('booking.step'), t('booking.count'), t('booking.rate')]}
        rows={report.booking.map((b) => [label(b.step), fmt.count(b.count), fmt.percent(b.rateFromPrevious)])}
        numeric={[false, true, true]}
      />
    </ReportSection>
  );
}
