import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteDetail as SiteDetailData } from '../api/types.ts';
import { paragraphs } from '../app/format.ts';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { usePageTitle } from '../app/usePageTitle.ts';
import { NarrationPlayer } from '../audio/NarrationPlayer.tsx';
import { SiteFacts } from './SiteFacts.tsx';
import { SiteRelated } from './SiteRelated.tsx';

// The locator map (and its geometry) loads only when a site page is shown.
const LocatorMap = lazy(() => import('../map/LocatorMap.tsx'));
// The 3D walkthrough (and three.js) loads only on a flagship site's page.
const WalkthroughSection = lazy(() => import('../walkthrough/WalkthroughSection.tsx'));

export function SiteDetail({ site }: { site: SiteDetailData }) {
  const { t } = useTranslation();
  usePageTitle(site.name);
  return (
    <article className="page site-detail" data-site-id={site.id}>
      <header className="page-header">
        {site.flagship && <p className="eyebrow">{t('sites.flagship')}</p>}
        <h1 data-testid="site-name">{site.name}</h1>
        {site.formerNames.length > 0 && (
          <p className="former-names">
            {t('site.formerNames')}: {site.formerNames.join(' / ')}
          </p>
        )}
        <p className="lead" data-testid="site-summary">
          {site.summary}
        </p>
      </header>

      <SiteFacts site={site} />

      {site.flagship && <NarrationPlayer kind="site" id={site.id} />}

      {site.flagship && (
        <Suspense fallback={null}>
          <WalkthroughSection siteId={site.id} />
        </Suspense>
      )}

      <section aria-labelledby="site-history">
        <h2 id="site-history">{t('site.history')}</h2>
        <div className="prose">
          {paragraphs(site.history).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      </section>

      <section aria-labelledby="site-today">
        <h2 id="site-today">{t('site.today')}</h2>
        <div className="prose">
          {paragraphs(site.today).map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      </section>

      <Suspense fallback={null}>
        <LocatorMap site={site} />
      </Suspense>

      <SiteRelated related={site.related} siteId={site.id} />

      <section aria-labelledby="site-sources">
        <h2 id="site-sources">{t('site.sources')}</h2>
        <ProvenanceList sources={site.provenance} />
      </section>
    </article>
  );
}
