/**
 * Builds assets/map/chongqing.geojson: Chongqing's district and county boundaries and its main
 * rivers, simplified for an SVG map. Run: `npx tsx scripts/map/build-map.ts` (see
 * assets/map/README.md for what it needs).
 *
 * - Boundaries: Apache ECharts 4.9.0 (Apache-2.0), `map/json/province/chongqing.json` — the last
 *   ECharts release that shipped China's province maps. Fetched with `npm pack echarts@4.9.0`
 *   unless `--echarts <file>` names a local copy.
 * - Rivers: GSHHG / WDBII (LGPL-3+) through GMT (`gmt coast -I<level> -M -Df`), from Debian's
 *   `gmt` and `gmt-gshhg-full` packages. Levels 1 and 2 are the permanent major rivers; level 3
 *   adds the other major ones. WDBII has no names: the Yangtze is the level-1 river here, the
 *   Jialing and the Wu are the level-2 rivers that pass Beibei and Wulong.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

type Point = [number, number];
type Ring = Point[];

const ROOT = path.resolve(import.meta.dirname, '../..');
const OUT = path.join(ROOT, 'assets/map/chongqing.geojson');
/** The map's frame: the municipality with a small margin (lng/lat). */
const BBOX = [105.2, 28.1, 110.3, 32.3] as const;
/** Douglas–Peucker tolerance in degrees (~150 m): invisible at the map's highest zoom. */
const TOLERANCE = 0.0015;
const DECIMALS = 3;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function echartsSource(): string {
  const given = arg('echarts');
  if (given) return given;
  const dir = mkdtempSync(path.join(tmpdir(), 'echarts-'));
  execFileSync('npm', ['pack', 'echarts@4.9.0', '--silent'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync('tar', ['xzf', 'echarts-4.9.0.tgz', 'package/map/json/province/chongqing.json'], { cwd: dir });
  return path.join(dir, 'package/map/json/province/chongqing.json');
}

/** ECharts' compressed coordinates: zig-zag deltas as character codes, scaled by 1024. */
function decodeRing(encoded: string, offset: Point): Ring {
  let [px, py] = offset;
  const out: Ring = [];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += px;
    y += py;
    px = x;
    py = y;
    out.push([x / 1024, y / 1024]);
  }
  return out;
}

function perpendicular(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    let max = 0;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const d = perpendicular(points[i], points[a], points[b]);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0 && max > tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (p: Point): Point => [Number(p[0].toFixed(DECIMALS)), Number(p[1].toFixed(DECIMALS))];

function dedupe(points: Point[]): Point[] {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/** A closed ring simplified as two halves, so its start point stays put. */
function simplifyRing(ring: Ring): Ring | null {
  const open = ring[0][0] === ring.at(-1)![0] && ring[0][1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  const mid = Math.floor(open.length / 2);
  const simplified = dedupe([...simplify(open.slice(0, mid + 1), TOLERANCE).slice(0, -1), ...simplify([...open.slice(mid), open[0]], TOLERANCE)].map(round));
  if (simplified.length < 4) return null;
  return simplified;
}

// --- Districts -------------------------------------------------------------------------------

interface EChartsFeature {
  id: string;
  properties: { name: string; cp: Point };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: string[][] | string[][][]; encodeOffsets: Point[][] | Point[][][] };
}

const contentDistricts = JSON.parse(readFileSync(path.join(ROOT, 'content/pack/districts.json'), 'utf8')) as { id: string; name: { 'zh-Hans': string } }[];
/** "梁平县" in the 2016 data is "梁平区" today: compare names without the 区/县 suffix. */
const stem = (name: string) => name.replace(/(区|县|自治县)$/u, '');
const contentByStem = new Map(contentDistricts.map((d) => [stem(d.name['zh-Hans']), d.id]));

const echarts = JSON.parse(readFileSync(echartsSource(), 'utf8')) as { features: EChartsFeature[] };
const districtFeatures = echarts.features.map((f) => {
  const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as string[][];
  const offsets = (f.geometry.type === 'Polygon' ? [f.geometry.encodeOffsets] : f.geometry.encodeOffsets) as Point[][];
  const rings = polygons
    .flatMap((poly, i) => poly.map((encoded, j) => decodeRing(encoded, offsets[i][j])))
    // Slivers below ~0.1 km² are digitising noise at this scale.
    .filter((r) => ringArea(r) > 1e-5)
    .map(simplifyRing)
    .filter((r): r is Ring => r !== null)
    .map((r) => [...r, r[0]]);
  return {
    type: 'Feature' as const,
    properties: {
      kind: 'district',
      code: f.id,
      name: f.properties.name,
      district: contentByStem.get(stem(f.properties.name)) ?? null,
      label: round(f.properties.cp),
    },
    geometry: { type: 'MultiPolygon' as const, coordinates: rings.map((r) => [r]) },
  };
});

const unmatched = contentDistricts.filter((d) => !districtFeatures.some((f) => f.properties.district === d.id)).map((d) => d.id);

// --- Rivers ----------------------------------------------------------------------------------

const gmtDir = mkdtempSync(path.join(tmpdir(), 'gmt-'));

function gmtRivers(level: number): Point[][] {
  const text = execFileSync('gmt', ['coast', `-R${BBOX[0]}/${BBOX[2]}/${BBOX[1]}/${BBOX[3]}`, `-I${level}`, '-M', '-Df'], {
    encoding: 'utf8',
    cwd: gmtDir, // GMT leaves a gmt.history file where it runs
  });
  const lines: Point[][] = [];
  let current: Point[] = [];
  for (const row of text.split('\n')) {
    if (row.startsWith('>')) {
      if (current.length > 1) lines.push(current);
      current = [];
      continue;
    }
    const [x, y] = row.trim().split(/\s+/).map(Number);
    if (Number.isFinite(x) && Number.isFinite(y)) current.push([x, y]);
  }
  if (current.length > 1) lines.push(current);
  return lines;
}

/** GSHHG cuts rivers at its bin edges: join pieces whose ends meet into longer lines. */
function chain(pieces: Point[][]): Point[][] {
  const key = (p: Point) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;
  const lines = pieces.map((p) => [...p]);
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < lines.length; i++) {
      for (let j = 0; j < lines.length; j++) {
        if (i === j) continue;
        const a = lines[i];
        const b = lines[j];
        if (key(a.at(-1)!) === key(b[0])) lines[i] = [...a, ...b.slice(1)];
        else if (key(a.at(-1)!) === key(b.at(-1)!)) lines[i] = [...a, ...[...b].reverse().slice(1)];
        else if (key(a[0]) === key(b[0])) lines[i] = [...[...a].reverse(), ...b.slice(1)];
        else continue;
        lines.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return lines;
}

const distance = (line: Point[], p: Point) => Math.min(...line.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1])));
/** Places the named rivers are known to pass (lng, lat). */
const BEIBEI: Point = [106.437, 29.825];
const WULONG: Point = [107.756, 29.324];

const riverFeatures: object[] = [];
const addRiver = (river: string | null, level: number, lines: Point[][]) => {
  const coords = lines.map((l) => dedupe(simplify(l, TOLERANCE).map(round))).filter((l) => l.length > 1);
  if (coords.length)
    riverFeatures.push({ type: 'Feature', properties: { kind: 'river', river, level }, geometry: { type: 'MultiLineString', coordinates: coords } });
};
addRiver('yangtze', 1, chain(gmtRivers(1)));
const level2 = chain(gmtRivers(2));
const nearest = (p: Point) => level2.reduce((best, l) => (distance(l, p) < distance(best, p) ? l : best));
const jialing = nearest(BEIBEI);
const wu = nearest(WULONG);
if (distance(jialing, BEIBEI) > 0.05 || distance(wu, WULONG) > 0.05) throw new Error('could not find the Jialing or the Wu among the level-2 rivers');
addRiver('jialing', 2, [jialing]);
addRiver('wu', 2, [wu]);
addRiver(
  null,
  2,
  level2.filter((l) => l !== jialing && l !== wu),
);
addRiver(null, 3, chain(gmtRivers(3)));

const collection = {
  type: 'FeatureCollection',
  bbox: BBOX,
  metadata: {
    generatedBy: 'scripts/map/build-map.ts',
    simplification: `Douglas–Peucker, ${TOLERANCE}°; coordinates rounded to ${DECIMALS} decimals`,
    sources: [
      {
        what: 'district and county boundaries',
        source: 'Apache ECharts 4.9.0, map/json/province/chongqing.json',
        licence: 'Apache-2.0',
      },
      { what: 'rivers', source: 'GSHHG 2.3.7 (WDBII rivers, full resolution) via GMT 6', licence: 'LGPL-3.0-or-later' },
    ],
  },
  features: [...districtFeatures, ...riverFeatures],
};

// One feature per line: small diffs when the data is rebuilt, and still plain GeoJSON.
const body = `{"type":"FeatureCollection","bbox":${JSON.stringify(collection.bbox)},"metadata":${JSON.stringify(collection.metadata)},"features":[\n${collection.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
writeFileSync(OUT, body);
const points = body.match(/\[\d+\.?\d*,\d+\.?\d*\]/g)?.length ?? 0;
console.log(
  `wrote ${path.relative(ROOT, OUT)}: ${districtFeatures.length} districts, ${riverFeatures.length} river features, ${points} points, ${body.length} bytes`,
);
if (unmatched.length) console.log(`content districts without their own boundary (part of another in the source data): ${unmatched.join(', ')}`);
