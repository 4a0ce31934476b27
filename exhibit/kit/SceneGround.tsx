import type { SceneAssets } from './sceneAssets.ts';

/** The terrain block, the river's water and the trees of a scene (static: drawn once per frame, never animated). */
export function SceneGround({ assets }: { assets: SceneAssets }) {
  return (
    <>
      <primitive object={assets.terrain} dispose={null} />
      {assets.water && <primitive object={assets.water} dispose={null} />}
      {assets.trees && <primitive object={assets.trees} dispose={null} />}
    </>
  );
}
