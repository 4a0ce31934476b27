/**
 * Media HTTP: upload and list for curators (under /api/curator/media), and the public files at
 * /media/<sha256>.<ext> — served with the type recorded at upload, `nosniff`, a sandboxing CSP
 * and immutable caching; single byte ranges for audio seeking.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createAuthMiddleware } from '../auth/middleware.ts';
import type { AuthService } from '../auth/service.ts';
import { problem } from '../http/problem.ts';
import type { MediaService } from './service.ts';
import { MAX_UPLOAD_BYTES } from './sniff.ts';

export const MEDIA_UPLOAD_PATH = '/api/curator/media';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemResponse = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });
const MediaItem = z
  .object({
    hash: z.string(),
    src: z.string().openapi({ example: '/media/0f…e3.jpg' }),
    kind: z.enum(['image', 'audio', 'captions']),
    mime: z.string(),
    size: z.number().int(),
    name: z.string(),
    uploadedAt: z.string(),
  })
  .openapi('MediaItem');

const noStore = async (c: Context, next: () => Promise<void>) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

export function registerMediaRoutes(app: OpenAPIHono, deps: { auth: AuthService; media: MediaService }) {
  const { requireRole } = createAuthMiddleware(deps.auth);
  const curator = requireRole('curator');
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_BYTES,
    onError: () => {
      throw problem(413, 'too-large', 'File too large', `An upload may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MiB.`, {
        errors: [{ path: 'body', message: 'too large' }],
      });
    },
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: MEDIA_UPLOAD_PATH,
      tags: ['curator'],
      summary: 'Upload an image, narration or captions file (the raw bytes as the body)',
      description:
        'The type is read from the bytes and must agree with the extension of `name`: JPEG, PNG, WebP, GIF (≤ 10 MiB), MP3, Ogg, WAV, M4A (≤ 40 MiB), WebVTT (≤ 1 MiB). Stored by content hash.',
      middleware: [noStore, curator, limit] as const,
      security: [{ session: [] }],
      request: {
        query: z.object({ name: z.string().min(1).max(300).openapi({ example: 'chimney.jpg' }) }),
        body: { content: { 'application/octet-stream': { schema: z.any().openapi({ type: 'string', format: 'binary' }) } } },
      },
      responses: {
        201: { content: { 'application/json': { schema: z.object({ media: MediaItem }) } }, description: 'Stored' },
        200: { content: { 'application/json': { schema: z.object({ media: MediaItem }) } }, description: 'The same bytes were uploaded before' },
        400: problemResponse('Bad or path-like file name, or empty file'),
        401: problemResponse('Not signed in'),
        403: problemResponse('Not a curator, or CSRF failure'),
        413: problemResponse('Too large for its kind'),
        415: problemResponse('Not a type the museum takes, or the extension lies about the content'),
      },
    }),
    async (c) => {
      const { name } = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const { item, created } = await deps.media.upload({ name, bytes, actorId: c.get('user')!.id });
      return c.json({ media: item }, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: MEDIA_UPLOAD_PATH,
      tags: ['curator'],
      summary: 'The media library, newest first',
      middleware: [noStore, curator] as const,
      security: [{ session: [] }],
      responses: {
        200: { content: { 'application/json': { schema: z.object({ media: z.array(MediaItem) }) } }, description: 'Uploads' },
        401: problemResponse('Not signed in'),
        403: problemResponse('Not a curator'),
      },
    }),
    async (c) => c.json({ media: await deps.media.list() }, 200),
  );

  const serve = async (c: Context) => {
    const found = await deps.media.resolve(c.req.param('name') ?? '');
    if (!found) throw problem(404, 'not-found', 'Not found', 'No such media file.');
    const headers: Record<string, string> = {
      'Content-Type': found.mime === 'text/vtt' ? 'text/vtt; charset=utf-8' : found.mime,
      'X-Content-Type-Options': 'nosniff',
      // Opened on its own, the file can do nothing: no scripts, no plugins, no frames.
      'Content-Security-Policy': "default-src 'none'; media-src 'self'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: `"${found.hash}"`,
      'Accept-Ranges': 'bytes',
    };
    if (c.req.header('if-none-match') === `"${found.hash}"`) return c.body(null, 304, headers);
    let start = 0;
    let end = found.size - 1;
    let status: 200 | 206 = 200;
    const range = c.req.header('range');
    if (range) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
      const from = m?.[1] ? Number(m[1]) : undefined;
      const to = m?.[2] ? Number(m[2]) : undefined;
      if (m && (from !== undefined || to !== undefined)) {
        if (from === undefined) start = Math.max(0, found.size - (to ?? 0));
        else {
          start = from;
          end = Math.min(to ?? end, found.size - 1);
        }
        if (start > end || start >= found.size) {
          return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${found.size}` });
        }
        status = 206;
        headers['Content-Range'] = `bytes ${start}-${end}/${found.size}`;
      }
    }
    headers['Content-Length'] = String(end - start + 1);
    if (c.req.method === 'HEAD') return c.body(null, status, headers);
    const stream = Readable.toWeb(createReadStream(found.file, { start, end })) as ReadableStream<Uint8Array>;
    return c.body(stream, status, headers);
  };
  app.get('/media/:name', serve);
}
