/** Browser pieces of the tracker: the HTTP transport, session storage, the privacy signals. */
import { type Batch, outcomeOf, type SessionState, type SessionStore, type Transport } from './tracker.ts';

export const EVENTS_URL = '/api/analytics/events';
const SEND_TIMEOUT_MS = 15_000;

/** Where the kiosk set-up keeps the device (`{ kioskId, token }`, see exhibit/kiosk/kioskConfig.ts). */
export const KIOSK_DEVICE_KEY = 'museum.kiosk.device';

export function httpTransport(deviceToken: () => string | null | undefined): Transport {
  return {
    async send(batch: Batch) {
      const token = deviceToken();
      // A request that never ends (a half-open connection) must not stop all later sends.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
      try {
        const res = await fetch(EVENTS_URL, {
          method: 'POST',
          // keepalive: the request survives the page going away (a kiosk reset reloading, a tab closing).
          keepalive: true,
          credentials: 'omit', // no cookies, ever
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(batch),
          signal: abort.signal,
        });
        return outcomeOf(res.status);
      } finally {
        clearTimeout(timer);
      }
    },
    beacon(batch: Batch) {
      // The page is going away. On the web, sendBeacon (made for this; text/plain so no preflight,
      // the server reads it as JSON); a kiosk needs its token, which only a keepalive fetch carries.
      const token = deviceToken();
      const body = JSON.stringify(batch);
      if (!token && typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(EVENTS_URL, new Blob([body], { type: 'text/plain' }))) return;
      void fetch(EVENTS_URL, {
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body,
      }).catch(() => {});
    },
  };
}

const SESSION_KEY = 'museum.analytics.session';

/** Per tab: sessionStorage is not shared between tabs and is gone when the tab closes. */
export function tabSessionStore(): SessionStore {
  return {
    load() {
      try {
        const raw = sessionStorage.getItem(SESSION_KEY);
        const s = raw ? (JSON.parse(raw) as SessionState) : null;
        return s && typeof s.id === 'string' && typeof s.start === 'number' && typeof s.last === 'number' ? s : null;
      } catch {
        return null;
      }
    },
    save(s) {
      try {
        if (s) sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
        else sessionStorage.removeItem(SESSION_KEY);
      } catch {
        /* storage full or blocked: the session lives in memory only */
      }
    },
  };
}

/** A kiosk forgets its visitor at reset: the session lives in memory only. */
export function memorySessionStore(): SessionStore {
  let s: SessionState | null = null;
  return { load: () => s, save: (next) => (s = next) };
}

/** Do-Not-Track or Global Privacy Control. */
export function browserOptedOut(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean; msDoNotTrack?: string };
  const win = window as Window & { doNotTrack?: string };
  return nav.globalPrivacyControl === true || nav.doNotTrack === '1' || win.doNotTrack === '1' || nav.msDoNotTrack === '1';
}

/** The kiosk's device token, read at each send (it may be set up after the page loaded). */
export function storedDeviceToken(): string | null {
  try {
    const device = JSON.parse(localStorage.getItem(KIOSK_DEVICE_KEY) ?? 'null') as { token?: unknown } | null;
    return typeof device?.token === 'string' && device.token ? device.token : null;
  } catch {
    return null;
  }
}
