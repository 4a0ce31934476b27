/**
 * The timeline's horizontal scale. Every year has a place, in order, but not the same width: a
 * year with events is as wide as its event cards need, an empty year is narrow. History
 * (1891 → the last event) and the "today" epilogue (the key projects' years) are two runs of
 * years with a short break between them. Units are rem; the caller converts to px.
 */

export interface ScaleInput {
  /** First and last year of the history run. */
  start: number;
  end: number;
  /** Years of the epilogue, if any (first and last). */
  today?: { start: number; end: number };
  /** How many cards each year holds. */
  cards: ReadonlyMap<number, number>;
}

export interface ScaleOptions {
  emptyYear: number;
  cardWidth: number;
  gap: number;
  rows: number;
  breakWidth: number;
  /** Space before the first year and after the last. */
  padding: number;
}

export const DEFAULT_SCALE: ScaleOptions = { emptyYear: 1.25, cardWidth: 14, gap: 1, rows: 2, breakWidth: 6, padding: 1 };

export interface Slot {
  year: number;
  x: number;
  width: number;
}

export interface TimelineScale {
  slots: Slot[];
  /** Where the break between history and today starts and ends (if there is an epilogue). */
  gap: { x: number; width: number } | null;
  width: number;
  xOf(year: number): number;
  /** The year at position x (the nearest slot; inside the break, the closer side). */
  yearAt(x: number): number;
  first: number;
  last: number;
  /** Clamps a year to one the timeline has (gap years go to the nearer side). */
  clampYear(year: number): number;
}

export function buildScale(input: ScaleInput, o: ScaleOptions = DEFAULT_SCALE): TimelineScale {
  const slots: Slot[] = [];
  let x = o.padding;
  const run = (from: number, to: number) => {
    for (let year = from; year <= to; year++) {
      const n = input.cards.get(year) ?? 0;
      const width = n ? Math.ceil(n / o.rows) * (o.cardWidth + o.gap) : o.emptyYear;
      slots.push({ year, x, width });
      x += width;
    }
  };
  run(input.start, input.end);
  let gap: TimelineScale['gap'] = null;
  if (input.today) {
    gap = { x, width: o.breakWidth };
    x += o.breakWidth;
    run(input.today.start, input.today.end);
  }
  const width = x + o.padding;
  const byYear = new Map(slots.map((s) => [s.year, s]));
  const first = slots[0].year;
  const last = slots.at(-1)!.year;

  const clampYear = (year: number): number => {
    if (byYear.has(year)) return year;
    if (year < first) return first;
    if (year > last) return last;
    // In the break between the runs: the nearer end.
    if (input.today && year > input.end && year < input.today.start) return year - input.end <= input.today.start - year ? input.end : input.today.start;
    return Math.min(Math.max(year, first), last);
  };

  return {
    slots,
    gap,
    width,
    first,
    last,
    clampYear,
    xOf: (year) => byYear.get(clampYear(Math.round(year)))!.x,
    yearAt(pos) {
      if (gap && pos >= gap.x && pos < gap.x + gap.width) return pos < gap.x + gap.width / 2 ? input.end : input.today!.start;
      let lo = 0;
      let hi = slots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (slots[mid].x <= pos) lo = mid;
        else hi = mid - 1;
      }
      return slots[lo].year;
    },
  };
}
