/**
 * Wires the server together: config → database (migrated) → services → app. Used by main.ts and by
 * tests and benchmarks that need a real instance.
 */
import type { AnalyticsOptions } from './analytics/config.ts';
import type { AnalyticsService } from './analytics/service.ts';
import { createAnalytics } from './analytics/setup.ts';
import { createApp } from './app.ts';
import { createFirstAdminFromEnv } from './auth/first-admin.ts';
import { type AuthOptions, type AuthService, createAuthService } from './auth/service.ts';
import { createAuthStore } from './auth/store.ts';
import type { Config } from './config.ts';
import { createContentService } from './content/service.ts';
import { type Curator, createCurator } from './content/setup.ts';
import { createContentStore } from './content/store.ts';
import { type CrowdService, createCrowdService } from './crowd/service.ts';
import { createCrowdStore } from './crowd/store.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrations.ts';
import { createKioskService } from './kiosks/service.ts';
import { createKioskStore } from './kiosks/store.ts';
import { createLogger, type Logger } from './log.ts';
import { calendarCacheMs, capacityGuardDisabled, reservationKey } from './reservations/config.ts';
import { createReservationService, type ReservationService } from './reservations/service.ts';
import { createReservationStore } from './reservations/store.ts';

export interface Museum {
  app: ReturnType<typeof createApp>;
  log: Logger;
  auth: AuthService;
  analytics: AnalyticsService;
  reservations: ReservationService;
  crowd: CrowdService;
  /** Drafts, publish, live push, media, playlists (content/setup.ts). */
  curator: Curator;
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
  /** Analytics settings over the ANALYTICS_* environment (flush timing, ack mode, retention…). */
  analytics?: Partial<AnalyticsOptions>;
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
  const analytics = await createAnalytics({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    memory: options.memory,
    log,
    now: options.now,
    env: options.env ?? process.env,
    options: options.analytics,
    auth,
  });
  const env = options.env ?? process.env;
  // Crowd asks reservations for closing times; reservations records check-ins into crowd.
  let reservations: ReservationService | undefined;
  const crowd = createCrowdService({
    store: createCrowdStore(db.kysely),
    content,
    now: options.now,
    log,
    closingTime: (museumId, date) => (reservations as ReservationService).closingTime(museumId, date),
  });
  reservations = createReservationService({
    store: createReservationStore(db.kysely),
    content,
    crowd,
    now: options.now,
    log,
    key: reservationKey({ dataDir: config.dataDir, memory: options.memory, env }),
    unsafeDisableCapacityGuard: capacityGuardDisabled(env),
    calendarCacheMs: calendarCacheMs(env),
  });
  const curator = createCurator({ db, content, auth, dataDir: config.dataDir, now: options.now });
  const kiosks = createKioskService({ store: createKioskStore(db.kysely), auth, content, now: options.now, startExhibitResolvers: [curator.playlistResolver] });
  const app = createApp({ db, content, auth, analytics, reservations, crowd, kiosks, curator, log, staticDir: config.staticDir, assetsDir: config.assetsDir });
  return {
    app,
    log,
    auth,
    analytics,
    reservations,
    crowd,
    // Analytics first: its buffer is written before its database closes.
    curator,
    close: async () => {
      curator.close();
      await analytics.close();
      crowd.close();
      await reservations.close();
      await db.close();
    },
  };
}
