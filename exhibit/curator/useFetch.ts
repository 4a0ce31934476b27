/** Loads JSON for a page, with reload; aborts when the page goes away or the URL changes. */
import { useCallback, useEffect, useState } from 'react';
import { type ApiError, getJson } from './api.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: ApiError | Error } | { status: 'ready'; data: T };

export function useFetch<T>(url: string | null): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt only triggers a reload
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    getJson<T>(url, controller.signal)
      .then((data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      });
    return () => controller.abort();
  }, [url, attempt]);
  return [state, reload];
}
