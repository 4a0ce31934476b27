import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EraListItem } from '../api/types.ts';
import { titleShowsYears } from '../app/format.ts';

/** One era as a card in its colour, linking to the era's page. */
export function EraCard({ era, headingLevel = 2 }: { era: EraListItem; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="era-card" style={{ '--era-colour': era.colour } as CSSProperties}>
      <Link to={`/eras/${era.id}`} className="card-link">
        {!titleShowsYears(era.title, era.startYear) && <span className="era-card-years">{t('eras.years', { start: era.startYear, end: era.endYear })}</span>}
        <Heading className="era-card-title">{era.title}</Heading>
        <p className="era-card-summary">{era.summary}</p>
        <span className="era-card-count">{t('eras.eventCount', { count: era.eventCount })}</span>
      </Link>
    </li>
  );
}
