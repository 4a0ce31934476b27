/** GETs a JSON resource of the reservation API; re-fetches when the URL changes or on reload(). */
import { useCallback, useEffect, useState } from 'react';
import { api, type Problem, ProblemError } from './api.ts';

export type ApiState<T> = { status: 'idle' } | { status: 'loading' } | { status: 'error'; problem: Problem } | { status: 'ready'; data: T };

export function useApi<T>(url: string | null): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: url ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt re-runs the request on purpose
  useEffect(() => {
    if (!url) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    api<T>(url, { signal: controller.signal })
      .then((data) => !controller.signal.aborted && setState({ status: 'ready', data }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', problem: err instanceof ProblemError ? err.problem : { type: '/problems/unknown', title: String(err), status: 0 } });
      });
    return () => controller.abort();
  }, [url, attempt]);
  return { ...state, reload };
}
