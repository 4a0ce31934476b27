import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteDetail } from '../api/types.ts';
import { titleShowsYears } from '../app/format.ts';

/** The site's key facts as a definition list; rows without a value are left out. */
export function SiteFacts({ site }: { site: SiteDetail }) {
  const { t } = useTranslation();
  const rows: [string, ReactNode][] = [];
  if (site.eras.length)
    rows.push([
      t('site.eras'),
      <span className="chips" key="eras">
        {site.eras.map((e) => (
          <Link key={e.id} to={`/eras/${e.id}`} className="chip-link era-chip" style={{ '--era-colour': e.colour } as CSSProperties}>
            {e.title}
            {!titleShowsYears(e.title, e.startYear) && <span className="chip-years">{t('eras.years', { start: e.startYear, end: e.endYear })}</span>}
          </Link>
        ))}
      </span>,
    ]);
  // No source dates some sites; say so rather than guess.
  else rows.push([t('site.eras'), t('site.notInSources')]);
  rows.push([t('site.district'), site.districtInfo?.name ?? site.district]);
  rows.push([t('site.cluster'), site.clusterInfo?.name ?? site.cluster]);
  if (site.category) rows.push([t('site.category'), t(`category.${site.category}`)]);
  if (site.grade) rows.push([t('site.grade'), t(`grade.${site.grade}`)]);
  if (site.foundedYear) rows.push([t('site.founded'), String(site.foundedYear)]);
  if (site.industries.length) rows.push([t('site.industries'), site.industries.map((i) => i.name).join(' · ')]);

  return (
    <section aria-labelledby="site-facts" className="facts">
      <h2 id="site-facts" className="visually-hidden">
        {t('site.facts')}
      </h2>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
