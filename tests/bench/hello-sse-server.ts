/**
 * Baseline for the publish benchmark: a bare Hono SSE fan-out (no auth, no database, no content):
 * every open stream gets an event when POST /go is called. What the museum's publish → SSE costs
 * is compared with this in the same run.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';

const app = new Hono();
const streams = new Set<(data: string) => void>();
let n = 0;

app.get('/events', (c) =>
  streamSSE(c, async (stream) => {
    let done: () => void = () => {};
    const closed = new Promise<void>((r) => {
      done = r;
    });
    const send = (data: string) => void stream.writeSSE({ event: 'version', data }).catch(() => done());
    streams.add(send);
    stream.onAbort(() => done());
    await stream.writeSSE({ event: 'version', data: JSON.stringify({ version: n }) });
    await closed;
    streams.delete(send);
  }),
);
app.post('/go', (c) => {
  n++;
  const data = JSON.stringify({ version: n });
  for (const s of streams) s(data);
  return c.json({ version: n, sent: streams.size });
});
app.get('/count', (c) => c.json({ connections: streams.size }));

serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 4431), hostname: '127.0.0.1' });
