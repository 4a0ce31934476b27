/**
 * Content API (HTTP only). Lists and details per entity; `?lang=` returns one language, without
 * it all three. Responses carry an ETag and answer If-None-Match with 304.
 *
 * A request with a valid preview token (the `museum_preview` cookie set by
 * /api/content/preview/enter, or an `X-Content-Preview` header) gets the curators' draft through
 * the same routes, uncached. GET /api/content/events pushes new versions over SSE.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { CATEGORY_IDS, CLUSTER_IDS, ERA_IDS, LOCALES, type Locale } from '../../content/schema.ts';
import { matchesIfNoneMatch } from '../http/etag.ts';
import { notFound, problem as problemOf } from '../http/problem.ts';
import type { Curation } from './curation.ts';
import type { ContentEvents, LiveConnection } from './events.ts';
import type { ContentService, ContentSnapshot, PublishedContent, SerializedView } from './service.ts';
import {
  eraDetail,
  eraListItem,
  matchesProject,
  matchesSite,
  museumDetail,
  projectDetail,
  routeDetail,
  routeListItem,
  sceneDetail,
  sceneListItem,
  siteDetail,
  siteListItem,
} from './views.ts';

const PROJECT_TYPES = ['museum', 'park', 'creative-park', 'street', 'scenic', 'restoration', 'infrastructure'] as const;

const Lang = z.object({
  lang: z.enum(LOCALES).optional().openapi({ description: 'One language; omit for all three', example: 'en' }),
});
const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'erchang' }),
});
const SiteQuery = Lang.extend({
  era: z.enum(ERA_IDS).optional(),
  cluster: z.enum(CLUSTER_IDS).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
  grade: z
    .enum(['1', '2', '3'])
    .transform((v) => Number(v) as 1 | 2 | 3)
    .optional(),
  district: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a district id')
    .optional(),
  industry: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'an industry id')
    .optional(),
  flagship: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
const ProjectQuery = Lang.extend({
  district: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'a district id')
    .optional(),
  type: z.enum(PROJECT_TYPES).optional(),
});

const Envelope = z
  .object({ version: z.number().int(), lang: z.enum(LOCALES).optional(), machineConverted: z.boolean().optional(), data: z.unknown() })
  .openapi('ContentEnvelope');
const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

const ok = { content: { 'application/json': { schema: Envelope } }, description: 'The content, with an ETag' };
const errors = {
  304: { description: 'Not modified (If-None-Match matched the ETag)' },
  400: { content: { 'application/problem+json': { schema: Problem } }, description: 'Bad query' },
};
const missing = { 404: { content: { 'application/problem+json': { schema: Problem } }, description: 'No such id' } };

function listRoute<Q extends z.ZodObject = typeof Lang>(path: string, summary: string, query: Q = Lang as unknown as Q) {
  return createRoute({ method: 'get', path, tags: ['content'], summary, request: { query }, responses: { 200: ok, ...errors } });
}
function detailRoute(path: string, summary: string) {
  return createRoute({
    method: 'get',
    path,
    tags: ['content'],
    summary,
    request: { params: IdParam, query: Lang },
    responses: { 200: ok, ...errors, ...missing },
  });
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The draft, when this request carries a valid preview token. */
    contentPreview?: ContentSnapshot;
  }
}

export const PREVIEW_COOKIE = 'museum_preview';
export const PREVIEW_HEADER = 'X-Content-Preview';

/** What live push and preview need (absent in API-only setups that only serve content). */
export interface ContentLive {
  events: ContentEvents;
  curation: Pick<Curation, 'previewTokenValid' | 'previewSnapshot' | 'versionEvent' | 'revision'>;
}

/** Cheap test first: almost every request has neither header nor cookie. */
function previewTokenOf(c: Context): string | undefined {
  const header = c.req.header(PREVIEW_HEADER);
  if (header) return header;
  const cookie = c.req.header('cookie');
  if (!cookie?.includes(`${PREVIEW_COOKIE}=`)) return undefined;
  return getCookie(c, PREVIEW_COOKIE);
}

/** A same-app path to go to after entering or leaving preview (never another site). */
function safeReturnPath(to: string | undefined): string {
  if (!to?.startsWith('/') || to.startsWith('//') || to.startsWith('/\\') || /[\r\n]/.test(to)) return '/';
  return to;
}

/** Path and query of the request URL (`/api/content/sites?lang=en`), without parsing it. */
function pathAndQuery(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/** Answers with a view: 304 when the client already has it. */
function respond(c: Context, view: SerializedView): Response {
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), view.etag)) return c.body(null, 304, view.notModifiedHeaders);
  return c.body(view.body, 200, view.headers);
}

export function registerContentRoutes(app: OpenAPIHono, content: ContentService, live?: ContentLive) {
  // Hot path: a URL that was already validated and answered is served from memory, skipping
  // routing and validation. The map is emptied whenever a new version is published.
  app.use('/api/content/*', async (c, next) => {
    if (c.req.method === 'GET') {
      const token = live ? previewTokenOf(c) : undefined;
      if (token !== undefined && live && (await live.curation.previewTokenValid(token))) {
        c.set('contentPreview', await live.curation.previewSnapshot());
        return next();
      }
      const hit = content.viewForUrl(pathAndQuery(c.req.url));
      if (hit) return respond(c, hit);
    }
    await next();
  });

  /** Sends a memoized view (404 when it does not exist) and remembers it for this URL. */
  const send = (c: Context, view: SerializedView | undefined, what: string, id = ''): never => {
    if (!view) throw notFound(what, id);
    if (!c.get('contentPreview')) content.rememberUrl(pathAndQuery(c.req.url), view);
    return respond(c, view) as never;
  };

  const view = (c: Context, key: string, lang: Locale | undefined, build: (p: PublishedContent) => unknown, what: string, id = '') =>
    send(c, (c.get('contentPreview') ?? content).view(key, lang, build), what, id);

  app.openapi(listRoute('/api/content/version', 'The published content version'), (c) => {
    const { version, hash, publishedAt } = content.current();
    if (c.get('contentPreview') && live) {
      return c.json({ version, hash, publishedAt, preview: { revision: live.curation.revision() } }, 200, { 'Cache-Control': 'private, no-store' }) as never;
    }
    return c.json({ version, hash, publishedAt }, 200) as never;
  });

  if (live) registerLiveRoutes(app, live);

  app.openapi(listRoute('/api/content/pack', 'The whole resolved content pack'), (c) => view(c, 'pack', c.req.valid('query').lang, (p) => p.pack, 'pack'));

  app.openapi(listRoute('/api/content/eras', 'The four eras'), (c) => view(c, 'eras', c.req.valid('query').lang, (p) => p.pack.eras.map(eraListItem), 'eras'));
  app.openapi(detailRoute('/api/content/eras/{id}', 'One era with its key events and sites'), (c) => {
    const { id } = c.req.valid('param');
    return view(c, `era:${id}`, c.req.valid('query').lang, (p) => eraDetail(p.pack, p.index, id), 'era', id);
  });

  app.openapi(listRoute('/api/content/sites', 'Heritage sites, filterable', SiteQuery), (c) => {
    const { lang, ...filters } = c.req.valid('query') as z.infer<typeof SiteQuery>;
    const key = `sites:${JSON.stringify(filters)}`;
    return view(c, key, lang, (p) => p.pack.sites.filter((s) => matchesSite(s, filters)).map(siteListItem), 'sites');
  });
  app.openapi(detailRoute('/api/content/sites/{id}', 'One heritage site with related projects, routes and events'), (c) => {
    const { id } = c.req.valid('param');
    return view(c, `site:${id}`, c.req.valid('query').lang, (p) => siteDetail(p.pack, p.index, id), 'site', id);
  });

  app.openapi(listRoute('/api/content/routes', 'The signature tour routes'), (c) =>
    view(c, 'routes', c.req.valid('query').lang, (p) => p.pack.routes.map(routeListItem), 'routes'),
  );
  app.openapi(detailRoute('/api/content/routes/{id}', 'One tour route with its stops in order'), (c) => {
    const { id } = c.req.valid('param');
    return view(
      c,
      `route:${id}`,
      c.req.valid('query').lang,
      (p) => {
        const r = p.index.routes.get(id);
        return r && routeDetail(p.index, r);
      },
      'route',
      id,
    );
  });

  app.openapi(listRoute('/api/content/museums', 'The industrial museums'), (c) =>
    view(c, 'museums', c.req.valid('query').lang, (p) => p.pack.museums, 'museums'),
  );
  app.openapi(detailRoute('/api/content/museums/{id}', 'One museum with its halls and hours'), (c) => {
    const { id } = c.req.valid('param');
    return view(c, `museum:${id}`, c.req.valid('query').lang, (p) => museumDetail(p.index, id), 'museum', id);
  });

  app.openapi(listRoute('/api/content/projects', 'The 68 key projects, filterable', ProjectQuery), (c) => {
    const { lang, ...filters } = c.req.valid('query') as z.infer<typeof ProjectQuery>;
    return view(c, `projects:${JSON.stringify(filters)}`, lang, (p) => p.pack.projects.filter((x) => matchesProject(x, filters)), 'projects');
  });
  app.openapi(detailRoute('/api/content/projects/{id}', 'One key project'), (c) => {
    const { id } = c.req.valid('param');
    return view(c, `project:${id}`, c.req.valid('query').lang, (p) => projectDetail(p.index, id), 'project', id);
  });

  app.openapi(listRoute('/api/content/statistics', 'Headline statistics and targets'), (c) =>
    view(c, 'statistics', c.req.valid('query').lang, (p) => p.pack.statistics, 'statistics'),
  );
  // 3D walkthrough scenes, one per flagship site (named by the site's id).
  app.openapi(listRoute('/api/content/scenes', 'The 3D walkthrough scenes'), (c) =>
    view(c, 'scenes', c.req.valid('query').lang, (p) => (p.pack.scenes ?? []).map(sceneListItem), 'scenes'),
  );
  app.openapi(detailRoute('/api/content/scenes/{id}', "One site's 3D walkthrough scene, with the eras for its time slider"), (c) => {
    const { id } = c.req.valid('param');
    return view(c, `scene:${id}`, c.req.valid('query').lang, (p) => sceneDetail(p.pack, p.index, id), 'scene', id);
  });
  for (const kind of ['districts', 'clusters', 'industries'] as const) {
    app.openapi(listRoute(`/api/content/${kind}`, `All ${kind}`), (c) => view(c, kind, c.req.valid('query').lang, (p) => p.pack[kind], kind));
  }
}

/** SSE live push and entering/leaving a draft preview. */
function registerLiveRoutes(app: OpenAPIHono, live: ContentLive) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/content/events',
      tags: ['content'],
      summary: 'Live content versions (Server-Sent Events)',
      description:
        'An `event: version` with `{ version, hash, publishedAt }` at once (the current version: a client that was offline catches up), then one per publish or rollback; a comment every 15 s as a heartbeat. With a preview token, draft saves are sent too (with `preview.revision`).',
      responses: { 200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'The event stream' } },
    }),
    (c) => {
      const preview = Boolean(c.get('contentPreview'));
      c.header('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
      return streamSSE(c, async (stream) => {
        let release: (() => void) | undefined;
        const closed = new Promise<void>((resolve) => {
          release = resolve;
        });
        const conn: LiveConnection = {
          preview,
          send: (event, data, id) => stream.writeSSE({ event, data, ...(id ? { id } : {}) }),
          comment: (text) => stream.write(`: ${text}\n\n`).then(() => undefined),
          close: () => release?.(),
        };
        const drop = live.events.add(conn);
        // Both: the stream's abort (the client went away) and the request's signal (the server
        // side gave up on it); whichever fires first removes the connection.
        stream.onAbort(drop);
        c.req.raw.signal.addEventListener('abort', drop, { once: true });
        if (c.req.raw.signal.aborted) drop();
        const first = preview ? { ...live.curation.versionEvent(), preview: { revision: live.curation.revision() } } : live.curation.versionEvent();
        await stream.writeSSE({ event: 'version', data: JSON.stringify(first), id: String(first.version), retry: 3000 }).catch(drop);
        await closed;
      });
    },
  );

  const Enter = z.object({
    token: z.string().min(1).max(200),
    to: z.string().max(2000).optional().openapi({ description: 'App path to open, e.g. /sites/erchang or /?mode=kiosk' }),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/content/preview/enter',
      tags: ['content'],
      summary: 'Show the draft in this browser (sets the preview cookie) and open the app',
      request: { query: Enter },
      responses: {
        303: { description: 'Preview on; redirected to the app' },
        403: { content: { 'application/problem+json': { schema: Problem } }, description: 'The preview link has expired or was revoked' },
      },
    }),
    async (c) => {
      const { token, to } = c.req.valid('query');
      if (!(await live.curation.previewTokenValid(token))) {
        throw problemOf(403, 'preview-expired', 'This preview link has expired', 'Ask a curator for a new preview link.');
      }
      setCookie(c, PREVIEW_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        maxAge: 8 * 60 * 60,
        secure: new URL(c.req.url).protocol === 'https:',
      });
      c.header('Cache-Control', 'no-store');
      return c.redirect(safeReturnPath(to), 303) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/content/preview/exit',
      tags: ['content'],
      summary: 'Leave the draft preview in this browser and open the app',
      request: { query: z.object({ to: z.string().max(2000).optional() }) },
      responses: { 303: { description: 'Preview off; redirected to the app' } },
    }),
    (c) => {
      deleteCookie(c, PREVIEW_COOKIE, { path: '/' });
      c.header('Cache-Control', 'no-store');
      return c.redirect(safeReturnPath(c.req.valid('query').to), 303) as never;
    },
  );
}
