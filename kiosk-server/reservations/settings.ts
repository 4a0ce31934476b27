/**
 * Per-museum booking rules. The opening-hours template (days, opens, closes, last entry) comes
 * from the museum's content; everything here is operational and changed by staff.
 */
import { z } from 'zod';
import type { Museum } from '../../content/schema.ts';
import { TIME_PATTERN } from './time.ts';

export const ReservationSettingsSchema = z
  .strictObject({
    /** Length of a timed-entry slot (minutes). */
    slotMinutes: z.number().int().min(5).max(240),
    /** Places per slot for individual visitors (walk-in share included). */
    slotCapacity: z.number().int().min(0).max(100_000),
    /** Places per slot reserved for school and group bookings. */
    groupCapacity: z.number().int().min(0).max(100_000),
    /** Share of slotCapacity held back for walk-ins until walkInReleaseMinutes before the slot. */
    walkInShare: z.number().min(0).max(1),
    walkInReleaseMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
    /** Most visitors in one day across all slots (null: only the slots' own capacities). */
    dailyCap: z.number().int().min(0).max(1_000_000).nullable(),
    /** Largest party in one individual booking. */
    maxPartySize: z.number().int().min(1).max(50),
    groupMinSize: z.number().int().min(2).max(500),
    groupMaxSize: z.number().int().min(2).max(500),
    /** At most contactLimit confirmed bookings per phone or e-mail in contactWindowDays. */
    contactLimit: z.number().int().min(1).max(1000),
    contactWindowDays: z.number().int().min(1).max(365),
    /** Real-name entry: every visitor's name and resident ID number. */
    realName: z.boolean(),
    /** Visitors may cancel or move a booking until this long before the slot starts. */
    cancelCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    /** Check-in accepted from this long before the slot starts … */
    checkInEarlyMinutes: z.number().int().min(0).max(240),
    /** … until this long after it ends. */
    checkInLateMinutes: z.number().int().min(0).max(480),
    /** A day goes on sale saleOpensDaysBefore days ahead, at saleOpensTime (local). */
    saleOpensDaysBefore: z.number().int().min(0).max(365),
    saleOpensTime: z.string().regex(TIME_PATTERN, 'expected HH:MM'),
  })
  .refine((s) => s.groupMinSize <= s.groupMaxSize, { path: ['groupMaxSize'], message: 'must not be below groupMinSize' });

export type ReservationSettings = z.infer<typeof ReservationSettingsSchema>;

/** How long a visit typically lasts: with it, slot capacity keeps the halls from filling up. */
const TYPICAL_STAY_MINUTES = 120;

/** Defaults derived from the museum's halls: all the places in a slot fill the halls about once. */
export function defaultSettings(museum: Museum): ReservationSettings {
  const slotMinutes = 30;
  const halls = museum.halls.reduce((n, h) => n + h.capacity, 0);
  const total = Math.max(10, Math.floor((halls * slotMinutes) / TYPICAL_STAY_MINUTES));
  const groupCapacity = Math.floor(total * 0.2);
  return {
    slotMinutes,
    slotCapacity: total - groupCapacity,
    groupCapacity,
    walkInShare: 0.2,
    walkInReleaseMinutes: 120,
    dailyCap: null,
    maxPartySize: 5,
    groupMinSize: 10,
    groupMaxSize: Math.max(10, groupCapacity),
    contactLimit: 5,
    contactWindowDays: 30,
    realName: false,
    cancelCutoffMinutes: 120,
    checkInEarlyMinutes: 30,
    checkInLateMinutes: 60,
    saleOpensDaysBefore: 14,
    saleOpensTime: '09:00',
  };
}

/** Places of a slot held back for walk-ins. */
export function heldPlaces(settings: Pick<ReservationSettings, 'walkInShare'>, capacity: number): number {
  return Math.min(capacity, Math.round(capacity * settings.walkInShare));
}
