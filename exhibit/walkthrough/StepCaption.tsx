import { useWalkthroughT } from './strings.ts';
import type { TourController, TourState } from './tour.ts';

/** The narration of the current step as captions over the stage; off the path, the way back. */
export function StepCaption({ controller, state }: { controller: TourController; state: TourState }) {
  const t = useWalkthroughT();
  const w = controller.scene.waypoints[state.step];
  if (state.mode === 'free') {
    return (
      <div className="walkthrough-caption is-free" data-testid="walkthrough-caption">
        <p>{t('tour.free')}</p>
        <button type="button" className="button-primary" onClick={() => controller.returnToPath()}>
          {t('tour.returnToPath')}
        </button>
      </div>
    );
  }
  return (
    <div className="walkthrough-caption" data-testid="walkthrough-caption" aria-live="polite">
      <p className="walkthrough-caption-title">
        <span className="walkthrough-caption-step">{t('tour.stepOf', { step: state.step + 1, count: controller.steps })}</span> {w.title}
      </p>
      <p className="walkthrough-caption-text">{w.narration}</p>
      {state.ended && <p className="walkthrough-caption-end">{t('tour.ended')}</p>}
    </div>
  );
}
