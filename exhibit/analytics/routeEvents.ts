/**
 * What the router tells analytics without touching any page: page views, the exhibit on screen
 * (for dwell time) and list filters that live in the URL (`/sites?era=wartime`).
 */
import type { TrackInput } from './tracker.ts';

type ExhibitKind = Extract<TrackInput, { type: 'exhibit_view' }>['kind'];

const EXHIBIT_ROUTES: Record<string, ExhibitKind> = { sites: 'site', eras: 'era', routes: 'route', projects: 'project', museums: 'museum' };

/** `/sites/erchang` → { exhibit: 'erchang', kind: 'site' }; anything else → null. */
export function exhibitOf(pathname: string): { exhibit: string; kind: ExhibitKind } | null {
  const m = /^\/([a-z]+)\/([A-Za-z0-9][A-Za-z0-9._:-]{0,99})\/?$/.exec(pathname);
  const kind = m ? EXHIBIT_ROUTES[m[1]] : undefined;
  return m && kind ? { exhibit: decodeURIComponent(m[2]), kind } : null;
}

/** Query keys that are not filters. */
const NOT_FILTERS = new Set(['lang', 'mode', 'q', 'page']);

/** Filters newly set or changed between two query strings of the same page. */
export function filterEvents(pathname: string, before: string, after: string): TrackInput[] {
  const page = /^\/([a-z-]+)\/?$/.exec(pathname)?.[1];
  if (!page) return [];
  const prev = new URLSearchParams(before);
  const next = new URLSearchParams(after);
  const out: TrackInput[] = [];
  for (const [key, value] of next) {
    if (NOT_FILTERS.has(key) || !value || prev.get(key) === value || !/^[a-z][a-z0-9-]{0,40}$/i.test(key)) continue;
    out.push({ type: 'filter', filter: `${page}.${key}`, value: value.slice(0, 100) });
  }
  return out;
}

/** Path segments that identify a person's booking, not a page of the museum: never sent. */
const PRIVATE_SEGMENTS: [RegExp, string][] = [[/^\/visit\/tickets\/[^/]+/, '/visit/tickets/:code']];

/** A path fit for a page_view: no query, no fragment, no ticket code, bounded. */
export function pagePath(pathname: string): string {
  let p = pathname.replace(/\s/g, '').slice(0, 200);
  for (const [pattern, replacement] of PRIVATE_SEGMENTS) p = p.replace(pattern, replacement);
  return p.startsWith('/') ? p : `/${p}`;
}

/** Time an exhibit is on screen while the page is visible. */
export class DwellClock {
  private current: { exhibit: string; kind: ExhibitKind; visibleMs: number; since: number | null } | null = null;

  start(target: { exhibit: string; kind: ExhibitKind }, now: number, visible: boolean) {
    this.current = { ...target, visibleMs: 0, since: visible ? now : null };
  }

  visibility(visible: boolean, now: number) {
    const c = this.current;
    if (!c) return;
    if (!visible && c.since !== null) {
      c.visibleMs += now - c.since;
      c.since = null;
    } else if (visible && c.since === null) c.since = now;
  }

  /** Ends the current exhibit; its event when it was on screen for at least a second. */
  stop(now: number): TrackInput | null {
    const c = this.current;
    this.current = null;
    if (!c) return null;
    const ms = Math.min(c.visibleMs + (c.since !== null ? now - c.since : 0), 24 * 3_600_000);
    return ms >= 1000 ? { type: 'exhibit_view', exhibit: c.exhibit, kind: c.kind, ms: Math.round(ms) } : null;
  }
}
