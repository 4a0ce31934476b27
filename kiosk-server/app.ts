/**
 * The Hono app: every feature's routes, problem+json errors, the OpenAPI document, and (when a
 * static folder is given) the built front end and assets. Tests call `app.request()` directly.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { registerAnalyticsRoutes } from './analytics/routes.ts';
import type { AnalyticsService } from './analytics/service.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import type { AuthService } from './auth/service.ts';
import { registerContentRoutes } from './content/routes.ts';
import type { ContentService } from './content/service.ts';
import { type Curator, hasOwnBodyLimit, registerCuratorFeature } from './content/setup.ts';
import { registerCrowdRoutes } from './crowd/routes.ts';
import type { CrowdService } from './crowd/service.ts';
import type { Db } from './db/database.ts';
import { registerHealthRoutes } from './health/routes.ts';
import { handleError, problem, validationProblem } from './http/problem.ts';
import { registerKioskRoutes } from './kiosks/routes.ts';
import type { KioskService } from './kiosks/service.ts';
import type { Logger } from './log.ts';
import { registerReservationRoutes } from './reservations/routes.ts';
import type { ReservationService } from './reservations/service.ts';

export interface AppDeps {
  db: Db;
  content: ContentService;
  /** Users, sessions, device tokens, audit log; route guards via createAuthMiddleware(deps.auth). */
  auth: AuthService;
  /** Visitor events in, reports out (its own database; see analytics/). */
  analytics: AnalyticsService;
  /** Timed-entry slots, bookings, tickets, check-in (see reservations/). */
  reservations: ReservationService;
  /** Hall occupancy from check-ins and door counters, live to staff (see crowd/). */
  crowd: CrowdService;
  /** Kiosk configurations, heartbeats and fleet status (see kiosks/). */
  kiosks: KioskService;
  /** Drafts, publish, rollback, import/export, preview, live push, media uploads, playlists (see content/setup.ts). */
  curator: Curator;
  log: Logger;
  /** Built front end (index.html + hashed assets). Omit in API-only tests. */
  staticDir?: string;
  assetsDir?: string;
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      // A JSON or form body is reported as `body.<field>` (the target names the parser, not the place).
      if (!result.success) throw validationProblem(result.target === 'json' || result.target === 'form' ? 'body' : result.target, result.error.issues);
    },
  });

  app.onError((err, c) => handleError(err, c, (e) => deps.log.error({ err: e, path: c.req.path }, 'unhandled error')));
  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw problem(413, 'too-large', 'Request body too large', 'The body may be at most 1 MiB.', { errors: [{ path: 'body', message: 'at most 1 MiB' }] });
    },
  });
  // Only requests that carry a body: bodyLimit reads `c.req.raw.body`, which makes the Node adapter
  // build a full Request object — a third of a GET's cost on the content hot path.
  // Uploads and pack imports apply their own, larger limit (content/setup.ts).
  app.use('/api/*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' || hasOwnBodyLimit(c.req.path) ? next() : limitBody(c, next)));

  registerHealthRoutes(app, deps);
  registerContentRoutes(app, deps.content, deps.curator.live);
  registerCuratorFeature(app, deps);
  registerAuthRoutes(app, deps.auth);
  registerAnalyticsRoutes(app, deps);
  registerReservationRoutes(app, deps.reservations, deps.auth);
  registerCrowdRoutes(app, deps.crowd, deps.auth);
  registerKioskRoutes(app, deps.kiosks, deps.auth);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Chongqing Industrial Heritage — museum API',
      version: '1.0.0',
      description: 'Content, reservations, crowd and analytics for the museum platform. Errors are RFC 9457 problem+json.',
    },
  });

  app.all('/api/*', (c) => {
    throw problem(404, 'not-found', 'Not found', `No API route ${c.req.method} ${c.req.path}.`);
  });

  if (deps.assetsDir && existsSync(deps.assetsDir)) {
    const root = path.relative(process.cwd(), deps.assetsDir);
    app.use(
      '/assets/*',
      serveStatic({ root, rewriteRequestPath: (p) => p.replace(/^\/assets/, ''), onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=86400') }),
    );
  }
  if (deps.staticDir && existsSync(path.join(deps.staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), deps.staticDir);
    const indexHtml = readFileSync(path.join(deps.staticDir, 'index.html'), 'utf8');
    app.use(
      '/*',
      serveStatic({
        root,
        onFound: (p, c) => c.header('Cache-Control', p.includes('/app/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      }),
    );
    // Client-side routes (/eras/wartime, /sites/erchang …) all get the app shell.
    app.get('*', (c) => c.html(indexHtml, 200, { 'Cache-Control': 'no-cache' }));
  }
  return app;
}

export type App = ReturnType<typeof createApp>;
