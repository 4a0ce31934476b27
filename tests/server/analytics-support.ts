/** Helpers for the analytics tests: a museum with a movable clock, event factories, a batch poster. */
import path from 'node:path';
import type { AnalyticsOptions } from '../../kiosk-server/analytics/config.ts';
import type { AnalyticsEvent, TrackInput } from '../../kiosk-server/analytics/events.ts';
import { uuidv7 } from '../../kiosk-server/analytics/service.ts';
import { readConfig } from '../../kiosk-server/config.ts';
import { createLogger } from '../../kiosk-server/log.ts';
import { createMuseum, type Museum } from '../../kiosk-server/server.ts';
import { CHEAP_SCRYPT } from '../support/auth.ts';
import { tempDir } from '../support/museum.ts';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

export async function analyticsMuseum(options: { now?: () => Date; dataDir?: string; analytics?: Partial<AnalyticsOptions> } = {}): Promise<Museum> {
  // ANALYTICS_TEST_DATABASE_URL=postgres://… runs these tests on PostgreSQL (a fresh database each run).
  const databaseUrl = options.dataDir ? undefined : process.env.ANALYTICS_TEST_DATABASE_URL;
  const config = readConfig({
    DATA_DIR: options.dataDir ?? tempDir(),
    STATIC_DIR: path.join(tempDir(), 'no-static'),
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  return createMuseum(config, {
    memory: !options.dataDir,
    log: createLogger('silent'),
    now: options.now,
    env: {},
    auth: { scrypt: CHEAP_SCRYPT },
    analytics: options.analytics,
  });
}

/** A random v4 UUID for a session. */
export const sessionId = () => crypto.randomUUID();

/** A complete event as a tracker would send it. */
export function event(input: TrackInput, at: number, extra: { session?: string; lang?: AnalyticsEvent['lang']; id?: string } = {}): AnalyticsEvent {
  return { id: extra.id ?? uuidv7(at), at, session: extra.session ?? sessionId(), lang: extra.lang ?? 'zh-Hans', ...input } as AnalyticsEvent;
}

export interface PostOptions {
  headers?: Record<string, string>;
  sentAt?: number;
}

/** POSTs a batch to /api/analytics/events as a browser would (unless headers say otherwise). */
export async function post(museum: Pick<Museum, 'app'>, events: unknown[], opts: PostOptions = {}) {
  const res = await museum.app.request('/api/analytics/events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'User-Agent': BROWSER_UA, ...opts.headers },
    body: JSON.stringify({ events, ...(opts.sentAt !== undefined ? { sentAt: opts.sentAt } : {}) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
