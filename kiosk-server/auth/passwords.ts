/**
 * Password hashing with node:crypto scrypt, and the random tokens auth hands out. The scrypt
 * parameters are stored with every hash (`scrypt$N$r$p$salt$hash`), so they can be raised later
 * without breaking old hashes; a hash made with other parameters is redone at the next sign-in.
 */
import { createHash, randomBytes as nodeRandomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * One of OWASP's equivalent scrypt settings (N=2^15 = 32 MiB, r=8, p=3): about 0.27 s per hash on
 * the project's 2-core machines, and 32 MiB of memory per concurrent sign-in rather than 128.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export type RandomBytes = (size: number) => Buffer;

function derive(password: string, salt: Buffer, params: ScryptParams, keylen = KEY_LENGTH): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r (Node's default of 32 MiB is exactly N=2^15, r=8).
    const maxmem = 128 * params.N * params.r + 16 * 1024 * 1024;
    scrypt(password.normalize('NFKC'), salt, keylen, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT, randomBytes: RandomBytes = nodeRandomBytes): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return undefined;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (![params.N, params.r, params.p].every((n) => Number.isSafeInteger(n) && n > 0)) return undefined;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Constant-time check of a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when the hash was made with other parameters than the current ones. */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

/**
 * Spends the same time as a real check, for sign-ins with an unknown username: the response time
 * must not tell whether a username exists.
 */
export async function burnPasswordCheck(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  await derive(password, Buffer.alloc(SALT_LENGTH), params);
}

export const PASSWORD_MIN_LENGTH = 12;
/** scrypt cost does not depend on length, but there is no reason to accept a novel. */
export const PASSWORD_MAX_LENGTH = 1024;

/** Why a new password is refused, or undefined when it is fine. */
export function passwordProblem(password: string): string | undefined {
  const length = password.length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return undefined;
}

/** A random token for a cookie, a CSRF header or a device (base64url, 32 bytes unless told). */
export function randomToken(randomBytes: RandomBytes = nodeRandomBytes, size = 32): string {
  return randomBytes(size).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time string comparison (lengths may differ). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb) && a.length === b.length;
}
