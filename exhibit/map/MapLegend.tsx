import type { CSSProperties } from 'react';
import type { ContentData } from '../api/types.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { clusterGroup, GROUP_COLOUR } from './clusterStyle.ts';
import type en from './locales/en.json';

/** The layout's clusters with their marker colours, and what the map's symbols mean. */
export function MapLegend({ clusters }: { clusters: ContentData<'clusters'> }) {
  const t = useFeatureStrings<typeof en>('map');
  const core = clusters.filter((c) => clusterGroup(c.id) === 'core');
  const belts = clusters.filter((c) => clusterGroup(c.id).startsWith('belt-'));
  const points = clusters.filter((c) => clusterGroup(c.id) === 'points');
  const swatch = (id: string) => (
    <span className="legend-swatch" style={{ '--marker-colour': GROUP_COLOUR[clusterGroup(id)] } as CSSProperties} aria-hidden="true" />
  );
  return (
    <section className="map-legend" aria-labelledby="map-legend-title" data-testid="map-legend">
      <h2 id="map-legend-title">{t('legend.title')}</h2>
      <h3>{t('legend.core')}</h3>
      <ul>
        <li>
          <span className="legend-outline" aria-hidden="true" />
          {t('legend.coreOutline')}
        </li>
        {core.map((c) => (
          <li key={c.id}>
            {swatch(c.id)}
            {c.name}
          </li>
        ))}
      </ul>
      <h3>{t('legend.belts')}</h3>
      <ul>
        {belts.map((c) => (
          <li key={c.id}>
            {swatch(c.id)}
            {c.name}
          </li>
        ))}
      </ul>
      <h3>{t('legend.points')}</h3>
      <ul>
        {points.map((c) => (
          <li key={c.id}>
            {swatch(c.id)}
            {c.name}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <span className="legend-swatch" style={{ '--marker-colour': '#4b5563' } as CSSProperties} aria-hidden="true" />
          {t('legend.precise')}
        </li>
        <li>
          <span className="legend-swatch is-approximate" aria-hidden="true" />
          {t('legend.approximate')}
        </li>
        <li>
          <span className="legend-river" aria-hidden="true" />
          {t('legend.river')}
        </li>
      </ul>
    </section>
  );
}
