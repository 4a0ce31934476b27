/**
 * Playlist API (HTTP only; rules in service.ts). Curators (and admins) only.
 *
 *   GET    /api/curator/playlists            every entry
 *   POST   /api/curator/playlists            a new entry
 *   PUT    /api/curator/playlists/{id}       replace an entry
 *   DELETE /api/curator/playlists/{id}       remove an entry
 *   GET    /api/curator/playlists/targets    the kiosks and halls an entry can name
 *   GET    /api/curator/playlists/resolve    what a kiosk / hall shows on a date
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import type { ContentService } from '../content/service.ts';
import { problem } from '../http/problem.ts';
import { hallIds, type PlaylistService } from './service.ts';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemOf = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};
const jsonBody: MiddlewareHandler = async (c, next) => {
  if (!/^application\/([a-z0-9.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    throw problem(415, 'unsupported-media-type', 'JSON expected', 'Send the body as JSON.', {
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

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .nullable()
  .optional();
const appPath = z.string().min(1).max(200).openapi({ example: '/sites/erchang' });
const EntryBody = z
  .strictObject({
    scope: z.enum(['kiosk', 'hall']),
    target: z.string().min(1).max(100).openapi({ description: 'A kiosk id, or "<museum>/<hall>"', example: 'china-steel-museum/steelmaking-hall' }),
    exhibit: appPath,
    attract: z.array(appPath).max(20).optional(),
    label: z.string().trim().max(200).nullable().optional().openapi({ description: 'e.g. the temporary exhibition’s name' }),
    startsOn: date,
    endsOn: date,
  })
  .openapi('PlaylistEntryInput');
const Entry = EntryBody.extend({ id: z.number(), attract: z.array(z.string()), createdAt: z.string(), updatedAt: z.string() }).openapi('PlaylistEntry');
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export function registerPlaylistRoutes(
  app: OpenAPIHono,
  deps: {
    auth: AuthService;
    playlists: PlaylistService;
    content: Pick<ContentService, 'current'>;
    kiosks: () => Promise<{ id: string; name: string; hallId: string | null }[]>;
  },
) {
  const { requireRole } = createAuthMiddleware(deps.auth);
  const curator: MiddlewareHandler[] = [noStore, requireRole('curator')];
  const signedIn = { 401: problemOf('Not signed in'), 403: problemOf('Not a curator, or CSRF failure') };
  const security = [{ session: [] }];
  const actorId = (c: { get(k: 'user'): { id: number } | undefined }) => c.get('user')!.id;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/playlists',
      tags: ['playlists'],
      summary: 'Every playlist entry',
      middleware: curator,
      security,
      responses: { 200: json(z.object({ entries: z.array(Entry) }), 'Entries'), ...signedIn },
    }),
    async (c) => c.json({ entries: await deps.playlists.list() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/playlists',
      tags: ['playlists'],
      summary: 'Add a playlist entry for a kiosk or a hall',
      middleware: [...curator, jsonBody],
      security,
      request: { body: { content: { 'application/json': { schema: EntryBody } }, required: true } },
      responses: { 201: json(z.object({ entry: Entry }), 'Created'), 400: problemOf('Bad input, with field paths'), ...signedIn },
    }),
    async (c) => c.json({ entry: await deps.playlists.create(c.req.valid('json'), actorId(c)) }, 201),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/curator/playlists/{id}',
      tags: ['playlists'],
      summary: 'Replace a playlist entry',
      middleware: [...curator, jsonBody],
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: EntryBody } }, required: true } },
      responses: { 200: json(z.object({ entry: Entry }), 'Updated'), 400: problemOf('Bad input'), ...signedIn, 404: problemOf('No such entry') },
    }),
    async (c) => c.json({ entry: await deps.playlists.update(c.req.valid('param').id, c.req.valid('json'), actorId(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/curator/playlists/{id}',
      tags: ['playlists'],
      summary: 'Remove a playlist entry',
      middleware: curator,
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...signedIn, 404: problemOf('No such entry') },
    }),
    async (c) => {
      await deps.playlists.remove(c.req.valid('param').id, actorId(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/playlists/targets',
      tags: ['playlists'],
      summary: 'The kiosks and halls a playlist entry can name',
      middleware: curator,
      security,
      responses: { 200: json(z.object({ kiosks: z.array(z.unknown()), halls: z.array(z.unknown()) }), 'Targets'), ...signedIn },
    }),
    async (c) => c.json({ kiosks: await deps.kiosks(), halls: hallIds(deps.content.current().pack) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/playlists/resolve',
      tags: ['playlists'],
      summary: 'What a kiosk (in a hall) shows on a date',
      middleware: curator,
      security,
      request: {
        query: z.object({
          kiosk: z.string().max(100).optional(),
          hall: z.string().max(100).optional(),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
            .optional(),
        }),
      },
      responses: { 200: json(z.object({ chosen: z.unknown().nullable() }), 'The entry that applies, or null'), ...signedIn },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const chosen = await deps.playlists.startExhibitFor(q.kiosk ?? null, q.hall ?? null, q.date);
      return c.json({ chosen: chosen ?? null }, 200);
    },
  );
}
