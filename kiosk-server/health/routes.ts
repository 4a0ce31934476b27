/** Liveness and readiness: the database answers and content is loaded. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppDeps } from '../app.ts';

const Health = z.object({ status: z.enum(['ok', 'degraded']), contentVersion: z.number(), database: z.enum(['ok', 'down']), dialect: z.string() });

export function registerHealthRoutes(app: OpenAPIHono, deps: Pick<AppDeps, 'db' | 'content'>) {
  const route = createRoute({
    method: 'get',
    path: '/api/health',
    tags: ['ops'],
    summary: 'Health check',
    responses: {
      200: { content: { 'application/json': { schema: Health } }, description: 'Healthy' },
      503: { content: { 'application/json': { schema: Health } }, description: 'Database down' },
    },
  });
  app.openapi(route, async (c) => {
    let database: 'ok' | 'down' = 'ok';
    try {
      await sql`select 1`.execute(deps.db.kysely);
    } catch {
      database = 'down';
    }
    const body = {
      status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
      contentVersion: deps.content.current().version,
      database,
      dialect: deps.db.dialect,
    };
    return c.json(body, database === 'ok' ? 200 : 503);
  });
}
