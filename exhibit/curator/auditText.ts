/** How the audit log reads: the actions the server records, and an entry's detail as plain text. */

/**
 * Every action the server records (`audit.record(…)` in kiosk-server). Their names are in the
 * locales under `audit.actions`, with the dots as underscores (i18next reads dots as nesting).
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'user.create',
  'user.update',
  'device.create',
  'device.revoke',
  'kiosk.create',
  'kiosk.update',
  'kiosk.token',
  'kiosk.delete',
  'content.publish',
  'content.rollback',
  'content.import',
  'content.preview',
  'content.preview.revoke',
  'media.upload',
  'playlist.create',
  'playlist.update',
  'playlist.delete',
] as const;

const KNOWN = new Set<string>(AUDIT_ACTIONS);

/** The locale key of a known action; undefined for one this console does not know (shown raw). */
export function actionKey(action: string): string | undefined {
  return KNOWN.has(action) ? `audit.actions.${action.replaceAll('.', '_')}` : undefined;
}

const valueText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** `key: value; key: value` — the detail as text (React escapes it: never markup). */
export function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object' || Array.isArray(detail)) return valueText(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join('; ');
}
