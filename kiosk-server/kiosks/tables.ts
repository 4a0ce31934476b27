/** Row types of the kiosk tables (see migrations.ts). */
import type { Generated } from 'kysely';

/** One kiosk's configuration: where it stands, what it opens on, how long until it resets. */
export interface KiosksTable {
  /** A slug chosen by the admin, e.g. `steel-museum-hall-1`; also used in `?kiosk=` on the kiosk. */
  id: string;
  name: string;
  /** `<museum>/<hall>` from the content pack's museums (the same form the crowd counters use). */
  hall_id: string | null;
  default_language: 'zh-Hans' | 'zh-Hant' | 'en';
  /** An app path the kiosk opens on and attracts with, e.g. `/sites/erchang`. */
  start_exhibit: string;
  idle_timeout_s: number;
  prompt_s: number;
  heartbeat_interval_s: number;
  screen_diagonal_in: number;
  screen_width_px: number;
  screen_height_px: number;
  /** The kiosk's device token (auth's `devices`, kind 'kiosk'); null once deleted/revoked. */
  device_id: number | null;
  created_at: string;
  updated_at: string;
}

/** The latest heartbeat of each kiosk (one row per kiosk, overwritten). */
export interface KioskStatusTable {
  kiosk_id: string;
  first_heartbeat_at: string;
  last_heartbeat_at: string;
  heartbeat_count: number;
  content_version: number | null;
  app_version: string | null;
  last_interaction_at: string | null;
  /** attract | active | prompt */
  visitor_state: string | null;
  /** The kiosk's clock minus the server's at the last heartbeat (ms): a fleet view can flag a wrong clock. */
  kiosk_clock_skew_ms: number;
}

/** Online/offline transitions, as the kiosk saw them (queued while offline) or as the server inferred them from a gap. */
export interface KioskStatusEventsTable {
  id: Generated<number>;
  kiosk_id: string;
  /** The kiosk's id for the event (retries are recognised); `server:<n>` for inferred ones. */
  event_id: string;
  status: 'online' | 'offline';
  /** When it happened (server clock: the kiosk's time corrected by its clock skew). */
  at: string;
  received_at: string;
  source: 'kiosk' | 'server';
}

export interface KioskTables {
  kiosks: KiosksTable;
  kiosk_status: KioskStatusTable;
  kiosk_status_events: KioskStatusEventsTable;
}
