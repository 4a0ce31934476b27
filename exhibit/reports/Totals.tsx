import type { Report } from '../../kiosk-server/analytics/reports.ts';
import type { ReportFormat } from './format.ts';
import { useReportStrings } from './useReportStrings.ts';

export function Totals({ report, fmt }: { report: Report; fmt: ReportFormat }) {
  const t = useReportStrings();
  const items = [
    [t('totals.visits'), fmt.count(report.totals.visits)],
    [t('totals.pageViews'), fmt.count(report.totals.pageViews)],
    [t('totals.exhibitViews'), fmt.count(report.totals.exhibitViews)],
    [t('totals.avgVisit'), fmt.duration(report.totals.avgVisitMs)],
  ];
  return (
    <section className="report-totals" aria-labelledby="totals-heading">
      <h2 id="totals-heading" className="visually-hidden">
        {t('totals.heading')}
      </h2>
      <dl>
        {items.map(([label, value]) => (
          <div key={label} data-testid={`total-${label}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
