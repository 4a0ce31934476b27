import type { WalkthroughT } from './strings.ts';
import type { SceneData, SceneStructureData } from './types.ts';

/** "1938–2011", "Since 1938" or nothing, for a structure's years. */
export function yearsRange(years: SceneStructureData['years'], t: WalkthroughT): string {
  if (years.from === undefined) return '';
  if (years.to === undefined) return t('years.since', { from: years.from });
  return t('years.range', { from: years.from, to: years.to });
}

/** What the dating rests on, in words (the site's dates, an era, a plan, the sources themselves). */
export function yearsBasis(years: SceneStructureData['years'], scene: Pick<SceneData, 'eras' | 'structures'>, t: WalkthroughT): string {
  switch (years.basis) {
    case 'site':
      return t('years.site');
    case 'era': {
      const era = scene.eras.find((e) => e.id === years.era);
      return t('years.era', { era: era?.title ?? years.era });
    }
    case 'plan':
      return t('years.plan', { year: years.from });
    case 'with': {
      const other = scene.structures.find((s) => s.id === years.with);
      return t('years.with', { name: other?.label ?? years.with });
    }
    case 'undated':
      return t('years.undated');
    default:
      return '';
  }
}
