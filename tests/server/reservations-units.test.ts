/** The small pure pieces of reservations: resident ID numbers, ticket codes, local time. */
import { describe, expect, it } from 'vitest';
import { newTicketCode, parseTicketCode } from '../../kiosk-server/reservations/codes.ts';
import { idCheckChar, idNumberProblem, keyedHash } from '../../kiosk-server/reservations/idcard.ts';
import { localDate, localInstant } from '../../kiosk-server/reservations/time.ts';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts the standard’s own example and numbers with a correct check character', () => {
    expect(idNumberProblem('11010519491231002X', '2025-05-06')).toBeUndefined();
    expect(idNumberProblem('11010519491231002x', '2025-05-06')).toBeUndefined();
    expect(idCheckChar('11010519491231002')).toBe('X');
    const n = '50010320120615042';
    expect(idNumberProblem(n + idCheckChar(n), '2025-05-06')).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(idNumberProblem('110105194912310021', '2025-05-06')).toBe('checksum');
    expect(idNumberProblem('11010519491231002', '2025-05-06')).toBe('format');
    expect(idNumberProblem('1101051949123100AX', '2025-05-06')).toBe('format');
    const feb30 = '11010519900230123';
    expect(idNumberProblem(feb30 + idCheckChar(feb30), '2025-05-06')).toBe('birth-date');
    const future = '11010520300101123';
    expect(idNumberProblem(future + idCheckChar(future), '2025-05-06')).toBe('birth-date');
    const region = '01010519491231002';
    expect(idNumberProblem(region + idCheckChar(region), '2025-05-06')).toBe('region');
  });

  it('hashes with a key: the same number gives the same hash, another key another one', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    expect(keyedHash(a, 'id', '11010519491231002X')).toBe(keyedHash(a, 'id', '11010519491231002X'));
    expect(keyedHash(a, 'id', '11010519491231002X')).not.toBe(keyedHash(b, 'id', '11010519491231002X'));
  });
});

describe('ticket codes', () => {
  it('are 16 characters of Crockford base32 and do not repeat', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => newTicketCode()));
    expect(codes.size).toBe(20_000);
    for (const c of [...codes].slice(0, 100)) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('read what people type and scanners send', () => {
    expect(parseTicketCode('ABCD-EFGH-JKMN-PQRS')).toBe('ABCDEFGHJKMNPQRS');
    expect(parseTicketCode(' abcd efgh jkmn pqrs\n')).toBe('ABCDEFGHJKMNPQRS');
    expect(parseTicketCode('O0O0-IIII-LLLL-1234')).toBe('0000111111111234');
    expect(parseTicketCode('https://museum.example/visit/tickets/ABCD-EFGH-JKMN-PQRS?lang=en')).toBe('ABCDEFGHJKMNPQRS');
    expect(parseTicketCode('ABCD-EFGH-JKMN-PQR')).toBeUndefined();
    expect(parseTicketCode('ABCD-EFGH-JKMN-PQRU')).toBeUndefined(); // U is not in the alphabet
  });
});

describe('museum-local time (UTC+8)', () => {
  it('converts dates and times', () => {
    expect(localDate(new Date('2025-05-06T15:59:00Z'))).toBe('2025-05-06');
    expect(localDate(new Date('2025-05-06T16:00:00Z'))).toBe('2025-05-07');
    expect(localInstant('2025-05-07', '09:00').toISOString()).toBe('2025-05-07T01:00:00.000Z');
  });
});
