/** A small map on a site's page: where the site is, with a way to the full heritage map. */
import { Link, useNavigate } from 'react-router';
import type { SiteDetail } from '../api/types.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { clusterGroup, GROUP_COLOUR } from './clusterStyle.ts';
import type en from './locales/en.json';
import { MapFrame } from './MapFrame.tsx';
import { useMapContext } from './useMapContext.ts';
import './strings.ts';

export default function LocatorMap({ site }: { site: SiteDetail }) {
  const t = useFeatureStrings<typeof en>('map');
  const { districtNames, central, districtTints } = useMapContext();
  const district = site.districtInfo?.name ?? districtNames.get(site.district) ?? site.district;
  const approximate = site.location.precision === 'district';
  const navigate = useNavigate();
  const open = `/map?site=${encodeURIComponent(site.id)}`;
  return (
    <section className="site-locator" aria-labelledby="site-locator-title" data-testid="site-locator">
      <h2 id="site-locator-title">{t('locator.heading')}</h2>
      <MapFrame
        compact
        fit="markers"
        markers={[{ id: site.id, name: site.name, location: site.location, colour: GROUP_COLOUR[clusterGroup(site.cluster)] }]}
        label={t(approximate ? 'locator.labelApproximate' : 'locator.label', { name: site.name, district })}
        description={t('locator.desc')}
        districtNames={districtNames}
        districtTints={districtTints}
        outlinedDistricts={central}
        onSelect={() => navigate(open)}
      />
      {approximate && <p className="map-note">{t('locator.approximate')}</p>}
      <p>
        <Link className="button button-secondary" to={open}>
          {t('locator.open')}
        </Link>
      </p>
    </section>
  );
}
