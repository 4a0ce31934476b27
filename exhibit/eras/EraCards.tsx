import type { EraListItem } from '../api/types.ts';
import { EraCard } from './EraCard.tsx';

export function EraCards({ eras, headingLevel = 2 }: { eras: EraListItem[]; headingLevel?: 2 | 3 }) {
  return (
    <ol className="era-cards" data-testid="era-cards">
      {[...eras]
        .sort((a, b) => a.order - b.order)
        .map((era) => (
          <EraCard key={era.id} era={era} headingLevel={headingLevel} />
        ))}
    </ol>
  );
}
