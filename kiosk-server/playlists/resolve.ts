/**
 * Which playlist entry a kiosk follows on a date (pure; the service reads the rows). The most
 * specific entry wins:
 *
 *   1. an entry for this kiosk beats one for its hall;
 *   2. a dated entry (a temporary exhibition) beats an undated one (the permanent programme);
 *   3. among dated ones, the one that started last, then the shorter one;
 *   4. then the newest entry.
 */
export interface PlaylistEntry {
  id: number;
  scope: 'kiosk' | 'hall';
  target: string;
  /** The app path the kiosk shows, e.g. `/sites/erchang`. */
  exhibit: string;
  /** App paths the attract screen cycles through (may be empty: then the exhibit). */
  attract: string[];
  label: string | null;
  /** Museum-local dates (YYYY-MM-DD), inclusive; null = open-ended. */
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChosenExhibit {
  entryId: number;
  scope: 'kiosk' | 'hall';
  exhibit: string;
  attract: string[];
  label: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** The next date (local) on which the choice may change, or null: the kiosk re-reads then. */
  changesOn: string | null;
}

export const activeOn = (e: Pick<PlaylistEntry, 'startsOn' | 'endsOn'>, date: string) =>
  (e.startsOn === null || e.startsOn <= date) && (e.endsOn === null || date <= e.endsOn);

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function rank(e: PlaylistEntry): (string | number)[] {
  const dated = e.startsOn !== null || e.endsOn !== null ? 1 : 0;
  return [e.scope === 'kiosk' ? 1 : 0, dated, e.startsOn ?? '', e.endsOn === null ? '' : invert(e.endsOn), e.id];
}
/** Sorts an earlier end date higher (shorter runs win ties). */
const invert = (d: string) => d.replace(/\d/g, (c) => String(9 - Number(c)));

function compare(a: PlaylistEntry, b: PlaylistEntry): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    if (ra[i] < rb[i]) return 1;
    if (ra[i] > rb[i]) return -1;
  }
  return 0;
}

/** The entry that applies on `date` among `entries` (for this kiosk and its hall), or undefined. */
export function chooseEntry(entries: PlaylistEntry[], kioskId: string | null, hallId: string | null, date: string): ChosenExhibit | undefined {
  const relevant = entries.filter((e) => (e.scope === 'kiosk' ? e.target === kioskId : e.target === hallId));
  const active = relevant.filter((e) => activeOn(e, date)).sort(compare);
  // The next day something starts or ends among the relevant entries.
  const boundaries = relevant.flatMap((e) => [e.startsOn, e.endsOn === null ? null : nextDay(e.endsOn)]).filter((d): d is string => d !== null && d > date);
  const changesOn = boundaries.length ? boundaries.sort()[0] : null;
  const best = active[0];
  if (!best) return undefined;
  return {
    entryId: best.id,
    scope: best.scope,
    exhibit: best.exhibit,
    attract: best.attract.length ? best.attract : [best.exhibit],
    label: best.label,
    startsOn: best.startsOn,
    endsOn: best.endsOn,
    changesOn,
  };
}
