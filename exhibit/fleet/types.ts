/** GET /api/kiosks (kiosk-server/kiosks/service.ts `Fleet`), as the fleet view reads it. */
export type FleetStatus = 'online' | 'offline' | 'never-seen';

export interface FleetKiosk {
  id: string;
  name: string;
  hallId: string | null;
  heartbeatIntervalSeconds: number;
  status: FleetStatus;
  statusSince: string | null;
  /** When it counts as offline without another heartbeat. */
  offlineAfter: string | null;
  lastHeartbeatAt: string | null;
  lastInteractionAt: string | null;
  visitorState: 'attract' | 'active' | 'prompt' | null;
  contentVersion: number | null;
  contentUpToDate: boolean | null;
  startExhibit?: { path: string; source: string };
}

export interface Fleet {
  serverTime: string;
  publishedContentVersion: number;
  counts: Record<FleetStatus, number>;
  kiosks: FleetKiosk[];
}
