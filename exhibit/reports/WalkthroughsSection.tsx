import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

/** One funnel per walkthrough: started → each step reached → completed. */
export function WalkthroughsSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  return (
    <ReportSection id="walkthroughs" title={t('walkthroughs.heading')} csv={['walkthroughs']} filters={filters}>
      {report.walkthroughs.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="report-columns">
          {report.walkthroughs.map((w) => {
            const stages = [
              { label: t('walkthroughs.started'), value: w.started },
              ...w.steps.map((s) => ({ label: t('walkthroughs.step', { step: s.step }), value: s.reached })),
              { label: t('walkthroughs.completed'), value: w.completed },
            ];
            return (
              <ChartWithTable
                key={w.walkthrough}
                title={`${w.walkthrough} · ${t('walkthroughs.rate')} ${fmt.percent(w.completionRate)}`}
                kind="bar"
                horizontal
                height={40 + 26 * stages.length}
                labels={stages.map((s) => s.label)}
                series={[{ label: t('walkthroughs.count'), data: stages.map((s) => s.value) }]}
                columns={[t('walkthroughs.stage'), t('walkthroughs.count')]}
                rows={stages.map((s) => [s.label, fmt.count(s.value)])}
                numeric={[false, true]}
              />
            );
          })}
        </div>
      )}
    </ReportSection>
  );
}
