/**
 * The scenes' light, in one place: the lights the canvas adds (for the structures, which turn and
 * move) and the same light baked into the vertex colours of the static terrain and the trees, so
 * their fragments cost no lighting at all — the terrain covers most of the screen, and on the
 * weakest kiosk GPU (SwiftShader in the benchmark) shading it dominated the frame.
 */
import { Color, Vector3 } from 'three';

export const SUN = { direction: new Vector3(-0.4, 0.55, 0.3).normalize(), colour: '#fff3df', intensity: 2.2 };
export const HEMISPHERE = { ground: '#5b4b3a', intensity: 1.6 };
export const AMBIENT = 0.25;

/** Multiplies `albedo` (linear) in place by the light falling on a surface with normal n. */
export function makeBaker(skyTop: string) {
  const sun = new Color(SUN.colour).multiplyScalar(SUN.intensity);
  const sky = new Color(skyTop);
  const ground = new Color(HEMISPHERE.ground);
  const hemi = new Color();
  const light = new Color();
  return (albedo: Color, nx: number, ny: number, nz: number): Color => {
    const ndl = Math.max(0, nx * SUN.direction.x + ny * SUN.direction.y + nz * SUN.direction.z);
    hemi
      .copy(ground)
      .lerp(sky, 0.5 * ny + 0.5)
      .multiplyScalar(HEMISPHERE.intensity);
    // three's Lambert: irradiance × albedo / π.
    light
      .copy(sun)
      .multiplyScalar(ndl)
      .add(hemi)
      .addScalar(AMBIENT)
      .multiplyScalar(1 / Math.PI);
    return albedo.multiply(light);
  };
}
