/**
 * Heavy plant and infrastructure: the cave tunnel or hall, the gantry crane, the dam with its
 * gates, the substation.
 */
import { ExtrudeGeometry, Path, Shape, TorusGeometry } from 'three';
import { box, cylinder, nonIndexed, PartBuilder, pipe, strut } from '../geometry.ts';
import type { PartBuilderFn } from './types.ts';

/** A dressed stone portal with an arched opening, facing +z, centred on x = 0. */
function portalGeometry(width: number, height: number) {
  const w = width * 1.9;
  const h = height * 1.45;
  const shape = new Shape();
  shape.moveTo(-w / 2, 0);
  shape.lineTo(w / 2, 0);
  shape.lineTo(w / 2, h);
  shape.lineTo(-w / 2, h);
  shape.lineTo(-w / 2, 0);
  const hole = new Path();
  const r = width / 2;
  const spring = height - r;
  hole.moveTo(-r, 0);
  hole.lineTo(r, 0);
  hole.lineTo(r, spring);
  hole.absarc(0, spring, r, 0, Math.PI, false);
  hole.lineTo(-r, 0);
  shape.holes.push(hole);
  const g = new ExtrudeGeometry(shape, { depth: 2.2, bevelEnabled: false, curveSegments: 12 });
  g.translate(0, 0, -1.2);
  // UVs in metres/4, like the other surfaces.
  const uv = g.getAttribute('uv');
  for (let i = 0; i < uv.count; i++) uv.setXY(i, uv.getX(i) / 4, uv.getY(i) / 4);
  return nonIndexed(g);
}

export const cave: PartBuilderFn<'cave'> = ({ length: L, width: W, height: H, portal, cutaway, plinth }) => {
  const b = new PartBuilder();
  const r = W / 2;
  const spring = H - r;
  if (!cutaway) {
    if (portal) b.add('stone', portalGeometry(W, H));
    // Darkness behind the opening, and a short apron of paving in front.
    b.add('dark', box(W * 1.05, H * 1.02, 6, { z: -4.2 }));
    b.add('paving', box(W * 2.2, 0.3, 8, { z: 4 }));
    return { groups: b.build(), height: H * 1.45, footprint: W * 1.2 };
  }
  // Cutaway hall: the tunnel runs along -z; its +x half and the rock above it are cut away so the
  // vault, the far wall and the floor can be seen, like a sectioned museum model.
  b.add('paving', box(W, 0.5, L, { z: -L / 2 }));
  b.add('plain-concrete', box(0.8, spring, L, { x: -r - 0.4, z: -L / 2, y: 0.5 }));
  // The vault: a quarter cylinder from the crown down to the far wall, seen from inside.
  const section = new Shape();
  section.absarc(0, 0, r + 0.8, Math.PI / 2, Math.PI, false);
  section.lineTo(-r, 0);
  section.absarc(0, 0, r, Math.PI, Math.PI / 2, true);
  section.lineTo(0, r + 0.8);
  const shell = nonIndexed(new ExtrudeGeometry(section, { depth: L, bevelEnabled: false, curveSegments: 10 }));
  shell.translate(0, 0.5 + spring, -L);
  b.add('plain-concrete', shell);
  // Arch ribs every 6 m.
  const ribs = Math.max(2, Math.floor(L / 6));
  for (let i = 0; i <= ribs; i++) {
    const z = -(i * L) / ribs;
    const rib = nonIndexed(new TorusGeometry(r - 0.3, 0.3, 5, 10, Math.PI / 2));
    rib.rotateZ(Math.PI / 2);
    rib.translate(0, 0.5 + spring, z);
    b.add('plain-concrete', rib);
    b.add('plain-concrete', box(0.6, spring, 0.6, { x: -r + 0.3, y: 0.5, z }));
  }
  // The rock around the hall: behind the far wall and above the vault, with flat cut faces.
  b.add('stone', box(W * 1.2, H + 8, L, { x: -r - 0.8 - W * 0.6, z: -L / 2 }));
  b.add('stone', box(W * 0.5 + 0.8, 7.2, L, { x: -(W * 0.25 + 0.4), y: H + 1.3, z: -L / 2 }));
  // Lamps along the far wall.
  for (let i = 0; i < ribs; i++) b.add('glow', box(0.3, 0.5, 1.2, { x: -r + 0.2, y: spring * 0.7, z: -((i + 0.5) * L) / ribs }));
  if (plinth) {
    // A reactor block: a concrete mass with a lid of channel caps, and pipes.
    const pw = Math.min(W * 0.55, 14);
    b.add('plain-concrete', box(pw, H * 0.32, pw, { z: -L / 2, y: 0.5 }));
    b.add('steel', cylinder(pw * 0.36, pw * 0.36, 0.6, { z: -L / 2, y: 0.5 + H * 0.32 }, 24));
    for (let i = -2; i <= 2; i++) b.add('rust', pipe(0.35, pw * 1.4, { z: -L / 2 + i * 1.3, y: 1.6, x: 0 }));
  }
  if (portal) b.add('stone', portalGeometry(W, H));
  return { groups: b.build(), height: H + 8, footprint: Math.max(W * 2, L) / 2 };
};

export const gantryCrane: PartBuilderFn<'gantry-crane'> = ({ span: S, height: H, runway: R }) => {
  const b = new PartBuilder();
  const hs = S / 2;
  // Crane rails on sleepers along the runway (z).
  for (const x of [-hs, hs]) {
    b.add('ballast', box(2.2, 0.3, R, { x }));
    b.add('rail', box(0.2, 0.25, R, { x, y: 0.3 }));
  }
  // Two legs on each side (A-frames), with sill beams and bogies.
  for (const x of [-hs, hs]) {
    b.add('paint', box(1, 1, 9, { x, y: 0.55 }));
    for (const z of [-3.8, 3.8]) b.add('paint', strut([x, 1.5, z], [x * 0.97, H, z * 0.3], 0.45, 6));
    b.add('dark', box(1.4, 0.9, 2, { x, y: 0.4, z: -3.8 }), box(1.4, 0.9, 2, { x, y: 0.4, z: 3.8 }));
  }
  // The main girders, the trolley with its winch house, and the hook.
  for (const z of [-1.3, 1.3]) b.add('paint', box(S + 6, 1.8, 0.9, { y: H, z }));
  b.add('paint', box(3.6, 2.2, 4, { x: S * 0.12, y: H + 1.8 }));
  b.add('steel', strut([S * 0.12, H, 0], [S * 0.12, H * 0.35, 0], 0.06, 4));
  b.add('dark', box(1, 1.2, 0.8, { x: S * 0.12, y: H * 0.35 - 1.2 }));
  // Operator's cab under one end.
  b.add('steel-clad', box(2.2, 2.4, 2.2, { x: -hs + 2, y: H - 2.6, z: 2.4 }));
  return { groups: b.build(), height: H + 4, footprint: Math.max(S, R) / 2 };
};

export const dam: PartBuilderFn<'dam'> = ({ length: L, height: H, gates, gallery }) => {
  const b = new PartBuilder();
  // The weir body: a trapezoid section (base width ~0.9 H) extruded along x.
  const s = new Shape();
  const base = Math.max(6, H * 0.9);
  s.moveTo(-base / 2, 0);
  s.lineTo(base / 2, 0);
  s.lineTo(1.5, H);
  s.lineTo(-1.5, H);
  s.lineTo(-base / 2, 0);
  const body = nonIndexed(new ExtrudeGeometry(s, { depth: L, bevelEnabled: false }));
  body.rotateY(Math.PI / 2);
  body.translate(-L / 2, 0, 0);
  b.add('plain-concrete', body);
  // Piers between the gates rise above the crest; steel gates between them.
  const bay = L / gates;
  for (let i = 0; i <= gates; i++) {
    const x = -L / 2 + i * bay;
    b.add('plain-concrete', box(2, H + 7, 7, { x }));
  }
  for (let i = 0; i < gates; i++) {
    const x = -L / 2 + (i + 0.5) * bay;
    b.add('steel', box(bay - 2.2, H * 0.55, 0.8, { x, y: H * 0.45, z: -1 }));
  }
  if (gallery) {
    // Hoist gallery across the piers, and the road deck below it.
    b.add('steel-clad', box(L + 2, 3.4, 4.2, { y: H + 7 }));
    b.add('roof-metal', box(L + 2.4, 0.4, 4.8, { y: H + 10.4 }));
    b.add('plain-concrete', box(L + 2, 0.6, 3.2, { y: H + 3.5, z: 4.5 }));
  }
  return { groups: b.build(), height: H + 11, footprint: L / 2 };
};

export const substation: PartBuilderFn<'substation'> = ({ width: W, depth: D, transformers: n }) => {
  const b = new PartBuilder();
  b.add('ballast', box(W, 0.3, D));
  // Lattice portal gantries carrying the lines in.
  const portals = 3;
  for (let i = 0; i < portals; i++) {
    const x = -W / 2 + 3 + (i * (W - 6)) / (portals - 1);
    for (const z of [-D / 2 + 2, D / 2 - 2]) {
      b.add('steel', strut([x - 0.6, 0.3, z], [x, 11, z], 0.12, 4), strut([x + 0.6, 0.3, z], [x, 11, z], 0.12, 4));
    }
    b.add('steel', strut([x, 11, -D / 2 + 2], [x, 11, D / 2 - 2], 0.15, 4));
    b.add('steel', strut([x, 9.5, -D / 2 + 2], [x, 9.5, D / 2 - 2], 0.1, 4));
  }
  // Transformers with radiator fins and bushings.
  for (let i = 0; i < n; i++) {
    const x = -W / 2 + ((i + 0.5) * W) / n;
    b.add('hull', box(3.2, 3, 2.4, { x, y: 0.3 }));
    for (const dz of [-1.5, 1.5]) b.add('steel', box(2.8, 2.4, 0.5, { x, y: 0.6, z: dz }));
    for (const dx of [-0.9, 0, 0.9]) b.add('plain-concrete', cylinder(0.18, 0.12, 1.8, { x: x + dx, y: 3.3 }, 6));
  }
  // A small control house at one side.
  b.add('plain-brick', box(6, 3.6, 5, { x: W / 2 + 4 }));
  b.add('plain-concrete', box(6.4, 0.4, 5.4, { x: W / 2 + 4, y: 3.6 }));
  return { groups: b.build(), height: 11.5, footprint: Math.hypot(W + 10, D) / 2 };
};
