/**
 * Fetches `/api/content/<path>` in the current language. Re-fetches when the path, the params or
 * the language change, aborting the request that is no longer wanted. Tells the layout when the
 * answer contains machine-converted text, so the page can say so once.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Locale } from '../../content/schema.ts';
import { noteLoadedVersion, useContentSyncKey } from '../content-sync/contentSync.ts';
import { useReportMachineText } from '../i18n/machineText.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import type { ContentData, ContentEnvelope, ContentPath } from './types.ts';

/** A failed request: `status` 0 means the network failed before any answer. */
export interface ContentError {
  status: number;
  title: string;
  detail?: string;
}

export type ContentState<T> =
  | { status: 'loading'; retry: () => void }
  | { status: 'error'; error: ContentError; retry: () => void }
  | ({ status: 'ready'; retry: () => void } & ContentEnvelope<T>);

type Settled<T> = { url: string; attempt: number } & ({ status: 'error'; error: ContentError } | ({ status: 'ready' } & ContentEnvelope<T>));

export function contentUrl(path: string, params: Record<string, string | undefined>, lang: Locale): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== undefined && value !== '') query.set(key, value);
  }
  query.set('lang', lang);
  return `/api/content/${path}?${query}`;
}

async function readProblem(res: Response): Promise<ContentError> {
  try {
    const body = (await res.json()) as { title?: unknown; detail?: unknown };
    return {
      status: res.status,
      title: typeof body.title === 'string' ? body.title : res.statusText,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
    };
  } catch {
    return { status: res.status, title: res.statusText || `HTTP ${res.status}` };
  }
}

export function useContent<P extends ContentPath>(path: P, params: Record<string, string | undefined> = {}): ContentState<ContentData<P>> {
  const { language } = useLanguage();
  const url = contentUrl(path, params, language);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<ContentData<P>> | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // A newly published version (live swap, exhibit/content-sync/): fetch again, keeping the old
  // answer on screen until the new one arrives.
  const syncKey = useContentSyncKey();

  // biome-ignore lint/correctness/useExhaustiveDependencies: syncKey only triggers a refetch
  useEffect(() => {
    const controller = new AbortController();
    const settle = (s: Settled<ContentData<P>>) => {
      if (!controller.signal.aborted) setSettled(s);
    };
    fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) return settle({ url, attempt, status: 'error', error: await readProblem(res) });
        const body = (await res.json()) as ContentEnvelope<ContentData<P>>;
        noteLoadedVersion(body.version);
        settle({ url, attempt, status: 'ready', ...body, machineConverted: body.machineConverted ?? false });
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        settle({ url, attempt, status: 'error', error: { status: 0, title: err instanceof Error ? err.message : String(err) } });
      });
    return () => controller.abort();
  }, [url, attempt, syncKey]);

  // Until the answer for *this* url arrives, never show another url's data.
  const current = settled && settled.url === url && settled.attempt === attempt ? settled : null;
  useReportMachineText(current?.status === 'ready' && current.machineConverted);
  if (!current) return { status: 'loading', retry };
  if (current.status === 'error') return { status: 'error', error: current.error, retry };
  const { url: _u, attempt: _a, ...ready } = current;
  return { ...ready, retry };
}
