/**
 * A scene's walkthrough: the stage (the persistent 3D canvas, or the poster and text tour when
 * WebGL is missing or lost), the guided tour's controls and steps, the time slider and the list
 * of structures — the canvas's text alternative, every hotspot as a real button.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { onVisitorReset } from '../visitor/visitorSession.ts';
import { HotspotList } from './HotspotList.tsx';
import { hostStore, webglStatus } from './host.tsx';
import { SceneFallback } from './SceneFallback.tsx';
import { useWalkthroughT } from './strings.ts';
import { TimeSlider } from './TimeSlider.tsx';
import { TourControls } from './TourControls.tsx';
import { TourSteps } from './TourSteps.tsx';
import { reportController, reportFallback } from './testHooks.ts';
import { TourController } from './tour.ts';
import type { SceneData } from './types.ts';
import { useTourState } from './useTour.ts';
import { useWaypointNarration } from './useWaypointNarration.ts';
import { WalkthroughStage } from './WalkthroughStage.tsx';

export function Walkthrough({ scene }: { scene: SceneData }) {
  const t = useWalkthroughT();
  // One controller per scene (and content version); a new language only swaps its texts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scene object changes with the language
  const controller = useMemo(() => new TourController(scene), [scene.id]);
  useEffect(() => controller.setScene(scene), [controller, scene]);
  useEffect(() => {
    reportController(controller);
    const off = onVisitorReset(() => controller.reset());
    return () => {
      off();
      controller.dispose();
      reportController(null);
    };
  }, [controller]);

  const state = useTourState(controller);
  useWaypointNarration(controller, state);
  const { status } = useSyncExternalStore(hostStore.subscribe, hostStore.get);
  const [expanded, setExpanded] = useState(false);
  const webgl = status === 'unknown' ? webglStatus() : status;
  const fallback = webgl === 'unavailable' || webgl === 'lost' ? webgl : null;
  useEffect(() => reportFallback(fallback), [fallback]);

  // Leaving full screen with Escape, as everywhere else.
  useEffect(() => {
    if (!expanded) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) setExpanded(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [expanded]);

  return (
    <div className={`walkthrough-body${expanded ? ' is-expanded' : ''}`} data-scene-id={scene.id}>
      <p className="walkthrough-description">
        <strong className="walkthrough-layout">{t(scene.layout === 'illustrative' ? 'illustrative' : 'surveyed')}</strong> {scene.description}
      </p>
      {fallback ? (
        <SceneFallback scene={scene} reason={fallback} state={state} controller={controller} />
      ) : (
        <WalkthroughStage controller={controller} state={state} expanded={expanded} onExpand={setExpanded} />
      )}
      <TourControls controller={controller} state={state} />
      <TimeSlider controller={controller} state={state} />
      <div className="walkthrough-lists">
        <HotspotList controller={controller} state={state} />
        {!fallback && <TourSteps controller={controller} state={state} />}
      </div>
      {!fallback && (
        <section className="walkthrough-keys" aria-labelledby={`keys-${scene.id}`}>
          <h3 id={`keys-${scene.id}`}>{t('keys.heading')}</h3>
          <p id={`keys-text-${scene.id}`}>{t('keys.text')}</p>
        </section>
      )}
      <section className="walkthrough-sources" aria-labelledby={`scene-sources-${scene.id}`}>
        <h3 id={`scene-sources-${scene.id}`}>{t('sourcesHeading')}</h3>
        <ProvenanceList sources={scene.provenance} />
      </section>
    </div>
  );
}
