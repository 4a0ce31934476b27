/**
 * Crowd API (HTTP only; rules in service.ts).
 *
 *   POST /api/crowd/counter-events              a door people-counter (device token, kind counter)
 *   GET  /api/staff/crowd/museums/{id}          occupancy now, levels and the day's curve
 *   GET  /api/staff/crowd/museums/{id}/stream   the same, live (Server-Sent Events)
 *   POST /api/staff/crowd/museums/{id}/halls/{hall}/count   staff count people in/out by hand
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import { jsonBody } from '../reservations/routes.ts';
import type { CrowdService, OccupancySnapshot } from './service.ts';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const json = (description: string, name?: string) => ({ content: { 'application/json': { schema: name ? z.any().openapi(name) : z.any() } }, description });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

const count = z.number().int('a whole number').min(0, 'not negative').max(10_000, 'at most 10000 per report');
const id = z.string().min(1).max(100);

const CounterBody = z
  .strictObject({
    museum: id,
    hall: id,
    entries: count.default(0),
    exits: count.default(0),
    seq: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .openapi({ description: 'The counter’s own report number: a retried report is counted once' }),
    measuredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => b.entries > 0 || b.exits > 0, { message: 'report at least one entry or exit', path: ['entries'] })
  .openapi('CounterReport');

const StaffCountBody = z
  .strictObject({ entries: count.default(0), exits: count.default(0) })
  .refine((b) => b.entries > 0 || b.exits > 0, { message: 'count at least one person in or out', path: ['entries'] });

const MuseumParam = z.object({ id: id.openapi({ param: { name: 'id', in: 'path' }, example: 'chongqing-industrial-museum' }) });
const HallParams = MuseumParam.extend({ hall: id.openapi({ param: { name: 'hall', in: 'path' }, example: 'main-exhibition-hall' }) });

/** How often an idle stream sends a heartbeat (keeps proxies from closing it; notices dead clients). */
export const HEARTBEAT_MS = 15_000;

export function registerCrowdRoutes(app: OpenAPIHono, crowd: CrowdService, auth: AuthService, options: { heartbeatMs?: number } = {}) {
  const { requireRole, requireDevice } = createAuthMiddleware(auth);
  const staff = [noStore, requireRole('staff')];
  const staffErrors = { 401: problemResponse('Not signed in'), 403: problemResponse('CSRF failure or not staff') };
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/crowd/counter-events',
      tags: ['crowd'],
      summary: 'A door people-counter reports entries and exits of a hall',
      description:
        'Bearer token of a device of kind "counter". A counter registered with hallId "<museum>/<hall>" may only report that hall; one registered without a hall may report any.',
      middleware: [noStore, requireDevice('counter'), jsonBody],
      security: [{ device: [] }],
      request: body(CounterBody),
      responses: {
        200: json('Counted (duplicate: true when this seq was counted before)', 'CounterResult'),
        400: problemResponse('Bad input'),
        401: problemResponse('No valid device token'),
        403: problemResponse('Not a counter, or another hall than the counter’s'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const device = c.get('device');
      if (device?.hallId && device.hallId !== `${b.museum}/${b.hall}`) {
        throw problem(403, 'forbidden', 'Forbidden', `This counter is registered for ${device.hallId}.`, {
          errors: [{ path: 'body.hall', message: `this counter reports ${device.hallId} only` }],
        });
      }
      const r = await crowd.record({
        museumId: b.museum,
        hallId: b.hall,
        entries: b.entries,
        exits: b.exits,
        source: 'counter',
        deviceId: device?.id ?? null,
        seq: b.seq ?? null,
        measuredAt: b.measuredAt ?? null,
      });
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff/crowd/museums/{id}',
      tags: ['staff'],
      summary: 'Occupancy now: per hall and for the museum, warning levels, the day’s curve',
      middleware: staff,
      security: [{ session: [] }],
      request: { params: MuseumParam },
      responses: { 200: json('Snapshot', 'OccupancySnapshot'), 404: problemResponse('No such museum'), ...staffErrors },
    }),
    async (c) => c.json(await crowd.snapshot(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/staff/crowd/museums/{id}/halls/{hall}/count',
      tags: ['staff'],
      summary: 'Staff count people in or out of a hall by hand (correcting a counter, a side door)',
      middleware: [...staff, jsonBody],
      security: [{ session: [] }],
      request: { params: HallParams, ...body(StaffCountBody) },
      responses: {
        200: json('Counted', 'CounterResult'),
        400: problemResponse('Bad input or unknown hall'),
        404: problemResponse('No such museum'),
        ...staffErrors,
      },
    }),
    async (c) => {
      const { id: museumId, hall } = c.req.valid('param');
      const b = c.req.valid('json');
      return c.json(
        await crowd.record({ museumId, hallId: hall, entries: b.entries, exits: b.exits, source: 'staff', userId: c.get('user')?.id ?? null }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/staff/crowd/museums/{id}/stream',
      tags: ['staff'],
      summary: 'Live occupancy (Server-Sent Events): `occupancy` events with a snapshot, `heartbeat` events',
      middleware: staff,
      security: [{ session: [] }],
      request: { params: MuseumParam },
      responses: {
        200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'An endless event stream' },
        404: problemResponse('No such museum'),
        ...staffErrors,
      },
    }),
    async (c) => {
      const museumId = c.req.valid('param').id;
      const first = await crowd.snapshot(museumId); // 404 before the stream starts
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        let id = 0;
        let stop: () => void = () => undefined;
        // Cleanup runs once, whichever way the stream ends: the client going away (onAbort), the
        // request's signal (Node closes the socket), or a failed write.
        const ended = new Promise<void>((resolve) => {
          let done = false;
          stop = () => {
            if (done) return;
            done = true;
            unsubscribe();
            clearInterval(heartbeat);
            resolve();
          };
        });
        const send = (snap: OccupancySnapshot) => {
          id += 1;
          stream.writeSSE({ event: 'occupancy', id: String(id), data: JSON.stringify(snap) }).catch(stop);
        };
        const unsubscribe = crowd.subscribe(museumId, send);
        const heartbeat = setInterval(() => {
          stream.writeSSE({ event: 'heartbeat', data: new Date().toISOString() }).catch(stop);
        }, heartbeatMs);
        stream.onAbort(stop);
        c.req.raw.signal.addEventListener('abort', stop, { once: true });
        if (c.req.raw.signal.aborted) stop();
        send(first);
        await ended;
      });
    },
  );
}
