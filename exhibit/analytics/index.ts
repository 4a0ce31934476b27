/**
 * The tracker for the whole front end. Other features call:
 *
 *   import { track } from '../analytics/index.ts';
 *   track({ type: 'walkthrough_progress', walkthrough: 'erchang', step: 3, steps: 8 });
 *   track({ type: 'narration_play', narration: 'site-erchang' });
 *   track({ type: 'booking_step', step: 'form' });
 *
 * The kiosk lifecycle calls startSession() when a visitor taps the attract screen and
 * endSession('idle') at reset (it is also subscribed to onVisitorStart/onVisitorReset). A kiosk
 * sends with its device token: configureAnalytics({ deviceToken }), else the one the kiosk set-up
 * saved (localStorage 'museum.kiosk.device'). Events tracked before initAnalytics() wait for it.
 */
import i18next from 'i18next';
import type { Locale } from '../../content/schema.ts';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n/detect.ts';
import { onVisitorReset, onVisitorStart } from '../visitor/visitorSession.ts';
import { browserOptedOut, httpTransport, memorySessionStore, storedDeviceToken, tabSessionStore } from './browser.ts';
import { indexedDbQueue } from './queue.ts';
import { DwellClock, exhibitOf, filterEvents, pagePath } from './routeEvents.ts';
import { Tracker, type TrackInput } from './tracker.ts';

export type { TrackInput };

let tracker: Tracker | undefined;
let early: ((t: Tracker) => void)[] = [];
let deviceToken: string | null | undefined;
const dwell = new DwellClock();
let lastRoute: { pathname: string; search: string } | null = null;
const STAFF_PAGES = /^\/(reports|staff|curator|curation|fleet|admin|sign-in|check-in)(\/|$)/;

const currentLanguage = (): Locale => {
  const lng = i18next.language as Locale;
  return LANGUAGES.includes(lng) ? lng : DEFAULT_LANGUAGE;
};

function withTracker(fn: (t: Tracker) => void) {
  if (tracker) fn(tracker);
  else if (early.length < 200) early.push(fn);
}

/** Once, at start (AnalyticsTracker does it). Safe to call again: the first call wins. */
export function initAnalytics(options: { kiosk: boolean }): Tracker {
  if (tracker) return tracker;
  const t = new Tracker({
    kiosk: options.kiosk,
    queue: indexedDbQueue(),
    transport: httpTransport(() => (options.kiosk ? (deviceToken ?? storedDeviceToken()) : null)),
    language: currentLanguage,
    sessions: options.kiosk ? memorySessionStore() : tabSessionStore(),
    optedOut: browserOptedOut(),
  });
  tracker = t;
  for (const fn of early) fn(t);
  early = [];
  const finishDwell = () => {
    const e = dwell.stop(Date.now());
    if (e) t.track(e);
  };
  window.addEventListener('online', () => t.online());
  document.addEventListener('visibilitychange', () => {
    const visible = document.visibilityState === 'visible';
    dwell.visibility(visible, Date.now());
    if (!visible) void t.flush();
  });
  window.addEventListener('pagehide', () => {
    finishDwell();
    t.beacon();
  });
  window.addEventListener('pageshow', (e) => {
    // Back from the back/forward cache: the same exhibit is on screen again.
    if (e.persisted && lastRoute) {
      const ex = exhibitOf(lastRoute.pathname);
      if (ex) dwell.start(ex, Date.now(), true);
    }
  });
  window.addEventListener('error', (e) => t.track({ type: 'error', kind: 'script', message: String(e.message || 'error').slice(0, 200) }));
  window.addEventListener('unhandledrejection', (e) => {
    const reason = e.reason instanceof Error ? e.reason.message : String(e.reason);
    t.track({ type: 'error', kind: 'promise', message: reason.slice(0, 200) });
  });
  let language = i18next.language;
  i18next.on('languageChanged', (to) => {
    const from = language;
    language = to;
    if (from !== to && LANGUAGES.includes(from as Locale) && LANGUAGES.includes(to as Locale)) {
      t.track({ type: 'language_switch', from: from as Locale, to: to as Locale });
    }
  });
  if (options.kiosk) {
    // The kiosk lifecycle's seams: a tap on the attract screen starts a visit, the reset ends it.
    onVisitorStart(() => t.startSession());
    onVisitorReset(() => {
      finishDwell();
      lastRoute = null;
      t.endSession('idle');
    });
  }
  return t;
}

/** The router moved (AnalyticsTracker calls it): page view, dwell time of the exhibit left, filters. */
export function routeChanged(pathname: string, search: string): void {
  withTracker((t) => {
    const prev = lastRoute;
    if (prev && prev.pathname === pathname && prev.search === search) return;
    lastRoute = { pathname, search };
    const now = Date.now();
    if (!prev || prev.pathname !== pathname) {
      const left = dwell.stop(now);
      if (left) t.track(left);
      // Staff pages (reports, curation, check-in) are not visitor behaviour.
      if (STAFF_PAGES.test(pathname)) return;
      t.track({ type: 'page_view', path: pagePath(pathname) });
      const ex = exhibitOf(pathname);
      if (ex) dwell.start(ex, now, document.visibilityState !== 'hidden');
    }
    if (STAFF_PAGES.test(pathname)) return;
    for (const e of filterEvents(pathname, prev && prev.pathname === pathname ? prev.search : '', search)) t.track(e);
  });
}

/** Records one event (see TrackInput for the types and their fields). */
export function track(input: TrackInput): void {
  withTracker((t) => t.track(input));
}

export function startSession(): void {
  withTracker((t) => t.startSession());
}

export function endSession(reason: 'idle' | 'reset' | 'timeout' | 'manual' = 'idle'): void {
  withTracker((t) => t.endSession(reason));
}

export function configureAnalytics(options: { deviceToken?: string | null }): void {
  if ('deviceToken' in options) deviceToken = options.deviceToken;
}

/** Sends what is queued now (tests, or before a planned reload). */
export function flushAnalytics(): Promise<void> {
  return tracker ? tracker.flush() : Promise.resolve();
}

/** Whether this browser asked not to be tracked (the tracker then does nothing). */
export function analyticsEnabled(): boolean {
  return tracker?.enabled ?? !browserOptedOut();
}
