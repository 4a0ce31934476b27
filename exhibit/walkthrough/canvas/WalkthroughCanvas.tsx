/**
 * The persistent R3F canvas (mounted once by host.tsx): renders on demand, adapts its resolution
 * to the frame time, reports a lost WebGL context, and shows the scene of whichever tour is
 * attached. No drei helper that fetches from a CDN is used (no Environment presets, no Text fonts,
 * no Draco/KTX2): everything is procedural.
 */
import { Canvas } from '@react-three/fiber';
import { useCallback, useState, useSyncExternalStore } from 'react';
import type { WebGLRenderer } from 'three';
import type { hostStore as HostStore } from '../host.tsx';
import { testHooksEnabled } from '../testHooks.ts';
import { AdaptiveResolution, initialDpr } from './AdaptiveResolution.tsx';
import { runtime } from './runtime.ts';
import { SceneView } from './SceneView.tsx';
import { TestProbe } from './TestProbe.tsx';

export function WalkthroughCanvas({ store, onContextLost }: { store: typeof HostStore; onContextLost: () => void }) {
  const { controller } = useSyncExternalStore(store.subscribe, store.get);
  const [base] = useState(initialDpr);
  const [dpr, setDpr] = useState(base);

  const created = useCallback(
    ({ gl }: { gl: WebGLRenderer }) => {
      gl.domElement.setAttribute('role', 'img');
      gl.domElement.addEventListener(
        'webglcontextlost',
        (e) => {
          e.preventDefault();
          onContextLost();
        },
        { once: true },
      );
    },
    [onContextLost],
  );

  return (
    <>
      <Canvas
        frameloop="demand"
        dpr={dpr}
        // No MSAA and no tone mapping: on the weakest kiosk GPU (a software rasteriser in the
        // benchmark) they cost a third of the frame. Resolution adapts instead (AdaptiveResolution).
        flat
        gl={{ antialias: false, alpha: false, powerPreference: 'high-performance', preserveDrawingBuffer: false }}
        camera={{ fov: 45, near: 1, far: 12000, position: [200, 150, 200] }}
        onCreated={created}
      >
        {controller && <SceneView key={controller.id} controller={controller} />}
        <AdaptiveResolution base={base} dpr={dpr} setDpr={setDpr} />
        {testHooksEnabled && <TestProbe />}
      </Canvas>
      <div
        className="walkthrough-label"
        aria-hidden="true"
        hidden
        ref={(el) => {
          runtime.label = el;
        }}
      />
    </>
  );
}
