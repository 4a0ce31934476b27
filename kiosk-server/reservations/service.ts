/**
 * Reservation rules: slots from the opening-hours template, booking, tickets, cancellation,
 * rescheduling, check-in and staff changes. No HTTP here; the clock and randomness are injected.
 *
 * Capacity is never checked in JavaScript and then written: every booking takes its places with a
 * conditional UPDATE (store.takeSlotPlaces / takeDayPlaces) inside a write transaction, backed by
 * CHECK constraints. Writes go through the group-commit writer (writer.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Locale, LocalizedText, Museum } from '../../content/schema.ts';
import type { ContentService } from '../content/service.ts';
import { type FieldError, ProblemError, problem } from '../http/problem.ts';
import type { Logger } from '../log.ts';
import { formatTicketCode, newBookingId, newTicketCode, parseTicketCode } from './codes.ts';
import { ID_PROBLEM_MESSAGES, idNumberProblem, keyedHash, normalizeIdNumber } from './idcard.ts';
import { defaultSettings, heldPlaces, type ReservationSettings, ReservationSettingsSchema } from './settings.ts';
import { type BookingRow, type DayRow, isUniqueViolation, type ReservationStore, type SlotRow, type VisitorRow } from './store.ts';
import type { BookingKind } from './tables.ts';
import { addDays, datesOfMonth, isoWeekday, localDate, localInstant, minutesOf, timeOf } from './time.ts';
import { createWriter, type Trx, type WriterOptions } from './writer.ts';

// ── inputs ───────────────────────────────────────────────────────────────────────────────────

export interface ContactInput {
  name: string;
  phone?: string;
  email?: string;
}

export interface BookingInput {
  slotId: string;
  kind: BookingKind;
  partySize: number;
  contact: ContactInput;
  visitors?: { name: string; idNumber: string }[];
  group?: { name: string; leader: string };
  lang: Locale;
}

export interface StaffUser {
  id: number;
}

export interface SlotPatch {
  capacity?: number;
  groupCapacity?: number;
  status?: 'open' | 'closed';
  note?: string | null;
  /** With status 'closed': cancel the slot's bookings too (the visitors see `reason`). */
  cancelBookings?: boolean;
  reason?: string;
}

export interface DayExceptionInput {
  closed: boolean;
  opens?: string;
  closes?: string;
  lastEntry?: string;
  note?: string;
  cancelBookings?: boolean;
  reason?: string;
}

export type AfterCommit = () => Promise<void>;

/** What check-in needs from crowd monitoring, inside the check-in transaction. */
export interface CheckInCrowdLink {
  /** Records the party entering `hallId`; returns what to do once the transaction committed. */
  recordEntry(trx: Trx, entry: { museumId: string; hallId: string; people: number; at: Date; userId: number | null }): Promise<AfterCommit>;
  hallStatus(museumId: string, hallId: string): unknown;
}

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export type SlotState = 'open' | 'full' | 'closed' | 'past' | 'soon';

export interface SlotView {
  id: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  state: SlotState;
  remaining: number;
  groupRemaining: number;
}

export type DayState = 'open' | 'full' | 'closed' | 'past' | 'soon';

export interface CalendarDay {
  date: string;
  state: DayState;
  remaining: number;
  groupRemaining: number;
  /** When the day goes on sale (state 'soon'). */
  saleOpensAt?: string;
  note?: string;
}

export interface CalendarMonth {
  museumId: string;
  month: string;
  today: string;
  days: CalendarDay[];
}

export interface TicketView {
  code: string;
  codeDisplay: string;
  status: BookingRow['status'];
  kind: BookingKind;
  museum: { id: string; name: LocalizedText };
  slotId: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  partySize: number;
  contactName: string;
  contactHint: string;
  group: { name: string; leader: string } | null;
  visitors: { name: string; idLast4: string }[];
  lang: string;
  createdAt: string;
  cancellableUntil: string;
  checkInFrom: string;
  checkInUntil: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  checkedInAt: string | null;
  rescheduledAt: string | null;
}

// ── problems ─────────────────────────────────────────────────────────────────────────────────

function fail(
  status: number,
  slug: string,
  title: string,
  detail: string,
  path?: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  const errors: FieldError[] | undefined = path ? [{ path, message: detail }] : undefined;
  const p = problem(status, slug, title, detail, { ...(errors ? { errors } : {}), ...extra });
  return headers ? new ProblemError(p.problem, headers) : p;
}

function invalid(errors: FieldError[]) {
  return problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

const SLOT_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*):(\d{4}-\d{2}-\d{2}):(\d{4})$/;

export function slotIdOf(museumId: string, date: string, start: string) {
  return `${museumId}:${date}:${start.replace(':', '')}`;
}

export function parseSlotId(id: string): { museumId: string; date: string; start: string } | undefined {
  const m = SLOT_ID.exec(id);
  if (!m) return undefined;
  return { museumId: m[1], date: m[2], start: `${m[3].slice(0, 2)}:${m[3].slice(2)}` };
}

/** Normalized phone or e-mail: the key of the per-contact limit, and its masked display form. */
export function normalizeContact(contact: ContactInput): { key: string; hint: string } {
  if (contact.phone) {
    let digits = contact.phone.replace(/[\s()-]/g, '');
    if (digits.startsWith('+86')) digits = digits.slice(3);
    const hint = digits.length > 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : `****${digits.slice(-2)}`;
    return { key: `phone:${digits}`, hint };
  }
  const email = (contact.email ?? '').trim().toLowerCase();
  const [local, domain] = email.split('@');
  return { key: `email:${email}`, hint: `${local.slice(0, 1)}***@${domain}` };
}

// ── the service ──────────────────────────────────────────────────────────────────────────────

export interface ReservationServiceDeps {
  store: ReservationStore;
  content: ContentService;
  /** HMAC key for ID numbers and contacts (kept outside the database). */
  key: Buffer;
  crowd?: CheckInCrowdLink;
  now?: () => Date;
  random?: (n: number) => Buffer;
  log?: Logger;
  writer?: WriterOptions;
  /**
   * TEST ONLY: replaces the conditional UPDATE with read-then-write in JavaScript, so the
   * concurrency test's control run can show that the test catches an oversell.
   */
  unsafeDisableCapacityGuard?: boolean;
  /** How long a month view may be reused when nothing changed (ms; default 1000, 0 = never). */
  calendarCacheMs?: number;
}

interface DayPlan {
  open: boolean;
  opens?: string;
  closes?: string;
  note?: string;
  slots: { start: string; end: string }[];
}

export function createReservationService(deps: ReservationServiceDeps) {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? randomBytes;
  const writer = createWriter(store.db, deps.writer);
  const guardDisabled = deps.unsafeDisableCapacityGuard === true;
  if (guardDisabled) deps.log?.warn('RESERVATION CAPACITY GUARD DISABLED (test switch): bookings can oversell');

  let settingsCache = new Map<string, ReservationSettings>();
  let settingsLoaded = false;
  /** Days known to exist in res_days (they are never deleted). */
  const knownDays = new Set<string>();
  /** Idempotency keys being processed right now (a concurrent duplicate gets 409). */
  const inFlight = new Set<string>();
  /** Bumped on every write to a museum: calendar cache entries of older generations are stale. */
  const generation = new Map<string, number>();
  const calendarCache = new Map<string, { gen: number; at: number; value: CalendarMonth }>();
  const calendarRunning = new Map<string, Promise<CalendarMonth>>();
  const CALENDAR_CACHE_MS = deps.calendarCacheMs ?? 1000;

  const bump = (museumId: string) => generation.set(museumId, (generation.get(museumId) ?? 0) + 1);

  function museumOf(id: string): Museum | undefined {
    return deps.content.current().index.museums.get(id) as Museum | undefined;
  }

  function museumOrThrow(id: string, path?: string): Museum {
    const m = museumOf(id);
    if (!m) throw fail(404, 'not-found', 'Not found', `No museum with id "${id}".`, path);
    return m;
  }

  async function loadSettings() {
    if (settingsLoaded) return;
    const rows = await store.allSettings();
    const map = new Map<string, ReservationSettings>();
    for (const r of rows) {
      const parsed = ReservationSettingsSchema.safeParse(JSON.parse(r.settings));
      if (parsed.success) map.set(r.museum_id, parsed.data);
      else deps.log?.error({ museum: r.museum_id, issues: parsed.error.issues }, 'stored reservation settings are invalid; using defaults');
    }
    settingsCache = map;
    settingsLoaded = true;
  }

  async function settingsOf(museum: Museum): Promise<ReservationSettings> {
    await loadSettings();
    return settingsCache.get(museum.id) ?? defaultSettings(museum);
  }

  function saleOpensAt(settings: ReservationSettings, date: string): Date {
    return localInstant(addDays(date, -settings.saleOpensDaysBefore), settings.saleOpensTime);
  }

  function planDay(
    museum: Museum,
    settings: ReservationSettings,
    date: string,
    exception?: { closed: number; opens: string | null; closes: string | null; last_entry: string | null; note: string | null },
  ): DayPlan {
    const hours = museum.openingHours;
    const note = exception?.note ?? undefined;
    if (exception?.closed === 1) return { open: false, note, slots: [] };
    if (!exception && !hours.days.includes(isoWeekday(date))) return { open: false, slots: [] };
    const opens = exception?.opens ?? hours.opens;
    const closes = exception?.closes ?? hours.closes;
    const lastEntry =
      exception?.last_entry ??
      (exception?.closes ? undefined : hours.lastEntry) ??
      timeOf(Math.max(minutesOf(opens), minutesOf(closes) - settings.slotMinutes));
    const slots: DayPlan['slots'] = [];
    for (let m = minutesOf(opens); m <= minutesOf(lastEntry) && m < minutesOf(closes); m += settings.slotMinutes) {
      slots.push({ start: timeOf(m), end: timeOf(Math.min(m + settings.slotMinutes, minutesOf(closes))) });
    }
    return { open: slots.length > 0, opens, closes, note, slots };
  }

  /** Makes sure the day's row and slots exist (generated from the template and exceptions). */
  async function ensureDay(museum: Museum, date: string): Promise<DayRow | undefined> {
    const key = `${museum.id}|${date}`;
    if (knownDays.has(key)) return undefined;
    const existing = await store.day(store.db, museum.id, date);
    if (existing) {
      knownDays.add(key);
      return existing;
    }
    const settings = await settingsOf(museum);
    const exception = await store.exception(store.db, museum.id, date);
    const plan = planDay(museum, settings, date, exception);
    const at = now().toISOString();
    const slots = plan.slots.map((s) => {
      const startsAt = localInstant(date, s.start);
      return {
        id: slotIdOf(museum.id, date, s.start),
        museum_id: museum.id,
        date,
        start_time: s.start,
        end_time: s.end,
        starts_at: startsAt.toISOString(),
        ends_at: localInstant(date, s.end).toISOString(),
        status: 'open' as const,
        capacity: settings.slotCapacity,
        held: heldPlaces(settings, settings.slotCapacity),
        release_at: new Date(startsAt.getTime() - settings.walkInReleaseMinutes * 60_000).toISOString(),
        group_capacity: settings.groupCapacity,
        note: null,
        updated_at: at,
      };
    });
    await writer.run((trx) =>
      store.insertDay(
        trx,
        {
          museum_id: museum.id,
          date,
          status: plan.open ? 'open' : 'closed',
          capacity: settings.dailyCap,
          opens: plan.opens ?? null,
          closes: plan.closes ?? null,
          note: plan.note ?? null,
          created_at: at,
        },
        slots,
      ),
    );
    knownDays.add(key);
    bump(museum.id);
    return undefined;
  }

  /** Dates whose slots exist or may be generated now: from today until the last day on sale. */
  function generationWindow(settings: ReservationSettings, t: Date): { from: string; to: string } {
    const today = localDate(t);
    return { from: today, to: addDays(today, settings.saleOpensDaysBefore + 1) };
  }

  function slotAvailability(s: SlotRow, t: string, dayRemaining: number | null) {
    const heldNow = s.release_at > t ? s.held : 0;
    let remaining = Math.max(0, s.capacity - s.booked - heldNow);
    let groupRemaining = Math.max(0, s.group_capacity - s.group_booked);
    if (dayRemaining !== null) {
      remaining = Math.min(remaining, dayRemaining);
      groupRemaining = Math.min(groupRemaining, dayRemaining);
    }
    return { remaining, groupRemaining, heldNow };
  }

  function slotView(s: SlotRow, t: string, dayRemaining: number | null, onSale: boolean): SlotView {
    const { remaining, groupRemaining } = slotAvailability(s, t, dayRemaining);
    let state: SlotState = 'open';
    if (s.starts_at <= t) state = 'past';
    else if (s.status === 'closed') state = 'closed';
    else if (!onSale) state = 'soon';
    else if (remaining === 0 && groupRemaining === 0) state = 'full';
    const open = state === 'open' || state === 'soon';
    return {
      id: s.id,
      date: s.date,
      start: s.start_time,
      end: s.end_time,
      startsAt: s.starts_at,
      state,
      remaining: open ? remaining : 0,
      groupRemaining: open ? groupRemaining : 0,
    };
  }

  const dayRemainingOf = (day: DayRow | undefined) => (day && day.capacity !== null ? Math.max(0, day.capacity - day.booked) : null);

  // ── ticket view ────────────────────────────────────────────────────────────────────────────

  async function ticketView(q: typeof store.db | Trx, b: BookingRow, preloaded?: { slot?: SlotRow; visitors?: VisitorRow[] }): Promise<TicketView> {
    const slot = preloaded?.slot ?? (await store.slot(q, b.slot_id));
    if (!slot) throw new Error(`booking ${b.id} has no slot ${b.slot_id}`);
    const visitors = preloaded?.visitors ?? (await store.visitorsOf(q, b.id));
    const museum = museumOf(b.museum_id);
    const settings = museum ? await settingsOf(museum) : undefined;
    const startsAt = new Date(slot.starts_at);
    const endsAt = new Date(slot.ends_at);
    const cutoff = settings?.cancelCutoffMinutes ?? 0;
    return {
      code: b.code,
      codeDisplay: formatTicketCode(b.code),
      status: b.status,
      kind: b.kind,
      museum: { id: b.museum_id, name: museum?.name ?? { 'zh-Hans': b.museum_id, 'zh-Hant': b.museum_id, en: b.museum_id } },
      slotId: slot.id,
      date: slot.date,
      start: slot.start_time,
      end: slot.end_time,
      startsAt: slot.starts_at,
      endsAt: slot.ends_at,
      partySize: b.party_size,
      contactName: b.contact_name,
      contactHint: b.contact_hint,
      group: b.kind === 'group' ? { name: b.group_name ?? '', leader: b.group_leader ?? '' } : null,
      visitors: visitors.map((v) => ({ name: v.name, idLast4: v.id_last4 })),
      lang: b.lang,
      createdAt: b.created_at,
      cancellableUntil: new Date(startsAt.getTime() - cutoff * 60_000).toISOString(),
      checkInFrom: new Date(startsAt.getTime() - (settings?.checkInEarlyMinutes ?? 0) * 60_000).toISOString(),
      checkInUntil: new Date(endsAt.getTime() + (settings?.checkInLateMinutes ?? 0) * 60_000).toISOString(),
      cancelledAt: b.cancelled_at,
      cancelReason: b.cancel_reason,
      checkedInAt: b.checked_in_at,
      rescheduledAt: b.rescheduled_at,
    };
  }

  /** Why a slot did not give `n` places (called inside the failed booking's transaction). */
  async function slotRefusal(q: Trx, slotId: string, n: number, kind: BookingKind, t: Date, path: string) {
    const s = await store.slot(q, slotId);
    if (!s) return fail(404, 'slot-unknown', 'No such time slot', `There is no time slot "${slotId}".`, path);
    if (s.starts_at <= t.toISOString())
      return fail(422, 'slot-past', 'Time slot has passed', `The ${s.start_time} slot on ${s.date} has already started.`, path);
    if (s.status === 'closed')
      return fail(409, 'slot-closed', 'Time slot closed', `The ${s.start_time} slot on ${s.date} is closed${s.note ? `: ${s.note}` : ''}.`, path);
    const { remaining, groupRemaining, heldNow } = slotAvailability(s, t.toISOString(), null);
    const left = kind === 'group' ? groupRemaining : remaining;
    return fail(
      409,
      'sold-out',
      'Not enough places',
      left === 0
        ? `The ${s.start_time} slot on ${s.date} is fully booked.`
        : `Only ${left} place(s) left in the ${s.start_time} slot on ${s.date}; you asked for ${n}.`,
      path,
      { remaining: left, ...(kind === 'individual' && heldNow > 0 ? { heldForWalkIns: heldNow, releasedAt: s.release_at } : {}) },
    );
  }

  function assertBookable(museum: Museum, path: string) {
    if (museum.status !== 'open') {
      throw fail(409, 'museum-not-open', 'Museum not open yet', `${museum.name.en} is planned and does not take bookings yet.`, path);
    }
  }

  /** Date-level checks shared by booking and rescheduling (before touching the database). */
  function assertOnSale(settings: ReservationSettings, parsed: { date: string; start: string }, t: Date, path: string) {
    const startsAt = localInstant(parsed.date, parsed.start);
    if (startsAt.getTime() <= t.getTime())
      throw fail(422, 'slot-past', 'Time slot has passed', `The ${parsed.start} slot on ${parsed.date} has already started.`, path);
    const opensAt = saleOpensAt(settings, parsed.date);
    if (t.getTime() < opensAt.getTime()) {
      throw fail(409, 'not-on-sale', 'Not on sale yet', `Bookings for ${parsed.date} open at ${opensAt.toISOString()}.`, path, {
        saleOpensAt: opensAt.toISOString(),
      });
    }
  }

  async function loadBookingByCode(raw: string, path = 'params.code'): Promise<BookingRow> {
    const code = parseTicketCode(raw);
    const b = code ? await store.bookingByCode(store.db, code) : undefined;
    if (!b) throw fail(404, 'ticket-unknown', 'Unknown ticket', 'No ticket has this code. Check the code and try again.', path);
    return b;
  }

  function assertChangeable(b: BookingRow, slot: SlotRow, settings: ReservationSettings, t: Date, verb: string) {
    if (b.status !== 'confirmed')
      throw fail(409, 'ticket-cancelled', 'Ticket cancelled', `This booking was cancelled at ${b.cancelled_at}.`, undefined, { cancelledAt: b.cancelled_at });
    if (b.checked_in_at)
      throw fail(409, 'already-used', 'Ticket already used', `This ticket was used at ${b.checked_in_at}.`, undefined, { checkedInAt: b.checked_in_at });
    const until = new Date(new Date(slot.starts_at).getTime() - settings.cancelCutoffMinutes * 60_000);
    if (t.getTime() > until.getTime()) {
      throw fail(
        409,
        'change-cutoff',
        `Too late to ${verb}`,
        `Bookings can be ${verb === 'cancel' ? 'cancelled' : 'moved'} until ${until.toISOString()}.`,
        undefined,
        { until: until.toISOString() },
      );
    }
  }

  /** The month view, computed (see service.calendar for the cache in front of it). */
  async function computeCalendar(museumId: string, month: string, t: Date, gen: number): Promise<CalendarMonth> {
    const cacheKey = `${museumId}|${month}`;

    const museum = museumOrThrow(museumId, 'params.id');
    const settings = await settingsOf(museum);
    const dates = datesOfMonth(month);
    const today = localDate(t);
    const window = generationWindow(settings, t);
    for (const d of dates) if (d >= window.from && d <= window.to) await ensureDay(museum, d);
    const first = dates[0];
    const last = dates[dates.length - 1];
    const tIso = t.toISOString();
    // Today and tomorrow depend on the clock slot by slot (started, walk-in share released):
    // computed here from their few slots; later days by one GROUP BY in the database.
    const farFrom = addDays(today, 2);
    const [summaries, dayRows, exceptions] = await Promise.all([
      farFrom <= last ? store.daySummaries(museumId, [first, farFrom].sort()[1], last) : Promise.resolve([]),
      store.days(museumId, first, last),
      store.exceptions(museumId, first, last),
    ]);
    const byDate = new Map(summaries.map((s) => [s.date, s]));
    for (const date of [today, addDays(today, 1)]) {
      if (date < first || date > last) continue;
      const slots = await store.slotsOfDay(store.db, museumId, date);
      if (!slots.length) continue;
      let open = 0;
      let remaining = 0;
      let groupRemaining = 0;
      for (const s of slots) {
        if (s.status !== 'open' || s.starts_at <= tIso) continue;
        const a = slotAvailability(s, tIso, null);
        open += 1;
        remaining += a.remaining;
        groupRemaining += a.groupRemaining;
      }
      byDate.set(date, { date, slots: slots.length, open_slots: open, remaining, group_remaining: groupRemaining });
    }
    const dayByDate = new Map(dayRows.map((d) => [d.date, d]));
    const excByDate = new Map(exceptions.map((e) => [e.date, e]));
    const days: CalendarDay[] = dates.map((date) => {
      const saleAt = saleOpensAt(settings, date);
      const day = dayByDate.get(date);
      const note = day?.note ?? excByDate.get(date)?.note ?? undefined;
      const base = { date, remaining: 0, groupRemaining: 0, ...(note ? { note } : {}) };
      if (date < today) return { ...base, state: 'past' as const };
      if (!day) {
        const plan = planDay(museum, settings, date, excByDate.get(date));
        if (!plan.open) return { ...base, state: 'closed' as const };
        return { ...base, state: 'soon' as const, saleOpensAt: saleAt.toISOString() };
      }
      if (day.status === 'closed') return { ...base, state: 'closed' as const };
      const s = byDate.get(date);
      if (!s || Number(s.open_slots) === 0) return { ...base, state: Number(s?.slots ?? 0) > 0 && date === today ? ('past' as const) : ('closed' as const) };
      const cap = dayRemainingOf(day);
      const remaining = cap === null ? Number(s.remaining) : Math.min(cap, Number(s.remaining));
      const groupRemaining = cap === null ? Number(s.group_remaining) : Math.min(cap, Number(s.group_remaining));
      if (t.getTime() < saleAt.getTime()) return { ...base, remaining, groupRemaining, state: 'soon' as const, saleOpensAt: saleAt.toISOString() };
      return { ...base, remaining, groupRemaining, state: remaining === 0 && groupRemaining === 0 ? ('full' as const) : ('open' as const) };
    });
    const value = { museumId, month, today, days };
    calendarCache.set(cacheKey, { gen, at: t.getTime(), value });
    if (calendarCache.size > 500) calendarCache.clear();
    return value;
  }

  const service = {
    /** The SQL layer (tests and benchmarks inspect the tables through it). */
    store,
    writer,
    now,

    settingsOf,
    async settingsFor(museumId: string) {
      return settingsOf(museumOrThrow(museumId));
    },

    /** Museums and their booking rules, for the visitor's first step. */
    async museums() {
      const out = [];
      for (const m of deps.content.current().pack.museums) {
        const s = await settingsOf(m);
        out.push({
          id: m.id,
          name: m.name,
          status: m.status,
          bookable: m.status === 'open',
          openingHours: m.openingHours,
          rules: {
            slotMinutes: s.slotMinutes,
            maxPartySize: s.maxPartySize,
            groupMinSize: s.groupMinSize,
            groupMaxSize: s.groupMaxSize,
            realName: s.realName,
            cancelCutoffMinutes: s.cancelCutoffMinutes,
            contactLimit: s.contactLimit,
            contactWindowDays: s.contactWindowDays,
            saleOpensDaysBefore: s.saleOpensDaysBefore,
            saleOpensTime: s.saleOpensTime,
          },
        });
      }
      return out;
    },

    /** The month view: per day, its state and the places left (one GROUP BY; cached ≤ 1 s). */
    async calendar(museumId: string, month: string): Promise<CalendarMonth> {
      museumOrThrow(museumId, 'params.id');
      const t = now();
      const gen = generation.get(museumId) ?? 0;
      const cacheKey = `${museumId}|${month}`;
      const hit = calendarCache.get(cacheKey);
      if (hit && hit.gen === gen && t.getTime() - hit.at < CALENDAR_CACHE_MS && t.getTime() >= hit.at) return hit.value as CalendarMonth;
      if (CALENDAR_CACHE_MS === 0) return computeCalendar(museumId, month, t, gen);
      // Requests arriving while the month is being computed share that computation.
      let running = calendarRunning.get(cacheKey);
      if (!running) {
        running = computeCalendar(museumId, month, t, gen).finally(() => calendarRunning.delete(cacheKey));
        calendarRunning.set(cacheKey, running);
      }
      return running;
    },

    /** The slots of one day with the places left. */
    async day(
      museumId: string,
      date: string,
    ): Promise<{ museumId: string; date: string; state: DayState; saleOpensAt: string; note: string | null; slots: SlotView[] }> {
      const museum = museumOrThrow(museumId, 'params.id');
      const settings = await settingsOf(museum);
      const t = now();
      const window = generationWindow(settings, t);
      const saleAt = saleOpensAt(settings, date);
      const onSale = t.getTime() >= saleAt.getTime();
      if (date >= window.from && date <= window.to) await ensureDay(museum, date);
      const day = await store.day(store.db, museumId, date);
      if (!day) {
        const plan = planDay(museum, settings, date, await store.exception(store.db, museumId, date));
        const state: DayState = date < localDate(t) ? 'past' : plan.open ? 'soon' : 'closed';
        return { museumId, date, state, saleOpensAt: saleAt.toISOString(), note: plan.note ?? null, slots: [] };
      }
      const tIso = t.toISOString();
      const slots = (await store.slotsOfDay(store.db, museumId, date)).map((s) => slotView(s, tIso, dayRemainingOf(day), onSale));
      let state: DayState = 'open';
      if (day.status === 'closed') state = 'closed';
      else if (slots.every((s) => s.state === 'past')) state = 'past';
      else if (!onSale) state = 'soon';
      else if (!slots.some((s) => s.state === 'open')) state = 'full';
      return { museumId, date, state, saleOpensAt: saleAt.toISOString(), note: day.note, slots };
    },

    /**
     * Books places. With an idempotency key: the same key returns the same booking (replayed);
     * the same key while the first request is still running → 409 with Retry-After.
     */
    async book(input: BookingInput, options: { idempotencyKey?: string } = {}): Promise<{ ticket: TicketView; replayed: boolean }> {
      const t = now();
      const tIso = t.toISOString();
      const slot = parseSlotId(input.slotId);
      if (!slot) throw invalid([{ path: 'body.slotId', message: 'not a time slot id' }]);
      const museum = museumOrThrow(slot.museumId, 'body.slotId');
      assertBookable(museum, 'body.slotId');
      const settings = await settingsOf(museum);
      const today = localDate(t);

      // Field checks that need the museum's rules (all reported together).
      const errors: FieldError[] = [];
      if (input.kind === 'group' && !input.group) errors.push({ path: 'body.group', message: 'a group booking needs the group name and its leader' });
      if (input.kind === 'individual' && input.group) errors.push({ path: 'body.group', message: 'only for group bookings (kind "group")' });
      const visitors = input.visitors ?? [];
      if (settings.realName) {
        if (visitors.length !== input.partySize)
          errors.push({ path: 'body.visitors', message: `this museum needs the name and ID number of each of the ${input.partySize} visitor(s)` });
      } else if (visitors.length) {
        errors.push({ path: 'body.visitors', message: 'this museum does not take visitor names or ID numbers; leave them out' });
      }
      const idHashes: string[] = [];
      visitors.forEach((v, i) => {
        const why = idNumberProblem(v.idNumber, today);
        if (why) {
          errors.push({ path: `body.visitors.${i}.idNumber`, message: ID_PROBLEM_MESSAGES[why] });
          return;
        }
        const h = keyedHash(deps.key, 'id', normalizeIdNumber(v.idNumber));
        if (idHashes.includes(h)) errors.push({ path: `body.visitors.${i}.idNumber`, message: 'the same ID number appears twice' });
        idHashes.push(h);
      });
      if (errors.length) throw invalid(errors);

      if (input.kind === 'individual' && input.partySize > settings.maxPartySize) {
        throw fail(
          422,
          'party-too-large',
          'Party too large',
          `At most ${settings.maxPartySize} people per booking; for a larger party make a group booking.`,
          'body.partySize',
          {
            max: settings.maxPartySize,
          },
        );
      }
      if (input.kind === 'group' && (input.partySize < settings.groupMinSize || input.partySize > settings.groupMaxSize)) {
        throw fail(
          422,
          'group-size',
          'Group size out of range',
          `A group booking is for ${settings.groupMinSize}–${settings.groupMaxSize} people.`,
          'body.partySize',
          {
            min: settings.groupMinSize,
            max: settings.groupMaxSize,
          },
        );
      }
      assertOnSale(settings, slot, t, 'body.slotId');

      const contact = normalizeContact(input.contact);
      const contactHash = keyedHash(deps.key, 'contact', contact.key);
      const requestHash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
      const key = options.idempotencyKey;

      const replay = async (existing: BookingRow) => {
        if (existing.request_hash !== requestHash) {
          throw fail(
            422,
            'idempotency-key-reused',
            'Idempotency key reused',
            'This Idempotency-Key was used for a different booking; use a new key for a new booking.',
            'header.Idempotency-Key',
          );
        }
        return { ticket: await ticketView(store.db, existing), replayed: true };
      };

      if (key) {
        if (inFlight.has(key)) {
          throw fail(
            409,
            'idempotency-in-progress',
            'Same request in progress',
            'A request with this Idempotency-Key is still being processed; retry shortly.',
            'header.Idempotency-Key',
            {},
            { 'Retry-After': '1' },
          );
        }
        // Claimed before the first await: a duplicate arriving meanwhile sees it.
        inFlight.add(key);
      }
      try {
        if (key) {
          const existing = await store.bookingByKey(store.db, key);
          if (existing) return await replay(existing);
        }
        await ensureDay(museum, slot.date);
        const n = input.partySize;
        const kind = input.kind;
        // Control run only: the count read here, long before the write (the classic lost update).
        const readBefore = guardDisabled ? await store.slot(store.db, input.slotId) : undefined;

        const row = await writer.run(async (trx) => {
          let slotRow: SlotRow | undefined;
          if (!guardDisabled) {
            slotRow = await store.takeSlotPlaces(trx, input.slotId, n, kind, tIso);
            if (!slotRow) throw await slotRefusal(trx, input.slotId, n, kind, t, 'body.slotId');
          } else {
            const s = readBefore;
            if (s?.status !== 'open' || s.starts_at <= tIso) throw await slotRefusal(trx, input.slotId, n, kind, t, 'body.slotId');
            const { remaining, groupRemaining } = slotAvailability(s, tIso, null);
            if ((kind === 'group' ? groupRemaining : remaining) < n) throw await slotRefusal(trx, input.slotId, n, kind, t, 'body.slotId');
            await store.overwriteSlotBooked(trx, input.slotId, kind, (kind === 'group' ? s.group_booked : s.booked) + n);
            slotRow = s;
          }
          if (!(await store.takeDayPlaces(trx, museum.id, slot.date, n))) {
            const day = await store.day(trx, museum.id, slot.date);
            if (day?.status === 'closed')
              throw fail(409, 'day-closed', 'Museum closed that day', `The museum is closed on ${slot.date}${day.note ? `: ${day.note}` : ''}.`, 'body.slotId');
            throw fail(
              409,
              'day-full',
              'Day fully booked',
              `The museum takes at most ${day?.capacity} visitors on ${slot.date}; not enough places are left.`,
              'body.slotId',
            );
          }
          // Places first: a sold-out slot answers without touching the contact's row.
          await store.lockContact(trx, contactHash, tIso);
          const since = new Date(t.getTime() - settings.contactWindowDays * 86_400_000).toISOString();
          const count = await store.countContactBookings(trx, contactHash, since);
          if (count >= settings.contactLimit) {
            throw fail(
              422,
              'contact-limit',
              'Booking limit reached',
              `At most ${settings.contactLimit} bookings per contact in ${settings.contactWindowDays} days.`,
              input.contact.phone ? 'body.contact.phone' : 'body.contact.email',
              { limit: settings.contactLimit, windowDays: settings.contactWindowDays },
            );
          }
          if (idHashes.length) {
            const taken = await store.idHashesTaken(trx, museum.id, slot.date, idHashes);
            if (taken.size) {
              const errs = idHashes.flatMap((h, i) =>
                taken.has(h) ? [{ path: `body.visitors.${i}.idNumber`, message: 'this person already has a booking at this museum that day' }] : [],
              );
              throw problem(409, 'id-already-booked', 'Already booked that day', errs.map((e) => `${e.path}: ${e.message}`).join('; '), { errors: errs });
            }
          }
          const booking: BookingRow = {
            id: newBookingId(random),
            code: newTicketCode(random),
            museum_id: museum.id,
            slot_id: input.slotId,
            date: slot.date,
            kind,
            party_size: n,
            status: 'confirmed',
            contact_name: input.contact.name,
            contact_hint: contact.hint,
            contact_hash: contactHash,
            group_name: input.group?.name ?? null,
            group_leader: input.group?.leader ?? null,
            lang: input.lang,
            idempotency_key: key ?? null,
            request_hash: requestHash,
            created_at: tIso,
            cancelled_at: null,
            cancel_reason: null,
            checked_in_at: null,
            checked_in_by: null,
            checked_in_hall: null,
            rescheduled_at: null,
            previous_slot_id: null,
          };
          const visitorRows: VisitorRow[] = visitors.map((v, i) => {
            const id = normalizeIdNumber(v.idNumber);
            return {
              booking_id: booking.id,
              position: i,
              name: v.name,
              id_hash: idHashes[i],
              id_last4: id.slice(-4),
              museum_id: museum.id,
              date: slot.date,
              active: 1,
            };
          });
          try {
            await store.insertBooking(trx, booking, visitorRows);
          } catch (err) {
            if (isUniqueViolation(err) && key) throw new IdempotencyRace();
            if (isUniqueViolation(err) && idHashes.length)
              throw problem(409, 'id-already-booked', 'Already booked that day', 'A visitor already has a booking at this museum that day.', {
                errors: [{ path: 'body.visitors', message: 'already booked that day' }],
              });
            throw err;
          }
          return { booking, visitors: visitorRows, slot: slotRow };
        });
        bump(museum.id);
        return { ticket: await ticketView(store.db, row.booking, { visitors: row.visitors, slot: row.slot }), replayed: false };
      } catch (err) {
        // Another server instance committed the same key first: answer with its booking.
        if (err instanceof IdempotencyRace && key) {
          const existing = await store.bookingByKey(store.db, key);
          if (existing) return replay(existing);
        }
        throw err;
      } finally {
        if (key) inFlight.delete(key);
      }
    },

    async ticket(code: string): Promise<TicketView> {
      return ticketView(store.db, await loadBookingByCode(code));
    },

    /** The visitor cancels (until the cut-off); the places are free again at once. */
    async cancel(code: string): Promise<TicketView> {
      const t = now();
      const b = await loadBookingByCode(code);
      const museum = museumOrThrow(b.museum_id);
      const settings = await settingsOf(museum);
      const slot = await store.slot(store.db, b.slot_id);
      if (!slot) throw new Error(`booking ${b.id} has no slot`);
      assertChangeable(b, slot, settings, t, 'cancel');
      const updated = await writer.run(async (trx) => {
        if (!(await store.cancelBooking(trx, b.id, 'cancelled', t.toISOString(), null))) {
          const now2 = await store.bookingByCode(trx, b.code);
          if (now2) assertChangeable(now2, slot, settings, t, 'cancel');
          throw fail(409, 'conflict', 'Booking changed', 'The booking changed meanwhile; reload it.');
        }
        await store.releaseSlotPlaces(trx, b.slot_id, b.party_size, b.kind);
        await store.releaseDayPlaces(trx, b.museum_id, b.date, b.party_size);
        return store.bookingByCode(trx, b.code);
      });
      bump(b.museum_id);
      return ticketView(store.db, updated as BookingRow);
    },

    /** Moves a booking to another slot of the same museum, atomically (or not at all). */
    async reschedule(code: string, newSlotId: string): Promise<TicketView> {
      const t = now();
      const tIso = t.toISOString();
      const b = await loadBookingByCode(code);
      const museum = museumOrThrow(b.museum_id);
      const settings = await settingsOf(museum);
      const from = await store.slot(store.db, b.slot_id);
      if (!from) throw new Error(`booking ${b.id} has no slot`);
      assertChangeable(b, from, settings, t, 'move');
      const to = parseSlotId(newSlotId);
      if (!to) throw invalid([{ path: 'body.slotId', message: 'not a time slot id' }]);
      if (to.museumId !== b.museum_id)
        throw fail(
          422,
          'other-museum',
          'Another museum',
          'A booking can move to another time at the same museum only; cancel it and book the other museum.',
          'body.slotId',
        );
      if (newSlotId === b.slot_id) throw fail(422, 'same-slot', 'Same time slot', 'The booking is already for this time slot.', 'body.slotId');
      assertOnSale(settings, to, t, 'body.slotId');
      await ensureDay(museum, to.date);
      const sameDay = to.date === b.date;
      const updated = await writer.run(async (trx) => {
        if (!(await store.takeSlotPlaces(trx, newSlotId, b.party_size, b.kind, tIso)))
          throw await slotRefusal(trx, newSlotId, b.party_size, b.kind, t, 'body.slotId');
        if (!sameDay && !(await store.takeDayPlaces(trx, b.museum_id, to.date, b.party_size))) {
          throw fail(409, 'day-full', 'Day fully booked', `Not enough places left on ${to.date}.`, 'body.slotId');
        }
        await store.releaseSlotPlaces(trx, b.slot_id, b.party_size, b.kind);
        if (!sameDay) await store.releaseDayPlaces(trx, b.museum_id, b.date, b.party_size);
        if (!sameDay) {
          const hashes = (await store.visitorsOf(trx, b.id)).map((v) => v.id_hash);
          const taken = await store.idHashesTaken(trx, b.museum_id, to.date, hashes, b.id);
          if (taken.size)
            throw fail(409, 'id-already-booked', 'Already booked that day', 'A visitor on this booking already has another booking that day.', 'body.slotId');
        }
        if (!(await store.moveBooking(trx, b.id, b.slot_id, newSlotId, to.date, tIso)))
          throw fail(409, 'conflict', 'Booking changed', 'The booking changed meanwhile; reload it.');
        return store.bookingByCode(trx, b.code);
      });
      bump(b.museum_id);
      return ticketView(store.db, updated as BookingRow);
    },

    /**
     * Staff check-in: the ticket must be for this museum, today, within its slot's window, and
     * unused. The party is counted into `hallId` (default: the museum's first hall).
     */
    async checkIn(input: { code: string; museumId: string; hallId?: string }, user: StaffUser | null) {
      const t = now();
      const tIso = t.toISOString();
      const museum = museumOrThrow(input.museumId, 'body.museum');
      const code = parseTicketCode(input.code);
      if (!code) throw invalid([{ path: 'body.code', message: 'a ticket code has 16 letters and digits (XXXX-XXXX-XXXX-XXXX)' }]);
      const hall = input.hallId ? museum.halls.find((h) => h.id === input.hallId) : museum.halls[0];
      if (!hall) throw invalid([{ path: 'body.hall', message: `no hall "${input.hallId}" in this museum` }]);
      const b = await store.bookingByCode(store.db, code);
      if (!b) throw fail(404, 'ticket-unknown', 'Unknown ticket', 'No ticket has this code.', 'body.code');
      const settings = await settingsOf(museum);
      const slot = await store.slot(store.db, b.slot_id);
      if (!slot) throw new Error(`booking ${b.id} has no slot`);
      const ticket = await ticketView(store.db, b, { slot });
      if (b.museum_id !== museum.id) {
        throw fail(409, 'wrong-museum', 'Ticket for another museum', `This ticket is for ${museumOf(b.museum_id)?.name.en ?? b.museum_id}.`, 'body.code', {
          ticket,
        });
      }
      if (b.status !== 'confirmed')
        throw fail(409, 'ticket-cancelled', 'Ticket cancelled', `This booking was cancelled at ${b.cancelled_at}.`, 'body.code', { ticket });
      if (b.checked_in_at) {
        throw fail(409, 'already-used', 'Ticket already used', `This ticket was already used at ${b.checked_in_at}.`, 'body.code', {
          checkedInAt: b.checked_in_at,
          ticket,
        });
      }
      const today = localDate(t);
      if (slot.date !== today)
        throw fail(409, 'wrong-day', 'Ticket for another day', `This ticket is for ${slot.date}, not today (${today}).`, 'body.code', { ticket });
      const from = new Date(new Date(slot.starts_at).getTime() - settings.checkInEarlyMinutes * 60_000);
      const until = new Date(new Date(slot.ends_at).getTime() + settings.checkInLateMinutes * 60_000);
      if (t < from)
        throw fail(409, 'too-early', 'Too early', `This ticket is for ${slot.start_time}; check-in opens at ${from.toISOString()}.`, 'body.code', {
          from: from.toISOString(),
          ticket,
        });
      if (t > until)
        throw fail(409, 'ticket-expired', 'Ticket expired', `This ticket was valid until ${until.toISOString()}.`, 'body.code', {
          until: until.toISOString(),
          ticket,
        });

      const after = await writer.run<AfterCommit>(async (trx) => {
        if (!(await store.checkIn(trx, b.id, tIso, user?.id ?? null, hall.id))) {
          const again = await store.bookingByCode(trx, code);
          if (again?.checked_in_at)
            throw fail(409, 'already-used', 'Ticket already used', `This ticket was already used at ${again.checked_in_at}.`, 'body.code', {
              checkedInAt: again.checked_in_at,
              ticket,
            });
          throw fail(409, 'ticket-cancelled', 'Ticket cancelled', 'This booking was cancelled.', 'body.code', { ticket });
        }
        return deps.crowd
          ? deps.crowd.recordEntry(trx, { museumId: museum.id, hallId: hall.id, people: b.party_size, at: t, userId: user?.id ?? null })
          : async () => undefined;
      });
      await after();
      return {
        ticket: { ...ticket, checkedInAt: tIso },
        hall: { id: hall.id, name: hall.name },
        crowd: deps.crowd?.hallStatus(museum.id, hall.id) ?? null,
      };
    },

    // ── staff ────────────────────────────────────────────────────────────────────────────────

    /** A day for staff: every slot with capacity, bookings, people checked in. Generates the day. */
    async staffDay(museumId: string, date: string) {
      const museum = museumOrThrow(museumId, 'params.id');
      await ensureDay(museum, date);
      const day = await store.day(store.db, museumId, date);
      const [slots, counts] = await Promise.all([store.slotsOfDay(store.db, museumId, date), store.slotBookingCounts(museumId, date)]);
      const byslot = new Map(counts.map((c) => [c.slot_id, c]));
      const tIso = now().toISOString();
      return {
        museumId,
        date,
        status: day?.status ?? 'closed',
        dailyCap: day?.capacity ?? null,
        booked: day?.booked ?? 0,
        note: day?.note ?? null,
        slots: slots.map((s) => ({
          id: s.id,
          start: s.start_time,
          end: s.end_time,
          status: s.status,
          past: s.starts_at <= tIso,
          capacity: s.capacity,
          held: s.held,
          releaseAt: s.release_at,
          booked: s.booked,
          groupCapacity: s.group_capacity,
          groupBooked: s.group_booked,
          bookings: Number(byslot.get(s.id)?.bookings ?? 0),
          checkedIn: Number(byslot.get(s.id)?.checked_in ?? 0),
          note: s.note,
        })),
      };
    },

    /**
     * Staff change a slot. Capacity can never go below the places already booked (409 says how
     * many); closing keeps the bookings unless `cancelBookings` is set with a reason the visitors see.
     */
    async updateSlot(slotId: string, patch: SlotPatch, user: StaffUser | null) {
      const parsed = parseSlotId(slotId);
      if (!parsed) throw fail(404, 'slot-unknown', 'No such time slot', `There is no time slot "${slotId}".`, 'params.id');
      const museum = museumOrThrow(parsed.museumId, 'params.id');
      const settings = await settingsOf(museum);
      await ensureDay(museum, parsed.date);
      if (patch.cancelBookings && patch.status !== 'closed')
        throw invalid([{ path: 'body.cancelBookings', message: 'only when closing the slot (status "closed")' }]);
      if (patch.cancelBookings && !patch.reason?.trim()) throw invalid([{ path: 'body.reason', message: 'tell the visitors why their booking is cancelled' }]);
      const t = now().toISOString();
      const result = await writer.run(async (trx) => {
        const s = await store.slot(trx, slotId);
        if (!s) throw fail(404, 'slot-unknown', 'No such time slot', `There is no time slot "${slotId}".`, 'params.id');
        let cancelled = 0;
        if (patch.status === 'closed' && patch.cancelBookings) {
          for (const b of await store.confirmedUnusedOfSlot(trx, slotId)) {
            if (await store.cancelBooking(trx, b.id, 'cancelled-by-museum', t, patch.reason ?? null)) {
              await store.releaseSlotPlaces(trx, slotId, b.party_size, b.kind);
              await store.releaseDayPlaces(trx, b.museum_id, b.date, b.party_size);
              cancelled += 1;
            }
          }
        }
        const fresh = (await store.slot(trx, slotId)) as SlotRow;
        const capacity = patch.capacity ?? fresh.capacity;
        const groupCapacity = patch.groupCapacity ?? fresh.group_capacity;
        if (capacity < fresh.booked) {
          throw fail(
            409,
            'capacity-below-booked',
            'Places already booked',
            `${fresh.booked} places are booked in this slot; capacity cannot go below that. Move or cancel bookings first.`,
            'body.capacity',
            {
              booked: fresh.booked,
            },
          );
        }
        if (groupCapacity < fresh.group_booked) {
          throw fail(
            409,
            'capacity-below-booked',
            'Places already booked',
            `${fresh.group_booked} group places are booked; the group quota cannot go below that.`,
            'body.groupCapacity',
            {
              booked: fresh.group_booked,
            },
          );
        }
        await store.updateSlot(trx, slotId, {
          capacity,
          held: patch.capacity !== undefined ? heldPlaces(settings, capacity) : Math.min(fresh.held, capacity),
          group_capacity: groupCapacity,
          ...(patch.status ? { status: patch.status } : {}),
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          updated_at: t,
        });
        const kept = await store.confirmedUnusedOfSlot(trx, slotId);
        await store.logChange(trx, {
          at: t,
          user_id: user?.id ?? null,
          museum_id: museum.id,
          target: slotId,
          action: 'slot-update',
          detail: { patch, cancelled, kept: kept.length },
        });
        return { cancelled, kept: kept.length };
      });
      bump(museum.id);
      const day = await service.staffDay(museum.id, parsed.date);
      return { slot: day.slots.find((s) => s.id === slotId), keptBookings: result.kept, cancelledBookings: result.cancelled };
    },

    /**
     * A closed day or special hours (holidays). On a day already generated, slots outside the new
     * hours are closed, never deleted: their bookings stay valid unless `cancelBookings` is given.
     */
    async setDayException(museumId: string, date: string, input: DayExceptionInput, user: StaffUser | null) {
      const museum = museumOrThrow(museumId, 'params.id');
      const settings = await settingsOf(museum);
      const t = now();
      const tIso = t.toISOString();
      if (date < localDate(t)) throw fail(422, 'date-past', 'Date has passed', `${date} is in the past.`, 'params.date');
      const errors: FieldError[] = [];
      if (input.cancelBookings && !input.reason?.trim()) errors.push({ path: 'body.reason', message: 'tell the visitors why their booking is cancelled' });
      if (!input.closed && input.opens && input.closes && input.opens >= input.closes) errors.push({ path: 'body.closes', message: 'must be after opens' });
      if (errors.length) throw invalid(errors);
      const exc = {
        museum_id: museumId,
        date,
        closed: input.closed ? 1 : 0,
        opens: input.closed ? null : (input.opens ?? null),
        closes: input.closed ? null : (input.closes ?? null),
        last_entry: input.closed ? null : (input.lastEntry ?? null),
        note: input.note ?? null,
        updated_at: tIso,
        updated_by: user?.id ?? null,
      };
      const plan = planDay(museum, settings, date, exc);
      await ensureDay(museum, date);
      const result = await writer.run(async (trx) => {
        await store.saveException(trx, exc);
        await store.setDayStatus(trx, museumId, date, plan.open ? 'open' : 'closed', exc.note);
        const wanted = new Set(plan.slots.map((s) => slotIdOf(museumId, date, s.start)));
        const existing = await store.slotsOfDay(trx, museumId, date);
        let cancelled = 0;
        let kept = 0;
        for (const s of existing) {
          if (wanted.has(s.id)) {
            if (s.status === 'closed') await store.updateSlot(trx, s.id, { status: 'open', updated_at: tIso });
            continue;
          }
          if (s.status === 'open') await store.updateSlot(trx, s.id, { status: 'closed', note: exc.note, updated_at: tIso });
          for (const b of await store.confirmedUnusedOfSlot(trx, s.id)) {
            if (input.cancelBookings && (await store.cancelBooking(trx, b.id, 'cancelled-by-museum', tIso, input.reason ?? null))) {
              await store.releaseSlotPlaces(trx, s.id, b.party_size, b.kind);
              await store.releaseDayPlaces(trx, b.museum_id, b.date, b.party_size);
              cancelled += 1;
            } else kept += 1;
          }
        }
        const have = new Set(existing.map((s) => s.id));
        const missing = plan.slots.filter((s) => !have.has(slotIdOf(museumId, date, s.start)));
        if (missing.length) {
          const day = (await store.day(trx, museumId, date)) as DayRow;
          await store.insertDay(
            trx,
            {
              museum_id: day.museum_id,
              date,
              status: day.status,
              capacity: day.capacity,
              opens: day.opens,
              closes: day.closes,
              note: day.note,
              created_at: day.created_at,
            },
            missing.map((s) => {
              const startsAt = localInstant(date, s.start);
              return {
                id: slotIdOf(museumId, date, s.start),
                museum_id: museumId,
                date,
                start_time: s.start,
                end_time: s.end,
                starts_at: startsAt.toISOString(),
                ends_at: localInstant(date, s.end).toISOString(),
                status: 'open' as const,
                capacity: settings.slotCapacity,
                held: heldPlaces(settings, settings.slotCapacity),
                release_at: new Date(startsAt.getTime() - settings.walkInReleaseMinutes * 60_000).toISOString(),
                group_capacity: settings.groupCapacity,
                note: null,
                updated_at: tIso,
              };
            }),
          );
        }
        await store.logChange(trx, {
          at: tIso,
          user_id: user?.id ?? null,
          museum_id: museumId,
          target: date,
          action: 'day-exception',
          detail: { input, cancelled, kept },
        });
        return { cancelled, kept };
      });
      bump(museumId);
      return { day: await service.staffDay(museumId, date), keptBookings: result.kept, cancelledBookings: result.cancelled };
    },

    /**
     * New booking rules. Capacities also change on the future slots already generated, except
     * where more places are booked than the new capacity: those keep theirs and are listed.
     */
    async updateSettings(museumId: string, settings: ReservationSettings, user: StaffUser | null) {
      const museum = museumOrThrow(museumId, 'params.id');
      const t = now();
      const tIso = t.toISOString();
      const conflicts: { slotId: string; booked: number }[] = [];
      await writer.run(async (trx) => {
        await store.saveSettings(trx, museumId, JSON.stringify(settings), tIso, user?.id ?? null);
        const future = (await trx.selectFrom('res_slots').selectAll().where('museum_id', '=', museumId).where('starts_at', '>', tIso).execute()) as SlotRow[];
        for (const s of future) {
          if (s.booked > settings.slotCapacity || s.group_booked > settings.groupCapacity) {
            conflicts.push({ slotId: s.id, booked: s.booked + s.group_booked });
            continue;
          }
          await store.updateSlot(trx, s.id, {
            capacity: settings.slotCapacity,
            held: heldPlaces(settings, settings.slotCapacity),
            group_capacity: settings.groupCapacity,
            updated_at: tIso,
          });
        }
        let days = trx.updateTable('res_days').set({ capacity: settings.dailyCap }).where('museum_id', '=', museumId).where('date', '>=', localDate(t));
        if (settings.dailyCap !== null) days = days.where('booked', '<=', settings.dailyCap);
        await days.execute();
        await store.logChange(trx, {
          at: tIso,
          user_id: user?.id ?? null,
          museum_id: museumId,
          target: 'settings',
          action: 'settings-update',
          detail: { settings, conflicts },
        });
      });
      settingsCache.set(museum.id, settings);
      bump(museumId);
      return { settings, conflicts };
    },

    /** Closing time of a museum on a date (crowd counts reset then), or undefined when closed. */
    async closingTime(museumId: string, date: string): Promise<Date | undefined> {
      const museum = museumOf(museumId);
      if (!museum) return undefined;
      const day = await store.day(store.db, museumId, date);
      if (day) return day.status === 'open' && day.closes ? localInstant(date, day.closes) : undefined;
      const plan = planDay(museum, await settingsOf(museum), date, await store.exception(store.db, museumId, date));
      return plan.open && plan.closes ? localInstant(date, plan.closes) : undefined;
    },

    /** Waits for queued writes (before the database closes). */
    async close() {
      await writer.idle();
      const { batches, jobs } = writer.stats();
      if (jobs) deps.log?.info({ batches, jobs, perBatch: Number((jobs / batches).toFixed(1)) }, 'reservation writer stopped');
    },
  };
  return service;
}

class IdempotencyRace extends Error {}

export type ReservationService = ReturnType<typeof createReservationService>;
