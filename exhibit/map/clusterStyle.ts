/**
 * Colours for the "one core, three belts, many points" layout. The content names the clusters;
 * which colour each gets is a design choice made here. Marker colours have at least 3:1 contrast
 * with the map's land colours; tints are for district fills only.
 */
export type ClusterGroup = 'core' | 'belt-yangtze' | 'belt-chengyu' | 'belt-yuqian' | 'points';

export const GROUPS: readonly ClusterGroup[] = ['core', 'belt-yangtze', 'belt-chengyu', 'belt-yuqian', 'points'];

export function clusterGroup(cluster: string): ClusterGroup {
  if (cluster.startsWith('core-')) return 'core';
  if (cluster === 'belt-yangtze' || cluster === 'belt-chengyu' || cluster === 'belt-yuqian') return cluster;
  return 'points';
}

export const GROUP_COLOUR: Record<ClusterGroup, string> = {
  core: '#9a3412',
  'belt-yangtze': '#1d4ed8',
  'belt-chengyu': '#6d28d9',
  'belt-yuqian': '#047857',
  points: '#4b5563',
};

export const GROUP_TINT: Record<ClusterGroup, string> = {
  core: '#f6dccd',
  'belt-yangtze': '#dbe6fb',
  'belt-chengyu': '#e8def8',
  'belt-yuqian': '#d3efe3',
  points: '#e3e5e8',
};
