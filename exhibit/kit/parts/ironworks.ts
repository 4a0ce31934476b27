/**
 * Iron- and steelworks parts: the blast furnace with its bustle pipe, uptakes, downcomer, dust
 * catcher and skip bridge; the hot-blast stoves; the chimney.
 */
import { TorusGeometry } from 'three';
import { box, cylinder, lathe, nonIndexed, PartBuilder, pipe, strut } from '../geometry.ts';
import type { PartBuilderFn } from './types.ts';

export const blastFurnace: PartBuilderFn<'blast-furnace'> = ({ height: H, hearthDiameter: D, skipBridge }) => {
  const b = new PartBuilder();
  const r = D / 2;
  const plinth = 1.5;
  b.add('plain-concrete', box(D * 2.2, plinth, D * 2.2));
  // The shell: hearth, bosh (widest), stack tapering to the throat, top cone.
  b.add(
    'rust',
    lathe(
      [
        [r, plinth],
        [r, H * 0.17],
        [r * 1.28, H * 0.3],
        [r * 1.12, H * 0.55],
        [r * 0.82, H * 0.78],
        [r * 0.62, H * 0.84],
        [r * 0.42, H * 0.88],
      ],
      {},
      24,
    ),
  );
  // Bustle pipe ring and tuyere stocks feeding the hearth.
  const torus = nonIndexed(new TorusGeometry(r * 1.55, Math.max(0.45, D * 0.06), 8, 24));
  torus.rotateX(Math.PI / 2);
  torus.translate(0, H * 0.2, 0);
  b.add('steel', torus);
  for (let i = 0; i < 10; i++) {
    const a = (i / 10) * Math.PI * 2;
    b.add('steel', strut([Math.cos(a) * r * 1.5, H * 0.2, Math.sin(a) * r * 1.5], [Math.cos(a) * r * 1.02, H * 0.14, Math.sin(a) * r * 1.02], 0.2, 5));
  }
  // Working platforms and the columns that carry them.
  for (const y of [H * 0.42, H * 0.84]) b.add('steel', cylinder(r * 1.75, r * 1.75, 0.35, { y }, 20));
  for (let i = 0; i < 4; i++) {
    const a = Math.PI / 4 + (i / 4) * Math.PI * 2;
    const cx = Math.cos(a) * r * 1.6;
    const cz = Math.sin(a) * r * 1.6;
    b.add('steel', box(0.7, H * 0.84, 0.7, { x: cx, z: cz }));
  }
  // Furnace-top house and the four uptakes joining into the downcomer.
  b.add('steel-clad', box(r * 1.3, H * 0.07, r * 1.3, { y: H * 0.88 }));
  const apex: [number, number, number] = [-r * 0.2, H * 1.04, 0];
  for (let i = 0; i < 4; i++) {
    const a = Math.PI / 4 + (i / 4) * Math.PI * 2;
    b.add('rust', strut([Math.cos(a) * r * 0.5, H * 0.86, Math.sin(a) * r * 0.5], apex, Math.max(0.35, D * 0.05), 8));
  }
  const catcherX = -D * 1.7;
  b.add('rust', strut(apex, [catcherX, H * 0.62, 0], Math.max(0.45, D * 0.065), 8));
  // Dust catcher: a drum with a conical bottom on legs.
  b.add(
    'rust',
    lathe(
      [
        [0.4, H * 0.2],
        [r * 0.75, H * 0.3],
        [r * 0.75, H * 0.55],
        [r * 0.4, H * 0.63],
      ],
      { x: catcherX },
      16,
    ),
  );
  for (const [dx, dz] of [
    [1, 1],
    [1, -1],
    [-1, 1],
    [-1, -1],
  ])
    b.add('steel', box(0.5, H * 0.3, 0.5, { x: catcherX + dx * r * 0.5, z: dz * r * 0.5 }));
  // Cast house at the foot, on the front.
  b.add('steel-clad', box(D * 1.6, H * 0.16, D * 1.2, { z: D * 1.3 }));
  if (skipBridge) {
    // Inclined skip bridge: two chords and bracing, from the stockhouse up to the throat.
    const foot: [number, number, number] = [D * 2.8, 1, 0];
    const head: [number, number, number] = [r * 0.5, H * 0.9, 0];
    for (const dz of [-1.1, 1.1]) {
      b.add('steel', strut([foot[0], foot[1], dz], [head[0], head[1], dz], 0.3, 5));
      b.add('steel', strut([foot[0], foot[1] + 1.6, dz], [head[0], head[1] + 1.6, dz], 0.25, 5));
    }
    const n = Math.max(4, Math.round(H / 5));
    for (let i = 0; i <= n; i++) {
      const t = i / n;
      const x = foot[0] + (head[0] - foot[0]) * t;
      const y = foot[1] + (head[1] - foot[1]) * t;
      b.add('steel', strut([x, y, -1.1], [x, y + 1.6, 1.1], 0.12, 4));
      if (i > 0 && i < n && y > 3) b.add('steel', box(0.4, y, 0.4, { x, z: 0 }));
    }
    b.add('steel-clad', box(5, 4, 6, { x: foot[0] + 2, z: 0 }));
  }
  return { groups: b.build(), height: H * 1.05, footprint: D * 2.2 };
};

export const hotBlastStoves: PartBuilderFn<'hot-blast-stoves'> = ({ count, height: H, diameter: D }) => {
  const b = new PartBuilder();
  const r = D / 2;
  const spacing = D * 1.3;
  const x0 = (-(count - 1) * spacing) / 2;
  b.add('plain-concrete', box(spacing * count + 2, 1.2, D * 1.6));
  for (let i = 0; i < count; i++) {
    const x = x0 + i * spacing;
    // Tall cylinder with a domed top.
    const profile: [number, number][] = [[r, 1.2]];
    profile.push([r, H - r * 0.6]);
    for (let k = 1; k <= 5; k++) {
      const a = (k / 5) * (Math.PI / 2);
      profile.push([r * Math.cos(a), H - r * 0.6 + r * 0.6 * Math.sin(a)]);
    }
    b.add('rust', lathe(profile, { x }, 20));
    // Ring girders.
    for (const y of [H * 0.3, H * 0.65]) b.add('steel', cylinder(r + 0.18, r + 0.18, 0.5, { x, y }, 20, true));
    // Burner and hot-blast valve on the front.
    b.add('steel', pipe(0.6, 2.2, { x, y: H * 0.15, z: r + 0.8, ry: Math.PI / 2 }));
  }
  // The hot-blast main along the row.
  b.add('rust', pipe(Math.max(0.6, D * 0.1), spacing * count + 4, { y: H * 0.22, z: r + 2 }));
  return { groups: b.build(), height: H, footprint: (spacing * count) / 2 + 2 };
};

export const chimney: PartBuilderFn<'chimney'> = ({ height: H, baseDiameter, topDiameter, surface, bands }) => {
  const b = new PartBuilder();
  const mat = surface === 'concrete' ? 'plain-concrete' : surface === 'brick' ? 'plain-brick' : 'plain-red-brick';
  const rb = baseDiameter / 2;
  const rt = topDiameter / 2;
  b.add('plain-concrete', box(baseDiameter * 1.6, 1.6, baseDiameter * 1.6));
  b.add(mat, cylinder(rb, rt, H - 1.6, { y: 1.6 }, 16));
  const radiusAt = (y: number) => rb + (rt - rb) * ((y - 1.6) / (H - 1.6));
  for (let i = 1; i <= bands; i++) {
    const y = 1.6 + ((H - 1.6) * i) / (bands + 1);
    b.add('dark', cylinder(radiusAt(y) + 0.08, radiusAt(y + 0.5) + 0.08, 0.5, { y }, 16, true));
  }
  // Corbelled cap.
  b.add('dark', cylinder(rt + 0.25, rt + 0.3, 1.2, { y: H - 1.2 }, 16));
  return { groups: b.build(), height: H, footprint: baseDiameter };
};
