/**
 * Live occupancy over Server-Sent Events. EventSource reconnects by itself after a drop; the
 * connection state is shown so staff know whether the numbers are live.
 */
import { useEffect, useState } from 'react';
import type { OccupancySnapshot } from './types.ts';

export type StreamState = 'connecting' | 'live' | 'reconnecting';

export function useOccupancyStream(museumId: string): { snapshot: OccupancySnapshot | undefined; state: StreamState } {
  const [snapshot, setSnapshot] = useState<OccupancySnapshot>();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    setSnapshot(undefined);
    setState('connecting');
    const source = new EventSource(`/api/staff/crowd/museums/${encodeURIComponent(museumId)}/stream`);
    source.addEventListener('occupancy', (e) => {
      setSnapshot(JSON.parse((e as MessageEvent<string>).data) as OccupancySnapshot);
      setState('live');
    });
    source.addEventListener('heartbeat', () => setState('live'));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'reconnecting' : 'reconnecting');
    return () => source.close();
  }, [museumId]);
  return { snapshot, state };
}
