/** The timeline's cards: every key event of every era, then the key projects grouped by start year. */
import type { ContentData, EraDetail, EraEvent } from '../api/types.ts';

export type Project = ContentData<'projects'>[number];

export type TimelineItem =
  | { kind: 'event'; key: string; year: number; month?: number; colour: string; era: EraDetail; event: EraEvent }
  | { kind: 'today'; key: string; year: number; projects: Project[] };

export function buildItems(eras: EraDetail[], projects: Project[]): TimelineItem[] {
  const events: TimelineItem[] = eras
    .flatMap((era) =>
      era.events.map((event) => ({
        kind: 'event' as const,
        key: `${era.id}/${event.id}`,
        year: event.year,
        month: event.month,
        colour: era.colour,
        era,
        event,
      })),
    )
    .sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || a.era.order - b.era.order);
  const byYear = new Map<number, Project[]>();
  for (const p of projects) {
    const year = Number(p.start.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), p]);
  }
  const today: TimelineItem[] = [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({ kind: 'today', key: `today/${year}`, year, projects: list.sort((a, b) => a.number - b.number) }));
  return [...events, ...today];
}
