/**
 * Random ids without crypto.randomUUID (missing outside secure contexts, e.g. a kiosk on plain
 * http inside the museum's network); getRandomValues works everywhere.
 */
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

let lastMs = -1;
let counter = 0;

/**
 * UUIDv7: ms time first, so ids sort by time and the server's dedupe index appends. Within one ms
 * the 12 bits after the version count up (RFC 9562, method 1), so ids also sort in call order.
 */
export function uuidv7(ms: number, random: (n: number) => Uint8Array = randomBytes): string {
  const r = random(10);
  const t = Math.max(0, Math.floor(ms));
  if (t === lastMs && counter < 0xfff) counter += 1;
  else {
    lastMs = t;
    counter = ((r[0] << 4) | (r[1] >> 4)) & 0x7ff; // random start, leaving room to count
  }
  const time = t.toString(16).padStart(12, '0').slice(-12);
  const rest = hex(r);
  const variant = ((r[2] & 0x3f) | 0x80).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${variant}${rest.slice(6, 8)}-${rest.slice(8, 20)}`;
}

/** UUIDv4: a visit's session id carries no time. */
export function uuidv4(random: (n: number) => Uint8Array = randomBytes): string {
  const b = random(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
