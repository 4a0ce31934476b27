import type { VisitFormat } from '../visit/format.ts';
import { useStaffStrings } from './strings.ts';
import type { HallOccupancy } from './types.ts';

export type Scan =
  | { ok: true; at: number; code: string; party: number; slot: string; hall: HallOccupancy | null; hallName: string }
  | { ok: false; at: number; code: string; reason: string };

/** The answer to a scan, large and in words (green/red is only a second cue). */
export function CheckInResult({ scan, fmt }: { scan: Scan; fmt: VisitFormat }) {
  const t = useStaffStrings();
  if (!scan.ok) {
    return (
      <div className="staff-result staff-result-refused" data-testid="checkin-result">
        <p className="staff-result-title">
          <span aria-hidden="true">✗ </span>
          {t('checkIn.refused')}
        </p>
        <p>{scan.reason}</p>
      </div>
    );
  }
  return (
    <div className="staff-result staff-result-admitted" data-testid="checkin-result">
      <p className="staff-result-title">
        <span aria-hidden="true">✓ </span>
        {t('checkIn.admitted')}
      </p>
      <p>{t('checkIn.admittedDetail', { party: t('checkIn.party', { count: scan.party }), slot: scan.slot, code: scan.code })}</p>
      {scan.hall && (
        <p>{t('checkIn.hallNow', { hall: scan.hallName, occupancy: fmt.number(scan.hall.occupancy), capacity: fmt.number(scan.hall.capacity) })}</p>
      )}
      {scan.hall?.oneOutOneIn && <p className="staff-alert">{t('checkIn.oneOutOneIn', { hall: scan.hallName })}</p>}
    </div>
  );
}
