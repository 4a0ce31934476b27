/**
 * Visitor reports for curators and admins: a lazy route, so neither this page nor Chart.js is in
 * the visitors' first-screen bundle.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../app/usePageTitle.ts';
import { BookingSection } from './BookingSection.tsx';
import { ExhibitsSection } from './ExhibitsSection.tsx';
import { useReportFormat } from './format.ts';
import { HeatmapSection } from './HeatmapSection.tsx';
import { KiosksSection } from './KiosksSection.tsx';
import { LanguagesSection } from './LanguagesSection.tsx';
import { NarrationSection } from './NarrationSection.tsx';
import { RangeForm } from './RangeForm.tsx';
import { SearchesSection } from './SearchesSection.tsx';
import { Totals } from './Totals.tsx';
import { type ReportFilters, useReport } from './useReport.ts';
import { useReportStrings } from './useReportStrings.ts';
import { VisitsSection } from './VisitsSection.tsx';
import { WalkthroughsSection } from './WalkthroughsSection.tsx';
import './reports.css';

export default function ReportsPage() {
  const t = useReportStrings();
  usePageTitle(t('title'));
  const [filters, setFilters] = useState<ReportFilters>({});
  const { state, reload } = useReport(filters);
  const report = state.status === 'ready' ? state.report : undefined;
  const fmt = useReportFormat(report?.suppressBelow ?? 5);

  return (
    <div className="page reports-page">
      <p>
        <Link to="/curator">{t('console')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro', { below: fmt.threshold - 1, threshold: fmt.threshold })}</p>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('status.loading')}
        </p>
      )}
      {state.status === 'error' && (
        <div className="message message-error" role="alert" data-testid="report-error">
          <p>{state.httpStatus === 401 ? t('status.signIn') : state.httpStatus === 403 ? t('status.forbidden') : t('status.error')}</p>
          {state.httpStatus === 401 && (
            <Link className="button" to="/curator">
              {t('status.signInLink')}
            </Link>
          )}
          {state.httpStatus !== 401 && state.httpStatus !== 403 && (
            <button type="button" className="button" onClick={reload}>
              {t('status.retry')}
            </button>
          )}
        </div>
      )}
      {report && (
        <>
          <RangeForm
            value={{ ...filters, from: report.range.from, to: report.range.to }}
            today={filters.to && report.range.to > filters.to ? filters.to : report.range.to}
            onChange={setFilters}
          />
          <Totals report={report} fmt={fmt} />
          <VisitsSection report={report} fmt={fmt} filters={filters} />
          <HeatmapSection report={report} fmt={fmt} filters={filters} />
          <KiosksSection report={report} fmt={fmt} filters={filters} />
          <ExhibitsSection report={report} fmt={fmt} filters={filters} />
          <WalkthroughsSection report={report} fmt={fmt} filters={filters} />
          <LanguagesSection report={report} fmt={fmt} filters={filters} />
          <NarrationSection report={report} fmt={fmt} filters={filters} />
          <BookingSection report={report} fmt={fmt} filters={filters} />
          <SearchesSection report={report} fmt={fmt} filters={filters} />
        </>
      )}
    </div>
  );
}
