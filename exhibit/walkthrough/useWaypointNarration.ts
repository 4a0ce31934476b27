/**
 * Spoken narration for the guided tour: while the tour plays, each step's narration plays through
 * the AudioService (exhibit/audio/) from the narration manifest's `waypoint/<scene>/<waypoint>` entry
 * in the current language, and the step lasts as long as it. `npm run narration` synthesizes one for
 * every waypoint (or keeps a museum's recording); it says the step's narration text, which
 * StepCaption shows whole as the caption. A waypoint without an entry (added but not yet
 * synthesized) shows its text only.
 */
import { useEffect } from 'react';
import { loadAudioService } from '../audio/audioLifecycle.ts';
import { loadNarrationManifest } from '../audio/narrationManifest.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import type { TourController, TourState } from './tour.ts';

export function useWaypointNarration(controller: TourController, state: TourState) {
  const { language } = useLanguage();
  const waypoint = controller.scene.waypoints[state.step];
  const playing = state.playing;
  useEffect(() => {
    if (!playing || !waypoint) return;
    const key = `waypoint/${controller.scene.id}/${waypoint.id}`;
    const id = `${key}:${language}`;
    let live = true;
    let started = false;
    loadNarrationManifest()
      .then(async (manifest) => {
        const entry = manifest.items[key]?.[language];
        if (!live || !entry) return;
        controller.setStepSeconds(waypoint.id, entry.duration + 1.5);
        const audio = await loadAudioService();
        if (!live) return;
        audio.play({ id, src: entry.audio });
        started = true;
      })
      .catch(() => {
        // No manifest or no service: the captions carry the step.
      });
    return () => {
      live = false;
      if (started) void loadAudioService().then((audio) => audio.stopIf(id));
    };
  }, [controller, waypoint, playing, language]);
}
