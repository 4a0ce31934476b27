/** The crowd API's snapshot (see kiosk-server/crowd/service.ts). */
import type { LocalizedText } from '../../content/schema.ts';

export type CrowdLevel = 'normal' | 'amber' | 'red';

export interface HallOccupancy {
  id: string;
  name: LocalizedText;
  capacity: number;
  occupancy: number;
  ratio: number;
  level: CrowdLevel;
  entries: number;
  exits: number;
  oneOutOneIn: boolean;
}

export interface OccupancySnapshot {
  museumId: string;
  date: string;
  at: string;
  closed: boolean;
  closesAt: string | null;
  total: { occupancy: number; capacity: number; ratio: number; level: CrowdLevel; entries: number; exits: number };
  halls: HallOccupancy[];
  curve: { at: string; total: number; peak: number; halls: Record<string, number> }[];
}
