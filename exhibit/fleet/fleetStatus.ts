/**
 * The fleet between two polls: a kiosk turns offline the moment its `offlineAfter` passes (1.1 ×
 * its heartbeat interval after the last heartbeat), on the server's clock, not at the next poll.
 * Also: which kiosks just dropped, for the alert.
 */
import type { Fleet, FleetKiosk, FleetStatus } from './types.ts';

export function statusAt(k: FleetKiosk, serverNowMs: number): FleetStatus {
  if (k.status === 'never-seen' || !k.offlineAfter) return k.status;
  return serverNowMs > Date.parse(k.offlineAfter) ? 'offline' : 'online';
}

/** Kiosks online before and offline now. */
export function dropped(before: Map<string, FleetStatus>, fleet: Fleet, serverNowMs: number): FleetKiosk[] {
  return fleet.kiosks.filter((k) => before.get(k.id) === 'online' && statusAt(k, serverNowMs) === 'offline');
}
