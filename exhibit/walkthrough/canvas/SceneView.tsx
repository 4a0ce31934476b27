/**
 * One scene on the persistent canvas: builds its assets from the scene document, shows the
 * structures that stand in the tour's year, the hotspot markers and the label of the structure in
 * focus, and drives the camera. Unmounting (leaving the scene) disposes everything it built.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useMemo } from 'react';
import { Color } from 'three';
import { AMBIENT, HEMISPHERE, SUN } from '../../kit/lighting.ts';
import { SceneGround } from '../../kit/SceneGround.tsx';
import { StructureInstances } from '../../kit/StructureInstances.tsx';
import { createSceneAssets, type KitScene } from '../../kit/sceneAssets.ts';
import { useWalkthroughT } from '../strings.ts';
import { standingIds } from '../timeline.ts';
import type { TourController } from '../tour.ts';
import { useReducedMotion } from '../useReducedMotion.ts';
import { useTourState } from '../useTour.ts';
import { CameraRig } from './CameraRig.tsx';
import { HotspotMarkers } from './HotspotMarkers.tsx';
import { runtime } from './runtime.ts';
import { SelectionLabel } from './SelectionLabel.tsx';

export function SceneView({ controller }: { controller: TourController }) {
  const scene = controller.scene;
  const state = useTourState(controller);
  const reduced = useReducedMotion();
  const t = useWalkthroughT();
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const sceneObject = useThree((s) => s.scene);

  // Built once per scene (a change of language keeps the geometry).
  const assets = useMemo(() => createSceneAssets(controller.scene as unknown as KitScene), [controller]);
  const rises = useMemo(() => new Map<string, number>(), []);
  useEffect(() => {
    runtime.sceneId = scene.id;
    runtime.assets = assets;
    runtime.rises = rises;
    runtime.drawn = false;
    return () => {
      if (runtime.assets === assets) {
        runtime.assets = null;
        runtime.sceneId = null;
        runtime.drawn = false;
      }
      assets.dispose();
    };
  }, [assets, rises, scene.id]);

  // Sky colour behind everything, and fog that fades the far edge of the model.
  const horizon = scene.sky?.horizon ?? '#dfe3dc';
  useEffect(() => {
    const previous = sceneObject.background;
    sceneObject.background = new Color(horizon);
    return () => {
      sceneObject.background = previous;
    };
  }, [sceneObject, horizon]);

  const standing = useMemo(() => new Set(standingIds(scene, state.year)), [scene, state.year]);
  const focus = scene.waypoints[state.step]?.focus;
  const highlighted = useMemo(() => {
    const set = new Set<string>();
    if (state.selected) set.add(state.selected);
    else if (focus && state.mode === 'guided') set.add(focus);
    return set;
  }, [state.selected, focus, state.mode]);

  // After StructureInstances has taken the year (children's effects run first).
  useEffect(() => {
    runtime.appliedYear = state.year;
    runtime.framesSinceChange = 0;
    invalidate();
  }, [state.year, invalidate]);

  // The canvas's text alternative follows the year (the hotspot list below it is the full one).
  useEffect(() => {
    gl.domElement.setAttribute('aria-label', t('canvasLabel', { description: scene.description, year: state.year, count: standing.size }));
  }, [gl, t, scene.description, state.year, standing.size]);

  const onSelect = useCallback((id: string) => controller.select(id), [controller]);
  const onSettledChange = useCallback((settled: boolean) => {
    runtime.structuresSettled = settled;
  }, []);

  useFrame(() => {
    runtime.drawn = true;
    runtime.framesSinceChange++;
  });

  const size = scene.terrain.size;
  const sun = SUN.direction.clone().multiplyScalar(size).toArray() as [number, number, number];
  return (
    <>
      <fog attach="fog" args={[horizon, size * 0.9, size * 3.2]} />
      <hemisphereLight args={[scene.sky?.top ?? '#9db8cf', HEMISPHERE.ground, HEMISPHERE.intensity]} />
      <directionalLight position={sun} intensity={SUN.intensity} color={SUN.colour} />
      <ambientLight intensity={AMBIENT} />
      <SceneGround assets={assets} />
      <StructureInstances
        assets={assets}
        standing={standing}
        highlighted={highlighted}
        instant={reduced}
        onSelect={onSelect}
        onSettledChange={onSettledChange}
        rises={rises}
      />
      <HotspotMarkers assets={assets} standing={standing} highlighted={highlighted} onSelect={onSelect} />
      <SelectionLabel assets={assets} scene={scene} id={state.selected ?? (state.mode === 'guided' ? (focus ?? null) : null)} />
      <CameraRig controller={controller} assets={assets} reduced={reduced} />
    </>
  );
}
