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
    const actions: Record<string, () => void> = {
      ArrowLeft: () => controller.camera({ kind: 'rotate', direction: 1 }),
      ArrowRight: () => controller.camera({ kind: 'rotate', direction: -1 }),
      ArrowUp: () => controller.camera({ kind: 'tilt', direction: -1 }),
      ArrowDown: () => controller.camera({ kind: 'tilt', direction: 1 }),
      '+': () => controller.camera({ kind: 'zoom', direction: 1 }),
      '=': () => controller.camera({ kind: 'zoom', direction: 1 }),
      '-': () => controller.camera({ kind: 'zoom', direction: -1 }),
      '0': () => controller.returnToPath(),
      ' ': () => controller.toggle(),
      '[': () => controller.prev(),
      ']': () => controller.next(),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  const sceneId = controller.scene.id;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the stage takes focus so the keys listed below can drive the view
    <div
      className="walkthrough-stage"
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
      {state.selected && <HotspotCard controller={controller} state={state} overlay />}
    </div>
  );
}
