/**
 * Offline-first for a kiosk that was set up: registers the service worker and, once it controls
 * the page and the network is there, warms its caches for the published content version (again
 * whenever a heartbeat says a newer version was published). `<html data-kiosk-offline>` says how
 * far it got: 'registered', then the warmed content version.
 */
import { useCallback, useEffect, useRef } from 'react';
import { LANGUAGES } from '../i18n/detect.ts';
import { browserStore, type KioskDevice } from './kioskConfig.ts';
import { type AppUpdates, registerServiceWorker } from './serviceWorker.ts';
import { type WarmResult, warmCache } from './warmCache.ts';

const WARMED_KEY = 'museum.kiosk.warmed-version';

export function useOfflineCache(device: KioskDevice | null) {
  const updates = useRef<AppUpdates | null>(null);
  const warming = useRef<Promise<WarmResult | null> | null>(null);
  const lastResult = useRef<WarmResult | null>(null);

  const warm = useCallback((publishedVersion?: number) => {
    const store = browserStore();
    const warmed = Number(store?.getItem(WARMED_KEY) ?? 0);
    if (!updates.current || warming.current || !navigator.onLine) return;
    if (publishedVersion !== undefined && publishedVersion === warmed) return;
    warming.current = updates.current.controlled
      .then(() => warmCache(LANGUAGES))
      .then((result) => {
        lastResult.current = result;
        store?.setItem(WARMED_KEY, String(result.version));
        document.documentElement.dataset.kioskOffline = String(result.version);
        return result;
      })
      .catch((err: unknown) => {
        console.warn('warming the offline cache failed', err);
        return null;
      })
      .finally(() => {
        warming.current = null;
      });
  }, []);

  useEffect(() => {
    if (!device || updates.current) return;
    updates.current = registerServiceWorker();
    if (!updates.current) return;
    document.documentElement.dataset.kioskOffline = 'registered';
    warm();
  }, [device, warm]);

  return { updates, warm, lastResult };
}
