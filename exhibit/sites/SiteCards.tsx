import type { SiteListItem } from '../api/types.ts';
import { SiteCard } from './SiteCard.tsx';

export function SiteCards({
  sites,
  districtNames,
  headingLevel = 3,
}: {
  sites: SiteListItem[];
  districtNames?: ReadonlyMap<string, string>;
  headingLevel?: 2 | 3;
}) {
  return (
    <ul className="site-cards" data-testid="site-cards">
      {sites.map((s) => (
        <SiteCard key={s.id} site={s} districtName={districtNames?.get(s.district)} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}
