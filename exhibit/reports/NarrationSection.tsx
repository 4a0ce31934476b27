import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

export function NarrationSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const rows = report.narrations.slice(0, 15);
  return (
    <ReportSection id="narration" title={t('narration.heading')} csv={['narrations']} filters={filters}>
      {rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ChartWithTable
          title={t('narration.heading')}
          kind="bar"
          horizontal
          height={60 + 34 * rows.length}
          labels={rows.map((n) => n.narration)}
          series={[
            { label: t('narration.played'), data: rows.map((n) => n.played) },
            { label: t('narration.completed'), data: rows.map((n) => n.completed) },
          ]}
          columns={[t('narration.narration'), t('narration.played'), t('narration.completed'), t('narration.rate')]}
          rows={rows.map((n) => [n.narration, fmt.count(n.played), fmt.count(n.completed), fmt.percent(n.completionRate)])}
          numeric={[false, true, true, true]}
        />
      )}
    </ReportSection>
  );
}
