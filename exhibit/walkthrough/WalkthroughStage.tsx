/**
 * The stage: the slot the persistent canvas moves into, with the step's caption, the camera
 * buttons and the hotspot card over it. With the stage focused, keys do what the buttons do.
 */
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { CameraButtons } from './CameraButtons.tsx';
import { HotspotCard } from './HotspotCard.tsx';
import { attachCanvas, detachCanvas } from './host.tsx';
import { StepCaption } from './StepCaption.tsx';
import { useWalkthroughT } from './strings.ts';
import { TourControls } from './TourControls.tsx';
import type { TourController, TourState } from './tour.ts';

export function WalkthroughStage({
  controller,
  state,
  expanded,
  onExpand,
}: {
  controller: TourController;
  state: TourState;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
}) {
  const t = useWalkthroughT();
  const slot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = slot.current;
    if (!el) return;
    let cancelled = false;
    void attachCanvas(el, controller, () => cancelled);
    return () => {
      cancelled = true;
      detachCanvas(controller);
    };
  }, [controller]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // keys inside the buttons and the card are theirs
    const action = keyAction(controller, e.key);
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const sceneId = controller.scene.id;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable group of controls over a canvas, not a form fieldset
    <div
      className="walkthrough-stage"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the stage takes focus so that the keys listed below drive the view
      tabIndex={0}
      role="group"
      aria-label={t('stage')}
      aria-describedby={`keys-text-${sceneId}`}
      onKeyDown={onKeyDown}
      data-testid="walkthrough-stage"
    >
      <div ref={slot} className="walkthrough-slot" />
      <StepCaption controller={controller} state={state} />
      <CameraButtons controller={controller} expanded={expanded} onExpand={onExpand} />
      {/* Full screen covers the page's tour controls: bring them onto the stage. */}
      {expanded && (
        <div className="walkthrough-stage-tour">
          <TourControls controller={controller} state={state} />
        </div>
      )}
      {state.selected && <HotspotCard controller={controller} state={state} overlay />}
    </div>
  );
}

/** What a key does with the stage focused (the same as the buttons). */
function keyAction(controller: TourController, key: string): (() => void) | undefined {
  switch (key) {
    case 'ArrowLeft':
      return () => controller.camera({ kind: 'rotate', direction: 1 });
    case 'ArrowRight':
      return () => controller.camera({ kind: 'rotate', direction: -1 });
    case 'ArrowUp':
      return () => controller.camera({ kind: 'tilt', direction: -1 });
    case 'ArrowDown':
      return () => controller.camera({ kind: 'tilt', direction: 1 });
    case '+':
    case '=':
      return () => controller.camera({ kind: 'zoom', direction: 1 });
    case '-':
      return () => controller.camera({ kind: 'zoom', direction: -1 });
    case '0':
      return () => controller.returnToPath();
    case ' ':
      return () => controller.toggle();
    case '[':
      return () => controller.prev();
    case ']':
      return () => controller.next();
    default:
      return undefined;
  }
}
