import type { Report } from '../../kiosk-server/analytics/reports.ts';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

const DAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;

/** Weekday × hour as a table whose cells are shaded by count: the table is its own text alternative. */
export function HeatmapSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const max = Math.max(1, ...report.heatmap.flat().map((c) => c ?? 0));
  // Only the hours that had visits on some day, so the table fits on screen.
  const hours = Array.from({ length: 24 }, (_, h) => h).filter((h) => report.heatmap.some((row) => row[h] !== 0));
  return (
    <ReportSection id="heatmap" title={t('heatmap.heading')} csv={['heatmap']} filters={filters}>
      {hours.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="report-table-wrap">
          <table className="report-heatmap">
            <caption>{t('heatmap.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('heatmap.weekday')}</th>
                {hours.map((h) => (
                  <th key={h} scope="col">
                    {String(h).padStart(2, '0')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {DAYS.map((d) => (
                <tr key={d}>
                  <th scope="row">{t(`heatmap.days.${d}`)}</th>
                  {hours.map((h) => {
                    const v = report.heatmap[Number(d)][h];
                    const level = v === null ? 0.08 : v / max;
                    // Two bands keep the text readable (AA): light cells with dark text, dark cells with white.
                    const hot = level > 0.55;
                    const alpha = hot ? 0.88 + (level - 0.55) * 0.26 : level * 0.9;
                    return (
                      <td key={h} className={hot ? 'hot' : undefined} style={{ background: `rgba(154, 52, 18, ${alpha.toFixed(2)})` }}>
                        {fmt.count(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ReportSection>
  );
}
