/**
 * Reservation settings from the environment: the HMAC key for ID numbers and contacts, and the
 * test-only switch that disables the capacity guard.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const KEY_FILE = 'reservations.key';

/**
 * The key that hashes ID numbers and contacts. RESERVATIONS_KEY (hex or base64, ≥ 32 bytes), or a
 * random key kept in DATA_DIR/reservations.key (created on first start, mode 0600). It lives
 * outside the database on purpose: a copy of the database alone cannot test guessed ID numbers.
 */
export function reservationKey(options: { dataDir: string; memory?: boolean; env?: Record<string, string | undefined> }): Buffer {
  const fromEnv = options.env?.RESERVATIONS_KEY;
  if (fromEnv) {
    const key = /^[0-9a-f]+$/i.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'base64');
    if (key.length < 32) throw new Error('RESERVATIONS_KEY must be at least 32 bytes (64 hex characters)');
    return key;
  }
  if (options.memory) return randomBytes(32);
  const file = path.join(options.dataDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    throw err;
  }
}

/**
 * TEST ONLY: RESERVATIONS_TEST_DISABLE_CAPACITY_GUARD=1 together with NODE_ENV=test turns the
 * capacity guard off, for the control run of the concurrency test. Ignored anywhere else.
 */
export function capacityGuardDisabled(env: Record<string, string | undefined>): boolean {
  return env.RESERVATIONS_TEST_DISABLE_CAPACITY_GUARD === '1' && env.NODE_ENV === 'test';
}

/** RESERVATIONS_CALENDAR_CACHE_MS: how long a month view may be reused (default 1000; 0 = never). */
export function calendarCacheMs(env: Record<string, string | undefined>): number | undefined {
  const v = env.RESERVATIONS_CALENDAR_CACHE_MS;
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error('RESERVATIONS_CALENDAR_CACHE_MS must be a whole number of milliseconds');
  return n;
}
