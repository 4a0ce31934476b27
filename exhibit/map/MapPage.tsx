import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import { SiteFilters } from '../sites/SiteFilters.tsx';
import { FILTER_KEYS, readFilters } from '../sites/siteFilters.ts';
import { clusterGroup, GROUP_COLOUR } from './clusterStyle.ts';
import type { MapMarker } from './HeritageMap.tsx';
import type en from './locales/en.json';
import { MapFrame } from './MapFrame.tsx';
import { MapLegend } from './MapLegend.tsx';
import { MapSiteList } from './MapSiteList.tsx';
import type { LngLat } from './mapData.ts';
import { SiteMapCard } from './SiteMapCard.tsx';
import { useMapContext } from './useMapContext.ts';
import './strings.ts';

/** `/map`: the sites on the map, with the same URL filters as `/sites`, and `?site=` for the open card. */
export default function MapPage() {
  const t = useFeatureStrings<typeof en>('map');
  const { t: tApp } = useTranslation();
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const selectedId = params.get('site');
  const sites = useContent('sites', filters);
  const clusters = useContent('clusters');
  const eras = useContent('eras');
  const { districtNames, central, districtTints } = useMapContext();
  const [focus, setFocus] = useState<{ id: string } | null>(selectedId ? { id: selectedId } : null);
  const [chosenHere, setChosenHere] = useState(false);
  const mapTop = useRef<HTMLDivElement>(null);

  const update = (change: (p: URLSearchParams) => void) =>
    setParams(
      (p) => {
        change(p);
        return p;
      },
      { replace: true },
    );
  const setFilter = (key: string, value: string) =>
    update((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
    });
  const clear = () =>
    update((p) => {
      for (const k of FILTER_KEYS) p.delete(k);
    });
  const select = (id: string | null) => {
    setChosenHere(true);
    update((p) => (id ? p.set('site', id) : p.delete('site')));
  };
  const closeCard = () => {
    const id = selectedId;
    select(null);
    // Back to where the visitor was: the site's marker (or the group it is in).
    if (id) requestAnimationFrame(() => mapTop.current?.querySelector<HTMLElement>(`[data-site-id="${id}"], [data-site-ids~="${id}"]`)?.focus());
  };
  const showOnMap = (id: string) => {
    select(id);
    setFocus({ id });
    mapTop.current?.scrollIntoView({ block: 'start' });
  };

  const clusterNames = new Map<string, string>(clusters.status === 'ready' ? clusters.data.map((c) => [c.id, c.name] as const) : []);
  const eraNames = new Map(eras.status === 'ready' ? eras.data.map((e) => [e.id, e.title] as const) : []);
  const list = sites.status === 'ready' ? sites.data : [];
  const markers: MapMarker[] = useMemo(
    () => list.map((s) => ({ id: s.id, name: s.name, location: s.location, colour: GROUP_COLOUR[clusterGroup(s.cluster)] })),
    [list],
  );
  const centralPoints = useMemo(() => {
    const out: LngLat[] = [];
    if (sites.status === 'ready') for (const s of sites.data) if (central.has(s.district)) out.push([s.location.lng, s.location.lat]);
    return out;
  }, [sites, central]);

  const byCluster = new Map<string, number>();
  for (const s of list) byCluster.set(s.cluster, (byCluster.get(s.cluster) ?? 0) + 1);
  const approximate = list.filter((s) => s.location.precision === 'district').length;
  const description = list.length
    ? t('svgDesc', {
        list: [...byCluster].map(([id, n]) => `${clusterNames.get(id) ?? id}: ${n}`).join(t('listSeparator')),
        approximate: approximate ? t('svgDescApproximate', { count: approximate }) : '',
      })
    : t('svgDescNone');
  const selected = list.find((s) => s.id === selectedId) ?? null;

  return (
    <div className="page map-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <SiteFilters filters={filters} districts={districtNames} onChange={setFilter} onClear={clear} />
      <ContentGate state={sites} level={2}>
        {(found) => (
          <>
            <p className="result-count" role="status" data-testid="result-count">
              {tApp('sites.count', { count: found.length })}
            </p>
            <div className="map-layout" ref={mapTop}>
              <MapFrame
                markers={markers}
                label={t('svgLabel', { count: found.length })}
                description={description}
                selectedId={selectedId}
                onSelect={(id) => select(id)}
                focus={focus}
                districtNames={districtNames}
                districtTints={districtTints}
                outlinedDistricts={central}
                presets={centralPoints.length > 1 ? [{ label: t('centralArea'), points: centralPoints }] : []}
              >
                <p className="map-note">{t('note')}</p>
              </MapFrame>
              <div className="map-side">
                {selected && (
                  <SiteMapCard
                    site={selected}
                    districtName={districtNames.get(selected.district)}
                    clusterName={clusterNames.get(selected.cluster)}
                    eraNames={selected.eras.map((e) => eraNames.get(e) ?? e)}
                    takeFocus={chosenHere}
                    onClose={closeCard}
                  />
                )}
                {clusters.status === 'ready' && <MapLegend clusters={clusters.data} />}
              </div>
            </div>
            <section aria-labelledby="map-list-title">
              <h2 id="map-list-title">{t('list.heading')}</h2>
              <MapSiteList sites={found} selectedId={selectedId} districtNames={districtNames} onShow={showOnMap} />
            </section>
          </>
        )}
      </ContentGate>
    </div>
  );
}
