import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteListItem } from '../api/types.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { clusterGroup, GROUP_COLOUR } from './clusterStyle.ts';
import type en from './locales/en.json';

/**
 * The card of the site chosen on the map. When the visitor chose it, focus moves to the card's
 * heading so the choice is announced; Close gives focus back to the site's marker.
 */
export function SiteMapCard({
  site,
  districtName,
  clusterName,
  eraNames,
  takeFocus,
  onClose,
}: {
  site: SiteListItem;
  districtName?: string;
  clusterName?: string;
  eraNames: string[];
  takeFocus: boolean;
  onClose: () => void;
}) {
  const t = useFeatureStrings<typeof en>('map');
  const { t: tApp } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus once per newly chosen site
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [site.id]);
  const tags = [
    districtName,
    clusterName,
    site.category ? tApp(`category.${site.category}`) : undefined,
    site.grade ? tApp(`grade.${site.grade}`) : undefined,
  ].filter(Boolean);
  return (
    <section
      className="map-card"
      aria-labelledby="map-card-title"
      data-testid="map-card"
      data-site-id={site.id}
      style={{ '--marker-colour': GROUP_COLOUR[clusterGroup(site.cluster)] } as CSSProperties}
    >
      <h2 id="map-card-title" ref={heading} tabIndex={-1}>
        {site.name}
      </h2>
      {tags.length > 0 && <p className="map-card-meta">{tags.join(' · ')}</p>}
      {eraNames.length > 0 && <p className="map-card-meta">{eraNames.join(' · ')}</p>}
      <p>{site.summary}</p>
      {site.location.precision === 'district' && (
        <p className="map-card-approx" data-testid="map-card-approximate">
          {t('card.approximate', { district: districtName ?? site.district })}
        </p>
      )}
      <p className="map-card-actions">
        <Link className="button" to={`/sites/${site.id}`}>
          {t('card.open')}
        </Link>
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t('card.close')}
        </button>
      </p>
    </section>
  );
}
