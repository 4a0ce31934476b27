/** Builds the analytics service: its own database (migrated), store, options, timers started. */
import type { AuthService } from '../auth/service.ts';
import type { Logger } from '../log.ts';
import { type AnalyticsOptions, readAnalyticsOptions } from './config.ts';
import { migrateAnalytics, openAnalyticsDatabase } from './database.ts';
import { type AnalyticsService, createAnalyticsService } from './service.ts';
import { createAnalyticsStore } from './store.ts';

export interface AnalyticsSetup {
  dataDir: string;
  databaseUrl?: string;
  memory?: boolean;
  log: Logger;
  now?: () => Date;
  env: Record<string, string | undefined>;
  options?: Partial<AnalyticsOptions>;
  auth?: AuthService;
  /** Start the retention timer (default true). */
  start?: boolean;
}

export async function createAnalytics(setup: AnalyticsSetup): Promise<AnalyticsService> {
  const options = readAnalyticsOptions(setup.env, setup.options);
  const db = openAnalyticsDatabase({ dataDir: setup.dataDir, databaseUrl: setup.databaseUrl, memory: setup.memory });
  const applied = await migrateAnalytics(db);
  if (applied.length) setup.log.info({ applied }, 'analytics migrations applied');
  const store = createAnalyticsStore(db, { utcOffsetHours: options.utcOffsetHours });
  const auth = setup.auth;
  const service = createAnalyticsService({
    db,
    store,
    options,
    log: setup.log,
    now: setup.now,
    kiosks: auth
      ? async () => (await auth.devices.list()).filter((d) => d.kind === 'kiosk').map((d) => ({ id: d.id, name: d.name, hallId: d.hallId }))
      : undefined,
  });
  if (setup.start !== false) service.start();
  return service;
}
