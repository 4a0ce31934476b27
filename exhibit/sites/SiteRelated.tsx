import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteDetail } from '../api/types.ts';
import { formatInvestment, formatIsoMonth } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** Key projects, tour routes, key events and museums that name this site. */
export function SiteRelated({ related, siteId }: { related: SiteDetail['related']; siteId?: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { projects, routes, events, museums } = related;
  if (!projects.length && !routes.length && !events.length && !museums.length) return null;
  const orderedEvents = [...events].sort((a, b) => a.year - b.year);

  return (
    <section aria-labelledby="site-related" className="related">
      <h2 id="site-related">{t('site.related')}</h2>

      {events.length > 0 && (
        <>
          <h3>{t('site.events')}</h3>
          <ul className="link-list" data-testid="related-events">
            {orderedEvents.map((ev) => (
              <li key={`${ev.era}/${ev.id}`}>
                <Link to={`/eras/${ev.era}#event-${ev.id}`}>
                  <span className="list-year">{ev.year}</span> {ev.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {projects.length > 0 && (
        <>
          <h3>{t('site.projects')}</h3>
          <ul className="plain-list" data-testid="related-projects">
            {projects.map((p) => (
              <li key={p.id}>
                <p className="item-title">
                  <span className="list-number">{p.number}.</span> {p.name}
                </p>
                <p className="item-meta">
                  {t(`projectType.${p.type}`)} · {t('site.projectPeriod', { start: formatIsoMonth(language, p.start), end: formatIsoMonth(language, p.end) })} ·{' '}
                  {t('site.investment', { amount: formatInvestment(language, p.investment) })}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}

      {routes.length > 0 && (
        <>
          <h3>{t('site.routes')}</h3>
          <ul className="link-list" data-testid="related-routes">
            {routes.map((r) => (
              <li key={r.id}>
                {/* The route opens at this site's stop. */}
                <Link to={siteId ? `/routes/${r.id}?site=${encodeURIComponent(siteId)}` : `/routes/${r.id}`}>{r.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {museums.length > 0 && (
        <>
          <h3>{t('site.museums')}</h3>
          <ul className="plain-list">
            {museums.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
