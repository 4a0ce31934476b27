import { useWalkthroughT } from './strings.ts';
import type { TourController, TourState } from './tour.ts';

/** Every step of the tour as a button: jump straight to one. */
export function TourSteps({ controller, state }: { controller: TourController; state: TourState }) {
  const t = useWalkthroughT();
  const id = `steps-${controller.scene.id}`;
  return (
    <section className="walkthrough-steps" aria-labelledby={id}>
      <h3 id={id}>{t('tour.stepsHeading')}</h3>
      <ol>
        {controller.scene.waypoints.map((w, i) => (
          <li key={w.id}>
            <button type="button" aria-current={i === state.step ? 'step' : undefined} onClick={() => controller.goTo(i)}>
              {w.year !== undefined && <span className="walkthrough-step-year">{w.year}</span>} {w.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
