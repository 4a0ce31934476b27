import type { ReactNode } from 'react';
import type { CsvSection } from '../../kiosk-server/analytics/reports.ts';
import { CsvLink } from './CsvLink.tsx';
import type { ReportFilters } from './useReport.ts';

/** One report section: heading, CSV download, content. */
export function ReportSection({
  id,
  title,
  csv,
  filters,
  children,
}: {
  id: string;
  title: string;
  csv?: CsvSection[];
  filters: ReportFilters;
  children: ReactNode;
}) {
  return (
    <section className="report-section" aria-labelledby={`${id}-heading`}>
      <div className="report-section-head">
        <h2 id={`${id}-heading`}>{title}</h2>
        {csv?.map((s) => (
          <CsvLink key={s} section={s} filters={filters} label={`${title} (${s})`} />
        ))}
      </div>
      {children}
    </section>
  );
}
