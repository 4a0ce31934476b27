/**
 * Without WebGL (or after the context was lost): a still of the scene and the tour as text — every
 * step's title and narration in order. The time slider and the list of structures still work.
 */
import { HotspotCard } from './HotspotCard.tsx';
import { useWalkthroughT } from './strings.ts';
import type { TourController, TourState } from './tour.ts';
import type { SceneData } from './types.ts';

export function SceneFallback({
  scene,
  reason,
  state,
  controller,
}: {
  scene: SceneData;
  reason: 'unavailable' | 'lost';
  state: TourState;
  controller: TourController;
}) {
  const t = useWalkthroughT();
  const src = scene.poster.src.startsWith('/') ? scene.poster.src : `/${scene.poster.src}`;
  const id = `text-tour-${scene.id}`;
  return (
    <div className="walkthrough-fallback" data-testid="walkthrough-fallback" data-reason={reason}>
      <p role="status" className="walkthrough-fallback-note">
        {t(reason === 'lost' ? 'fallback.lost' : 'fallback.unavailable')}
      </p>
      <figure className="walkthrough-poster">
        <img src={src} alt={scene.poster.alt} width={1280} height={720} data-testid="walkthrough-poster" />
        <figcaption>{t('fallback.posterCaption')}</figcaption>
      </figure>
      {state.selected && <HotspotCard controller={controller} state={state} />}
      <section aria-labelledby={id} className="walkthrough-text-tour" data-testid="walkthrough-text-tour">
        <h3 id={id}>{t('fallback.heading')}</h3>
        <ol>
          {scene.waypoints.map((w, i) => (
            <li key={w.id} aria-current={i === state.step ? 'step' : undefined}>
              <h4>
                {w.year !== undefined && <span className="walkthrough-step-year">{w.year}</span>} {w.title}
              </h4>
              <p>{w.narration}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
