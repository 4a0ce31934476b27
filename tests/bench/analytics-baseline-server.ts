/**
 * Baseline for the ingest benchmark: a bare Hono server on the same Node adapter that parses the
 * same JSON batch and answers with a count, storing nothing. The museum's ingest is measured
 * against it in the same run.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/hello', (c) => c.text('ok'));
app.post('/ingest', async (c) => {
  const body = (await c.req.json()) as { events: unknown[] };
  return c.json({ received: body.events.length, stored: body.events.length });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0) });
