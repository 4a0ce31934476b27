/**
 * The map's geometry: Chongqing's district boundaries and rivers from assets/map/chongqing.geojson
 * (built by scripts/map/build-map.ts). The file is a separate hashed asset, fetched once when a map
 * is first shown, so neither the first screen nor the map's JS carries it.
 */
import { useEffect, useState } from 'react';
import geojsonUrl from '../../assets/map/chongqing.geojson?url';

export type LngLat = [number, number];

export interface DistrictShape {
  /** The 2016 administrative code of the source data. */
  code: string;
  /** The source's own (Simplified Chinese) name. */
  sourceName: string;
  /** The content's district id, when the content has this district. */
  district: string | null;
  label: LngLat;
  rings: LngLat[][];
}

export interface RiverShape {
  /** 'yangtze' | 'jialing' | 'wu', or null for an unnamed river. */
  river: string | null;
  level: number;
  lines: LngLat[][];
}

export interface MapGeometry {
  bbox: [number, number, number, number];
  districts: DistrictShape[];
  rivers: RiverShape[];
}

interface Feature {
  properties: { kind: 'district' | 'river'; code?: string; name?: string; district?: string | null; label?: LngLat; river?: string | null; level?: number };
  geometry: { type: 'MultiPolygon'; coordinates: LngLat[][][] } | { type: 'MultiLineString'; coordinates: LngLat[][] };
}

export function parseGeometry(json: { bbox: MapGeometry['bbox']; features: Feature[] }): MapGeometry {
  const districts: DistrictShape[] = [];
  const rivers: RiverShape[] = [];
  for (const f of json.features) {
    if (f.properties.kind === 'district' && f.geometry.type === 'MultiPolygon') {
      districts.push({
        code: f.properties.code ?? '',
        sourceName: f.properties.name ?? '',
        district: f.properties.district ?? null,
        label: f.properties.label ?? f.geometry.coordinates[0][0][0],
        rings: f.geometry.coordinates.flat(),
      });
    } else if (f.properties.kind === 'river' && f.geometry.type === 'MultiLineString') {
      rivers.push({ river: f.properties.river ?? null, level: f.properties.level ?? 3, lines: f.geometry.coordinates });
    }
  }
  return { bbox: json.bbox, districts, rivers };
}

let pending: Promise<MapGeometry> | null = null;

function loadGeometry(): Promise<MapGeometry> {
  pending ??= fetch(geojsonUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`map data: HTTP ${res.status}`);
      return res.json();
    })
    .then(parseGeometry)
    .catch((err: unknown) => {
      pending = null; // let a later map try again
      throw err;
    });
  return pending;
}

export type GeometryState = { status: 'loading' } | { status: 'error'; message: string; retry: () => void } | { status: 'ready'; geometry: MapGeometry };

export function useMapGeometry(): GeometryState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<GeometryState>({ status: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on retry
  useEffect(() => {
    let live = true;
    loadGeometry().then(
      (geometry) => live && setState({ status: 'ready', geometry }),
      (err: unknown) => live && setState({ status: 'error', message: err instanceof Error ? err.message : String(err), retry: () => setAttempt((n) => n + 1) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  return state;
}
