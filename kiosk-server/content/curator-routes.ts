/**
 * The curator API (HTTP only; rules in curation.ts). Everything under /api/curator needs a
 * signed-in curator or admin; changes also need the session's CSRF token.
 *
 *   GET    /api/curator/schema                  collections of the pack and their JSON Schemas (forms are built from them)
 *   GET    /api/curator/entities                every entity of the draft (published + changes)
 *   GET    /api/curator/file?path=              one file of the draft, with its ETag
 *   PUT    /api/curator/file?path=              save a file into the draft (If-Match / If-None-Match: *)
 *   DELETE /api/curator/file?path=              delete a one-entity file in the draft (If-Match)
 *   GET    /api/curator/draft                   what the draft changes, conflicts, problems
 *   GET    /api/curator/draft/diff              what publishing would change, per entity and field
 *   POST   /api/curator/draft/discard           throw away draft changes (all, or some files)
 *   POST   /api/curator/draft/rebase            keep the draft's files over a newer published version
 *   POST   /api/curator/publish                 the draft becomes a new version (with a message)
 *   GET    /api/curator/versions                history: author, time, message, source
 *   GET    /api/curator/versions/{id}/diff      per-entity, per-field changes of a version
 *   POST   /api/curator/versions/{id}/rollback  a new version copying version id
 *   POST   /api/curator/import                  a zip or JSON bundle (raw body) → validated → a new version
 *   GET    /api/curator/export                  a version (or the draft) as a zip or JSON bundle
 *   POST   /api/curator/preview                 a preview link for the draft (kiosk or web)
 *   DELETE /api/curator/preview                 end every preview link
 *   GET    /api/curator/live                    open live-push connections (operations, benchmark)
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ContentError } from '../../content/load.ts';
import { FileSchemas, PACK_LAYOUT, STATISTICS_FILE } from '../../content/schema.ts';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import { packToJsonBundle, packToZip, readBundle } from './bundle.ts';
import type { Curation } from './curation.ts';
import type { ContentEvents } from './events.ts';
import { collections } from './files.ts';
import { BUDGETS } from './validate.ts';

export const IMPORT_PATH = '/api/curator/import';
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemOf = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const jsonBodyOf = <T extends z.ZodType>(schema: T, required = true) => ({ body: { content: { 'application/json': { schema } }, required } });

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** JSON bodies only, and malformed JSON as a 400 with a path (not a bare error). */
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

const FileQuery = z.object({
  path: z
    .string()
    .min(1)
    .max(300)
    .openapi({ param: { name: 'path', in: 'query' }, example: 'sites/erchang.json' }),
});
const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' }, example: 3 }),
});
const FileList = z.strictObject({ files: z.array(z.string().min(1).max(300)).max(2000).optional() });
const Change = z
  .object({ collection: z.string(), id: z.string(), file: z.string(), change: z.enum(['added', 'removed', 'changed']), fields: z.array(z.unknown()) })
  .openapi('EntityChange');
const Version = z
  .object({
    id: z.number(),
    author: z.string(),
    authorId: z.number().nullable(),
    message: z.string(),
    source: z.string(),
    createdAt: z.string(),
    rollbackOf: z.number().nullable(),
    published: z.boolean(),
  })
  .openapi('ContentVersion');

const sessionSecurity = [{ session: [] }];

/** The form description of each collection, built once: JSON Schema of one entity. */
function schemaDocument() {
  const specs = PACK_LAYOUT as Record<string, { schema: z.ZodType }>;
  return {
    budgets: BUDGETS,
    collections: collections().map((c) => {
      const schema = c.kind === 'object' ? FileSchemas.Statistics : specs[c.key].schema;
      return { ...c, file: c.kind === 'object' ? STATISTICS_FILE : undefined, schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
    }),
  };
}

export function registerCuratorRoutes(app: OpenAPIHono, deps: { auth: AuthService; curation: Curation; events: ContentEvents }) {
  const { curation } = deps;
  const { requireRole } = createAuthMiddleware(deps.auth);
  const curator: MiddlewareHandler[] = [noStore, requireRole('curator')];
  const signedIn = { 401: problemOf('Not signed in'), 403: problemOf('Not a curator, or CSRF failure') };
  const invalid = { 422: problemOf('The content has problems; errors[].path names file › field') };
  const actor = (c: Context) => {
    const u = c.get('user')!;
    return { id: u.id, username: u.username };
  };
  let schemaDoc: ReturnType<typeof schemaDocument> | undefined;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/schema',
      tags: ['curator'],
      summary: 'The collections of a content pack and the JSON Schema of each entity',
      middleware: curator,
      security: sessionSecurity,
      responses: { 200: json(z.object({ collections: z.array(z.unknown()), budgets: z.unknown() }), 'Collections'), ...signedIn },
    }),
    (c) => {
      schemaDoc ??= schemaDocument();
      return c.json(schemaDoc, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/entities',
      tags: ['curator'],
      summary: 'Every entity of the draft (published content plus unpublished changes)',
      middleware: curator,
      security: sessionSecurity,
      responses: { 200: json(z.object({ entities: z.array(z.unknown()) }), 'Entities'), ...signedIn },
    }),
    async (c) => c.json({ entities: await curation.entities() }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/file',
      tags: ['curator'],
      summary: 'One file of the draft, with its ETag for If-Match',
      middleware: curator,
      security: sessionSecurity,
      request: { query: FileQuery },
      responses: {
        200: json(z.object({ file: z.string(), content: z.unknown(), etag: z.string(), inDraft: z.boolean(), published: z.unknown() }), 'The file'),
        ...signedIn,
        404: problemOf('No such file'),
      },
    }),
    async (c) => {
      const f = await curation.readFile(c.req.valid('query').path);
      return c.json(f, 200, { ETag: f.etag });
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/curator/file',
      tags: ['curator'],
      summary: 'Save a file into the draft (validated as a whole pack first)',
      description: 'Send If-Match with the ETag you read (If-None-Match: * for a new file). 412 when someone saved it in between.',
      middleware: [...curator, jsonBody],
      security: sessionSecurity,
      request: { query: FileQuery, ...jsonBodyOf(z.unknown()) },
      responses: {
        200: json(z.object({ file: z.string(), etag: z.string() }), 'Saved'),
        ...signedIn,
        404: problemOf('Not a file of the pack layout'),
        412: problemOf('The file changed since you read it'),
        428: problemOf('If-Match missing'),
        ...invalid,
      },
    }),
    async (c) => {
      const saved = await curation.saveFile(
        c.req.valid('query').path,
        await c.req.json(),
        { ifMatch: c.req.header('if-match'), ifNoneMatch: c.req.header('if-none-match') },
        actor(c),
      );
      return c.json(saved, 200, { ETag: saved.etag });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/curator/file',
      tags: ['curator'],
      summary: 'Delete a one-entity file (a site, a route…) in the draft',
      middleware: curator,
      security: sessionSecurity,
      request: { query: FileQuery },
      responses: {
        204: { description: 'Deleted in the draft' },
        ...signedIn,
        404: problemOf('No such file'),
        409: problemOf('Not deletable'),
        412: problemOf('Changed since read'),
        428: problemOf('If-Match missing'),
        ...invalid,
      },
    }),
    async (c) => {
      await curation.deleteFile(c.req.valid('query').path, { ifMatch: c.req.header('if-match') }, actor(c));
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/draft',
      tags: ['curator'],
      summary: 'The shared draft: changed files, who changed them, conflicts and problems',
      middleware: curator,
      security: sessionSecurity,
      responses: {
        200: json(z.object({ baseVersion: z.number(), revision: z.number(), files: z.array(z.unknown()), issues: z.array(z.unknown()) }), 'Draft'),
        ...signedIn,
      },
    }),
    async (c) => c.json(await curation.draft(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/draft/diff',
      tags: ['curator'],
      summary: 'What publishing the draft would change, per entity and field',
      middleware: curator,
      security: sessionSecurity,
      responses: { 200: json(z.object({ changes: z.array(Change) }), 'Changes'), ...signedIn },
    }),
    async (c) => c.json((await curation.draftDiff()) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/draft/discard',
      tags: ['curator'],
      summary: 'Throw away the draft’s changes (all, or the files named)',
      middleware: [...curator, jsonBody],
      security: sessionSecurity,
      request: jsonBodyOf(FileList),
      responses: { 200: json(z.object({ discarded: z.number() }), 'Discarded'), ...signedIn, ...invalid },
    }),
    async (c) => c.json(await curation.discard(c.req.valid('json').files), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/draft/rebase',
      tags: ['curator'],
      summary: 'Keep the draft’s version of files whose published version changed since (after review)',
      middleware: [...curator, jsonBody],
      security: sessionSecurity,
      request: jsonBodyOf(FileList),
      responses: { 200: json(z.object({ rebased: z.number() }), 'Rebased'), ...signedIn },
    }),
    async (c) => c.json(await curation.rebase(c.req.valid('json').files), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/publish',
      tags: ['curator'],
      summary: 'Publish the draft as a new version; kiosks and browsers get it over SSE',
      middleware: [...curator, jsonBody],
      security: sessionSecurity,
      request: jsonBodyOf(z.strictObject({ message: z.string().trim().min(1, 'say what changed').max(500) })),
      responses: {
        201: json(z.object({ version: z.number(), changes: z.array(Change) }), 'Published'),
        ...signedIn,
        409: problemOf('Nothing to publish, or conflicts (errors[].path names the files)'),
        ...invalid,
      },
    }),
    async (c) => c.json((await curation.publish(c.req.valid('json'), actor(c))) as never, 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/versions',
      tags: ['curator'],
      summary: 'Content history, newest first',
      middleware: curator,
      security: sessionSecurity,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().positive().optional(),
        }),
      },
      responses: { 200: json(z.object({ versions: z.array(Version), published: z.number() }), 'Versions'), ...signedIn },
    }),
    async (c) => {
      const { limit, before } = c.req.valid('query');
      const versions = await curation.versions(limit, before);
      return c.json({ versions, published: versions.find((v) => v.published)?.id ?? -1 }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/versions/{id}/diff',
      tags: ['curator'],
      summary: 'What a version changed (against the one before it, or ?from=)',
      middleware: curator,
      security: sessionSecurity,
      request: { params: IdParam, query: z.object({ from: z.coerce.number().int().positive().optional() }) },
      responses: {
        200: json(z.object({ from: z.number().nullable(), to: z.number(), changes: z.array(Change) }), 'Changes'),
        ...signedIn,
        404: problemOf('No such version'),
      },
    }),
    async (c) => c.json((await curation.diff(c.req.valid('param').id, c.req.valid('query').from)) as never, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/versions/{id}/rollback',
      tags: ['curator'],
      summary: 'Roll back: a new version that copies version id (history is never rewritten)',
      middleware: [...curator, jsonBody],
      security: sessionSecurity,
      request: { params: IdParam, ...jsonBodyOf(z.strictObject({ message: z.string().trim().max(500).optional() })) },
      responses: {
        201: json(z.object({ version: z.number(), changes: z.array(Change) }), 'Rolled back'),
        ...signedIn,
        404: problemOf('No such version'),
        409: problemOf('Already the published version'),
        ...invalid,
      },
    }),
    async (c) => c.json((await curation.rollback(c.req.valid('param').id, c.req.valid('json'), actor(c))) as never, 201),
  );

  const importLimit = bodyLimit({
    maxSize: IMPORT_MAX_BYTES,
    onError: () => {
      throw problem(413, 'too-large', 'Pack too large', `A pack upload may be at most ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`, {
        errors: [{ path: 'body', message: 'too large' }],
      });
    },
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: IMPORT_PATH,
      tags: ['curator'],
      summary: 'Import a content pack (zip or JSON bundle, as the raw body) as a new version',
      description: 'Validated before anything changes: a broken pack is refused with file › field paths and nothing changes. ?dryRun=true only reports.',
      middleware: [...curator, importLimit],
      security: sessionSecurity,
      request: {
        query: z.object({
          dryRun: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
          message: z.string().max(500).optional(),
          name: z.string().max(200).optional(),
        }),
        body: {
          content: { 'application/zip': { schema: z.any().openapi({ type: 'string', format: 'binary' }) }, 'application/json': { schema: z.unknown() } },
        },
      },
      responses: {
        200: json(z.object({ version: z.number().nullable(), changes: z.array(Change) }), 'Validated (dry run) or unchanged'),
        201: json(z.object({ version: z.number(), changes: z.array(Change) }), 'Imported as a new version'),
        ...signedIn,
        413: problemOf('Too large'),
        ...invalid,
      },
    }),
    async (c) => {
      const { dryRun, message, name } = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      let files: ReturnType<typeof readBundle> | ContentError['issues'];
      try {
        files = readBundle(bytes);
      } catch (err) {
        if (!(err instanceof ContentError)) throw err;
        files = err.issues;
      }
      const result = await curation.importPack(files, { dryRun, message, name }, actor(c));
      const created = !dryRun && !('unchanged' in result && result.unchanged);
      return c.json(result as never, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/export',
      tags: ['curator'],
      summary: 'A version (default: the published one) or the draft as a zip or JSON bundle of content/pack files',
      middleware: curator,
      security: sessionSecurity,
      request: {
        query: z.object({
          version: z
            .union([z.literal('draft'), z.coerce.number().int().positive()])
            .optional()
            .openapi({ type: 'string', example: 'draft' }),
          format: z.enum(['zip', 'json']).default('zip'),
        }),
      },
      responses: {
        200: { content: { 'application/zip': { schema: z.any() }, 'application/json': { schema: z.unknown() } }, description: 'The pack' },
        ...signedIn,
        404: problemOf('No such version'),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { files, version, at } = await curation.exportFiles(q.version ?? curation.publishedVersion());
      const base = `museum-content-${version === 'draft' ? 'draft' : `v${version}`}`;
      if (q.format === 'json') {
        return c.body(packToJsonBundle(files, { version, exportedAt: new Date().toISOString() }), 200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="${base}.json"`,
        }) as never;
      }
      const zip = packToZip(files, at);
      return c.body(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer, 200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${base}.zip"`,
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/curator/preview',
      tags: ['curator'],
      summary: 'A preview link for the draft, for a browser or a kiosk (valid 8 hours)',
      middleware: curator,
      security: sessionSecurity,
      responses: {
        201: json(z.object({ token: z.string(), expiresAt: z.string(), links: z.object({ web: z.string(), kiosk: z.string() }) }), 'Created'),
        ...signedIn,
      },
    }),
    async (c) => {
      const { token, expiresAt } = await curation.createPreviewToken(actor(c));
      const enter = (to: string) => `/api/content/preview/enter?${new URLSearchParams({ token, to })}`;
      return c.json({ token, expiresAt, links: { web: enter('/'), kiosk: enter('/?mode=kiosk') } }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/curator/preview',
      tags: ['curator'],
      summary: 'End every preview link at once',
      middleware: curator,
      security: sessionSecurity,
      responses: { 200: json(z.object({ revoked: z.number() }), 'Revoked'), ...signedIn },
    }),
    async (c) => c.json(await curation.revokePreviewTokens(actor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/curator/live',
      tags: ['curator'],
      summary: 'Open live-push (SSE) connections and events sent since start',
      middleware: curator,
      security: sessionSecurity,
      responses: { 200: json(z.object({ connections: z.number(), eventsSent: z.number(), publishedVersion: z.number() }), 'Live push'), ...signedIn },
    }),
    (c) => c.json({ connections: deps.events.count(), eventsSent: deps.events.sentCount(), publishedVersion: curation.publishedVersion() }, 200),
  );
}
