/** Row types of every table, for Kysely. One interface per table. */
import type { Generated } from 'kysely';
import type { CuratorTables } from '../content/tables.ts';
import type { CrowdTables } from '../crowd/tables.ts';
import type { KioskTables } from '../kiosks/tables.ts';
import type { ReservationTables } from '../reservations/tables.ts';

export interface ContentVersionsTable {
  id: Generated<number>;
  /** sha256 of the canonical JSON of the pack. */
  hash: string;
  /** The resolved pack as JSON. */
  pack: string;
  author: string;
  message: string;
  /** Where it came from: 'disk' (content/pack at start), 'import', 'editor'. */
  source: string;
  created_at: string;
  /** The pack's source files as JSON (file → content); null for versions made before 0600. */
  files?: string | null;
  author_id?: number | null;
  /** For a rollback: the version it copies. */
  rollback_of?: number | null;
}

export interface ContentStateTable {
  /** Always 1: a single row pointing at the published version. */
  id: number;
  published_version: number;
  updated_at: string;
}

/** A person who signs in: curator, front-of-house staff or admin. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  /** username, NFKC + lower case: the unique, case-insensitive key. */
  username_key: string;
  display_name: string;
  role: 'admin' | 'curator' | 'staff';
  /** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash. */
  password_hash: string;
  /** 0 | 1 */
  disabled: number;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface UserSessionsTable {
  /** SHA-256 (hex) of the session cookie value; the value itself is never stored. */
  id_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

/** A kiosk or a door people-counter, authenticated by a bearer token. */
export interface DevicesTable {
  id: Generated<number>;
  kind: 'kiosk' | 'counter';
  name: string;
  hall_id: string | null;
  /** SHA-256 (hex) of the token shown once at creation. */
  token_hash: string;
  created_at: string;
  created_by: number | null;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  action: string;
  target: string | null;
  /** JSON */
  detail: string | null;
}

export interface Database extends ReservationTables, CrowdTables, CuratorTables, KioskTables {
  content_versions: ContentVersionsTable;
  content_state: ContentStateTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  devices: DevicesTable;
  audit_log: AuditLogTable;
}
