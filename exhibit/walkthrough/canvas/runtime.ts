/**
 * What the canvas side knows about the scene on show right now, for the camera rig and the test
 * probe: one scene at a time is shown, so one module-level record is enough.
 */
import type { CameraControls } from '@react-three/drei';
import type { SceneAssets } from '../../kit/sceneAssets.ts';

export const runtime: {
  sceneId: string | null;
  assets: SceneAssets | null;
  rises: Map<string, number>;
  structuresSettled: boolean;
  gliding: boolean;
  /** A frame has been drawn since the scene's assets were built. */
  drawn: boolean;
  controls: CameraControls | null;
  /** The tour's year and camera request the canvas has acted on (the test hooks wait for them). */
  appliedYear: number | null;
  appliedCameraSeq: number | null;
  /** Frames drawn since the last change was applied (a change is on screen once this is ≥ 1). */
  framesSinceChange: number;
  /** The HTML element that shows the focused structure's name over the canvas. */
  label: HTMLDivElement | null;
} = {
  sceneId: null,
  assets: null,
  rises: new Map(),
  structuresSettled: true,
  gliding: false,
  drawn: false,
  controls: null,
  appliedYear: null,
  appliedCameraSeq: null,
  framesSinceChange: 0,
  label: null,
};
