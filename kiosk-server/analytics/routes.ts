/**
 * Analytics API (HTTP only). POST /api/analytics/events takes a batch from the web (anonymous, bot
 * filtered, Do-Not-Track honoured) or from a kiosk (Authorization: Bearer <device token>); each
 * event gets its own result. The reports are for curators and admins.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app.ts';
import { createAuthMiddleware } from '../auth/middleware.ts';
import { ProblemError, problem } from '../http/problem.ts';
import { EVENT_TYPES } from './events.ts';
import { CSV_SECTIONS, dayNumber } from './reports.ts';
import { ShuttingDownError } from './service.ts';

const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const problemOf = (description: string) => ({ content: { 'application/problem+json': { schema: Problem } }, description });

const ItemResult = z.object({
  index: z.number().int(),
  id: z.string().optional(),
  status: z.enum(['stored', 'duplicate', 'accepted', 'rejected']),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const IngestResult = z
  .object({
    received: z.number().int(),
    stored: z.number().int(),
    duplicates: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    results: z.array(ItemResult),
  })
  .openapi('AnalyticsIngestResult');

const MAX_REPORT_DAYS = 400;
const Date_ = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const ReportFields = z.object({
  from: Date_.optional().openapi({ description: 'First local date (default: 29 days before `to`)', example: '2025-05-01' }),
  to: Date_.optional().openapi({ description: 'Last local date, inclusive (default: today)', example: '2025-05-31' }),
  source: z.enum(['kiosk', 'web']).optional(),
  hall: z.string().min(1).max(100).optional(),
});
function checkRange(q: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  for (const key of ['from', 'to'] as const) {
    const v = q[key];
    if (v && (Number.isNaN(dayNumber(v)) || new Date(dayNumber(v) * 86_400_000).toISOString().slice(0, 10) !== v)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'not a real date' });
    }
  }
  if (q.from && q.to) {
    const span = dayNumber(q.to) - dayNumber(q.from);
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (span >= MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_REPORT_DAYS} days` });
  }
}
const ReportQuery = ReportFields.superRefine(checkRange);
const CsvQuery = ReportFields.extend({ section: z.enum(CSV_SECTIONS) }).superRefine(checkRange);

export function registerAnalyticsRoutes(app: OpenAPIHono, deps: Pick<AppDeps, 'analytics' | 'auth'>) {
  const { analytics } = deps;
  const auth = createAuthMiddleware(deps.auth);
  const kiosk = auth.requireDevice('kiosk');
  // With a bearer token the batch must come from a registered kiosk; without one it is the web.
  const kioskIfToken: MiddlewareHandler = (c, next) => (c.req.header('authorization') ? kiosk(c, next) : next());
  const reader = auth.requireRole('curator', 'admin');

  // navigator.sendBeacon can only send a CORS-safelisted type without a preflight: take its
  // text/plain body as the JSON it is.
  app.use('/api/analytics/events', async (c, next) => {
    if (c.req.method === 'POST' && /^text\/plain\b/i.test(c.req.header('content-type') ?? '')) {
      const headers = new Headers(c.req.raw.headers);
      headers.set('content-type', 'application/json');
      c.req.raw = new Request(c.req.raw, { headers });
    }
    await next();
  });

  const ingest = createRoute({
    method: 'post',
    path: '/api/analytics/events',
    tags: ['analytics'],
    summary: 'Send a batch of visitor events',
    description:
      `Event types: ${EVENT_TYPES.join(', ')} (fields: kiosk-server/analytics/events.ts). ` +
      'Each event is validated on its own: a malformed or unknown one is rejected in its result and the rest are stored. ' +
      'A resent event id answers `duplicate` and is not counted again. A 200 means every stored event is on disk. ' +
      'Without a token the batch counts as web traffic (bots and Do-Not-Track / Global Privacy Control requests are ignored, 202); ' +
      'with `Authorization: Bearer <device token>` it counts for that kiosk and its hall.',
    middleware: [kioskIfToken] as const,
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              sentAt: z.number().int().positive().optional().openapi({ description: 'The device clock when sent (ms): corrects a kiosk clock that is off' }),
              events: z
                .array(z.unknown())
                .min(1)
                .max(analytics.options.maxBatch)
                .openapi({ description: 'Events, each {id (UUID), type, at (ms), session (UUID), lang, …fields of its type}' }),
            }),
          },
        },
      },
    },
    responses: {
      200: { content: { 'application/json': { schema: IngestResult } }, description: 'A result per event' },
      202: { content: { 'application/json': { schema: z.object({ ignored: z.enum(['bot', 'do-not-track', 'cross-site']) }) } }, description: 'Not counted' },
      400: problemOf('Not a batch'),
      401: problemOf('Bad device token'),
      413: problemOf('Body over 1 MiB'),
      503: problemOf('Shutting down or storage unavailable: nothing was stored, send again later'),
    },
  });
  app.openapi(ingest, async (c) => {
    const body = c.req.valid('json');
    const device = c.get('device');
    if (!device && c.req.header('sec-fetch-site') === 'cross-site') return c.json({ ignored: 'cross-site' as const }, 202);
    try {
      const outcome = await analytics.ingest(
        body,
        device
          ? { source: 'kiosk', kioskId: device.id, hallId: device.hallId }
          : { source: 'web', userAgent: c.req.header('user-agent'), doNotTrack: c.req.header('dnt'), globalPrivacyControl: c.req.header('sec-gpc') },
      );
      if ('ignored' in outcome) return c.json(outcome, 202);
      return c.json(outcome, 200);
    } catch (err) {
      // Nothing of this batch was acknowledged: the tracker keeps it and sends it again.
      throw new ProblemError(unavailable(err instanceof ShuttingDownError).problem, { 'Retry-After': '5' });
    }
  });

  const reportRoute = createRoute({
    method: 'get',
    path: '/api/analytics/reports',
    tags: ['analytics'],
    summary: 'Visitor report for a date range (curators and admins)',
    description: 'From the hourly rollups. Counts from 1 to 4 are null (suppressed), and so is anything derived from them.',
    middleware: [reader] as const,
    request: { query: ReportQuery },
    responses: {
      200: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi('AnalyticsReport') } }, description: 'The report' },
      400: problemOf('Bad range'),
      401: problemOf('Not signed in'),
      403: problemOf('Not a curator or admin'),
    },
  });
  app.openapi(reportRoute, async (c) => {
    const q = c.req.valid('query');
    const report = await analytics.report({ from: q.from, to: q.to, source: q.source, hallId: q.hall });
    c.header('Cache-Control', 'no-store');
    return c.json(report as unknown as Record<string, unknown>, 200);
  });

  const csvRoute = createRoute({
    method: 'get',
    path: '/api/analytics/reports/csv',
    tags: ['analytics'],
    summary: 'One report section as CSV (curators and admins)',
    middleware: [reader] as const,
    request: { query: CsvQuery },
    responses: {
      200: { content: { 'text/csv': { schema: z.string() } }, description: 'UTF-8 CSV with a byte order mark; suppressed counts read "<5"' },
      400: problemOf('Bad range or section'),
      401: problemOf('Not signed in'),
      403: problemOf('Not a curator or admin'),
    },
  });
  app.openapi(csvRoute, async (c) => {
    const q = c.req.valid('query');
    const { filename, body } = await analytics.csv(q.section, { from: q.from, to: q.to, source: q.source, hallId: q.hall });
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    }) as never;
  });
}

function unavailable(shuttingDown: boolean) {
  return problem(
    503,
    'unavailable',
    'Try again later',
    shuttingDown ? 'The server is shutting down; nothing from this batch was stored.' : 'Events could not be stored; nothing from this batch was acknowledged.',
    {},
  );
}
