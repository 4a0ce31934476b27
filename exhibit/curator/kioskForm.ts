/**
 * The kiosk form's values (strings, as inputs hold them) and how they become the bodies of
 * POST /api/admin/kiosks and PATCH /api/admin/kiosks/{id} (kiosk-server/kiosks/routes.ts).
 */

import type { Locale } from '../../content/schema.ts';
import type { KIOSK_LIMITS, KioskConfig } from '../../kiosk-server/kiosks/service.ts';

/** The server's limits and defaults; typed by the server's own constant, so they cannot drift apart. */
export const LIMITS: typeof KIOSK_LIMITS = {
  idleTimeoutSeconds: { min: 15, max: 3600, default: 90 },
  promptSeconds: { min: 20, max: 300, default: 30 },
  heartbeatIntervalSeconds: { min: 5, max: 3600, default: 30 },
  diagonalInches: { min: 7, max: 120, default: 32 },
  widthPx: { min: 320, max: 16384, default: 1920 },
  heightPx: { min: 320, max: 16384, default: 1080 },
};

export type { KioskConfig };

export interface KioskFormValues {
  id: string;
  name: string;
  hallId: string;
  defaultLanguage: Locale;
  startExhibit: string;
  idleTimeoutSeconds: string;
  promptSeconds: string;
  heartbeatIntervalSeconds: string;
  diagonalInches: string;
  widthPx: string;
  heightPx: string;
}

export const NEW_KIOSK: KioskFormValues = {
  id: '',
  name: '',
  hallId: '',
  defaultLanguage: 'zh-Hans',
  startExhibit: '/',
  idleTimeoutSeconds: String(LIMITS.idleTimeoutSeconds.default),
  promptSeconds: String(LIMITS.promptSeconds.default),
  heartbeatIntervalSeconds: String(LIMITS.heartbeatIntervalSeconds.default),
  diagonalInches: String(LIMITS.diagonalInches.default),
  widthPx: String(LIMITS.widthPx.default),
  heightPx: String(LIMITS.heightPx.default),
};

export function valuesOf(k: KioskConfig): KioskFormValues {
  return {
    id: k.id,
    name: k.name,
    hallId: k.hallId ?? '',
    defaultLanguage: k.defaultLanguage,
    startExhibit: k.startExhibit,
    idleTimeoutSeconds: String(k.idleTimeoutSeconds),
    promptSeconds: String(k.promptSeconds),
    heartbeatIntervalSeconds: String(k.heartbeatIntervalSeconds),
    diagonalInches: String(k.screen.diagonalInches),
    widthPx: String(k.screen.widthPx),
    heightPx: String(k.screen.heightPx),
  };
}

/**
 * A number input's value: empty is "not given"; anything else is sent as a number when it is one,
 * else as typed, so the server names the field that is wrong.
 */
const numberOf = (s: string): number | string | undefined => {
  const v = s.trim();
  if (v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
};

const NUMBER_FIELDS = ['idleTimeoutSeconds', 'promptSeconds', 'heartbeatIntervalSeconds'] as const;
const SCREEN_FIELDS = ['diagonalInches', 'widthPx', 'heightPx'] as const;

/** Everything, for POST (fields left empty take the server's defaults). */
export function createBody(v: KioskFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: v.id.trim(),
    hallId: v.hallId || null,
    defaultLanguage: v.defaultLanguage,
  };
  if (v.name.trim()) body.name = v.name.trim();
  if (v.startExhibit.trim()) body.startExhibit = v.startExhibit.trim();
  for (const f of NUMBER_FIELDS) {
    const n = numberOf(v[f]);
    if (n !== undefined) body[f] = n;
  }
  const screen: Record<string, unknown> = {};
  for (const f of SCREEN_FIELDS) {
    const n = numberOf(v[f]);
    if (n !== undefined) screen[f] = n;
  }
  if (Object.keys(screen).length) body.screen = screen;
  return body;
}

/** Only what changed, for PATCH (so the audit log says which fields an admin changed). */
export function patchBody(v: KioskFormValues, before: KioskFormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (v.name.trim() !== before.name) body.name = v.name.trim();
  if (v.hallId !== before.hallId) body.hallId = v.hallId || null;
  if (v.defaultLanguage !== before.defaultLanguage) body.defaultLanguage = v.defaultLanguage;
  if (v.startExhibit.trim() !== before.startExhibit) body.startExhibit = v.startExhibit.trim();
  for (const f of NUMBER_FIELDS) {
    // An emptied number is sent as it is, so the server says the field needs a value.
    if (v[f].trim() !== before[f]) body[f] = numberOf(v[f]) ?? null;
  }
  const screen: Record<string, unknown> = {};
  for (const f of SCREEN_FIELDS) if (v[f].trim() !== before[f]) screen[f] = numberOf(v[f]) ?? null;
  if (Object.keys(screen).length) body.screen = screen;
  return body;
}
