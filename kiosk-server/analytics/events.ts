/**
 * The analytics events: what a tracker may send, validated one by one (a bad event never sinks its
 * batch), and how each becomes a row. The front end imports the types only (`import type`), so zod
 * stays out of the visitor's bundle.
 *
 * Privacy by construction: an event carries a random id, a random session id, a time, the UI
 * language and a few fields about the museum's own content. Nothing else is stored: no IP, no user
 * agent, no cookie, no free text except a search query cut to 64 characters (reports only show a
 * query that at least 5 visits searched for).
 */
import { z } from 'zod';
import { LOCALES } from '../../content/schema.ts';

/** An id of the museum's own things: sites, eras, walkthroughs, hotspots, narrations, filters. */
const Slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'letters, digits and . _ : / -');
/** A duration in ms, at most a day (longer is a broken timer, not a visit). */
const Duration = z
  .number()
  .int()
  .min(0)
  .max(24 * 3600 * 1000);

export const EXHIBIT_KINDS = ['site', 'era', 'route', 'project', 'museum', 'other'] as const;
export const SESSION_END_REASONS = ['idle', 'reset', 'timeout', 'manual'] as const;
export const BOOKING_STEPS = ['calendar', 'form', 'confirmed', 'checked_in'] as const;
export const ERROR_KINDS = ['script', 'promise', 'render', 'network', 'audio', 'webgl', 'other'] as const;

const Common = {
  /** Unique per event, made by the tracker (UUIDv7: time-ordered, so the dedupe index appends). */
  id: z.uuid(),
  /** When it happened, ms since the epoch, by the device's clock (corrected with the batch's sentAt). */
  at: z.number().int().positive(),
  /** The visit: a random id per kiosk visit or per browser tab. */
  session: z.uuid(),
  /** The UI language at that moment. */
  lang: z.enum(LOCALES),
};

const ev = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.object({ type: z.literal(type), ...Common, ...shape });

export const EVENT_SCHEMAS = {
  session_start: ev('session_start', {}),
  session_end: ev('session_end', { reason: z.enum(SESSION_END_REASONS), ms: Duration }),
  page_view: ev('page_view', {
    path: z
      .string()
      .max(200)
      .regex(/^\/[^?#\s]*$/, 'a path without query or fragment'),
  }),
  exhibit_view: ev('exhibit_view', { exhibit: Slug, kind: z.enum(EXHIBIT_KINDS), ms: Duration }),
  walkthrough_start: ev('walkthrough_start', { walkthrough: Slug }),
  walkthrough_progress: ev('walkthrough_progress', {
    walkthrough: Slug,
    step: z.number().int().min(1).max(500),
    steps: z.number().int().min(1).max(500),
  }),
  walkthrough_complete: ev('walkthrough_complete', { walkthrough: Slug, ms: Duration }),
  hotspot_tap: ev('hotspot_tap', { walkthrough: Slug, hotspot: Slug }),
  narration_play: ev('narration_play', { narration: Slug }),
  narration_complete: ev('narration_complete', { narration: Slug, ms: Duration }),
  language_switch: ev('language_switch', { from: z.enum(LOCALES), to: z.enum(LOCALES) }),
  search: ev('search', { scope: Slug, query: z.string().max(200), results: z.number().int().min(0).max(1_000_000) }),
  filter: ev('filter', { filter: Slug, value: z.string().min(1).max(100) }),
  booking_step: ev('booking_step', { step: z.enum(BOOKING_STEPS) }),
  error: ev('error', { kind: z.enum(ERROR_KINDS), message: z.string().max(2000) }),
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** Every event as the server accepts it (discriminated by `type`). */
export const AnalyticsEventSchema = z.discriminatedUnion(
  'type',
  Object.values(EVENT_SCHEMAS) as unknown as [(typeof EVENT_SCHEMAS)[EventType], ...(typeof EVENT_SCHEMAS)[EventType][]],
);
export type AnalyticsEvent = { [K in EventType]: z.infer<(typeof EVENT_SCHEMAS)[K]> }[EventType];
/** What code calls `track()` with: an event without the fields the tracker fills in. */
export type TrackInput = AnalyticsEvent extends infer E ? (E extends AnalyticsEvent ? Omit<E, 'id' | 'at' | 'session' | 'lang'> : never) : never;

/** Where an event came from; decided by the server (a device token means a kiosk), never by the client. */
export type EventSource = 'kiosk' | 'web' | 'server';

/** One stored event. Columns are generic so one rollup table serves every event type. */
export interface EventRow {
  id: string;
  /** ms since the epoch (corrected for the device's clock skew). */
  at: number;
  /** UTC hour since the epoch: floor(at / 3600000). */
  hour: number;
  /** ms since the epoch when the server took it. */
  received: number;
  source: EventSource;
  /** The kiosk's device id; 0 for the web and the server. */
  kiosk_id: number;
  /** The kiosk's hall when the event arrived; '' when none. */
  hall_id: string;
  session: string;
  type: EventType;
  lang: string;
  /** What the event is about (exhibit, walkthrough, narration, path, step…); '' when nothing. */
  subject: string;
  /** A second dimension (kind, step number, hotspot, target language, filter value…); '' when none. */
  detail: string;
  /** A duration in ms; 0 when the event has none. */
  ms: number;
}

export const HOUR_MS = 3_600_000;

/** Search queries are folded so "Erchang " and "erchang" count together, and cut to 64 characters. */
export function normalizeQuery(q: string): string {
  return q.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 64);
}

/** The (subject, detail, ms) of each event type. */
function dimensions(e: AnalyticsEvent): { subject: string; detail: string; ms: number } {
  switch (e.type) {
    case 'session_start':
      return { subject: '', detail: '', ms: 0 };
    case 'session_end':
      return { subject: e.reason, detail: '', ms: e.ms };
    case 'page_view':
      return { subject: e.path, detail: '', ms: 0 };
    case 'exhibit_view':
      return { subject: e.exhibit, detail: e.kind, ms: e.ms };
    case 'walkthrough_start':
      return { subject: e.walkthrough, detail: '', ms: 0 };
    case 'walkthrough_progress':
      return { subject: e.walkthrough, detail: String(e.step), ms: 0 };
    case 'walkthrough_complete':
      return { subject: e.walkthrough, detail: '', ms: e.ms };
    case 'hotspot_tap':
      return { subject: e.walkthrough, detail: e.hotspot, ms: 0 };
    case 'narration_play':
      return { subject: e.narration, detail: '', ms: 0 };
    case 'narration_complete':
      return { subject: e.narration, detail: '', ms: e.ms };
    case 'language_switch':
      return { subject: e.from, detail: e.to, ms: 0 };
    case 'search':
      return { subject: e.scope, detail: normalizeQuery(e.query), ms: 0 };
    case 'filter':
      return { subject: e.filter, detail: e.value.slice(0, 64), ms: 0 };
    case 'booking_step':
      return { subject: e.step, detail: '', ms: 0 };
    case 'error':
      // The message only says which error; cut it so a stack trace or URL cannot ride along.
      return { subject: e.kind, detail: e.message.split('\n')[0].slice(0, 120), ms: 0 };
  }
}

export interface RowContext {
  source: EventSource;
  kioskId: number;
  hallId: string;
  received: number;
}

export function toRow(e: AnalyticsEvent, at: number, ctx: RowContext): EventRow {
  return {
    id: e.id.toLowerCase(),
    at,
    hour: Math.floor(at / HOUR_MS),
    received: ctx.received,
    source: ctx.source,
    kiosk_id: ctx.kioskId,
    hall_id: ctx.hallId,
    session: e.session.toLowerCase(),
    type: e.type,
    lang: e.lang,
    ...dimensions(e),
  };
}
