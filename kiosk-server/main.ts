/** Starts the HTTP server; stops gracefully on SIGINT/SIGTERM (finish requests, close the DB). */
import { serve } from '@hono/node-server';
import { readConfig } from './config.ts';
import { createMuseum } from './server.ts';

const config = readConfig();
const museum = await createMuseum(config);
const server = serve({ fetch: museum.app.fetch, port: config.port, hostname: config.host }, (info) => {
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  museum.log.info({ port: info.port, dataDir: config.dataDir, database: config.databaseUrl ? 'postgres' : 'sqlite' }, 'listening');
  console.log(`\n  Museum running at http://${host}:${info.port}/\n`);
});

let stopping = false;
// Once stopping, every response says "Connection: close": busy keep-alive clients (kiosks sending
// analytics) would otherwise hold close() open until the forced exit. Requests in flight finish,
// and an analytics batch is answered only after its commit, so nothing acknowledged is lost.
server.on('request', (_req: unknown, res: { headersSent: boolean; setHeader(name: string, value: string): void }) => {
  if (stopping && !res.headersSent) res.setHeader('Connection', 'close');
});
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  museum.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close(async () => {
    await museum.close();
    museum.log.info('stopped');
    process.exit(0);
  });
  // Idle keep-alive sockets would hold close() open.
  if ('closeIdleConnections' in server) server.closeIdleConnections();
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
