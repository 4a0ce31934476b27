/**
 * Registers the canvas side of `window.__walkthrough` (only mounted with `?test-hooks=1`): the
 * visible structures, camera, renderer.info, a lost-context trigger and a frame-time probe for
 * the scene benchmark.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Matrix4, Mesh, MeshBasicMaterial, type PerspectiveCamera, PlaneGeometry, Scene, Vector3 } from 'three';
import { hostStore } from '../host.tsx';
import { canvasProbe } from '../testHooks.ts';
import { runtime } from './runtime.ts';

export function TestProbe() {
  const get = useThree((s) => s.get);
  useEffect(() => {
    canvasProbe.current = {
      get sceneId() {
        return runtime.sceneId;
      },
      get ready() {
        return runtime.assets !== null && runtime.drawn;
      },
      visible: () => [...runtime.rises].filter(([, r]) => r >= 1).map(([id]) => id),
      settled: () => {
        const state = hostStore.get().controller?.getState();
        return (
          !!state &&
          runtime.appliedYear === state.year &&
          runtime.appliedCameraSeq === state.cameraSeq &&
          runtime.structuresSettled &&
          !runtime.gliding &&
          runtime.framesSinceChange > 0
        );
      },
      camera: () => {
        // Where the controls are taking the camera (the camera object catches up on the next frame).
        const { camera } = get();
        const c = runtime.controls;
        const position = c ? c.getPosition(new Vector3()) : camera.position.clone();
        const target = c?.getTarget(new Vector3()) ?? new Vector3();
        return { position: position.toArray() as [number, number, number], target: target.toArray() as [number, number, number] };
      },
      memory: () => ({ ...get().gl.info.memory }),
      render: () => {
        const r = get().gl.info.render;
        return { calls: r.calls, triangles: r.triangles, frame: r.frame };
      },
      dpr: () => get().viewport.dpr,
      canvasSize: () => {
        const c = get().gl.domElement;
        return { width: c.width, height: c.height };
      },
      markerAt: (id) => {
        const { camera, gl } = get();
        const placed = runtime.assets?.structures.get(id);
        if (!placed) return null;
        const p = new Vector3(placed.position.x, placed.top, placed.position.z).project(camera);
        if (p.z > 1 || Math.abs(p.x) > 1 || Math.abs(p.y) > 1) return null;
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((p.x + 1) / 2) * rect.width, y: rect.top + ((1 - p.y) / 2) * rect.height };
      },
      three: () => {
        const { scene, gl, camera } = get();
        return { scene, gl, camera };
      },
      loseContext: () => {
        get().gl.getContext().getExtension('WEBGL_lose_context')?.loseContext();
      },
      measure: (frames, mode) => {
        const { gl, scene, camera } = get();
        // 'empty': clearing only; 'fill': one opaque layer over the whole screen (the fill-rate floor).
        const quad = new Mesh(new PlaneGeometry(2, 2), new MeshBasicMaterial({ color: '#7a8a66' }));
        quad.frustumCulled = false;
        quad.onBeforeRender = () => {
          quad.matrixWorld.copy((camera as PerspectiveCamera).matrixWorld);
          quad.matrixWorld.multiply(new Matrix4().makeTranslation(0, 0, -2)).multiply(new Matrix4().makeScale(10, 10, 1));
        };
        const reference = new Scene();
        if (mode === 'fill') reference.add(quad);
        const target = mode === 'scene' ? scene : reference;
        const cam = camera as PerspectiveCamera;
        const centre = runtime.controls?.getTarget(new Vector3()) ?? new Vector3();
        const start = cam.position.clone();
        const offset = start.clone().sub(centre);
        const ctx = gl.getContext();
        const pixel = new Uint8Array(4);
        const times: number[] = [];
        let calls = 0;
        let triangles = 0;
        for (let i = 0; i < frames; i++) {
          // Orbit slowly so frames are not all identical.
          const a = (i / frames) * 0.6;
          cam.position.set(
            centre.x + offset.x * Math.cos(a) - offset.z * Math.sin(a),
            centre.y + offset.y,
            centre.z + offset.x * Math.sin(a) + offset.z * Math.cos(a),
          );
          cam.lookAt(centre);
          const t0 = performance.now();
          gl.render(target, cam);
          // Reading a pixel waits for the GPU (SwiftShader: the CPU) to finish the frame.
          ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel);
          times.push(performance.now() - t0);
          calls = Math.max(calls, gl.info.render.calls);
          triangles = Math.max(triangles, gl.info.render.triangles);
        }
        cam.position.copy(start);
        cam.lookAt(centre);
        quad.geometry.dispose();
        quad.material.dispose();
        get().invalidate();
        return { times, calls, triangles };
      },
    };
    return () => {
      canvasProbe.current = null;
    };
  }, [get]);
  return null;
}
