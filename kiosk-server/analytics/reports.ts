/**
 * The curators' reports, computed from the hourly rollups (never from raw events), with small
 * counts suppressed: a figure from 1 to `suppressBelow` − 1 is reported as null ("fewer than 5"),
 * and so is anything derived from it (an average, a rate). Zero stays zero.
 */
import type { Locale } from '../../content/schema.ts';
import { BOOKING_STEPS, HOUR_MS } from './events.ts';
import type { AggregateQuery, AggregateRow, AnalyticsStore } from './store.ts';

const DAY_MS = 24 * HOUR_MS;
const LANGS: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en'];

/** A count, or null when it was suppressed. */
export type Count = number | null;

export interface ReportQuery {
  /** Local dates (the museum's time zone), inclusive. */
  from: string;
  to: string;
  source?: 'kiosk' | 'web';
  hallId?: string;
}

export interface KioskInfo {
  id: number;
  name: string;
  hallId: string | null;
}

export interface Report {
  range: { from: string; to: string; days: number };
  filters: { source: 'kiosk' | 'web' | null; hall: string | null };
  suppressBelow: number;
  utcOffsetHours: number;
  totals: { visits: Count; pageViews: Count; exhibitViews: Count; avgVisitMs: number | null };
  visitsByDay: { date: string; visits: Count; kiosk: Count; web: Count }[];
  visitsByHour: { hour: number; visits: Count }[];
  /** 7 rows (Monday first) × 24 local hours. */
  heatmap: Count[][];
  kiosks: { kioskId: number; name: string; hallId: string; visits: Count }[];
  halls: { hallId: string; visits: Count }[];
  exhibits: { exhibit: string; kind: string; views: Count; dwellMs: number | null; avgDwellMs: number | null }[];
  walkthroughs: { walkthrough: string; started: Count; steps: { step: number; reached: Count }[]; completed: Count; completionRate: number | null }[];
  languages: { lang: string; sessions: Count; pageViews: Count; switchesTo: Count }[];
  narrations: { narration: string; played: Count; completed: Count; completionRate: number | null }[];
  booking: { step: (typeof BOOKING_STEPS)[number]; count: Count; rateFromPrevious: number | null }[];
  searches: { scope: string; query: string; count: number }[];
  errors: { kind: string; count: Count }[];
}

export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in the museum's time zone. */
export function localToday(now: Date, utcOffsetHours: number): string {
  return dateOfDay(Math.floor((now.getTime() + utcOffsetHours * HOUR_MS) / DAY_MS));
}

/** [fromHour, toHour) in UTC hours for local dates from..to inclusive. */
export function hourRange(from: string, to: string, utcOffsetHours: number): { fromHour: number; toHour: number } {
  return { fromHour: dayNumber(from) * 24 - utcOffsetHours, toHour: (dayNumber(to) + 1) * 24 - utcOffsetHours };
}

export async function buildReport(
  store: AnalyticsStore,
  q: ReportQuery,
  opts: { utcOffsetHours: number; suppressBelow: number; kiosks: KioskInfo[]; top?: number; maxExhibits?: number },
): Promise<Report> {
  const { fromHour, toHour } = hourRange(q.from, q.to, opts.utcOffsetHours);
  const top = opts.top ?? 20;
  const sup = (n: number | undefined): Count => {
    const v = n ?? 0;
    return v > 0 && v < opts.suppressBelow ? null : v;
  };
  const agg = (types: string[], by: AggregateQuery['by'], extra: Partial<AggregateQuery> = {}) =>
    store.aggregate({ types, by, fromHour, toHour, source: q.source, hallId: q.hallId, ...extra });
  const sum = (rows: AggregateRow[], pick: (r: AggregateRow) => boolean = () => true) => rows.filter(pick).reduce((s, r) => s + r.events, 0);

  const [byDay, byHour, byWeekHour, byKiosk, ends, pages, exhibits, walk, langs, narr, booking, searches, errors] = await Promise.all([
    agg(['session_start'], ['day', 'source']),
    agg(['session_start'], ['hourOfDay']),
    agg(['session_start'], ['weekday', 'hourOfDay']),
    agg(['session_start'], ['kiosk_id', 'hall_id'], { source: 'kiosk' }),
    agg(['session_end'], []),
    agg(['page_view'], ['lang']),
    agg(['exhibit_view'], ['subject', 'detail']),
    agg(['walkthrough_start', 'walkthrough_progress', 'walkthrough_complete'], ['type', 'subject', 'detail']),
    agg(['session_start', 'language_switch'], ['type', 'lang', 'detail']),
    agg(['narration_play', 'narration_complete'], ['type', 'subject']),
    agg(['booking_step'], ['subject']),
    agg(['search'], ['subject', 'detail']),
    agg(['error'], ['subject']),
  ]);
  // With a web-only filter there are no kiosk rows; the query above forced source=kiosk.
  const kioskRows = q.source === 'web' ? [] : byKiosk;

  const firstDay = dayNumber(q.from);
  const days = dayNumber(q.to) - firstDay + 1;
  const dayMap = new Map<number, { kiosk: number; web: number; all: number }>();
  for (const r of byDay) {
    const d = dayMap.get(Number(r.day)) ?? { kiosk: 0, web: 0, all: 0 };
    if (r.source === 'kiosk') d.kiosk += r.events;
    if (r.source === 'web') d.web += r.events;
    d.all += r.events;
    dayMap.set(Number(r.day), d);
  }
  const visitsByDay = Array.from({ length: days }, (_, i) => {
    const d = dayMap.get(firstDay + i);
    return { date: dateOfDay(firstDay + i), visits: sup(d?.all), kiosk: sup(d?.kiosk), web: sup(d?.web) };
  });
  const hourMap = new Map(byHour.map((r) => [Number(r.hourOfDay), r.events]));
  const visitsByHour = Array.from({ length: 24 }, (_, hour) => ({ hour, visits: sup(hourMap.get(hour)) }));
  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0 as Count));
  for (const r of byWeekHour) heatmap[Number(r.weekday)][Number(r.hourOfDay)] = r.events;
  for (const row of heatmap) for (let h = 0; h < 24; h++) row[h] = sup(row[h] ?? 0);

  const names = new Map(opts.kiosks.map((k) => [k.id, k]));
  const kiosks = kioskRows
    .map((r) => ({ kioskId: Number(r.kiosk_id), name: names.get(Number(r.kiosk_id))?.name ?? `#${r.kiosk_id}`, hallId: String(r.hall_id), visits: r.events }))
    .sort((a, b) => b.visits - a.visits || a.kioskId - b.kioskId)
    .map((k) => ({ ...k, visits: sup(k.visits) }));
  const hallMap = new Map<string, number>();
  for (const r of kioskRows) hallMap.set(String(r.hall_id), (hallMap.get(String(r.hall_id)) ?? 0) + r.events);
  const halls = [...hallMap].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([hallId, visits]) => ({ hallId, visits: sup(visits) }));

  const exhibitRows = exhibits
    .map((r) => ({ exhibit: String(r.subject), kind: String(r.detail), views: r.events, dwellMs: r.totalMs }))
    .sort((a, b) => b.views - a.views || b.dwellMs - a.dwellMs || a.exhibit.localeCompare(b.exhibit))
    .slice(0, opts.maxExhibits ?? 200)
    .map((r) => {
      const views = sup(r.views);
      return { exhibit: r.exhibit, kind: r.kind, views, dwellMs: views === null ? null : r.dwellMs, avgDwellMs: views ? Math.round(r.dwellMs / views) : null };
    });

  const walkMap = new Map<string, { started: number; completed: number; steps: Map<number, number> }>();
  for (const r of walk) {
    const id = String(r.subject);
    const w = walkMap.get(id) ?? { started: 0, completed: 0, steps: new Map<number, number>() };
    if (r.type === 'walkthrough_start') w.started += r.events;
    else if (r.type === 'walkthrough_complete') w.completed += r.events;
    else w.steps.set(Number(r.detail), (w.steps.get(Number(r.detail)) ?? 0) + r.events);
    walkMap.set(id, w);
  }
  const walkthroughs = [...walkMap]
    .sort((a, b) => b[1].started - a[1].started || a[0].localeCompare(b[0]))
    .map(([walkthrough, w]) => {
      const started = sup(w.started);
      const completed = sup(w.completed);
      return {
        walkthrough,
        started,
        steps: [...w.steps].sort((a, b) => a[0] - b[0]).map(([step, reached]) => ({ step, reached: sup(reached) })),
        completed,
        completionRate: started && completed !== null ? completed / started : null,
      };
    });

  const languages = LANGS.map((lang) => ({
    lang,
    sessions: sup(sum(langs, (r) => r.type === 'session_start' && r.lang === lang)),
    pageViews: sup(sum(pages, (r) => r.lang === lang)),
    switchesTo: sup(sum(langs, (r) => r.type === 'language_switch' && r.detail === lang)),
  }));

  const narrMap = new Map<string, { played: number; completed: number }>();
  for (const r of narr) {
    const n = narrMap.get(String(r.subject)) ?? { played: 0, completed: 0 };
    if (r.type === 'narration_play') n.played += r.events;
    else n.completed += r.events;
    narrMap.set(String(r.subject), n);
  }
  const narrations = [...narrMap]
    .sort((a, b) => b[1].played - a[1].played || a[0].localeCompare(b[0]))
    .map(([narration, n]) => {
      const played = sup(n.played);
      const completed = sup(n.completed);
      return { narration, played, completed, completionRate: played && completed !== null ? completed / played : null };
    });

  const stepCounts = BOOKING_STEPS.map((step) => sum(booking, (r) => r.subject === step));
  const bookingRows = BOOKING_STEPS.map((step, i) => {
    const count = sup(stepCounts[i]);
    const prev = i === 0 ? null : sup(stepCounts[i - 1]);
    return { step, count, rateFromPrevious: i > 0 && prev && count !== null ? count / prev : null };
  });

  // A search query is free text: below the threshold it is left out altogether, not just hidden.
  const searchRows = searches
    .filter((r) => r.events >= opts.suppressBelow)
    .map((r) => ({ scope: String(r.subject), query: String(r.detail), count: r.events }))
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, top);

  const visits = sum(byDay);
  const endCount = sum(ends);
  const endMs = ends.reduce((s, r) => s + r.totalMs, 0);
  return {
    range: { from: q.from, to: q.to, days },
    filters: { source: q.source ?? null, hall: q.hallId ?? null },
    suppressBelow: opts.suppressBelow,
    utcOffsetHours: opts.utcOffsetHours,
    totals: {
      visits: sup(visits),
      pageViews: sup(sum(pages)),
      exhibitViews: sup(sum(exhibits)),
      avgVisitMs: sup(endCount) ? Math.round(endMs / endCount) : null,
    },
    visitsByDay,
    visitsByHour,
    heatmap,
    kiosks,
    halls,
    exhibits: exhibitRows,
    walkthroughs,
    languages,
    narrations,
    booking: bookingRows,
    searches: searchRows,
    errors: errors
      .map((r) => ({ kind: String(r.subject), count: r.events }))
      .sort((a, b) => b.count - a.count)
      .map((e) => ({ ...e, count: sup(e.count) })),
  };
}

export const CSV_SECTIONS = [
  'visits-by-day',
  'visits-by-hour',
  'heatmap',
  'kiosks',
  'halls',
  'exhibits',
  'walkthroughs',
  'languages',
  'narrations',
  'booking',
  'searches',
  'errors',
] as const;
export type CsvSection = (typeof CSV_SECTIONS)[number];

type Cell = string | number | null;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** One section of a report as a table (header row first). Suppressed counts read "<5". */
export function reportTable(report: Report, section: CsvSection): Cell[][] {
  const c = (n: Count): Cell => (n === null ? `<${report.suppressBelow}` : n);
  const rate = (r: number | null): Cell => (r === null ? '' : Number(r.toFixed(4)));
  switch (section) {
    case 'visits-by-day':
      return [['date', 'visits', 'kiosk_visits', 'web_visits'], ...report.visitsByDay.map((d) => [d.date, c(d.visits), c(d.kiosk), c(d.web)])];
    case 'visits-by-hour':
      return [['hour', 'visits'], ...report.visitsByHour.map((h) => [h.hour, c(h.visits)])];
    case 'heatmap':
      return [
        ['weekday', ...Array.from({ length: 24 }, (_, h) => `h${String(h).padStart(2, '0')}`)],
        ...report.heatmap.map((row, d) => [WEEKDAYS[d], ...row.map(c)]),
      ];
    case 'kiosks':
      return [['kiosk_id', 'name', 'hall', 'visits'], ...report.kiosks.map((k) => [k.kioskId, k.name, k.hallId, c(k.visits)])];
    case 'halls':
      return [['hall', 'visits'], ...report.halls.map((h) => [h.hallId, c(h.visits)])];
    case 'exhibits':
      return [
        ['exhibit', 'kind', 'views', 'dwell_ms', 'avg_dwell_ms'],
        ...report.exhibits.map((e) => [e.exhibit, e.kind, c(e.views), e.dwellMs, e.avgDwellMs]),
      ];
    case 'walkthroughs':
      return [
        ['walkthrough', 'stage', 'count', 'rate_of_started'],
        ...report.walkthroughs.flatMap((w) => [
          [w.walkthrough, 'started', c(w.started), ''] as Cell[],
          ...w.steps.map((s) => [w.walkthrough, `step ${s.step}`, c(s.reached), w.started && s.reached !== null ? rate(s.reached / w.started) : '']),
          [w.walkthrough, 'completed', c(w.completed), rate(w.completionRate)],
        ]),
      ];
    case 'languages':
      return [['language', 'sessions', 'page_views', 'switches_to'], ...report.languages.map((l) => [l.lang, c(l.sessions), c(l.pageViews), c(l.switchesTo)])];
    case 'narrations':
      return [
        ['narration', 'played', 'completed', 'completion_rate'],
        ...report.narrations.map((n) => [n.narration, c(n.played), c(n.completed), rate(n.completionRate)]),
      ];
    case 'booking':
      return [['step', 'count', 'rate_from_previous'], ...report.booking.map((b) => [b.step, c(b.count), rate(b.rateFromPrevious)])];
    case 'searches':
      return [['scope', 'query', 'count'], ...report.searches.map((s) => [s.scope, s.query, s.count])];
    case 'errors':
      return [['kind', 'count'], ...report.errors.map((e) => [e.kind, c(e.count)])];
  }
}

/** RFC 4180 CSV with a UTF-8 byte order mark (so spreadsheet programs read Chinese correctly). */
export function toCsv(rows: Cell[][]): string {
  const cell = (v: Cell) => {
    const s = v === null ? '' : String(v);
    // A leading = + - @ would run as a formula in a spreadsheet: quote it with a leading '.
    const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
