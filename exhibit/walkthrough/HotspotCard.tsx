/**
 * A structure's story: its name, the years it stood (and what the dating rests on), the text and
 * a link to the related page. Opens from a tap in the 3D view or from the list; Escape or the
 * close button shut it and focus goes back to the list button.
 */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useWalkthroughT } from './strings.ts';
import type { TourController, TourState } from './tour.ts';
import { yearsBasis, yearsRange } from './yearsText.ts';

export function HotspotCard({ controller, state, overlay = false }: { controller: TourController; state: TourState; overlay?: boolean }) {
  const t = useWalkthroughT();
  const heading = useRef<HTMLHeadingElement>(null);
  const structure = controller.scene.structures.find((s) => s.id === state.selected);

  useEffect(() => {
    if (structure) heading.current?.focus({ preventScroll: true });
  }, [structure]);

  if (!structure) return null;
  const close = () => {
    controller.select(null);
    document.getElementById(`hotspot-${structure.id}`)?.focus({ preventScroll: true });
  };
  const link = structure.hotspot.link;
  const href = link?.kind === 'site' ? `/sites/${link.id}` : link?.kind === 'era' ? `/eras/${link.id}` : undefined;
  const range = yearsRange(structure.years, t);
  const basis = yearsBasis(structure.years, controller.scene, t);
  const headingId = `hotspot-card-${structure.id}`;
  return (
    <section
      className={`walkthrough-card${overlay ? ' is-overlay' : ''}`}
      aria-labelledby={headingId}
      data-testid="hotspot-card"
      data-structure-id={structure.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {structure.label}
      </h3>
      {(range || basis) && (
        <p className="walkthrough-card-years">
          {range && <strong>{range}</strong>} {basis}
          {structure.years.note && <> {structure.years.note}</>}
        </p>
      )}
      {structure.hotspot.text && <p>{structure.hotspot.text}</p>}
      {link && (
        <p className="walkthrough-card-link">
          {t('hotspots.related')} ({t(`hotspots.kinds.${link.kind}`)}):{' '}
          {href ? <Link to={href}>{link.name ?? link.id}</Link> : <span>{link.name ?? link.id}</span>}
        </p>
      )}
      <button type="button" className="walkthrough-card-close" onClick={close}>
        {t('hotspots.close')}
      </button>
    </section>
  );
}
