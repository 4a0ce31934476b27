/**
 * Every era's detail (with its events), fetched in parallel in the current language. Like
 * useContent, it aborts what is no longer wanted and reports machine-converted text.
 */
import { useEffect, useState } from 'react';
import type { EraDetail } from '../api/types.ts';
import { contentUrl } from '../api/useContent.ts';
import { useReportMachineText } from '../i18n/machineText.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

export type EraDetailsState = { status: 'loading' } | { status: 'error'; message: string; retry: () => void } | { status: 'ready'; eras: EraDetail[] };

export function useEraDetails(ids: string[] | null): EraDetailsState {
  const { language } = useLanguage();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; value: EraDetailsState; machine: boolean } | null>(null);
  const key = ids ? `${language}|${attempt}|${ids.join(',')}` : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for ids, language and attempt
  useEffect(() => {
    if (!ids) return;
    const controller = new AbortController();
    Promise.all(
      ids.map((id) =>
        fetch(contentUrl(`eras/${encodeURIComponent(id)}`, {}, language), { signal: controller.signal, headers: { Accept: 'application/json' } }).then(
          async (res) => {
            if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
            return (await res.json()) as { data: EraDetail; machineConverted?: boolean };
          },
        ),
      ),
    ).then(
      (bodies) => {
        if (!controller.signal.aborted)
          setState({ key, value: { status: 'ready', eras: bodies.map((b) => b.data) }, machine: bodies.some((b) => b.machineConverted) });
      },
      (err: unknown) => {
        if (!controller.signal.aborted)
          setState({
            key,
            value: { status: 'error', message: err instanceof Error ? err.message : String(err), retry: () => setAttempt((n) => n + 1) },
            machine: false,
          });
      },
    );
    return () => controller.abort();
  }, [key]);

  const current = state && state.key === key ? state : null;
  useReportMachineText(Boolean(current?.machine));
  return current?.value ?? { status: 'loading' };
}
