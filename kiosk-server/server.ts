/**
 * Wires the server together: config → database (migrated) → services → app. Used by main.ts and by
 * tests and benchmarks that need a real instance.
 */
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { createContentService } from './content/service.ts';
import { createContentStore } from './content/store.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createLogger, type Logger } from './log.ts';

export interface Museum {
  app: ReturnType<typeof createApp>;
  log: Logger;
  close(): Promise<void>;
}

export async function createMuseum(config: Config, options: { memory?: boolean; log?: Logger } = {}): Promise<Museum> {
  const log = options.log ?? createLogger(config.logLevel);
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, memory: options.memory });
  const applied = await migrateToLatest(db.kysely as never, db.dialect);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const content = createContentService({ store: createContentStore(db.kysely) });
  const published = await content.init(config.contentDir);
  log.info({ version: published.version, sites: published.pack.sites.length }, 'content ready');
  const app = createApp({ db, content, log, staticDir: config.staticDir, assetsDir: config.assetsDir });
  return { app, log, close: () => db.close() };
}
