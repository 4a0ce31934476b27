import { useEffect, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { RouteDetail as RouteDetailData } from '../api/types.ts';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import type { MapMarker } from '../map/HeritageMap.tsx';
import { MapFrame } from '../map/MapFrame.tsx';
import { useMapContext } from '../map/useMapContext.ts';
import type en from './locales/en.json';

const ROUTE_COLOUR = '#9a3412';

/** One route: its stops on the map (numbered, joined in order) and as a list, one stop at a time. */
export function RouteDetail({ route }: { route: RouteDetailData }) {
  const t = useFeatureStrings<typeof en>('routes');
  usePageTitle(route.name);
  const [params, setParams] = useSearchParams();
  const { districtNames, central, districtTints } = useMapContext();
  const stops = route.stops;
  const total = stops.length;
  const requested = Number.parseInt(params.get('stop') ?? '1', 10);
  const n = Number.isFinite(requested) ? Math.min(Math.max(requested, 1), total) : 1;
  const current = stops[n - 1];

  // Keys can arrive faster than the URL re-renders the page: step from the last stop asked for.
  const latest = useRef(n);
  useEffect(() => {
    latest.current = n;
  }, [n]);
  const go = (to: number) => {
    const stop = Math.min(Math.max(to, 1), total);
    latest.current = stop;
    setParams(
      (p) => {
        p.set('stop', String(stop));
        p.delete('site');
        return p;
      },
      { replace: true },
    );
  };

  // `?site=<id>` (from a site's page) opens the route at that site's stop.
  const fromSite = params.get('site');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a ?site= arrives
  useEffect(() => {
    if (!fromSite) return;
    const i = stops.findIndex((s) => s.site === fromSite);
    go(i >= 0 ? i + 1 : n);
  }, [fromSite]);

  const markers: MapMarker[] = useMemo(
    () =>
      stops
        .filter((s) => s.location)
        .map((s) => ({ id: s.site, name: `${s.order}. ${s.name ?? s.site}`, location: s.location!, colour: ROUTE_COLOUR, number: s.order })),
    [stops],
  );
  const focus = useMemo(() => ({ id: current.site }), [current.site]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, select, textarea, .map-viewport')) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      go(latest.current + (e.key === 'ArrowRight' ? 1 : -1));
    }
  };

  return (
    <article className="page route-detail" data-route-id={route.id}>
      <p className="eyebrow">
        <Link to="/routes">{t('allRoutes')}</Link>
      </p>
      <header className="page-header">
        <p className="eyebrow">
          {t(`kind.${route.kind}`)} · {t('stops', { count: total })}
        </p>
        <h1>{route.name}</h1>
        <p className="lead">{route.summary}</p>
      </header>

      <section className="route-stepper" aria-labelledby="route-stepper-title" onKeyDown={onKeyDown}>
        <h2 id="route-stepper-title" className="visually-hidden">
          {t('stepper')}
        </h2>
        <div className="route-step-controls">
          <button type="button" className="button button-secondary" onClick={() => go(n - 1)} disabled={n <= 1}>
            <span aria-hidden="true">←</span> {t('prev')}
          </button>
          <p className="route-step-count" role="status" data-testid="route-step">
            {t('stepLabel', { n, total })}
          </p>
          <button type="button" className="button button-secondary" onClick={() => go(n + 1)} disabled={n >= total}>
            {t('next')} <span aria-hidden="true">→</span>
          </button>
        </div>
        <p className="route-hint">{t('keyboardHint')}</p>

        <div className="route-layout">
          <div className="route-current" data-testid="route-current" data-site-id={current.site}>
            <p className="route-current-number" aria-hidden="true">
              {current.order}
            </p>
            <h2>{current.name ?? current.site}</h2>
            {current.note && <p className="route-current-note">{current.note}</p>}
            {current.summary && <p>{current.summary}</p>}
            {current.location?.precision === 'district' && <p className="map-note">{t('approximate')}</p>}
            <p>
              <Link className="button" to={`/sites/${current.site}`}>
                {t('openSite')}
              </Link>
            </p>
          </div>
          <div className="route-map">
            <MapFrame
              markers={markers}
              path
              allowGroups={false}
              fit="markers"
              selectedId={current.site}
              onSelect={(id) => go(stops.findIndex((s) => s.site === id) + 1)}
              focus={focus}
              label={t('mapLabel', { name: route.name, count: total })}
              description={t('mapDesc', { list: stops.map((s) => `${s.order}. ${s.name ?? s.site}`).join(t('listSeparator')), current: n })}
              districtNames={districtNames}
              districtTints={districtTints}
              outlinedDistricts={central}
            >
              <p className="map-note">{t('pathNote')}</p>
            </MapFrame>
          </div>
        </div>

        <h2 id="route-stops-title">{t('stopsHeading')}</h2>
        <ol className="route-stops" aria-labelledby="route-stops-title" data-testid="route-stops">
          {stops.map((s) => {
            const isCurrent = s.order === n;
            return (
              <li key={s.order} className={isCurrent ? 'is-current' : undefined} data-site-id={s.site} aria-current={isCurrent ? 'step' : undefined}>
                <button
                  type="button"
                  className="route-stop-number"
                  onClick={() => go(s.order)}
                  aria-label={t('showStop', { n: s.order, name: s.name ?? s.site })}
                  aria-pressed={isCurrent}
                >
                  {s.order}
                </button>
                <div>
                  <Link to={`/sites/${s.site}`} className="route-stop-name">
                    {s.name ?? s.site}
                  </Link>
                  {isCurrent && <span className="visually-hidden"> ({t('currentStop')})</span>}
                  {s.note && <p className="route-stop-note">{s.note}</p>}
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="route-sources">
        <h2 id="route-sources">{t('sources')}</h2>
        <ProvenanceList sources={route.provenance} />
      </section>
    </article>
  );
}
