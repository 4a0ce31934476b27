import { type CSSProperties, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { EraDetail as EraDetailData } from '../api/types.ts';
import { paragraphs, titleShowsYears } from '../app/format.ts';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { NarrationPlayer } from '../audio/NarrationPlayer.tsx';
import { SiteCards } from '../sites/SiteCards.tsx';
import { EraEvents } from './EraEvents.tsx';

export function EraDetail({ era }: { era: EraDetailData }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  usePageTitle(era.title);

  // Links from a site to one of its events arrive with #event-<id>.
  useEffect(() => {
    if (hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash]);

  return (
    <article className="page era-detail" style={{ '--era-colour': era.colour } as CSSProperties}>
      <header className="page-header era-header">
        {!titleShowsYears(era.title, era.startYear) && <p className="eyebrow">{t('eras.years', { start: era.startYear, end: era.endYear })}</p>}
        <h1>{era.title}</h1>
        <p className="lead">{era.summary}</p>
      </header>

      <NarrationPlayer kind="era" id={era.id} />

      <section aria-labelledby="era-story">
        <h2 id="era-story">{t('era.story')}</h2>
        <div className="prose">
          {era.body.flatMap(paragraphs).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
        {era.industries.length > 0 && (
          <>
            <h3>{t('era.industries')}</h3>
            <ul className="tags">
              {era.industries.map((i) => (
                <li key={i.id}>{i.name}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="era-events">
        <h2 id="era-events">{t('era.keyEvents')}</h2>
        <EraEvents events={era.events} />
      </section>

      <section aria-labelledby="era-sites">
        <h2 id="era-sites">{t('era.sites')}</h2>
        {era.sites.length ? <SiteCards sites={era.sites} /> : <p>{t('era.noSites')}</p>}
      </section>

      <section aria-labelledby="era-sources">
        <h2 id="era-sources">{t('site.sources')}</h2>
        <ProvenanceList sources={era.provenance} />
      </section>
    </article>
  );
}
