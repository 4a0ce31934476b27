/**
 * Kiosk API (HTTP only; rules in service.ts).
 *
 *   GET    /api/kiosks/me/config          the kiosk's configuration (device token, kind kiosk)
 *   POST   /api/kiosks/heartbeat          a kiosk reports in (device token)
 *   GET    /api/kiosks                    the fleet with online/offline status (admin, curator, staff)
 *   GET    /api/kiosks/{id}               one kiosk with its transition history (admin, curator, staff)
 *   POST   /api/admin/kiosks              create a kiosk and its device token (admin)
 *   PATCH  /api/admin/kiosks/{id}         change a kiosk's configuration (admin)
 *   POST   /api/admin/kiosks/{id}/token   issue a new token, revoking the old one (admin)
 *   DELETE /api/admin/kiosks/{id}         delete a kiosk and revoke its token (admin)
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import { KIOSK_LANGUAGES, KIOSK_LIMITS, type KioskService, VISITOR_STATES } from './service.ts';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemOf = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Kiosk answers are per device or per fleet: never cached by a browser, a proxy or the service worker. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/**
 * The body must be JSON, and malformed JSON is a 400 with a field path (the validator would
 * otherwise answer a bare error).
 */
const jsonBody: MiddlewareHandler = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(type)) {
    throw problem(415, 'unsupported-media-type', 'JSON expected', 'Send the body as JSON (Content-Type: application/json).', {
      errors: [{ path: 'header.Content-Type', message: 'must be application/json' }],
    });
  }
  try {
    await c.req.json();
  } catch {
    throw problem(400, 'validation', 'Invalid request', 'body: not valid JSON', { errors: [{ path: 'body', message: 'not valid JSON' }] });
  }
  await next();
};

const L = KIOSK_LIMITS;
const range = (r: { min: number; max: number }, int = true) => (int ? z.number().int('a whole number') : z.number()).min(r.min).max(r.max);
const isoTime = z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time' });

const KioskId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -, starting with a letter or digit');
const IdParam = z.object({ id: KioskId.openapi({ param: { name: 'id', in: 'path' }, example: 'steel-museum-hall-1' }) });
const Screen = z
  .strictObject({
    diagonalInches: range(L.diagonalInches, false).openapi({ description: 'Screen diagonal in inches', example: 43 }),
    widthPx: range(L.widthPx).openapi({ description: 'Horizontal resolution in device pixels', example: 1920 }),
    heightPx: range(L.heightPx).openapi({ description: 'Vertical resolution in device pixels', example: 1080 }),
  })
  .openapi('KioskScreen');

const configFields = {
  name: z.string().trim().min(1).max(100),
  hallId: z
    .string()
    .min(3)
    .max(100)
    .nullable()
    .openapi({ description: '"<museum>/<hall>" from the content pack', example: 'china-steel-museum/steelmaking-hall' }),
  defaultLanguage: z.enum(KIOSK_LANGUAGES),
  startExhibit: z.string().min(1).max(200).openapi({ description: 'The app path the kiosk opens on and attracts with', example: '/sites/erchang' }),
  idleTimeoutSeconds: range(L.idleTimeoutSeconds),
  promptSeconds: range(L.promptSeconds).openapi({ description: 'How long "still there?" waits (at least 20 s)' }),
  heartbeatIntervalSeconds: range(L.heartbeatIntervalSeconds),
};

const NewKioskBody = z.strictObject({
  id: KioskId,
  name: configFields.name.optional(),
  hallId: configFields.hallId.optional(),
  defaultLanguage: configFields.defaultLanguage.optional(),
  startExhibit: configFields.startExhibit.optional(),
  idleTimeoutSeconds: configFields.idleTimeoutSeconds.optional(),
  promptSeconds: configFields.promptSeconds.optional(),
  heartbeatIntervalSeconds: configFields.heartbeatIntervalSeconds.optional(),
  screen: Screen.optional(),
});
const KioskPatchBody = z
  .strictObject({
    name: configFields.name.optional(),
    hallId: configFields.hallId.optional(),
    defaultLanguage: configFields.defaultLanguage.optional(),
    startExhibit: configFields.startExhibit.optional(),
    idleTimeoutSeconds: configFields.idleTimeoutSeconds.optional(),
    promptSeconds: configFields.promptSeconds.optional(),
    heartbeatIntervalSeconds: configFields.heartbeatIntervalSeconds.optional(),
    screen: Screen.partial().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field to change');

const HeartbeatBody = z
  .strictObject({
    contentVersion: z.number().int().positive().nullable(),
    appVersion: z.string().max(100).nullable().optional(),
    lastInteractionAt: isoTime.nullable(),
    state: z.enum(VISITOR_STATES).nullable().optional(),
    sentAt: isoTime,
    events: z
      .array(
        z.strictObject({
          id: z.string().min(1).max(64),
          status: z.enum(['online', 'offline']),
          at: isoTime,
        }),
      )
      .max(500, 'at most 500 transitions per heartbeat')
      .optional(),
  })
  .openapi('KioskHeartbeat');

const StartExhibit = z.object({ path: z.string(), source: z.string(), until: z.string().nullable() }).openapi('KioskStartExhibit');
const KioskConfig = z
  .object({
    id: z.string(),
    name: z.string(),
    hallId: z.string().nullable(),
    defaultLanguage: z.enum(KIOSK_LANGUAGES),
    startExhibit: z.string(),
    idleTimeoutSeconds: z.number(),
    promptSeconds: z.number(),
    heartbeatIntervalSeconds: z.number(),
    screen: Screen,
    deviceId: z.number().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('KioskConfig');
const ClientConfig = z
  .object({
    kioskId: z.string(),
    name: z.string(),
    hallId: z.string().nullable(),
    defaultLanguage: z.enum(KIOSK_LANGUAGES),
    startExhibit: StartExhibit,
    idleTimeoutSeconds: z.number(),
    promptSeconds: z.number(),
    heartbeatIntervalSeconds: z.number(),
    screen: Screen,
    contentVersion: z.number(),
    configVersion: z.string(),
    serverTime: z.string(),
  })
  .openapi('KioskClientConfig');
const Transition = z.object({ status: z.enum(['online', 'offline']), at: z.string(), source: z.enum(['kiosk', 'server']) });
const FleetKiosk = z
  .object({
    id: z.string(),
    name: z.string(),
    hallId: z.string().nullable(),
    defaultLanguage: z.enum(KIOSK_LANGUAGES),
    startExhibit: StartExhibit,
    idleTimeoutSeconds: z.number(),
    heartbeatIntervalSeconds: z.number(),
    status: z.enum(['online', 'offline', 'never-seen']).openapi({ description: 'offline after 1.1 × the heartbeat interval without a heartbeat' }),
    statusSince: z.string().nullable(),
    offlineAfter: z.string().nullable(),
    lastHeartbeatAt: z.string().nullable(),
    secondsSinceHeartbeat: z.number().nullable(),
    firstHeartbeatAt: z.string().nullable(),
    heartbeatCount: z.number(),
    lastInteractionAt: z.string().nullable(),
    visitorState: z.enum(VISITOR_STATES).nullable(),
    contentVersion: z.number().nullable(),
    contentUpToDate: z.boolean().nullable(),
    appVersion: z.string().nullable(),
    clockSkewMs: z.number().nullable(),
    provisioned: z.boolean(),
    recentTransitions: z.array(Transition),
  })
  .openapi('FleetKiosk');
const Fleet = z
  .object({
    serverTime: z.string(),
    publishedContentVersion: z.number(),
    counts: z.object({ online: z.number(), offline: z.number(), 'never-seen': z.number() }),
    kiosks: z.array(FleetKiosk),
  })
  .openapi('KioskFleet');
const WithToken = z.object({
  kiosk: KioskConfig,
  token: z.string().openapi({ description: 'The device token: shown only now; enter it on the kiosk’s setup screen' }),
});

export function registerKioskRoutes(app: OpenAPIHono, kiosks: KioskService, authService: AuthService) {
  const auth = createAuthMiddleware(authService);
  const device = [noStore, auth.requireDevice('kiosk')];
  const fleetReaders = [noStore, auth.requireRole('admin', 'curator', 'staff')];
  const admin = [noStore, auth.requireRole('admin')];
  const deviceAuth = { 401: problemOf('No or invalid device token'), 403: problemOf('Not a kiosk device') };
  const signedIn = { 401: problemOf('Not signed in'), 403: problemOf('CSRF failure or not allowed for this role') };
  const adminBody = { ...signedIn, 400: problemOf('Bad input, with field paths'), 415: problemOf('Not JSON') };
  const actor = (c: Context) => c.get('user')!.id;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/kiosks/me/config',
      tags: ['kiosks'],
      summary: 'The configuration of the kiosk holding this device token',
      security: [{ device: [] }],
      middleware: device,
      responses: { 200: json(ClientConfig, 'The configuration'), ...deviceAuth, 404: problemOf('The token belongs to no kiosk configuration') },
    }),
    async (c) => c.json(await kiosks.configForDevice(c.get('device')!), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/kiosks/heartbeat',
      tags: ['kiosks'],
      summary: 'A kiosk reports its content version, last interaction and queued online/offline transitions',
      security: [{ device: [] }],
      middleware: [...device, jsonBody],
      request: body(HeartbeatBody),
      responses: {
        200: json(
          z.object({
            serverTime: z.string(),
            heartbeatIntervalSeconds: z.number(),
            configVersion: z.string(),
            contentVersion: z.number(),
            storedEvents: z.number(),
          }),
          'Stored',
        ),
        400: problemOf('Bad input, with field paths'),
        ...deviceAuth,
        404: problemOf('The token belongs to no kiosk configuration'),
        415: problemOf('Not JSON'),
      },
    }),
    async (c) => c.json(await kiosks.heartbeat(c.get('device')!, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/kiosks',
      tags: ['kiosks'],
      summary: 'The fleet: every kiosk with online/offline status, content version and last interaction',
      security: [{ session: [] }],
      middleware: fleetReaders,
      responses: { 200: json(Fleet, 'The fleet'), ...signedIn },
    }),
    async (c) => c.json(await kiosks.fleet(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/kiosks/{id}',
      tags: ['kiosks'],
      summary: 'One kiosk: configuration, status and its last 100 online/offline transitions',
      security: [{ session: [] }],
      middleware: fleetReaders,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ kiosk: KioskConfig, status: FleetKiosk, transitions: z.array(Transition) }), 'The kiosk'),
        ...signedIn,
        400: problemOf('Bad id'),
        404: problemOf('No such kiosk'),
      },
    }),
    async (c) => c.json(await kiosks.detail(c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/kiosks',
      tags: ['kiosks'],
      summary: 'Create a kiosk and its device token (the token is shown once)',
      security: [{ session: [] }],
      middleware: [...admin, jsonBody],
      request: body(NewKioskBody),
      responses: { 201: json(WithToken, 'Created'), ...adminBody, 409: problemOf('The id is taken') },
    }),
    async (c) => c.json(await kiosks.create(c.req.valid('json'), actor(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/kiosks/{id}',
      tags: ['kiosks'],
      summary: 'Change a kiosk’s configuration (the kiosk picks it up at its next heartbeat)',
      security: [{ session: [] }],
      middleware: [...admin, jsonBody],
      request: { params: IdParam, ...body(KioskPatchBody) },
      responses: { 200: json(z.object({ kiosk: KioskConfig }), 'Updated'), ...adminBody, 404: problemOf('No such kiosk') },
    }),
    async (c) => c.json({ kiosk: await kiosks.update(c.req.valid('param').id, c.req.valid('json'), actor(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/kiosks/{id}/token',
      tags: ['kiosks'],
      summary: 'Issue a new device token for a kiosk; the old one stops working at once',
      security: [{ session: [] }],
      middleware: admin,
      request: { params: IdParam },
      responses: { 200: json(WithToken, 'New token'), ...signedIn, 400: problemOf('Bad id'), 404: problemOf('No such kiosk') },
    }),
    async (c) => c.json(await kiosks.rotateToken(c.req.valid('param').id, actor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/kiosks/{id}',
      tags: ['kiosks'],
      summary: 'Delete a kiosk with its status history, and revoke its token',
      security: [{ session: [] }],
      middleware: admin,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...signedIn, 400: problemOf('Bad id'), 404: problemOf('No such kiosk') },
    }),
    async (c) => {
      await kiosks.remove(c.req.valid('param').id, actor(c));
      return c.body(null, 204);
    },
  );
}
