import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

const TOP = 10;

export function ExhibitsSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const byViews = report.exhibits.filter((e) => e.views !== null).slice(0, TOP);
  const byDwell = report.exhibits
    .filter((e) => e.avgDwellMs !== null)
    .sort((a, b) => (b.avgDwellMs ?? 0) - (a.avgDwellMs ?? 0))
    .slice(0, TOP);
  const columns = [t('exhibits.exhibit'), t('exhibits.views'), t('exhibits.dwell'), t('exhibits.avgDwell')];
  const row = (e: Report['exhibits'][number]) => [e.exhibit, fmt.count(e.views), fmt.duration(e.dwellMs), fmt.duration(e.avgDwellMs)];
  return (
    <ReportSection id="exhibits" title={t('exhibits.heading')} csv={['exhibits']} filters={filters}>
      {report.exhibits.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="report-columns">
          <ChartWithTable
            title={t('exhibits.byViews')}
            kind="bar"
            horizontal
            height={40 + 28 * byViews.length}
            labels={byViews.map((e) => e.exhibit)}
            series={[{ label: t('exhibits.views'), data: byViews.map((e) => e.views) }]}
            columns={columns}
            rows={byViews.map(row)}
            numeric={[false, true, true, true]}
          />
          <ChartWithTable
            title={t('exhibits.byDwell')}
            kind="bar"
            horizontal
            height={40 + 28 * byDwell.length}
            labels={byDwell.map((e) => e.exhibit)}
            series={[{ label: t('exhibits.avgDwell'), data: byDwell.map((e) => Math.round((e.avgDwellMs ?? 0) / 1000)) }]}
            columns={columns}
            rows={byDwell.map(row)}
            numeric={[false, true, true, true]}
          />
        </div>
      )}
    </ReportSection>
  );
}
