import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SiteListItem } from '../api/types.ts';

/** One site in a list: its name links to the site's page. */
export function SiteCard({ site, districtName, headingLevel = 3 }: { site: SiteListItem; districtName?: string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const tags = [
    districtName,
    site.category ? t(`category.${site.category}`) : undefined,
    site.grade ? t(`grade.${site.grade}`) : undefined,
    site.flagship ? t('sites.flagship') : undefined,
  ].filter(Boolean);
  return (
    <li className="site-card" data-site-id={site.id}>
      <Link to={`/sites/${site.id}`} className="card-link">
        <Heading className="site-card-name">{site.name}</Heading>
        {tags.length > 0 && <p className="site-card-tags">{tags.join(' · ')}</p>}
        <p className="site-card-summary">{site.summary}</p>
      </Link>
    </li>
  );
}
