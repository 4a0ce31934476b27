/**
 * The service worker (built by vite-plugin-pwa from vite.config.ts) for offline kiosks.
 *
 * Registered only in production builds, only in kiosk mode, only on a kiosk that was set up with
 * its device token (see KioskApp): web visitors get no service worker — updates with
 * `registerType: 'prompt'` are applied at a visitor reset, which the web has not; phones would pay
 * for precaching the whole app; staff and curator pages must always be the newest code; and
 * Playwright tests of other features (which mock requests with page.route) never meet one.
 *
 * A new version waits ("prompt"): it is never activated mid-visit. `applyUpdate()` at the next
 * reset tells it to take over and reloads the page on the kiosk's start address.
 */
import { Workbox } from 'workbox-window';

export interface AppUpdates {
  /** Whether a new version is installed and waiting. */
  pending(): boolean;
  /** Activates the waiting version and reloads; false when there is none. */
  applyUpdate(): boolean;
  /** Looks for a new version (it will wait for the next reset). */
  check(): void;
  /** Resolves once a service worker controls this page (its fetches then fill the caches). */
  controlled: Promise<void>;
}

const CHECK_EVERY_MS = 60 * 60_000;

export function registerServiceWorker(): AppUpdates | null {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return null;
  const wb = new Workbox('/sw.js', { scope: '/' });
  let waiting = false;
  let applying = false;
  wb.addEventListener('waiting', () => {
    waiting = true;
  });
  const controlled = new Promise<void>((resolve) => {
    if (navigator.serviceWorker.controller) resolve();
    // First install: the worker claims the open page (clientsClaim), so warming goes through it.
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  wb.register().catch((err: unknown) => console.warn('service worker registration failed', err));
  setInterval(() => {
    void wb.update().catch(() => {});
  }, CHECK_EVERY_MS);
  return {
    pending: () => waiting,
    applyUpdate() {
      if (!waiting || applying) return false;
      applying = true;
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
      return true;
    },
    check() {
      void wb.update().catch(() => {});
    },
    controlled,
  };
}

/** The build's id, from the hashed entry script (e.g. `index-Bx7Q2c.js`): reported in heartbeats. */
export function appVersion(): string | null {
  const src = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
  const file = src?.split('/').pop();
  return file ? file.replace(/\.js$/, '') : null;
}
