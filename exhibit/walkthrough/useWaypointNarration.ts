/**
 * Spoken narration for the guided tour, where the museum has recorded it: while the tour plays,
 * each step's narration plays through the AudioService (exhibit/audio/), if the narration manifest
 * has `waypoint/<scene>/<waypoint>` in the current language, and the step lasts as long as it.
 * Without a recording the step's text is shown as captions only (always shown anyway).
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
