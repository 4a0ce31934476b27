/**
 * What every map around the exhibit needs from the content: district names (labels), which
 * districts are in the central urban area (outlined), and a tint per district from the clusters
 * of the sites in it — so the "one core, three belts, many points" layout shows on the map.
 */
import { useMemo } from 'react';
import { useContent } from '../api/useContent.ts';
import { clusterGroup, GROUP_TINT } from './clusterStyle.ts';

export function useMapContext() {
  const districts = useContent('districts');
  const sites = useContent('sites');
  return useMemo(() => {
    const districtNames = new Map(districts.status === 'ready' ? districts.data.map((d) => [d.id, d.name] as const) : []);
    const central = new Set(districts.status === 'ready' ? districts.data.filter((d) => d.inCentralArea).map((d) => d.id) : []);
    const districtTints = new Map<string, string>();
    if (sites.status === 'ready')
      for (const s of sites.data) if (!districtTints.has(s.district)) districtTints.set(s.district, GROUP_TINT[clusterGroup(s.cluster)]);
    return { districtNames, central, districtTints, allSites: sites.status === 'ready' ? sites.data : null };
  }, [districts, sites]);
}
