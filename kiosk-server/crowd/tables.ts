/** Row types of the crowd tables (see migrations.ts). */
import type { Generated } from 'kysely';

export type CrowdSource = 'check-in' | 'counter' | 'staff';

export interface CrowdEventsTable {
  id: Generated<number>;
  museum_id: string;
  hall_id: string;
  date: string;
  at: string;
  entries: number;
  exits: number;
  source: CrowdSource;
  device_id: number | null;
  device_seq: number | null;
  user_id: number | null;
  measured_at: string | null;
}

export interface CrowdTables {
  crowd_events: CrowdEventsTable;
}
