/**
 * Auth API (HTTP only): sign-in, sign-out, who am I; admin management of users, devices and the
 * audit log. The rules live in service.ts; cookies, CSRF and roles in middleware.ts.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { clearSessionCookie, clientIp, createAuthMiddleware, SESSION_COOKIE, setSessionCookie, unauthenticated } from './middleware.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.ts';
import { type AuthService, DEVICE_KINDS, NAME_MAX, ROLES, USERNAME_MAX, USERNAME_PATTERN } from './service.ts';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });

const User = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES) })
  .openapi('AuthUser', { description: 'The signed-in person' });
const UserDetail = User.extend({
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastSignInAt: z.string().nullable(),
}).openapi('User');
const Device = z
  .object({
    id: z.number().int(),
    kind: z.enum(DEVICE_KINDS),
    name: z.string(),
    hallId: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string().nullable(),
    revoked: z.boolean(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Device');
const Session = z
  .object({
    user: User,
    csrfToken: z.string().openapi({ description: 'Send it as X-CSRF-Token on every POST/PUT/PATCH/DELETE' }),
    expiresAt: z.string().openapi({ description: 'When the session ends unless used before then' }),
  })
  .openapi('Session');

const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);
const username = z
  .string()
  .trim()
  .min(3, 'at least 3 characters')
  .max(USERNAME_MAX, `at most ${USERNAME_MAX} characters`)
  .regex(USERNAME_PATTERN, 'letters, digits or . _ @ -, starting with a letter or digit');
const displayName = z.string().trim().min(1).max(NAME_MAX);

const SignInBody = z.object({
  username: z.string().min(1).max(200),
  // No length rule here: an old password shorter than today's rule must still sign in.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
const NewUserBody = z.strictObject({ username, displayName: displayName.optional(), role: z.enum(ROLES), password });
const UserPatchBody = z
  .strictObject({
    displayName: displayName.optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional(),
    password: password.optional().openapi({ description: 'A new password (an admin reset); ends the user’s sessions' }),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one of displayName, role, disabled, password');
const NewDeviceBody = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: z.string().trim().min(1).max(NAME_MAX),
  hallId: z.string().min(1).max(NAME_MAX).nullable().optional(),
});
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});
const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional().openapi({ description: 'Page back: entries with a smaller id' }),
});

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** Auth answers are personal: never cached by a browser or a proxy. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

export function registerAuthRoutes(app: OpenAPIHono, auth: AuthService) {
  const { requireRole, currentSession, assertSameOrigin, assertCsrf } = createAuthMiddleware(auth);
  const admin = [noStore, requireRole('admin')];
  const signedIn = { 401: problemResponse('Not signed in'), 403: problemResponse('CSRF failure or not an admin') };
  const adminOnly = { ...signedIn, 400: problemResponse('Bad input, with field paths') };
  const sessionSecurity = [{ session: [] }];

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'Set by POST /api/auth/sign-in. Unsafe methods also need the X-CSRF-Token header.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'device', {
    type: 'http',
    scheme: 'bearer',
    description: 'A device token, shown once when an admin registers the kiosk or counter.',
  });

  const cookieMaxAge = Math.floor(auth.options.absoluteMs / 1000);
  const actor = (c: Context) => c.get('user')!.id;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      middleware: [noStore],
      request: body(SignInBody),
      responses: {
        200: json(Session, 'Signed in; the museum_session cookie is set'),
        400: problemResponse('Bad input'),
        401: problemResponse('Wrong username or password (the same answer for an unknown user)'),
        403: problemResponse('Cross-origin request'),
        429: problemResponse('Too many failed attempts; see Retry-After'),
      },
    }),
    async (c) => {
      assertSameOrigin(c);
      const { username, password } = c.req.valid('json');
      const signed = await auth.signIn({ username, password, ip: clientIp(c), replacesSessionToken: getCookie(c, SESSION_COOKIE) });
      setSessionCookie(c, signed.sessionToken, cookieMaxAge);
      return c.json({ user: signed.user, csrfToken: signed.csrfToken, expiresAt: signed.expiresAt }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-out',
      tags: ['auth'],
      summary: 'Sign out: ends the session and clears the cookie',
      middleware: [noStore],
      security: sessionSecurity,
      responses: { 204: { description: 'Signed out (also when there was no session)' }, 403: problemResponse('CSRF failure') },
    }),
    async (c) => {
      const session = await currentSession(c);
      if (session) {
        assertCsrf(c, session);
        await auth.signOut(session, clientIp(c));
      }
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags: ['auth'],
      summary: 'Who is signed in, with the CSRF token for this session',
      middleware: [noStore],
      security: sessionSecurity,
      responses: { 200: json(Session, 'The session'), 401: problemResponse('Not signed in') },
    }),
    async (c) => {
      const session = await currentSession(c);
      if (!session) throw unauthenticated();
      return c.json({ user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/users',
      tags: ['admin'],
      summary: 'All user accounts',
      middleware: admin,
      security: sessionSecurity,
      responses: { 200: json(z.object({ users: z.array(UserDetail) }), 'Users by username'), ...signedIn },
    }),
    async (c) => c.json({ users: await auth.users.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/users',
      tags: ['admin'],
      summary: 'Create a user account',
      middleware: admin,
      security: sessionSecurity,
      request: body(NewUserBody),
      responses: { 201: json(z.object({ user: UserDetail }), 'Created'), ...adminOnly, 409: problemResponse('Username taken (case-insensitive)') },
    }),
    async (c) => c.json({ user: await auth.users.create(c.req.valid('json'), actor(c)) }, 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/admin/users/{id}',
      tags: ['admin'],
      summary: 'Change role, display name or disabled flag, or reset the password',
      description: 'Disabling a user or resetting the password ends their sessions. The last active admin cannot be demoted or disabled.',
      middleware: admin,
      security: sessionSecurity,
      request: { params: IdParam, ...body(UserPatchBody) },
      responses: {
        200: json(z.object({ user: UserDetail }), 'Updated'),
        ...adminOnly,
        404: problemResponse('No such user'),
        409: problemResponse('Would leave no active admin'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const user = await auth.users.update(id, c.req.valid('json'), { id: actor(c), sessionIdHash: c.get('authSession')?.idHash });
      return c.json({ user }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/devices',
      tags: ['admin'],
      summary: 'Registered kiosks and door counters',
      middleware: admin,
      security: sessionSecurity,
      responses: { 200: json(z.object({ devices: z.array(Device) }), 'Devices'), ...signedIn },
    }),
    async (c) => c.json({ devices: await auth.devices.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/devices',
      tags: ['admin'],
      summary: 'Register a kiosk or door counter; returns its token once',
      middleware: admin,
      security: sessionSecurity,
      request: body(NewDeviceBody),
      responses: {
        201: json(z.object({ device: Device, token: z.string().openapi({ description: 'Shown only now; store it on the device' }) }), 'Registered'),
        ...adminOnly,
      },
    }),
    async (c) => c.json(await auth.devices.create(c.req.valid('json'), actor(c)), 201),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/devices/{id}/revoke',
      tags: ['admin'],
      summary: 'Revoke a device token (at once, for good)',
      middleware: admin,
      security: sessionSecurity,
      request: { params: IdParam },
      responses: { 200: json(z.object({ device: Device }), 'Revoked'), ...signedIn, 404: problemResponse('No such device') },
    }),
    async (c) => c.json({ device: await auth.devices.revoke(c.req.valid('param').id, actor(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/audit',
      tags: ['admin'],
      summary: 'The audit log, newest first',
      middleware: admin,
      security: sessionSecurity,
      request: { query: AuditQuery },
      responses: {
        200: json(
          z.object({
            entries: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actorId: z.number().nullable(),
                action: z.string(),
                target: z.string().nullable(),
                detail: z.unknown(),
              }),
            ),
          }),
          'Entries',
        ),
        ...adminOnly,
      },
    }),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json({ entries: await auth.audit.list(limit, before) }, 200);
    },
  );
}
