/**
 * The time slider's rules, pure: which structures stand in a year, which era a year belongs to,
 * the caption for a year and what changed since the previous key year.
 */
import type { SceneData, SceneStructureData } from './types.ts';

type Years = SceneStructureData['years'];

/** A structure stands in `year` when from ≤ year ≤ to (to omitted: still standing). Undated: always. */
export function standsIn(years: Years, year: number): boolean {
  if (years.basis === 'undated' || years.from === undefined) return true;
  return years.from <= year && (years.to === undefined || year <= years.to);
}

export function standingIds(scene: Pick<SceneData, 'structures'>, year: number): string[] {
  return scene.structures.filter((s) => standsIn(s.years, year)).map((s) => s.id);
}

export function eraAt(scene: Pick<SceneData, 'eras'>, year: number): SceneData['eras'][number] | undefined {
  return scene.eras.find((e) => e.startYear <= year && year <= e.endYear);
}

/** The latest key moment at or before `year` (the caption of what changed), and the one before it. */
export function momentAt(scene: Pick<SceneData, 'moments'>, year: number) {
  const sorted = [...scene.moments].sort((a, b) => a.year - b.year);
  let index = -1;
  for (let i = 0; i < sorted.length; i++) if (sorted[i].year <= year) index = i;
  return { current: index >= 0 ? sorted[index] : undefined, previous: index > 0 ? sorted[index - 1] : undefined };
}

/** Structures that appeared and disappeared between two years (`from` exclusive, `to` inclusive). */
export function changesBetween(scene: Pick<SceneData, 'structures'>, from: number, to: number) {
  const before = new Set(standingIds(scene, from));
  const after = new Set(standingIds(scene, to));
  return {
    appeared: scene.structures.filter((s) => after.has(s.id) && !before.has(s.id)),
    gone: scene.structures.filter((s) => before.has(s.id) && !after.has(s.id)),
  };
}

/** Seconds a step stays on screen when the tour plays by itself: its own, or ~15 characters a second. */
export function stepSeconds(waypoint: { narration: string; seconds?: number }): number {
  if (waypoint.seconds) return waypoint.seconds;
  const chars = [...waypoint.narration].length;
  // CJK text is denser: count each Han character as ~3 Latin ones.
  const han = (waypoint.narration.match(/\p{Script=Han}/gu) ?? []).length;
  return Math.min(40, Math.max(6, (chars - han + han * 3) / 15 + 2));
}
