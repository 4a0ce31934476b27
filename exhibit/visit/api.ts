/**
 * The reservation API as the booking pages use it: types, a fetch that turns any failure into a
 * `Problem` (RFC 9457, with field paths), and the tickets saved on this device.
 */
import type { LocalizedText } from '../../content/schema.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extra: string]: unknown;
}

export type DayState = 'open' | 'full' | 'closed' | 'past' | 'soon';

export interface BookingMuseum {
  id: string;
  name: LocalizedText;
  status: 'open' | 'planned';
  bookable: boolean;
  rules: {
    slotMinutes: number;
    maxPartySize: number;
    groupMinSize: number;
    groupMaxSize: number;
    realName: boolean;
    cancelCutoffMinutes: number;
    contactLimit: number;
    contactWindowDays: number;
    saleOpensDaysBefore: number;
    saleOpensTime: string;
  };
}

export interface CalendarDay {
  date: string;
  state: DayState;
  remaining: number;
  groupRemaining: number;
  saleOpensAt?: string;
  note?: string;
}

export interface CalendarMonth {
  museumId: string;
  month: string;
  today: string;
  days: CalendarDay[];
}

export interface SlotView {
  id: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  state: DayState;
  remaining: number;
  groupRemaining: number;
}

export interface DayView {
  museumId: string;
  date: string;
  state: DayState;
  note: string | null;
  slots: SlotView[];
}

export interface Ticket {
  code: string;
  codeDisplay: string;
  status: 'confirmed' | 'cancelled' | 'cancelled-by-museum';
  kind: 'individual' | 'group';
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
  cancellableUntil: string;
  checkInFrom: string;
  checkInUntil: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  checkedInAt: string | null;
  /** When the booking was last moved to another time (absent in tickets saved before moves existed). */
  rescheduledAt?: string | null;
  qrSvg?: string;
}

export interface BookingRequest {
  slotId: string;
  kind: 'individual' | 'group';
  partySize: number;
  contact: { name: string; phone?: string; email?: string };
  visitors?: { name: string; idNumber: string }[];
  group?: { name: string; leader: string };
  lang: string;
}

export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly retryAfter?: number,
  ) {
    super(problem.detail ?? problem.title);
  }
  /** The slug of the problem type (`/problems/sold-out` → `sold-out`). */
  get slug() {
    return this.problem.type.replace(/^.*\//, '');
  }
}

/** JSON from the API, or a ProblemError (status 0 and slug "network" when there was no answer). */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ProblemError({ type: '/problems/network', title: 'Network error', status: 0 });
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) {
    const p = (body as Problem | undefined) ?? { type: '/problems/unknown', title: res.statusText, status: res.status };
    const retry = Number(res.headers.get('retry-after'));
    throw new ProblemError({ ...p, status: res.status }, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  return body as T;
}

/** A random Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

// ── tickets saved on this device ─────────────────────────────────────────────────────────────

const STORE_KEY = 'museum.visit.tickets';

export interface SavedTicket {
  ticket: Ticket;
  savedAt: string;
}

function readSaved(): Record<string, SavedTicket> {
  try {
    return JSON.parse(localStorage.getItem(STORE_KEY) ?? '{}') as Record<string, SavedTicket>;
  } catch {
    return {};
  }
}

export function savedTickets(): SavedTicket[] {
  return Object.values(readSaved()).sort((a, b) => a.ticket.startsAt.localeCompare(b.ticket.startsAt));
}

export function savedTicket(code: string): SavedTicket | undefined {
  return readSaved()[code.replace(/[\s-]/g, '').toUpperCase()];
}

/** Keeps the ticket (with its QR code) so the page opens without a connection. */
export function saveTicket(ticket: Ticket): void {
  const all = readSaved();
  all[ticket.code] = { ticket: { ...ticket, qrSvg: ticket.qrSvg ?? all[ticket.code]?.ticket.qrSvg }, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(all));
  } catch {
    /* storage full or disabled: the page still works while open */
  }
}
