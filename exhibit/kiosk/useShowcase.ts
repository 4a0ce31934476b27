/**
 * The attract loop's slides: the kiosk's start exhibit first (an era or a site), then the eras
 * and the flagship sites — or, when the kiosk starts on an era, that era's sites. Also tells
 * which content version the kiosk is showing (for the heartbeat).
 */
import { useMemo } from 'react';
import type { SiteListItem } from '../api/types.ts';
import { useContent } from '../api/useContent.ts';

export interface Slide {
  kind: 'era' | 'site';
  id: string;
  title: string;
  summary: string;
  /** e.g. 1891–1937 for an era, the founding year for a site. */
  start?: number;
  end?: number;
  colour?: string;
}

export function useShowcase(startPath: string): { slides: Slide[]; version: number | null } {
  const eras = useContent('eras');
  const sites = useContent('sites');
  return useMemo(() => {
    if (eras.status !== 'ready' || sites.status !== 'ready') return { slides: [], version: null };
    const [, section, id] = startPath.split('/');
    const eraSlides: Slide[] = eras.data.map((e) => ({
      kind: 'era',
      id: e.id,
      title: e.title,
      summary: e.summary,
      start: e.startYear,
      end: e.endYear,
      colour: e.colour,
    }));
    const colourOf = new Map(eras.data.map((e) => [e.id, e.colour]));
    const siteSlide = (s: SiteListItem): Slide => ({
      kind: 'site',
      id: s.id,
      title: s.name,
      summary: s.summary,
      start: s.foundedYear,
      colour: colourOf.get(s.eras[0] ?? ''),
    });
    let slides: Slide[];
    if (section === 'eras' && id) {
      const era = eraSlides.find((e) => e.id === id);
      const eraSites = sites.data.filter((s) => s.eras.includes(id as never)).map(siteSlide);
      slides = [...(era ? [era] : []), ...eraSites.slice(0, 12)];
    } else {
      const focus = section === 'sites' && id ? sites.data.find((s) => s.id === id) : undefined;
      const flagships = sites.data.filter((s) => s.flagship && s.id !== focus?.id).map(siteSlide);
      // Alternate eras and flagship sites, so the loop shows both kinds of thing.
      const mixed: Slide[] = [];
      for (let i = 0; i < Math.max(eraSlides.length, flagships.length); i++) {
        if (eraSlides[i]) mixed.push(eraSlides[i]);
        if (flagships[i]) mixed.push(flagships[i]);
      }
      slides = [...(focus ? [siteSlide(focus)] : []), ...mixed];
    }
    return { slides, version: eras.version };
  }, [eras, sites, startPath]);
}
