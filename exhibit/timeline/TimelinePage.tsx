import { type CSSProperties, useMemo } from 'react';
import { Link } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { ErrorMessage } from '../app/ErrorMessage.tsx';
import { titleShowsYears } from '../app/format.ts';
import { Loading } from '../app/Loading.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import type en from './locales/en.json';
import { Timeline } from './Timeline.tsx';
import { buildItems } from './timelineItems.ts';
import { useEraDetails } from './useEraDetails.ts';
import './strings.ts';
import './timeline.css';

/** `/timeline` (and `/timeline?year=1938`): the four eras and today on one horizontal track. */
export default function TimelinePage() {
  const t = useFeatureStrings<typeof en>('timeline');
  usePageTitle(t('title'));
  const eraList = useContent('eras');
  const projects = useContent('projects');
  const sites = useContent('sites');
  const ids = eraList.status === 'ready' ? [...eraList.data].sort((a, b) => a.order - b.order).map((e) => e.id) : null;
  const details = useEraDetails(ids);
  const siteNames = useMemo(() => new Map(sites.status === 'ready' ? sites.data.map((s) => [s.id, s.name] as const) : []), [sites]);
  const eras = details.status === 'ready' ? details.eras : null;
  const items = useMemo(() => (eras && projects.status === 'ready' ? buildItems(eras, projects.data) : null), [eras, projects]);

  return (
    <div className="page timeline-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ContentGate state={eraList} level={2}>
        {(list) => (
          <nav aria-label={t('eraLegend')}>
            <ul className="timeline-legend">
              {[...list]
                .sort((a, b) => a.order - b.order)
                .map((e) => (
                  <li key={e.id}>
                    <Link to={`/eras/${e.id}`} className="chip-link era-chip" style={{ '--era-colour': e.colour } as CSSProperties}>
                      {e.title}
                      {!titleShowsYears(e.title, e.startYear) && <span className="chip-years">{`${e.startYear}–${e.endYear}`}</span>}
                    </Link>
                  </li>
                ))}
            </ul>
          </nav>
        )}
      </ContentGate>
      {details.status === 'error' ? (
        <ErrorMessage error={{ status: 0, title: details.message }} onRetry={details.retry} level={2} />
      ) : projects.status === 'error' ? (
        <ErrorMessage error={projects.error} onRetry={projects.retry} level={2} />
      ) : eras && items ? (
        <Timeline eras={eras} items={items} siteNames={siteNames} />
      ) : (
        <Loading />
      )}
    </div>
  );
}
