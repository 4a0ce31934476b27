/**
 * Auth rules, no HTTP: users and roles, sign-in with throttling, sessions with idle and absolute
 * expiry, device tokens, the last-admin guard and the audit log. The clock and the randomness are
 * injected so tests control time and tokens.
 */
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { ProblemError, problem } from '../http/problem.ts';
import { createFailureCounter, type FailureLimit } from './limiter.ts';
import {
  burnPasswordCheck,
  DEFAULT_SCRYPT,
  hashPassword,
  needsRehash,
  passwordProblem,
  type RandomBytes,
  randomToken,
  type ScryptParams,
  safeEqual,
  sha256Hex,
  verifyPassword,
} from './passwords.ts';
import { type AuthStore, type DeviceRow, isUniqueViolation, LastAdminError, type UserRow } from './store.ts';

export const ROLES = ['admin', 'curator', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const DEVICE_KINDS = ['kiosk', 'counter'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** Letters (any script), digits and . _ @ -, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u;
export const USERNAME_MAX = 64;
export const NAME_MAX = 100;

/** Who is signed in, as the rest of the server sees it (`c.get('user')`). */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

export interface UserView extends AuthUser {
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

/** The device behind a bearer token, as the rest of the server sees it (`c.get('device')`). */
export interface AuthDevice {
  id: number;
  kind: DeviceKind;
  name: string;
  hallId: string | null;
}

export interface DeviceView extends AuthDevice {
  createdAt: string;
  lastSeenAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
}

export interface ActiveSession {
  user: AuthUser;
  csrfToken: string;
  expiresAt: string;
  /** SHA-256 of the cookie value: identifies the session without holding the secret. */
  idHash: string;
}

export interface SignedIn extends ActiveSession {
  /** The cookie value. Shown once; only its hash is stored. */
  sessionToken: string;
}

export interface NewUser {
  username: string;
  displayName?: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
  password?: string;
}

export interface NewDevice {
  kind: DeviceKind;
  name: string;
  hallId?: string | null;
}

export interface AuditEntry {
  /** The user who did it; null for the system, an anonymous visitor or a device. */
  actorId?: number | null;
  /** Dotted verb, e.g. `auth.sign-in`, `user.update`, `content.publish`. */
  action: string;
  /** What it was done to, e.g. `user:3`, `device:2`, `content:12`. */
  target?: string | null;
  /** Anything worth keeping, as JSON. Never a password or a token. */
  detail?: Record<string, unknown> | null;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  target: string | null;
  detail: unknown;
}

export interface AuthOptions {
  /** A session ends after this long without a request (12 h). */
  idleMs: number;
  /** A session ends this long after sign-in whatever happens (7 days). */
  absoluteMs: number;
  /** Failed sign-ins per username from one client address (5 per 15 min). */
  perUserAndIp: FailureLimit;
  /** Failed sign-ins from one client address, any username (password spraying; 30 per 15 min). */
  perIp: FailureLimit;
  /** Session and device "last used" writes happen at most this often (1 min). */
  touchEveryMs: number;
  scrypt: ScryptParams;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  idleMs: 12 * 3600_000,
  absoluteMs: 7 * 24 * 3600_000,
  perUserAndIp: { max: 5, windowMs: 15 * 60_000 },
  perIp: { max: 30, windowMs: 15 * 60_000 },
  touchEveryMs: 60_000,
  scrypt: DEFAULT_SCRYPT,
};

export interface AuthServiceDeps {
  store: AuthStore;
  now?: () => Date;
  randomBytes?: RandomBytes;
  options?: Partial<AuthOptions>;
}

/** The case-insensitive form of a username, used for uniqueness and look-up. */
export function usernameKey(username: string): string {
  return username.trim().normalize('NFKC').toLowerCase();
}

const invalid = (errors: { path: string; message: string }[]) =>
  problem(400, 'validation', 'Invalid request', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });

const signInFailed = () => problem(401, 'sign-in-failed', 'Sign-in failed', 'Wrong username or password.');

function userView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

const authUser = (row: UserRow): AuthUser => ({ id: row.id, username: row.username, displayName: row.display_name, role: row.role });

function deviceView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    hallId: row.hall_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    revoked: row.revoked_at !== null,
    revokedAt: row.revoked_at,
  };
}

function checkNewUser(input: NewUser) {
  const errors: { path: string; message: string }[] = [];
  const username = input.username.trim();
  if (username.length < 3 || username.length > USERNAME_MAX || !USERNAME_PATTERN.test(username)) {
    errors.push({ path: 'username', message: `3–${USERNAME_MAX} letters, digits or . _ @ -` });
  }
  if (!ROLES.includes(input.role)) errors.push({ path: 'role', message: `one of ${ROLES.join(', ')}` });
  if (input.displayName !== undefined && (input.displayName.trim().length < 1 || input.displayName.length > NAME_MAX)) {
    errors.push({ path: 'displayName', message: `1–${NAME_MAX} characters` });
  }
  const pw = passwordProblem(input.password);
  if (pw) errors.push({ path: 'password', message: pw });
  if (errors.length) throw invalid(errors);
}

export function createAuthService({ store, now = () => new Date(), randomBytes = nodeRandomBytes, options = {} }: AuthServiceDeps) {
  const opts: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...options };
  const perUserAndIp = createFailureCounter(opts.perUserAndIp, now);
  const perIp = createFailureCounter(opts.perIp, now);
  const iso = (ms = now().getTime()) => new Date(ms).toISOString();

  const audit = {
    async record(entry: AuditEntry): Promise<void> {
      await store.insertAudit({
        at: iso(),
        actor_user_id: entry.actorId ?? null,
        action: entry.action,
        target: entry.target ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      });
    },
    /** Newest first. */
    async list(limit = 100, beforeId?: number): Promise<AuditRecord[]> {
      const rows = await store.listAudit(limit, beforeId);
      return rows.map((r) => ({
        id: r.id,
        at: r.at,
        actorId: r.actor_user_id,
        action: r.action,
        target: r.target,
        detail: r.detail ? JSON.parse(r.detail) : null,
      }));
    },
  };

  async function createUser(input: NewUser, actorId: number | null): Promise<UserView> {
    checkNewUser(input);
    const username = input.username.trim();
    const key = usernameKey(username);
    if (await store.userByKey(key)) throw problem(409, 'username-taken', 'Username taken', `There is already a user "${username}".`);
    const at = iso();
    let row: UserRow;
    try {
      row = await store.insertUser({
        username,
        username_key: key,
        display_name: input.displayName?.trim() || username,
        role: input.role,
        password_hash: await hashPassword(input.password, opts.scrypt, randomBytes),
        disabled: 0,
        created_at: at,
        updated_at: at,
        last_sign_in_at: null,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw problem(409, 'username-taken', 'Username taken', `There is already a user "${username}".`);
      throw err;
    }
    await audit.record({ actorId, action: 'user.create', target: `user:${row.id}`, detail: { username, role: row.role } });
    return userView(row);
  }

  const sessionExpiry = (createdAt: string, lastUsedMs: number) => iso(Math.min(lastUsedMs + opts.idleMs, new Date(createdAt).getTime() + opts.absoluteMs));

  return {
    options: opts,
    audit,

    /**
     * Checks a username and password and opens a session (the cookie value is `sessionToken`). Unknown user, wrong password and
     * disabled account all get the same answer, after the same work. Refused with 429 once a
     * username+address or an address has failed too often in the window.
     */
    async signIn(input: { username: string; password: string; ip: string; replacesSessionToken?: string }): Promise<SignedIn> {
      const key = usernameKey(input.username);
      const userIpKey = `${key}\u0000${input.ip}`;
      const wait = Math.max(perUserAndIp.blockedFor(userIpKey), perIp.blockedFor(input.ip));
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        const p = problem(429, 'too-many-attempts', 'Too many sign-in attempts', `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} min.`, {
          retryAfter: seconds,
        });
        throw new ProblemError(p.problem, { 'Retry-After': String(seconds) });
      }

      const row = await store.userByKey(key);
      let ok = false;
      if (row) ok = await verifyPassword(input.password, row.password_hash);
      else await burnPasswordCheck(input.password, opts.scrypt);
      if (!row || !ok || row.disabled) {
        perUserAndIp.fail(userIpKey);
        perIp.fail(input.ip);
        const reason = !row ? 'unknown-user' : !ok ? 'wrong-password' : 'disabled';
        await audit.record({
          actorId: null,
          action: 'auth.sign-in-failed',
          target: row ? `user:${row.id}` : null,
          detail: { username: input.username.slice(0, USERNAME_MAX), ip: input.ip, reason },
        });
        throw signInFailed();
      }
      perUserAndIp.reset(userIpKey);

      const at = iso();
      const patch: { last_sign_in_at: string; password_hash?: string } = { last_sign_in_at: at };
      if (needsRehash(row.password_hash, opts.scrypt)) patch.password_hash = await hashPassword(input.password, opts.scrypt, randomBytes);
      await store.updateUser(row.id, patch);
      await store.deleteExpiredSessions(at);
      // A new session id at every sign-in; the browser's previous one (if any) ends.
      if (input.replacesSessionToken) await store.deleteSession(sha256Hex(input.replacesSessionToken));

      const sessionToken = randomToken(randomBytes);
      const csrfToken = randomToken(randomBytes);
      const idHash = sha256Hex(sessionToken);
      const expiresAt = sessionExpiry(at, new Date(at).getTime());
      await store.insertSession({ id_hash: idHash, user_id: row.id, csrf_token: csrfToken, created_at: at, last_used_at: at, expires_at: expiresAt });
      await audit.record({ actorId: row.id, action: 'auth.sign-in', target: `user:${row.id}`, detail: { ip: input.ip } });
      return { user: authUser(row), sessionToken, csrfToken, expiresAt, idHash };
    },

    /** The live session for a cookie value, or undefined. Extends the idle expiry (at most once a minute). */
    async session(sessionToken: string | undefined): Promise<ActiveSession | undefined> {
      if (!sessionToken) return undefined;
      const idHash = sha256Hex(sessionToken);
      const t = now().getTime();
      const found = await store.liveSession(idHash, iso(t));
      if (!found || found.user.disabled) return undefined;
      let expiresAt = found.session.expires_at;
      if (t - new Date(found.session.last_used_at).getTime() >= opts.touchEveryMs) {
        expiresAt = sessionExpiry(found.session.created_at, t);
        await store.touchSession(idHash, iso(t), expiresAt);
      }
      return { user: authUser(found.user), csrfToken: found.session.csrf_token, expiresAt, idHash };
    },

    async signOut(session: ActiveSession, ip?: string): Promise<void> {
      await store.deleteSession(session.idHash);
      await audit.record({ actorId: session.user.id, action: 'auth.sign-out', target: `user:${session.user.id}`, detail: ip ? { ip } : null });
    },

    users: {
      create: createUser,

      async list(): Promise<UserView[]> {
        return (await store.listUsers()).map(userView);
      },

      async get(id: number): Promise<UserView | undefined> {
        const row = await store.userById(id);
        return row && userView(row);
      },

      async count(): Promise<number> {
        return store.countUsers();
      },

      /**
       * Changes role, display name, disabled flag or password. Disabling a user or setting their
       * password ends their sessions (an admin changing their own password keeps the session they
       * did it from). Nobody can demote or disable the last active admin.
       */
      async update(id: number, patch: UserPatch, actor: { id: number | null; sessionIdHash?: string }): Promise<UserView> {
        const row = await store.userById(id);
        if (!row) throw problem(404, 'not-found', 'Not found', `No user with id "${id}".`);
        const errors: { path: string; message: string }[] = [];
        if (patch.role !== undefined && !ROLES.includes(patch.role)) errors.push({ path: 'role', message: `one of ${ROLES.join(', ')}` });
        if (patch.displayName !== undefined && (patch.displayName.trim().length < 1 || patch.displayName.length > NAME_MAX)) {
          errors.push({ path: 'displayName', message: `1–${NAME_MAX} characters` });
        }
        const pw = patch.password !== undefined ? passwordProblem(patch.password) : undefined;
        if (pw) errors.push({ path: 'password', message: pw });
        if (errors.length) throw invalid(errors);

        const set: { updated_at: string; display_name?: string; role?: Role; disabled?: number; password_hash?: string } = { updated_at: iso() };
        const changed: Record<string, unknown> = {};
        if (patch.displayName !== undefined && patch.displayName.trim() !== row.display_name) {
          set.display_name = patch.displayName.trim();
          changed.displayName = set.display_name;
        }
        if (patch.role !== undefined && patch.role !== row.role) {
          set.role = patch.role;
          changed.role = { from: row.role, to: patch.role };
        }
        if (patch.disabled !== undefined && (patch.disabled ? 1 : 0) !== row.disabled) {
          set.disabled = patch.disabled ? 1 : 0;
          changed.disabled = patch.disabled;
        }
        if (patch.password !== undefined) {
          set.password_hash = await hashPassword(patch.password, opts.scrypt, randomBytes);
          changed.password = 'reset';
        }
        if (Object.keys(changed).length === 0) return userView(row);

        const losesAdmin = row.role === 'admin' && row.disabled === 0 && ((set.role !== undefined && set.role !== 'admin') || set.disabled === 1);
        try {
          if (losesAdmin) await store.updateUserKeepingAnAdmin(id, set);
          else await store.updateUser(id, set);
        } catch (err) {
          if (err instanceof LastAdminError) {
            throw problem(409, 'last-admin', 'Last admin', 'This is the last active admin: make another admin first, then demote or disable this one.');
          }
          throw err;
        }
        if (set.disabled === 1) await store.deleteUserSessions(id);
        else if (set.password_hash) await store.deleteUserSessions(id, actor.id === id ? actor.sessionIdHash : undefined);
        await audit.record({ actorId: actor.id, action: 'user.update', target: `user:${id}`, detail: changed });
        return userView((await store.userById(id))!);
      },
    },

    devices: {
      /** Registers a device; the token is returned once and only its hash is kept. */
      async create(input: NewDevice, actorId: number | null): Promise<{ device: DeviceView; token: string }> {
        const errors: { path: string; message: string }[] = [];
        if (!DEVICE_KINDS.includes(input.kind)) errors.push({ path: 'kind', message: `one of ${DEVICE_KINDS.join(', ')}` });
        if (input.name.trim().length < 1 || input.name.length > NAME_MAX) errors.push({ path: 'name', message: `1–${NAME_MAX} characters` });
        if (input.hallId != null && (input.hallId.length < 1 || input.hallId.length > NAME_MAX))
          errors.push({ path: 'hallId', message: `1–${NAME_MAX} characters` });
        if (errors.length) throw invalid(errors);
        const token = `mdt_${randomToken(randomBytes)}`;
        const row = await store.insertDevice({
          kind: input.kind,
          name: input.name.trim(),
          hall_id: input.hallId ?? null,
          token_hash: sha256Hex(token),
          created_at: iso(),
          created_by: actorId,
          last_seen_at: null,
          revoked_at: null,
        });
        await audit.record({ actorId, action: 'device.create', target: `device:${row.id}`, detail: { kind: row.kind, name: row.name, hallId: row.hall_id } });
        return { device: deviceView(row), token };
      },

      async list(): Promise<DeviceView[]> {
        return (await store.listDevices()).map(deviceView);
      },

      async get(id: number): Promise<DeviceView | undefined> {
        const row = await store.deviceById(id);
        return row && deviceView(row);
      },

      async revoke(id: number, actorId: number | null): Promise<DeviceView> {
        const row = await store.deviceById(id);
        if (!row) throw problem(404, 'not-found', 'Not found', `No device with id "${id}".`);
        if (row.revoked_at === null) {
          await store.revokeDevice(id, iso());
          await audit.record({ actorId, action: 'device.revoke', target: `device:${id}`, detail: { kind: row.kind, name: row.name } });
        }
        return deviceView((await store.deviceById(id))!);
      },

      /** The device holding this token, unless unknown or revoked. Records last-seen at most once a minute. */
      async authenticate(token: string | undefined): Promise<AuthDevice | undefined> {
        if (!token) return undefined;
        const row = await store.deviceByTokenHash(sha256Hex(token));
        if (!row || row.revoked_at !== null) return undefined;
        const t = now().getTime();
        if (!row.last_seen_at || t - new Date(row.last_seen_at).getTime() >= opts.touchEveryMs) await store.touchDevice(row.id, iso(t));
        return { id: row.id, kind: row.kind, name: row.name, hallId: row.hall_id };
      },
    },

    /**
     * First start: when there are no users at all and both values are given, creates the first
     * admin. Never runs once any user exists, so the env values cannot reset an account later.
     */
    async ensureFirstAdmin(input: { username?: string; password?: string }): Promise<'created' | 'users-exist' | 'not-configured'> {
      if ((await store.countUsers()) > 0) return 'users-exist';
      if (!input.username || !input.password) return 'not-configured';
      try {
        await createUser({ username: input.username, role: 'admin', password: input.password }, null);
      } catch (err) {
        // Another process created it at the same moment: fine.
        if ((err as { problem?: { status?: number } }).problem?.status === 409) return 'users-exist';
        throw err;
      }
      return 'created';
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;

/** Whether a session's CSRF token matches the header (constant time). */
export function csrfMatches(session: ActiveSession, header: string | undefined): boolean {
  return !!header && safeEqual(header, session.csrfToken);
}
