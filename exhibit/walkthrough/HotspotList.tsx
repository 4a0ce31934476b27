/**
 * The hotspots as a list of real buttons — the 3D view's text alternative: every structure that
 * stands in the chosen year, with its years. Choosing one opens its card and turns the camera to it.
 */
import { useMemo } from 'react';
import { useWalkthroughT } from './strings.ts';
import { standsIn } from './timeline.ts';
import type { TourController, TourState } from './tour.ts';
import { yearsRange } from './yearsText.ts';

export function HotspotList({ controller, state }: { controller: TourController; state: TourState }) {
  const t = useWalkthroughT();
  const scene = controller.scene;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the revision marks a change of language
  const standing = useMemo(() => scene.structures.filter((s) => standsIn(s.years, state.year)), [scene, state.year, state.revision]);
  const id = `hotspots-${scene.id}`;
  return (
    <section className="walkthrough-hotspots" aria-labelledby={id} data-testid="hotspot-list">
      <h3 id={id}>{t('hotspots.heading', { year: state.year })}</h3>
      {standing.length === 0 ? (
        <p>{t('hotspots.none', { year: state.year })}</p>
      ) : (
        <ul>
          {standing.map((s) => (
            <li key={s.id}>
              <button
                id={`hotspot-${s.id}`}
                type="button"
                aria-expanded={state.selected === s.id}
                data-structure-id={s.id}
                onClick={() => controller.select(state.selected === s.id ? null : s.id, { frame: true })}
              >
                <span className="walkthrough-hotspot-label">{s.label}</span>
                {s.years.from !== undefined && <span className="walkthrough-hotspot-years"> {yearsRange(s.years, t)}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
