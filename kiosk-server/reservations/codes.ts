/**
 * Ticket codes: 16 characters of Crockford base32 (80 random bits), shown in groups of four. The
 * alphabet has no I, L, O or U, so a code read aloud or typed by hand survives; scanners type it
 * as plain letters and digits, which every keyboard layout a wedge scanner emulates can produce.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;

export function newTicketCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(CODE_LENGTH);
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

/** A new internal id (not secret, not shown). */
export function newBookingId(random: (n: number) => Buffer = randomBytes): string {
  return `bk_${random(12).toString('base64url')}`;
}

/** XXXX-XXXX-XXXX-XXXX */
export function formatTicketCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * What a person typed or a scanner sent → the stored code, or undefined when it cannot be one.
 * Accepts dashes and spaces, lower case, the look-alikes O/I/L, and a ticket URL (a phone
 * camera may have scanned the link on a printed ticket).
 */
export function parseTicketCode(input: string): string | undefined {
  let s = input.trim();
  const fromUrl = /\/tickets\/([0-9A-Za-z-]+)\/?(?:[?#].*)?$/.exec(s);
  if (fromUrl) s = fromUrl[1];
  s = s
    .replace(/[\s-]+/g, '')
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH) return undefined;
  for (const ch of s) if (!ALPHABET.includes(ch)) return undefined;
  return s;
}
