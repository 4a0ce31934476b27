/**
 * Mainland China resident identity card numbers (GB 11643-1999): 17 digits + a check character.
 * Validation checks the region, the birth date and the ISO 7064 MOD 11-2 check character; storage
 * keeps only an HMAC of the number (keyed with a secret outside the database) and its last 4.
 */
import { createHmac } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Upper-cases a trailing x and removes spaces (people type them in groups). */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export type IdProblem = 'format' | 'region' | 'birth-date' | 'checksum';

/** Why an ID number is not valid, or undefined when it is. `today` is YYYY-MM-DD. */
export function idNumberProblem(raw: string, today: string): IdProblem | undefined {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!/^[1-9]/.test(id) || id.startsWith('9')) return 'region';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== birth || birth < '1900-01-01' || birth > today) return 'birth-date';
  if (idCheckChar(id) !== id[17]) return 'checksum';
  return undefined;
}

export const ID_PROBLEM_MESSAGES: Record<IdProblem, string> = {
  format: 'an ID number has 18 characters: 17 digits and a digit or X',
  region: 'the first digits are not a region code',
  'birth-date': 'the birth date in the ID number is not a real date',
  checksum: 'the check character does not match: please check the number',
};

/** HMAC-SHA-256 (hex) of a normalized value with the reservation key. */
export function keyedHash(key: Buffer, kind: string, value: string): string {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex');
}
