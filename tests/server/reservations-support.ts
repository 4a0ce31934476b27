/**
 * Helpers for the reservation and crowd server tests: a museum on an in-memory database with a
 * clock the test moves, request shortcuts, valid resident ID numbers, and a snapshot of every
 * reservation table to prove that a refused request wrote nothing.
 */
import { sql } from 'kysely';
import { idCheckChar } from '../../kiosk-server/reservations/idcard.ts';
import type { ReservationSettings } from '../../kiosk-server/reservations/settings.ts';
import type { Museum } from '../../kiosk-server/server.ts';
import { authTestMuseum, CHEAP_SCRYPT, type SignedInAs, signInAs, testClock } from '../support/auth.ts';

export const MUSEUM = 'chongqing-industrial-museum';
/** Tuesday 6 May 2025, 08:00 in Chongqing (UTC+8). */
export const START = new Date('2025-05-06T00:00:00Z');
/** Wednesday: the museum opens 09:00–17:00, last entry 16:30. */
export const DAY = '2025-05-07';

export const slotId = (date: string, time: string, museum = MUSEUM) => `${museum}:${date}:${time.replace(':', '')}`;

/** A resident ID number with a correct check character. */
export function validIdNumber(birth = '19900307', region = '500103', seq = '123'): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckChar(first17);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [k: string]: unknown;
}

export async function reservationMuseum(options: { settings?: Partial<ReservationSettings>; start?: Date } = {}) {
  const clock = testClock(options.start ?? START);
  const museum: Museum = await authTestMuseum({ now: clock.now, auth: { scrypt: CHEAP_SCRYPT } });
  if (options.settings) {
    const base = await museum.reservations.settingsFor(MUSEUM);
    await museum.reservations.updateSettings(MUSEUM, { ...base, ...options.settings }, null);
  }
  const request = async (path: string, init?: RequestInit): Promise<Response> => museum.app.request(path, init);
  const postJson = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
    museum.app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  let phone = 0;
  const nextPhone = () => `1380000${String(++phone).padStart(4, '0')}`;

  return {
    museum,
    clock,
    request,
    postJson,
    nextPhone,
    /** Books and returns the response; `overrides` replace fields of a valid individual booking. */
    book(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      return postJson(
        '/api/visit/bookings',
        { slotId: slotId(DAY, '10:00'), partySize: 2, contact: { name: '李雷', phone: nextPhone() }, lang: 'zh-Hans', ...overrides },
        headers,
      );
    },
    async bookOk(overrides: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      const res = await this.book(overrides, headers);
      if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { ticket: Ticket }).ticket;
    },
    async day(date = DAY) {
      const res = await request(`/api/visit/museums/${MUSEUM}/days/${date}`);
      if (res.status !== 200) throw new Error(`day ${date}: ${res.status} ${await res.text()}`);
      return (await res.json()) as {
        state: string;
        note: string | null;
        slots: { id: string; start: string; state: string; remaining: number; groupRemaining: number }[];
      };
    },
    async remaining(id: string) {
      const d = await this.day(id.split(':')[1]);
      const s = d.slots.find((x) => x.id === id);
      if (!s) throw new Error(`no slot ${id}`);
      return s;
    },
    staff: (): Promise<SignedInAs> => signInAs(museum, 'staff'),
    async staffJson(staff: SignedInAs, method: string, path: string, body: unknown): Promise<Response> {
      return museum.app.request(path, { method, headers: { ...staff.headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    },
    /** Row counts and totals of every table a booking, change or check-in touches. */
    async tables() {
      const db = museum.reservations.store.db;
      const one = async (q: ReturnType<typeof sql<{ n: number | null }>>) => Number((await q.execute(db)).rows[0]?.n ?? 0);
      return {
        bookings: await one(sql`select count(*) as n from res_bookings`),
        confirmed: await one(sql`select count(*) as n from res_bookings where status = 'confirmed'`),
        checkedIn: await one(sql`select count(*) as n from res_bookings where checked_in_at is not null`),
        visitors: await one(sql`select count(*) as n from res_booking_visitors`),
        activeVisitors: await one(sql`select count(*) as n from res_booking_visitors where active = 1`),
        contacts: await one(sql`select count(*) as n from res_contacts`),
        slotBooked: await one(sql`select sum(booked + group_booked) as n from res_slots`),
        dayBooked: await one(sql`select sum(booked) as n from res_days`),
        changes: await one(sql`select count(*) as n from res_changes`),
        crowdEvents: await one(sql`select count(*) as n from crowd_events`),
      };
    },
    close: () => museum.close(),
  };
}

export type Ticket = {
  code: string;
  codeDisplay: string;
  status: string;
  kind: string;
  slotId: string;
  date: string;
  start: string;
  partySize: number;
  visitors: { name: string; idLast4: string }[];
  contactHint: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancellableUntil: string;
  qrSvg?: string;
};

/** Asserts a problem+json answer and returns it. */
export async function problemOf(res: Response, status: number): Promise<Problem> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  if (!res.headers.get('content-type')?.startsWith('application/problem+json')) throw new Error(`not problem+json: ${res.headers.get('content-type')} ${text}`);
  return JSON.parse(text) as Problem;
}

export const paths = (p: Problem) => (p.errors ?? []).map((e) => e.path);
