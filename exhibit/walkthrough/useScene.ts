/**
 * Fetches a site's scene (`/api/content/scenes/<id>?lang=…`) in the current language, like
 * useContent does for the other content (aborting a request that is no longer wanted, reporting
 * machine-converted text to the layout).
 */
import { useCallback, useEffect, useState } from 'react';
import { contentUrl } from '../api/useContent.ts';
import { useReportMachineText } from '../i18n/machineText.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import type { SceneData } from './types.ts';

export type SceneState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; scene: SceneData; version: number };

export function useScene(siteId: string): SceneState {
  const { language } = useLanguage();
  const url = contentUrl(`scenes/${encodeURIComponent(siteId)}`, {}, language);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ url: string; attempt: number; state: SceneState; machine: boolean } | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    const settle = (state: SceneState, machine = false) => {
      if (!controller.signal.aborted) setSettled({ url, attempt, state, machine });
    };
    fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (res.status === 404) return settle({ status: 'missing' });
        if (!res.ok) return settle({ status: 'error', message: `HTTP ${res.status}`, retry });
        const body = (await res.json()) as { version: number; machineConverted?: boolean; data: SceneData };
        settle({ status: 'ready', scene: body.data, version: body.version }, body.machineConverted ?? false);
      })
      .catch((err: unknown) => {
        if (!controller.signal.aborted) settle({ status: 'error', message: err instanceof Error ? err.message : String(err), retry });
      });
    return () => controller.abort();
  }, [url, attempt, retry]);

  const current = settled && settled.url === url && settled.attempt === attempt ? settled : null;
  useReportMachineText(current?.machine ?? false);
  return current?.state ?? { status: 'loading' };
}
