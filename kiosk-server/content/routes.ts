/**
 * Content API (HTTP only). Lists and details per entity; `?lang=` returns one language, without
 * it all three. Responses carry an ETag and answer If-None-Match with 304.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CATEGORY_IDS, CLUSTER_IDS, ERA_IDS, LOCALES, type Locale } from '../../content/schema.ts';
import { matchesIfNoneMatch } from '../http/etag.ts';
import { notFound } from '../http/problem.ts';
import type { ContentService, PublishedContent, SerializedView } from './service.ts';
import {
  eraDetail,
  eraListItem,
  matchesProject,
  matchesSite,
  museumDetail,
  projectDetail,
  routeDetail,
  routeListItem,
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

/** Path and query of the request URL (`/api/content/sites?lang=en`), without parsing it. */
function pathAndQuery(url: string): string {
  return url.slice(url.indexOf('/', url.indexOf('//') + 2));
}

/** Answers with a view: 304 when the client already has it. */
function respond(c: Context, view: SerializedView): Response {
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), view.etag)) return c.body(null, 304, view.notModifiedHeaders);
  return c.body(view.body, 200, view.headers);
}

export function registerContentRoutes(app: OpenAPIHono, content: ContentService) {
  // Hot path: a URL that was already validated and answered is served from memory, skipping
  // routing and validation. The map is emptied whenever a new version is published.
  app.use('/api/content/*', async (c, next) => {
    if (c.req.method === 'GET') {
      const hit = content.viewForUrl(pathAndQuery(c.req.url));
      if (hit) return respond(c, hit);
    }
    await next();
  });

  /** Sends a memoized view (404 when it does not exist) and remembers it for this URL. */
  const send = (c: Context, view: SerializedView | undefined, what: string, id = ''): never => {
    if (!view) throw notFound(what, id);
    content.rememberUrl(pathAndQuery(c.req.url), view);
    return respond(c, view) as never;
  };

  const view = (c: Context, key: string, lang: Locale | undefined, build: (p: PublishedContent) => unknown, what: string, id = '') =>
    send(c, content.view(key, lang, build), what, id);

  app.openapi(listRoute('/api/content/version', 'The published content version'), (c) => {
    const { version, hash, publishedAt } = content.current();
    return c.json({ version, hash, publishedAt }, 200) as never;
  });

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
  for (const kind of ['districts', 'clusters', 'industries'] as const) {
    app.openapi(listRoute(`/api/content/${kind}`, `All ${kind}`), (c) => view(c, kind, c.req.valid('query').lang, (p) => p.pack[kind], kind));
  }
}
