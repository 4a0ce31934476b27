/**
 * Kiosk rules, no HTTP: kiosk configurations (each with its own device token), what a kiosk gets
 * at start, heartbeats with online/offline transitions, and the fleet's status. The clock is
 * injected so tests control time.
 *
 * Where a kiosk starts (its "start exhibit") goes through `resolveStartExhibit`: resolvers given at
 * creation (playlists: which exhibit a hall shows this week) are asked in order, and the kiosk's own
 * configured path is the fallback. See README.md.
 */
import type { Locale } from '../../content/schema.ts';
import type { AuthDevice, AuthService } from '../auth/service.ts';
import type { ContentService } from '../content/service.ts';
import { problem } from '../http/problem.ts';
import { isUniqueViolation, type KioskRow, type KioskStatusEventRow, type KioskStatusRow, type KioskStore } from './store.ts';

export const KIOSK_LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const satisfies readonly Locale[];
export const VISITOR_STATES = ['attract', 'active', 'prompt'] as const;
export type VisitorState = (typeof VISITOR_STATES)[number];

/** A kiosk counts as offline once this many heartbeat intervals passed without one. */
export const OFFLINE_AFTER_INTERVALS = 1.1;

export const KIOSK_LIMITS = {
  idleTimeoutSeconds: { min: 15, max: 3600, default: 90 },
  /** The "still there?" prompt: WCAG 2.2.1 asks for at least 20 s to answer. */
  promptSeconds: { min: 20, max: 300, default: 30 },
  heartbeatIntervalSeconds: { min: 5, max: 3600, default: 30 },
  diagonalInches: { min: 7, max: 120, default: 32 },
  widthPx: { min: 320, max: 16384, default: 1920 },
  heightPx: { min: 320, max: 16384, default: 1080 },
} as const;

/** App paths a kiosk may start on: an absolute path inside the app, never the API or raw assets. */
export const START_EXHIBIT_PATTERN = /^\/(?!api(\/|$)|assets(\/|$))[A-Za-z0-9._~\-/]*$/;

export interface ScreenConfig {
  diagonalInches: number;
  widthPx: number;
  heightPx: number;
}

export interface KioskConfig {
  id: string;
  name: string;
  hallId: string | null;
  defaultLanguage: Locale;
  /** The path configured for this kiosk (playlists may override it; see resolveStartExhibit). */
  startExhibit: string;
  idleTimeoutSeconds: number;
  promptSeconds: number;
  heartbeatIntervalSeconds: number;
  screen: ScreenConfig;
  /** The kiosk's device (auth `devices`), null once its token was revoked with the kiosk deleted. */
  deviceId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface StartExhibit {
  /** An app path, e.g. `/sites/erchang`. */
  path: string;
  /** Who chose it: 'kiosk' (its own configuration) or the resolver's name (e.g. 'playlist'). */
  source: string;
  /** Until when this choice holds (ISO), when the resolver knows; the kiosk re-reads its config then. */
  until: string | null;
}

/**
 * The seam for playlists: return the start exhibit for this kiosk at this moment, or undefined to
 * let the next resolver (finally the kiosk's own configuration) decide.
 */
export type StartExhibitResolver = (kiosk: KioskConfig, at: Date) => StartExhibit | undefined | Promise<StartExhibit | undefined>;

/** What GET /api/kiosks/me/config gives the kiosk. */
export interface KioskClientConfig {
  kioskId: string;
  name: string;
  hallId: string | null;
  defaultLanguage: Locale;
  startExhibit: StartExhibit;
  idleTimeoutSeconds: number;
  promptSeconds: number;
  heartbeatIntervalSeconds: number;
  screen: ScreenConfig;
  /** The published content version (the kiosk compares it with what it shows). */
  contentVersion: number;
  /**
   * Changes whenever what the kiosk should run changes — its configuration or the start exhibit a
   * resolver (playlist) picks: heartbeat answers carry it so the kiosk knows to re-read.
   */
  configVersion: string;
  serverTime: string;
}

export interface NewKiosk {
  id: string;
  name?: string;
  hallId?: string | null;
  defaultLanguage?: Locale;
  startExhibit?: string;
  idleTimeoutSeconds?: number;
  promptSeconds?: number;
  heartbeatIntervalSeconds?: number;
  screen?: Partial<ScreenConfig>;
}

export type KioskPatch = Partial<Omit<NewKiosk, 'id'>>;

export interface StatusTransition {
  /** The kiosk's own id for the event, so a retried heartbeat does not store it twice. */
  id: string;
  status: 'online' | 'offline';
  /** When it happened, by the kiosk's clock (ISO). */
  at: string;
}

export interface Heartbeat {
  /** The content version the kiosk is showing (null before it loaded any). */
  contentVersion: number | null;
  /** The front end's build (service worker / app version). */
  appVersion?: string | null;
  /** The last touch or key press (kiosk clock, ISO); null if nobody touched it since start. */
  lastInteractionAt: string | null;
  state?: VisitorState | null;
  /** When the kiosk sent it (kiosk clock): used to correct the kiosk's times for clock skew. */
  sentAt: string;
  /** Online/offline transitions queued while the server could not be reached. */
  events?: StatusTransition[];
}

export interface HeartbeatAnswer {
  serverTime: string;
  heartbeatIntervalSeconds: number;
  configVersion: string;
  contentVersion: number;
  /** Transitions stored by this heartbeat (repeats of stored ones are not counted). */
  storedEvents: number;
}

export type FleetStatus = 'online' | 'offline' | 'never-seen';

/** One kiosk as the fleet view shows it. */
export interface FleetKiosk {
  id: string;
  name: string;
  hallId: string | null;
  defaultLanguage: Locale;
  startExhibit: StartExhibit;
  idleTimeoutSeconds: number;
  heartbeatIntervalSeconds: number;
  /** online: a heartbeat within 1.1 × the interval; offline: none since; never-seen: no heartbeat ever. */
  status: FleetStatus;
  /** Since when the current status holds (ISO), when known. */
  statusSince: string | null;
  /** When it will count as offline without another heartbeat (ISO). */
  offlineAfter: string | null;
  lastHeartbeatAt: string | null;
  secondsSinceHeartbeat: number | null;
  firstHeartbeatAt: string | null;
  heartbeatCount: number;
  lastInteractionAt: string | null;
  visitorState: VisitorState | null;
  contentVersion: number | null;
  /** Whether it shows the published content version (null before it reported one). */
  contentUpToDate: boolean | null;
  appVersion: string | null;
  /** The kiosk's clock minus the server's (ms) at its last heartbeat. */
  clockSkewMs: number | null;
  /** Whether it still has a valid device token. */
  provisioned: boolean;
  recentTransitions: Transition[];
}

export interface Transition {
  status: 'online' | 'offline';
  at: string;
  source: 'kiosk' | 'server';
}

export interface Fleet {
  serverTime: string;
  publishedContentVersion: number;
  counts: Record<FleetStatus, number>;
  kiosks: FleetKiosk[];
}

export interface KioskServiceDeps {
  store: KioskStore;
  auth: Pick<AuthService, 'devices' | 'audit'>;
  content: Pick<ContentService, 'current'>;
  now?: () => Date;
  /** Asked in order before the kiosk's own start exhibit (playlists plug in here). */
  startExhibitResolvers?: StartExhibitResolver[];
  /** Transitions older than this are forgotten (default 90 days). */
  eventRetentionDays?: number;
}

type FieldError = { path: string; message: string };

const invalid = (errors: FieldError[]) => problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
const kioskNotFound = (id: string) => problem(404, 'not-found', 'Not found', `No kiosk with id "${id}".`);
/** A kiosk device whose token is valid but that no kiosk configuration points at. */
const notConfigured = () =>
  problem(
    404,
    'kiosk-not-configured',
    'Kiosk not configured',
    'This device token belongs to no kiosk configuration; an admin creates one under /api/admin/kiosks.',
  );

/** How many transitions the fleet list carries per kiosk. */
const FLEET_TRANSITIONS = 5;

export function kioskConfigOf(row: KioskRow): KioskConfig {
  return {
    id: row.id,
    name: row.name,
    hallId: row.hall_id,
    defaultLanguage: row.default_language,
    startExhibit: row.start_exhibit,
    idleTimeoutSeconds: row.idle_timeout_s,
    promptSeconds: row.prompt_s,
    heartbeatIntervalSeconds: row.heartbeat_interval_s,
    screen: { diagonalInches: row.screen_diagonal_in, widthPx: row.screen_width_px, heightPx: row.screen_height_px },
    deviceId: row.device_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The fleet status at `now` from the last heartbeat: offline after 1.1 × the interval. */
export function fleetStatusAt(lastHeartbeatAt: string | null, intervalSeconds: number, now: Date): { status: FleetStatus; offlineAfter: string | null } {
  if (!lastHeartbeatAt) return { status: 'never-seen', offlineAfter: null };
  const deadline = new Date(lastHeartbeatAt).getTime() + intervalSeconds * 1000 * OFFLINE_AFTER_INTERVALS;
  return { status: now.getTime() <= deadline ? 'online' : 'offline', offlineAfter: new Date(deadline).toISOString() };
}

export function createKioskService({ store, auth, content, now = () => new Date(), startExhibitResolvers = [], eventRetentionDays = 90 }: KioskServiceDeps) {
  const iso = (d: Date = now()) => d.toISOString();
  let serverEventSeq = 0;
  let lastPrune = 0;

  /** References that only the content can check: the hall and the start exhibit. */
  function checkReferences(input: { hallId?: string | null; startExhibit?: string }, errors: FieldError[]) {
    const pack = content.current().pack;
    if (input.hallId != null) {
      const [museumId, hallId, ...rest] = input.hallId.split('/');
      const museum = pack.museums.find((m) => m.id === museumId);
      if (rest.length || !hallId) errors.push({ path: 'body.hallId', message: 'expected "<museum>/<hall>"' });
      else if (!museum) errors.push({ path: 'body.hallId', message: `no museum "${museumId}"` });
      else if (!museum.halls.some((h) => h.id === hallId)) errors.push({ path: 'body.hallId', message: `museum "${museumId}" has no hall "${hallId}"` });
    }
    if (input.startExhibit !== undefined) {
      const p = input.startExhibit;
      if (!START_EXHIBIT_PATTERN.test(p) || p.includes('//') || p.split('/').some((s) => s === '.' || s === '..')) {
        errors.push({ path: 'body.startExhibit', message: 'an app path such as /, /eras/<id> or /sites/<id>' });
      } else {
        const [, section, id, extra] = p.split('/');
        if (section === 'eras' && id && (extra !== undefined || !pack.eras.some((e) => e.id === id)))
          errors.push({ path: 'body.startExhibit', message: `no era "${id}"` });
        if (section === 'sites' && id && (extra !== undefined || !pack.sites.some((s) => s.id === id)))
          errors.push({ path: 'body.startExhibit', message: `no site "${id}"` });
      }
    }
  }

  async function createDevice(kioskId: string, hallId: string | null, actorId: number | null) {
    return auth.devices.create({ kind: 'kiosk', name: `kiosk:${kioskId}`, hallId }, actorId);
  }

  async function configOrThrow(id: string): Promise<KioskRow> {
    const row = await store.kioskById(id);
    if (!row) throw kioskNotFound(id);
    return row;
  }

  async function kioskForDevice(device: AuthDevice): Promise<KioskConfig> {
    const row = await store.kioskByDevice(device.id);
    if (!row) throw notConfigured();
    return kioskConfigOf(row);
  }

  const configVersionOf = (kiosk: KioskConfig, start: StartExhibit) => `${kiosk.updatedAt}|${start.source}:${start.path}`;

  async function resolveStartExhibit(kiosk: KioskConfig, at: Date = now()): Promise<StartExhibit> {
    for (const resolve of startExhibitResolvers) {
      const chosen = await resolve(kiosk, at);
      if (chosen) return chosen;
    }
    return { path: kiosk.startExhibit, source: 'kiosk', until: null };
  }

  async function fleetEntry(
    row: KioskRow,
    status: KioskStatusRow | undefined,
    events: KioskStatusEventRow[],
    at: Date,
    publishedVersion: number,
  ): Promise<FleetKiosk> {
    const kiosk = kioskConfigOf(row);
    const { status: fleetStatus, offlineAfter } = fleetStatusAt(status?.last_heartbeat_at ?? null, kiosk.heartbeatIntervalSeconds, at);
    const lastHeartbeat = status ? new Date(status.last_heartbeat_at).getTime() : null;
    // Since when: online since the last "online" transition (or the first heartbeat), offline since the deadline passed.
    let statusSince: string | null = null;
    if (fleetStatus === 'offline') statusSince = offlineAfter;
    else if (fleetStatus === 'online') statusSince = events.find((e) => e.status === 'online')?.at ?? status?.first_heartbeat_at ?? null;
    return {
      id: kiosk.id,
      name: kiosk.name,
      hallId: kiosk.hallId,
      defaultLanguage: kiosk.defaultLanguage,
      startExhibit: await resolveStartExhibit(kiosk, at),
      idleTimeoutSeconds: kiosk.idleTimeoutSeconds,
      heartbeatIntervalSeconds: kiosk.heartbeatIntervalSeconds,
      status: fleetStatus,
      statusSince,
      offlineAfter,
      lastHeartbeatAt: status?.last_heartbeat_at ?? null,
      secondsSinceHeartbeat: lastHeartbeat === null ? null : Math.max(0, Math.round((at.getTime() - lastHeartbeat) / 1000)),
      firstHeartbeatAt: status?.first_heartbeat_at ?? null,
      heartbeatCount: status?.heartbeat_count ?? 0,
      lastInteractionAt: status?.last_interaction_at ?? null,
      visitorState: (status?.visitor_state as VisitorState | null) ?? null,
      contentVersion: status?.content_version ?? null,
      contentUpToDate: status?.content_version == null ? null : status.content_version === publishedVersion,
      appVersion: status?.app_version ?? null,
      clockSkewMs: status?.kiosk_clock_skew_ms ?? null,
      provisioned: kiosk.deviceId !== null,
      recentTransitions: events.slice(0, FLEET_TRANSITIONS).map((e) => ({ status: e.status, at: e.at, source: e.source })),
    };
  }

  return {
    resolveStartExhibit,

    /** Creates a kiosk and its device token (returned once; only its hash is kept). */
    async create(input: NewKiosk, actorId: number | null): Promise<{ kiosk: KioskConfig; token: string }> {
      const errors: FieldError[] = [];
      checkReferences(input, errors);
      if (errors.length) throw invalid(errors);
      if (await store.kioskById(input.id))
        throw problem(409, 'conflict', 'Kiosk exists', `A kiosk with id "${input.id}" exists already.`, { errors: [{ path: 'body.id', message: 'taken' }] });
      const { device, token } = await createDevice(input.id, input.hallId ?? null, actorId);
      const t = iso();
      const L = KIOSK_LIMITS;
      try {
        const row = await store.insertKiosk({
          id: input.id,
          name: input.name ?? input.id,
          hall_id: input.hallId ?? null,
          default_language: input.defaultLanguage ?? 'zh-Hans',
          start_exhibit: input.startExhibit ?? '/',
          idle_timeout_s: input.idleTimeoutSeconds ?? L.idleTimeoutSeconds.default,
          prompt_s: input.promptSeconds ?? L.promptSeconds.default,
          heartbeat_interval_s: input.heartbeatIntervalSeconds ?? L.heartbeatIntervalSeconds.default,
          screen_diagonal_in: input.screen?.diagonalInches ?? L.diagonalInches.default,
          screen_width_px: input.screen?.widthPx ?? L.widthPx.default,
          screen_height_px: input.screen?.heightPx ?? L.heightPx.default,
          device_id: device.id,
          created_at: t,
          updated_at: t,
        });
        await auth.audit.record({ actorId, action: 'kiosk.create', target: `kiosk:${row.id}`, detail: { deviceId: device.id, hallId: row.hall_id } });
        return { kiosk: kioskConfigOf(row), token };
      } catch (err) {
        // Lost a race for the id: the token we just made must not stay valid.
        await auth.devices.revoke(device.id, actorId);
        if (isUniqueViolation(err))
          throw problem(409, 'conflict', 'Kiosk exists', `A kiosk with id "${input.id}" exists already.`, { errors: [{ path: 'body.id', message: 'taken' }] });
        throw err;
      }
    },

    async update(id: string, patch: KioskPatch, actorId: number | null): Promise<KioskConfig> {
      const row = await configOrThrow(id);
      const errors: FieldError[] = [];
      checkReferences(patch, errors);
      if (errors.length) throw invalid(errors);
      const screen = { ...kioskConfigOf(row).screen, ...patch.screen };
      // The updated_at also versions the config for kiosks: keep it strictly increasing even when
      // two updates land in the same millisecond.
      const t = new Date(Math.max(now().getTime(), new Date(row.updated_at).getTime() + 1));
      const updated = await store.updateKiosk(id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.hallId !== undefined ? { hall_id: patch.hallId } : {}),
        ...(patch.defaultLanguage !== undefined ? { default_language: patch.defaultLanguage } : {}),
        ...(patch.startExhibit !== undefined ? { start_exhibit: patch.startExhibit } : {}),
        ...(patch.idleTimeoutSeconds !== undefined ? { idle_timeout_s: patch.idleTimeoutSeconds } : {}),
        ...(patch.promptSeconds !== undefined ? { prompt_s: patch.promptSeconds } : {}),
        ...(patch.heartbeatIntervalSeconds !== undefined ? { heartbeat_interval_s: patch.heartbeatIntervalSeconds } : {}),
        screen_diagonal_in: screen.diagonalInches,
        screen_width_px: screen.widthPx,
        screen_height_px: screen.heightPx,
        updated_at: iso(t),
      });
      if (!updated) throw kioskNotFound(id);
      await auth.audit.record({ actorId, action: 'kiosk.update', target: `kiosk:${id}`, detail: { fields: Object.keys(patch) } });
      return kioskConfigOf(updated);
    },

    /** A new device token for the kiosk (a replaced or lost machine); the old one stops working at once. */
    async rotateToken(id: string, actorId: number | null): Promise<{ kiosk: KioskConfig; token: string }> {
      const row = await configOrThrow(id);
      const { device, token } = await createDevice(id, row.hall_id, actorId);
      const updated = await store.updateKiosk(id, {
        device_id: device.id,
        updated_at: iso(new Date(Math.max(now().getTime(), new Date(row.updated_at).getTime() + 1))),
      });
      if (!updated) {
        await auth.devices.revoke(device.id, actorId);
        throw kioskNotFound(id);
      }
      if (row.device_id !== null) await auth.devices.revoke(row.device_id, actorId);
      await auth.audit.record({ actorId, action: 'kiosk.token', target: `kiosk:${id}`, detail: { deviceId: device.id, previousDeviceId: row.device_id } });
      return { kiosk: kioskConfigOf(updated), token };
    },

    /** Deletes the configuration and its history, and revokes its token. */
    async remove(id: string, actorId: number | null): Promise<void> {
      const row = await configOrThrow(id);
      await store.deleteKiosk(id);
      if (row.device_id !== null) await auth.devices.revoke(row.device_id, actorId);
      await auth.audit.record({ actorId, action: 'kiosk.delete', target: `kiosk:${id}`, detail: { deviceId: row.device_id } });
    },

    /** What the kiosk with this device token runs with. */
    async configForDevice(device: AuthDevice): Promise<KioskClientConfig> {
      const kiosk = await kioskForDevice(device);
      const at = now();
      const startExhibit = await resolveStartExhibit(kiosk, at);
      return {
        kioskId: kiosk.id,
        name: kiosk.name,
        hallId: kiosk.hallId,
        defaultLanguage: kiosk.defaultLanguage,
        startExhibit,
        idleTimeoutSeconds: kiosk.idleTimeoutSeconds,
        promptSeconds: kiosk.promptSeconds,
        heartbeatIntervalSeconds: kiosk.heartbeatIntervalSeconds,
        screen: kiosk.screen,
        contentVersion: content.current().version,
        configVersion: configVersionOf(kiosk, startExhibit),
        serverTime: iso(at),
      };
    },

    /**
     * Stores a heartbeat. The kiosk's times are corrected by its clock skew (sentAt vs. the server's
     * clock) so a kiosk with a wrong clock still lands its transitions in the right place. A
     * heartbeat after a gap longer than 1.1 × the interval also records the gap as server-seen
     * offline/online transitions, which covers kiosks that were switched off (they report nothing).
     */
    async heartbeat(device: AuthDevice, beat: Heartbeat): Promise<HeartbeatAnswer> {
      const kiosk = await kioskForDevice(device);
      const at = now();
      const skew = new Date(beat.sentAt).getTime() - at.getTime();
      const onServerClock = (kioskTime: string) => {
        // Never in the future, whatever the kiosk claims.
        const t = Math.min(new Date(kioskTime).getTime() - skew, at.getTime());
        return new Date(t).toISOString();
      };
      const previous = await store.statusOf(kiosk.id);
      const events: { kiosk_id: string; event_id: string; status: 'online' | 'offline'; at: string; received_at: string; source: 'kiosk' | 'server' }[] = [];
      if (previous) {
        const { status, offlineAfter } = fleetStatusAt(previous.last_heartbeat_at, kiosk.heartbeatIntervalSeconds, at);
        if (status === 'offline' && offlineAfter) {
          serverEventSeq += 1;
          const tag = `server:${at.getTime()}:${serverEventSeq}`;
          events.push({ kiosk_id: kiosk.id, event_id: `${tag}:offline`, status: 'offline', at: offlineAfter, received_at: iso(at), source: 'server' });
          events.push({ kiosk_id: kiosk.id, event_id: `${tag}:online`, status: 'online', at: iso(at), received_at: iso(at), source: 'server' });
        }
      } else {
        events.push({ kiosk_id: kiosk.id, event_id: `server:first:${at.getTime()}`, status: 'online', at: iso(at), received_at: iso(at), source: 'server' });
      }
      for (const e of beat.events ?? []) {
        events.push({ kiosk_id: kiosk.id, event_id: e.id, status: e.status, at: onServerClock(e.at), received_at: iso(at), source: 'kiosk' });
      }
      const stored = await store.recordHeartbeat(
        {
          kiosk_id: kiosk.id,
          last_heartbeat_at: iso(at),
          content_version: beat.contentVersion,
          app_version: beat.appVersion ?? null,
          last_interaction_at: beat.lastInteractionAt ? onServerClock(beat.lastInteractionAt) : null,
          visitor_state: beat.state ?? null,
          kiosk_clock_skew_ms: skew,
        },
        events,
      );
      // Once an hour at most: keep the transition log bounded.
      if (at.getTime() - lastPrune > 3600_000) {
        lastPrune = at.getTime();
        await store.pruneEvents(new Date(at.getTime() - eventRetentionDays * 86_400_000).toISOString());
      }
      return {
        serverTime: iso(at),
        heartbeatIntervalSeconds: kiosk.heartbeatIntervalSeconds,
        configVersion: configVersionOf(kiosk, await resolveStartExhibit(kiosk, at)),
        contentVersion: content.current().version,
        storedEvents: stored - events.filter((e) => e.source === 'server').length,
      };
    },

    async get(id: string): Promise<KioskConfig> {
      return kioskConfigOf(await configOrThrow(id));
    },

    /** Every kiosk with its status now, for the fleet view. */
    async fleet(): Promise<Fleet> {
      const at = now();
      const [rows, statuses] = await Promise.all([store.listKiosks(), store.listStatus()]);
      const byId = new Map(statuses.map((s) => [s.kiosk_id, s]));
      const published = content.current().version;
      const kiosks: FleetKiosk[] = [];
      for (const row of rows) kiosks.push(await fleetEntry(row, byId.get(row.id), await store.recentEvents(row.id, FLEET_TRANSITIONS), at, published));
      const counts: Record<FleetStatus, number> = { online: 0, offline: 0, 'never-seen': 0 };
      for (const k of kiosks) counts[k.status] += 1;
      return { serverTime: iso(at), publishedContentVersion: published, counts, kiosks };
    },

    /** One kiosk with its configuration, status and a longer transition history. */
    async detail(id: string, transitions = 100): Promise<{ kiosk: KioskConfig; status: FleetKiosk; transitions: Transition[] }> {
      const row = await configOrThrow(id);
      const at = now();
      const events = await store.recentEvents(id, transitions);
      const status = await fleetEntry(row, await store.statusOf(id), events, at, content.current().version);
      return { kiosk: kioskConfigOf(row), status, transitions: events.map((e) => ({ status: e.status, at: e.at, source: e.source })) };
    },
  };
}

export type KioskService = ReturnType<typeof createKioskService>;
