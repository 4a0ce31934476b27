import type { Locale } from '../../content/schema.ts';
import type { Report } from '../../kiosk-server/analytics/reports.ts';
import { LANGUAGE_NAMES } from '../i18n/detect.ts';
import { ChartWithTable } from './ChartWithTable.tsx';
import type { ReportFormat } from './format.ts';
import { ReportSection } from './ReportSection.tsx';
import type { ReportFilters } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';

export function LanguagesSection({ report, fmt, filters }: { report: Report; fmt: ReportFormat; filters: ReportFilters }) {
  const t = useReportStrings();
  const name = (l: string) => LANGUAGE_NAMES[l as Locale] ?? l;
  return (
    <ReportSection id="languages" title={t('languages.heading')} csv={['languages']} filters={filters}>
      <ChartWithTable
        title={t('languages.heading')}
        kind="bar"
        labels={report.languages.map((l) => name(l.lang))}
        series={[
          { label: t('languages.sessions'), data: report.languages.map((l) => l.sessions) },
          { label: t('languages.switchesTo'), data: report.languages.map((l) => l.switchesTo) },
        ]}
        columns={[t('languages.language'), t('languages.sessions'), t('languages.pageViews'), t('languages.switchesTo')]}
        rows={report.languages.map((l) => [
          <span key={l.lang} lang={l.lang}>
            {name(l.lang)}
          </span>,
          fmt.count(l.sessions),
          fmt.count(l.pageViews),
          fmt.count(l.switchesTo),
        ])}
        numeric={[false, true, true, true]}
      />
    </ReportSection>
  );
}
