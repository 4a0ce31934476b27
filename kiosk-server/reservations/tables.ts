/** Row types of the reservation tables (see migrations.ts). */
import type { Generated } from 'kysely';

export interface ResSettingsTable {
  museum_id: string;
  settings: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ResDayExceptionsTable {
  museum_id: string;
  date: string;
  /** 0 | 1 */
  closed: number;
  opens: string | null;
  closes: string | null;
  last_entry: string | null;
  note: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface ResDaysTable {
  museum_id: string;
  date: string;
  status: 'open' | 'closed';
  capacity: number | null;
  booked: Generated<number>;
  opens: string | null;
  closes: string | null;
  note: string | null;
  created_at: string;
}

export interface ResSlotsTable {
  id: string;
  museum_id: string;
  date: string;
  start_time: string;
  end_time: string;
  starts_at: string;
  ends_at: string;
  status: 'open' | 'closed';
  capacity: number;
  held: number;
  release_at: string;
  booked: Generated<number>;
  group_capacity: number;
  group_booked: Generated<number>;
  note: string | null;
  updated_at: string;
}

export type BookingStatus = 'confirmed' | 'cancelled' | 'cancelled-by-museum';
export type BookingKind = 'individual' | 'group';

export interface ResBookingsTable {
  id: string;
  code: string;
  museum_id: string;
  slot_id: string;
  date: string;
  kind: BookingKind;
  party_size: number;
  status: BookingStatus;
  contact_name: string;
  contact_hint: string;
  contact_hash: string;
  group_name: string | null;
  group_leader: string | null;
  lang: string;
  idempotency_key: string | null;
  request_hash: string | null;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  checked_in_at: string | null;
  checked_in_by: number | null;
  checked_in_hall: string | null;
  rescheduled_at: string | null;
  previous_slot_id: string | null;
}

export interface ResBookingVisitorsTable {
  booking_id: string;
  position: number;
  name: string;
  id_hash: string;
  id_last4: string;
  museum_id: string;
  date: string;
  /** 0 | 1: 0 once the booking is cancelled (frees the ID for that day). */
  active: number;
}

export interface ResContactsTable {
  contact_hash: string;
  last_booking_at: string;
}

export interface ResChangesTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  museum_id: string;
  target: string;
  action: string;
  detail: string | null;
}

export interface ReservationTables {
  res_settings: ResSettingsTable;
  res_day_exceptions: ResDayExceptionsTable;
  res_days: ResDaysTable;
  res_slots: ResSlotsTable;
  res_bookings: ResBookingsTable;
  res_booking_visitors: ResBookingVisitorsTable;
  res_contacts: ResContactsTable;
  res_changes: ResChangesTable;
}
