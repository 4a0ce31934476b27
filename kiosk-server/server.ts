/**
 * Wires the server together: config → database (migrated) → services → app. Used by main.ts and by
 * tests and benchmarks that need a real instance.
 */
import { createApp } from './app.ts';
import { createFirstAdminFromEnv } from './auth/first-admin.ts';
import { type AuthOptions, type AuthService, createAuthService } from './auth/service.ts';
import { createAuthStore } from './auth/store.ts';
import type { Config } from './config.ts';
import { createContentService } from './content/service.ts';
import { createContentStore } from './content/store.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createLogger, type Logger } from './log.ts';

export interface Museum {
  app: ReturnType<typeof createApp>;
  log: Logger;
  auth: AuthService;
  close(): Promise<void>;
}

export interface MuseumOptions {
  memory?: boolean;
  log?: Logger;
  /** The clock (tests move it). */
  now?: () => Date;
  /** Where MUSEUM_ADMIN_USERNAME / MUSEUM_ADMIN_PASSWORD are read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Session lifetimes, throttling, scrypt cost (tests may pass cheap scrypt parameters). */
  auth?: Partial<AuthOptions>;
}

export async function createMuseum(config: Config, options: MuseumOptions = {}): Promise<Museum> {
  const log = options.log ?? createLogger(config.logLevel);
  const db = openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, memory: options.memory });
  const applied = await migrateToLatest(db.kysely as never, db.dialect);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const content = createContentService({ store: createContentStore(db.kysely) });
  const published = await content.init(config.contentDir, (err) =>
    log.error({ issues: err.issues }, 'content/pack is invalid; still serving the last good version'),
  );
  log.info({ version: published.version, sites: published.pack.sites.length }, 'content ready');
  const auth = createAuthService({ store: createAuthStore(db.kysely, db.dialect), now: options.now, options: options.auth });
  await createFirstAdminFromEnv(auth, options.env ?? process.env, log);
  const app = createApp({ db, content, auth, log, staticDir: config.staticDir, assetsDir: config.assetsDir });
  return { app, log, auth, close: () => db.close() };
}
