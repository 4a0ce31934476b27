/**
 * The camera: drei's CameraControls for the visitor (one finger or the mouse turns the view, two
 * fingers pan and zoom, the wheel zooms), and the guided glides between waypoints — an arc from
 * where the camera is to the step's view, eased, in real time. Under reduced motion the camera
 * jumps instead. Dragging the view leaves the guided path (the tour pauses); the page's buttons
 * and keys send rotate / tilt / zoom commands.
 */
import { CameraControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Box3, Vector3 } from 'three';
import type { SceneAssets } from '../../kit/sceneAssets.ts';
import type { TourController } from '../tour.ts';
import { useTourState } from '../useTour.ts';
import { runtime } from './runtime.ts';

interface Glide {
  p0: Vector3;
  c: Vector3;
  p1: Vector3;
  t0: Vector3;
  t1: Vector3;
  start: number;
  duration: number;
}

const ease = (k: number) => (k < 0.5 ? 4 * k * k * k : 1 - (-2 * k + 2) ** 3 / 2);

export function CameraRig({ controller, assets, reduced }: { controller: TourController; assets: SceneAssets; reduced: boolean }) {
  const controls = useRef<CameraControls>(null);
  const glide = useRef<Glide | null>(null);
  const invalidate = useThree((s) => s.invalidate);
  const state = useTourState(controller);
  const scene = controller.scene;

  useLayoutEffect(() => {
    const c = controls.current;
    runtime.controls = c;
    if (!c) return;
    const half = scene.terrain.size / 2;
    c.setBoundary(new Box3(new Vector3(-half, -50, -half), new Vector3(half, 600, half)));
    c.minDistance = 6;
    c.maxDistance = assets.radius * 2.4;
    c.maxPolarAngle = Math.PI * 0.49;
    c.smoothTime = reduced ? 0 : 0.3;
    c.draggingSmoothTime = reduced ? 0 : 0.12;
    return () => {
      if (runtime.controls === c) runtime.controls = null;
    };
  }, [assets, scene.terrain.size, reduced]);

  // Aim the camera whenever the tour asks (a new step, "reset view", a structure from the list).
  // A layout effect: a new scene's first frame is already drawn from its first view, never from
  // where the previous scene left the (shared) camera.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sequence number is the trigger
  useLayoutEffect(() => {
    const c = controls.current;
    if (!c) return;
    runtime.appliedCameraSeq = state.cameraSeq;
    runtime.framesSinceChange = 0;
    const aim = state.cameraAim;
    let p1: Vector3;
    let t1: Vector3;
    if (aim.kind === 'structure') {
      const placed = assets.structures.get(aim.id);
      if (!placed) return;
      t1 = new Vector3(placed.position.x, (placed.position.y + placed.top) / 2, placed.position.z);
      const from = c.camera.position.clone().sub(t1).setY(0);
      if (from.lengthSq() < 1) from.set(1, 0, 1);
      const distance = Math.max(35, placed.footprint * 2.6, (placed.top - placed.position.y) * 2.2);
      p1 = t1
        .clone()
        .add(from.normalize().multiplyScalar(distance))
        .setY(t1.y + distance * 0.55);
    } else {
      const w = scene.waypoints[state.step];
      p1 = new Vector3(...w.camera);
      t1 = new Vector3(...w.target);
    }
    if (reduced || (aim.kind === 'step' && aim.instant)) {
      glide.current = null;
      runtime.gliding = false;
      void c.setLookAt(p1.x, p1.y, p1.z, t1.x, t1.y, t1.z, false);
      invalidate();
      return;
    }
    const p0 = c.camera.position.clone();
    const t0 = c.getTarget(new Vector3());
    const distance = p0.distanceTo(p1);
    // Arc over the middle, higher for longer moves, so the camera sweeps rather than slides.
    const mid = p0.clone().add(p1).multiplyScalar(0.5);
    mid.y += Math.min(120, distance * 0.25);
    glide.current = { p0, c: mid, p1, t0, t1, start: 0, duration: Math.min(4.5, Math.max(1.6, distance / 60)) };
    runtime.gliding = true;
    invalidate();
  }, [state.cameraSeq]);

  useEffect(
    () =>
      controller.onCameraCommand((cmd) => {
        const c = controls.current;
        if (!c) return;
        glide.current = null;
        runtime.gliding = false;
        const smooth = !reduced;
        if (cmd.kind === 'rotate') void c.rotate((cmd.direction * Math.PI) / 8, 0, smooth);
        else if (cmd.kind === 'tilt') void c.rotate(0, (cmd.direction * Math.PI) / 16, smooth);
        else void c.dolly(cmd.direction * c.distance * 0.3, smooth);
        invalidate();
      }),
    [controller, reduced, invalidate],
  );

  useFrame(() => {
    const g = glide.current;
    const c = controls.current;
    if (!g || !c) return;
    const now = performance.now();
    if (!g.start) g.start = now;
    const k = Math.min(1, (now - g.start) / 1000 / g.duration);
    const e = ease(k);
    const u = 1 - e;
    const x = u * u * g.p0.x + 2 * u * e * g.c.x + e * e * g.p1.x;
    const y = u * u * g.p0.y + 2 * u * e * g.c.y + e * e * g.p1.y;
    const z = u * u * g.p0.z + 2 * u * e * g.c.z + e * e * g.p1.z;
    const t = g.t0.clone().lerp(g.t1, e);
    void c.setLookAt(x, y, z, t.x, t.y, t.z, false);
    if (k >= 1) {
      glide.current = null;
      runtime.gliding = false;
    }
    invalidate();
  }, -2);

  // Never let the visitor's camera sink into a hill (the model has no inside to show).
  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    const p = c.camera.position;
    const half = scene.terrain.size / 2;
    if (Math.abs(p.x) > half || Math.abs(p.z) > half) return;
    const floor = assets.field.heightAt(p.x, p.z) + 3;
    if (p.y < floor) void c.setPosition(p.x, floor, p.z, false);
  }, -0.5);

  return (
    <CameraControls
      ref={controls}
      makeDefault
      onStart={() => {
        // Only the visitor's own drag or pinch starts a "control"; our glides do not.
        glide.current = null;
        runtime.gliding = false;
        controller.leavePath();
      }}
    />
  );
}
