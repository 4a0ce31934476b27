import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { SiteListItem } from '../api/types.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { clusterGroup, GROUP_COLOUR } from './clusterStyle.ts';
import type en from './locales/en.json';

/** The map's sites as a list: the text alternative, and a quicker way in for many visitors. */
export function MapSiteList({
  sites,
  selectedId,
  districtNames,
  onShow,
}: {
  sites: SiteListItem[];
  selectedId: string | null;
  districtNames: ReadonlyMap<string, string>;
  onShow: (id: string) => void;
}) {
  const t = useFeatureStrings<typeof en>('map');
  if (!sites.length) return <p>{t('list.none')}</p>;
  return (
    <ul className="map-list" data-testid="map-list">
      {sites.map((s) => (
        <li
          key={s.id}
          data-site-id={s.id}
          className={selectedId === s.id ? 'is-selected' : undefined}
          style={{ '--marker-colour': GROUP_COLOUR[clusterGroup(s.cluster)] } as CSSProperties}
        >
          <Link to={`/sites/${s.id}`}>
            <span className="map-list-name">{s.name}</span>
            <span className="map-list-meta">
              {[districtNames.get(s.district) ?? s.district, s.location.precision === 'district' ? t('list.approximate') : undefined]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </Link>
          <button type="button" className="button button-secondary" aria-label={t('list.showOnMapLabel', { name: s.name })} onClick={() => onShow(s.id)}>
            {t('list.showOnMap')}
          </button>
        </li>
      ))}
    </ul>
  );
}
