/** The pure layout parts of the timeline (its year scale) and the map (marker placement, view maths). */
import { describe, expect, it } from 'vitest';
import { layoutMarkers } from '../../exhibit/map/markerLayout.ts';
import { fitBox, makeProjection, project, toMap, toScreen, zoomAt } from '../../exhibit/map/projection.ts';
import { buildScale, DEFAULT_SCALE } from '../../exhibit/timeline/timelineScale.ts';

describe('timeline scale', () => {
  const cards = new Map([
    [1891, 1],
    [1938, 4],
    [1965, 3],
    [2020, 2],
  ]);
  const scale = buildScale({ start: 1891, end: 1984, today: { start: 2014, end: 2024 }, cards });

  it('gives every year a place, in order, wide enough for its cards', () => {
    const xs = scale.slots.map((s) => s.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(scale.slots.find((s) => s.year === 1938)!.width).toBe(2 * (DEFAULT_SCALE.cardWidth + DEFAULT_SCALE.gap));
    expect(scale.slots.find((s) => s.year === 1939)!.width).toBe(DEFAULT_SCALE.emptyYear);
    expect(scale.slots).toHaveLength(1984 - 1891 + 1 + 2024 - 2014 + 1);
  });

  it('maps years to positions and back', () => {
    for (const year of [1891, 1900, 1938, 1965, 1984, 2014, 2020, 2024]) expect(scale.yearAt(scale.xOf(year) + 0.01)).toBe(year);
    expect(scale.yearAt(-5)).toBe(1891);
    expect(scale.yearAt(scale.width + 10)).toBe(2024);
  });

  it('sends years in the break and outside the range to the nearest year it has', () => {
    expect(scale.clampYear(1990)).toBe(1984);
    expect(scale.clampYear(2010)).toBe(2014);
    expect(scale.clampYear(1700)).toBe(1891);
    expect(scale.clampYear(2100)).toBe(2024);
    const gap = scale.gap!;
    expect(scale.yearAt(gap.x + 0.1)).toBe(1984);
    expect(scale.yearAt(gap.x + gap.width - 0.1)).toBe(2014);
  });
});

describe('marker layout', () => {
  const distances = (placed: { x: number; y: number }[]) => placed.flatMap((p, i) => placed.slice(i + 1).map((q) => Math.hypot(p.x - q.x, p.y - q.y)));

  it('leaves markers that are far apart where they are', () => {
    const placed = layoutMarkers(
      [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 200, y: 0 },
      ],
      { minDistance: 46, zoomHeadroom: 10, allowGroups: true },
    );
    expect(placed).toEqual([
      { kind: 'marker', id: 'a', x: 0, y: 0, ax: 0, ay: 0, displaced: false },
      { kind: 'marker', id: 'b', x: 200, y: 0, ax: 200, ay: 0, displaced: false },
    ]);
  });

  it('spreads sites at one point on a ring, each a full target apart, with leader lines', () => {
    const same = Array.from({ length: 6 }, (_, i) => ({ id: `s${i}`, x: 100, y: 100 }));
    const placed = layoutMarkers(same, { minDistance: 46, zoomHeadroom: 10, allowGroups: true });
    expect(placed.every((p) => p.kind === 'marker' && p.displaced && p.ax === 100)).toBe(true);
    expect(Math.min(...distances(placed))).toBeGreaterThanOrEqual(46 - 0.05);
  });

  it('groups sites that zooming in would separate, unless groups are off', () => {
    const near = [
      { id: 'a', x: 100, y: 100 },
      { id: 'b', x: 110, y: 100 },
      { id: 'c', x: 300, y: 300 },
    ];
    const grouped = layoutMarkers(near, { minDistance: 46, zoomHeadroom: 20, allowGroups: true });
    expect(grouped.filter((p) => p.kind === 'group').map((p) => p.kind === 'group' && p.ids)).toEqual([['a', 'b']]);
    const atMaxZoom = layoutMarkers(near, { minDistance: 46, zoomHeadroom: 1, allowGroups: true });
    expect(atMaxZoom.every((p) => p.kind === 'marker')).toBe(true);
    const noGroups = layoutMarkers(near, { minDistance: 46, zoomHeadroom: 20, allowGroups: false });
    expect(noGroups.map((p) => (p.kind === 'marker' ? p.id : '')).sort()).toEqual(['a', 'b', 'c']);
    expect(Math.min(...distances(noGroups))).toBeGreaterThanOrEqual(46 - 0.05);
  });

  it('pushes apart neighbouring rings that overlap', () => {
    const two = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, x: 100, y: 100 })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, x: 180, y: 100 })),
    ];
    const placed = layoutMarkers(two, { minDistance: 46, zoomHeadroom: 1, allowGroups: true });
    expect(placed).toHaveLength(10);
    expect(Math.min(...distances(placed))).toBeGreaterThanOrEqual(46 - 0.05);
  });
});

describe('map view maths', () => {
  const proj = makeProjection([105, 28, 110, 32]);
  const size = { width: 800, height: 600 };
  it('fits the whole map and keeps the point under the cursor while zooming', () => {
    const view = fitBox(size, [0, 0, proj.width, proj.height], 16);
    const [x, y] = toScreen(view, size, project(proj, [105, 32]));
    expect(Math.min(x, y)).toBeGreaterThanOrEqual(15.9);
    const at: [number, number] = [200, 150];
    const before = toMap(view, size, at);
    const zoomed = zoomAt(view, size, 3, at, { min: 0, max: 1e9 });
    expect(zoomed.scale).toBeCloseTo(view.scale * 3);
    const after = toMap(zoomed, size, at);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomAt(view, size, 100, at, { min: 0, max: view.scale * 2 }).scale).toBeCloseTo(view.scale * 2);
  });
});
