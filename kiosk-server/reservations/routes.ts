/**
 * Reservation API (HTTP only; the rules live in service.ts).
 *
 *   visitors  /api/visit/…          museums, month calendar, day slots, book, ticket, cancel, move
 *   staff     /api/staff/…          check-in, a day's slots, slot changes, day exceptions, settings
 *
 * Bodies are JSON (a malformed one is a 400 with path `body`), at most 64 KiB (413, path `body`).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import QRCode from 'qrcode';
import { LOCALES } from '../../content/schema.ts';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import { CODE_LENGTH } from './codes.ts';
import type { ReservationService, TicketView } from './service.ts';
import { ReservationSettingsSchema } from './settings.ts';
import { DATE_PATTERN, isRealDate, MONTH_PATTERN, TIME_PATTERN } from './time.ts';

export const MAX_BODY_BYTES = 64 * 1024;

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');
const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const json = (description: string, name?: string) => ({
  content: { 'application/json': { schema: name ? z.any().openapi(name) : z.any() } },
  description,
});
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/**
 * JSON bodies: 415 without a JSON content type, 413 over MAX_BODY_BYTES, 400 for JSON that does not
 * parse — each with `errors[].path`. Runs before validation (which then reuses the parsed body).
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw problem(415, 'unsupported-media-type', 'JSON expected', 'Send the body as JSON (Content-Type: application/json).', {
      errors: [{ path: 'header.Content-Type', message: 'must be application/json' }],
    });
  }
  const declared = Number(c.req.header('content-length') ?? 0);
  const tooLarge = () =>
    problem(413, 'too-large', 'Request body too large', `The body may be at most ${MAX_BODY_BYTES / 1024} KiB.`, {
      errors: [{ path: 'body', message: `at most ${MAX_BODY_BYTES / 1024} KiB` }],
    });
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const raw = await c.req.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) throw tooLarge();
  try {
    // Parsed once: validation reads the same cache instead of parsing the text again.
    (c.req.bodyCache as Record<string, unknown>).json = Promise.resolve(JSON.parse(raw));
  } catch (err) {
    throw problem(400, 'malformed-json', 'Malformed JSON', `The body is not valid JSON: ${(err as Error).message}`, {
      errors: [{ path: 'body', message: 'not valid JSON' }],
    });
  }
  await next();
};

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

// ── input schemas ────────────────────────────────────────────────────────────────────────────

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');

const phone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => {
    const d = v.replace(/[\s()-]/g, '');
    return /^(\+86)?1[3-9]\d{9}$/.test(d) || /^\+[1-9]\d{6,14}$/.test(d);
  }, 'a mobile number such as 13812345678, or +country code and number');

const SlotIdSchema = z.string().min(1).max(120).openapi({ example: 'chongqing-industrial-museum:2025-05-06:0930', description: '`<museum>:<date>:<HHMM>`' });

export const BookingBody = z
  .strictObject({
    slotId: SlotIdSchema,
    kind: z.enum(['individual', 'group']).default('individual'),
    partySize: z.number().int('a whole number').min(1, 'at least 1').max(500, 'at most 500'),
    contact: z
      .strictObject({
        name: text(60),
        phone: phone.optional(),
        email: z.email('an e-mail address').max(254).optional(),
      })
      .refine((c) => c.phone || c.email, { message: 'give a mobile number or an e-mail address', path: ['phone'] }),
    visitors: z
      .array(z.strictObject({ name: text(60), idNumber: z.string().trim().min(1, 'required').max(30) }))
      .max(500)
      .optional()
      .openapi({ description: 'Real-name entry: one per person; ID numbers are stored hashed, only the last 4 digits are shown' }),
    group: z.strictObject({ name: text(100), leader: text(60) }).optional(),
    lang: z.enum(LOCALES).default('zh-Hans'),
  })
  .openapi('BookingRequest');

const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .min(8, 'at least 8 characters')
    .max(200, 'at most 200 characters')
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII only')
    .optional()
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, description: 'Retry with the same key: you get the same booking, never a second one' }),
});

const MuseumParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'chongqing-industrial-museum' }),
});
const date = z.string().regex(DATE_PATTERN, 'expected YYYY-MM-DD').refine(isRealDate, 'not a real date').openapi({ example: '2025-05-06' });
const DayParams = MuseumParam.extend({ date: date.openapi({ param: { name: 'date', in: 'path' } }) });
const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'code', in: 'path' }, example: 'ABCD-EFGH-JKMN-PQRS' }),
});
const MonthQuery = z.object({
  month: z.string().regex(MONTH_PATTERN, 'expected YYYY-MM').openapi({ example: '2025-05' }),
});

const CheckInBody = z
  .strictObject({
    museum: z.string().min(1).max(100),
    code: z
      .string()
      .trim()
      .min(1, 'required')
      .max(300)
      .openapi({ description: `The ${CODE_LENGTH}-character code as typed or scanned (dashes, spaces, lower case and a ticket URL are fine)` }),
    hall: z.string().min(1).max(100).optional().openapi({ description: 'Where the party goes in (default: the first hall)' }),
  })
  .openapi('CheckInRequest');

const SlotPatchBody = z
  .strictObject({
    capacity: z.number().int().min(0).max(100_000).optional(),
    groupCapacity: z.number().int().min(0).max(100_000).optional(),
    status: z.enum(['open', 'closed']).optional(),
    note: z.string().trim().max(200).nullable().optional(),
    cancelBookings: z.boolean().optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one change');

const DayExceptionBody = z
  .strictObject({
    closed: z.boolean(),
    opens: z.string().regex(TIME_PATTERN, 'expected HH:MM').optional(),
    closes: z.string().regex(TIME_PATTERN, 'expected HH:MM').optional(),
    lastEntry: z.string().regex(TIME_PATTERN, 'expected HH:MM').optional(),
    note: z.string().trim().max(200).optional(),
    cancelBookings: z.boolean().optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .openapi('DayException');

const RescheduleBody = z.strictObject({ slotId: SlotIdSchema });

// ── routes ───────────────────────────────────────────────────────────────────────────────────

async function withQr(ticket: TicketView) {
  const qrSvg = await QRCode.toString(ticket.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { ...ticket, qrSvg };
}

export function registerReservationRoutes(app: OpenAPIHono, reservations: ReservationService, auth: AuthService) {
  const { requireRole, assertSameOrigin } = createAuthMiddleware(auth);
  const staff = [noStore, requireRole('staff')];
  const staffErrors = { 401: problemResponse('Not signed in'), 403: problemResponse('CSRF failure or not staff') };
  const security = [{ session: [] }];
  const sameOrigin: MiddlewareHandler = async (c, next) => {
    assertSameOrigin(c);
    await next();
  };
  const user = (c: Context) => {
    const u = c.get('user');
    return u ? { id: u.id } : null;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/visit/museums',
      tags: ['reservations'],
      summary: 'Museums, whether they take bookings, and their booking rules',
      responses: { 200: json('Museums with rules', 'BookingMuseums') },
    }),
    async (c) => c.json({ data: await reservations.museums() }, 200, { 'Cache-Control': 'no-cache' }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/visit/museums/{id}/calendar',
      tags: ['reservations'],
      summary: 'Month view: each day with its state and the places left',
      request: { params: MuseumParam, query: MonthQuery },
      responses: { 200: json('Days of the month', 'Calendar'), 400: problemResponse('Bad month'), 404: problemResponse('No such museum') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { month } = c.req.valid('query');
      return c.json(await reservations.calendar(id, month), 200, { 'Cache-Control': 'no-cache' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/visit/museums/{id}/days/{date}',
      tags: ['reservations'],
      summary: 'The time slots of a day with the places left',
      request: { params: DayParams },
      responses: { 200: json('Slots', 'Day'), 400: problemResponse('Bad date'), 404: problemResponse('No such museum') },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      return c.json(await reservations.day(id, date), 200, { 'Cache-Control': 'no-cache' });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/visit/bookings',
      tags: ['reservations'],
      summary: 'Book places in a time slot (individual or group); send an Idempotency-Key to retry safely',
      middleware: [noStore, sameOrigin, jsonBody],
      request: { headers: IdempotencyHeader, ...body(BookingBody) },
      responses: {
        201: json('Booked: the ticket (or, for a repeated Idempotency-Key, the same ticket again)', 'Ticket'),
        400: problemResponse('Bad input or malformed JSON, with field paths'),
        404: problemResponse('No such slot or museum'),
        409: problemResponse('Sold out, closed, not on sale, already booked that day, or the same Idempotency-Key in progress (Retry-After)'),
        413: problemResponse('Body too large'),
        415: problemResponse('Not JSON'),
        422: problemResponse('Past slot, party too large, contact limit reached, or Idempotency-Key reused for another booking'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const key = c.req.valid('header')['idempotency-key'];
      const { ticket, replayed } = await reservations.book(input, { idempotencyKey: key });
      if (replayed) c.header('Idempotent-Replayed', 'true');
      c.header('Location', `/api/visit/tickets/${ticket.code}`);
      return c.json({ ticket }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/visit/tickets/{code}',
      tags: ['reservations'],
      summary: 'A ticket with its QR code (SVG)',
      middleware: [noStore],
      request: { params: CodeParam },
      responses: { 200: json('The ticket', 'TicketWithQr'), 404: problemResponse('Unknown code') },
    }),
    async (c) => c.json({ ticket: await withQr(await reservations.ticket(c.req.valid('param').code)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/visit/tickets/{code}/cancel',
      tags: ['reservations'],
      summary: 'Cancel (until the cut-off); the places are free again at once',
      middleware: [noStore, sameOrigin],
      request: { params: CodeParam },
      responses: {
        200: json('Cancelled', 'Ticket'),
        404: problemResponse('Unknown code'),
        409: problemResponse('Already cancelled or used, or past the cut-off'),
      },
    }),
    async (c) => c.json({ ticket: await reservations.cancel(c.req.valid('param').code) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/visit/tickets/{code}/reschedule',
      tags: ['reservations'],
      summary: 'Move the booking to another slot of the same museum, atomically',
      middleware: [noStore, sameOrigin, jsonBody],
      request: { params: CodeParam, ...body(RescheduleBody) },
      responses: {
        200: json('Moved', 'Ticket'),
        400: problemResponse('Bad input'),
        404: problemResponse('Unknown code or slot'),
        409: problemResponse('New slot full or closed, or past the cut-off'),
        422: problemResponse('Past slot, another museum or the same slot'),
      },
    }),
    async (c) => c.json({ ticket: await reservations.reschedule(c.req.valid('param').code, c.req.valid('json').slotId) }, 200),
  );

  // ── staff ──────────────────────────────────────────────────────────────────────────────────

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/staff/check-in',
      tags: ['staff'],
      summary: 'Check a ticket in (typed or scanned code); counts the party into the hall',
      middleware: [...staff, jsonBody],
      security,
      request: body(CheckInBody),
      responses: {
        200: json('Checked in', 'CheckIn'),
        400: problemResponse('Bad code or hall'),
        404: problemResponse('Unknown ticket'),
        409: problemResponse('Already used (with when), cancelled, another day or museum, too early or expired'),
        ...staffErrors,
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await reservations.checkIn({ code: b.code, museumId: b.museum, hallId: b.hall }, user(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff/reservations/museums/{id}/days/{date}',
      tags: ['staff'],
      summary: 'A day for staff: every slot with capacity, booked places and check-ins',
      middleware: staff,
      security,
      request: { params: DayParams },
      responses: { 200: json('The day', 'StaffDay'), 404: problemResponse('No such museum'), ...staffErrors },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      return c.json(await reservations.staffDay(id, date), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/staff/reservations/slots/{id}',
      tags: ['staff'],
      summary: 'Change a slot’s capacity, close or reopen it (bookings are kept unless cancelBookings with a reason)',
      middleware: [...staff, jsonBody],
      security,
      request: { params: z.object({ id: SlotIdSchema.openapi({ param: { name: 'id', in: 'path' } }) }), ...body(SlotPatchBody) },
      responses: {
        200: json('Changed; keptBookings says how many bookings stay valid', 'SlotChange'),
        400: problemResponse('Bad input'),
        404: problemResponse('No such slot'),
        409: problemResponse('Capacity below the places already booked'),
        ...staffErrors,
      },
    }),
    async (c) => c.json(await reservations.updateSlot(c.req.valid('param').id, c.req.valid('json'), user(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/staff/reservations/museums/{id}/exceptions/{date}',
      tags: ['staff'],
      summary: 'Close a day or give it special hours (holidays); bookings outside are kept unless cancelled with a reason',
      middleware: [...staff, jsonBody],
      security,
      request: { params: DayParams, ...body(DayExceptionBody) },
      responses: {
        200: json('The day after the change', 'DayExceptionResult'),
        400: problemResponse('Bad input'),
        422: problemResponse('Past date'),
        ...staffErrors,
      },
    }),
    async (c) => {
      const { id, date } = c.req.valid('param');
      return c.json(await reservations.setDayException(id, date, c.req.valid('json'), user(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff/reservations/museums/{id}/settings',
      tags: ['staff'],
      summary: 'The museum’s booking rules',
      middleware: staff,
      security,
      request: { params: MuseumParam },
      responses: { 200: json('Settings', 'ReservationSettings'), 404: problemResponse('No such museum'), ...staffErrors },
    }),
    async (c) => c.json({ settings: await reservations.settingsFor(c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/staff/reservations/museums/{id}/settings',
      tags: ['staff'],
      summary: 'Replace the booking rules; future slots take the new capacities unless more is already booked (listed in conflicts)',
      middleware: [...staff, jsonBody],
      security,
      request: { params: MuseumParam, ...body(ReservationSettingsSchema) },
      responses: { 200: json('Saved', 'ReservationSettingsResult'), 400: problemResponse('Bad input'), 404: problemResponse('No such museum'), ...staffErrors },
    }),
    async (c) => c.json(await reservations.updateSettings(c.req.valid('param').id, c.req.valid('json'), user(c)), 200),
  );
}
