import { useWalkthroughT } from './strings.ts';
import type { TourController, TourState } from './tour.ts';

/** Play / pause and step back / forward through the guided tour. */
export function TourControls({ controller, state }: { controller: TourController; state: TourState }) {
  const t = useWalkthroughT();
  const last = controller.steps - 1;
  const playLabel = state.playing ? t('tour.pause') : state.ended || (state.step === last && state.mode === 'guided') ? t('tour.restart') : t('tour.play');
  return (
    <fieldset className="walkthrough-tour">
      <legend className="visually-hidden">{t('tour.label')}</legend>
      <button type="button" onClick={() => controller.prev()} disabled={state.step === 0}>
        <span aria-hidden="true">◀ </span>
        {t('tour.prev')}
      </button>
      <button type="button" className="button-primary" onClick={() => controller.toggle()} data-testid="walkthrough-play">
        <span aria-hidden="true">{state.playing ? '❚❚ ' : '▶ '}</span>
        {playLabel}
      </button>
      <button type="button" onClick={() => controller.next()} disabled={state.step === last}>
        {t('tour.next')}
        <span aria-hidden="true"> ▶</span>
      </button>
      <span className="walkthrough-tour-position" data-testid="walkthrough-step">
        {t('tour.stepOf', { step: state.step + 1, count: controller.steps })}
      </span>
    </fieldset>
  );
}
