/** Loads a report from /api/analytics/reports (the session cookie says who asks). */
import { useCallback, useEffect, useState } from 'react';
import type { Report } from '../../kiosk-server/analytics/reports.ts';

export interface ReportFilters {
  from?: string;
  to?: string;
  source?: 'kiosk' | 'web';
}

export type ReportState = { status: 'loading' } | { status: 'ready'; report: Report } | { status: 'error'; httpStatus: number };

export function reportQuery(f: ReportFilters): string {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.source) p.set('source', f.source);
  return p.toString();
}

export function useReport(filters: ReportFilters): { state: ReportState; reload(): void } {
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const query = reportQuery(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request on purpose
  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    fetch(`/api/analytics/reports?${query}`, { signal: abort.signal, credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return setState({ status: 'error', httpStatus: res.status });
        setState({ status: 'ready', report: (await res.json()) as Report });
      })
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'error', httpStatus: 0 });
      });
    return () => abort.abort();
  }, [query, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
