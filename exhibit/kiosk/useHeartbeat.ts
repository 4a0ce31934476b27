/** Runs the heartbeat (heartbeat.ts) for a kiosk that has a device token. */
import { useEffect, useRef } from 'react';
import {
  createHeartbeat,
  type Heartbeat,
  type HeartbeatAnswer,
  type HeartbeatBody,
  type SendResult,
  type StatusTransition,
  type VisitorPhase,
} from './heartbeat.ts';
import { browserTimers } from './idleTimer.ts';
import { browserStore, type KioskDevice } from './kioskConfig.ts';

const QUEUE_KEY = 'museum.kiosk.heartbeat-queue';

export interface HeartbeatSnapshot {
  contentVersion: number | null;
  appVersion: string | null;
  lastInteractionAt: number | null;
  state: VisitorPhase;
}

function randomId(): string {
  // crypto.randomUUID needs a secure context; getRandomValues works on a plain-http museum LAN too.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function send(token: string, body: HeartbeatBody): Promise<SendResult> {
  try {
    const res = await fetch('/api/kiosks/heartbeat', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
    if (res.ok) return { kind: 'ok', answer: (await res.json()) as HeartbeatAnswer };
    // 5xx (a proxy in front of a stopped server says 502): the server is not there for us.
    return res.status >= 500 ? { kind: 'unreachable' } : { kind: 'refused', status: res.status };
  } catch {
    return { kind: 'unreachable' };
  }
}

export function useHeartbeat(
  device: KioskDevice | null,
  intervalSeconds: number,
  snapshot: () => HeartbeatSnapshot,
  onAnswer: (answer: HeartbeatAnswer) => void,
): React.RefObject<Heartbeat | null> {
  const ref = useRef<Heartbeat | null>(null);
  const latest = useRef({ snapshot, onAnswer });
  latest.current = { snapshot, onAnswer };

  useEffect(() => {
    if (!device) return;
    const store = browserStore();
    const heartbeat = createHeartbeat({
      intervalMs: intervalSeconds * 1000,
      send: (body) => send(device.token, body),
      snapshot: () => latest.current.snapshot(),
      queue: {
        load: () => {
          try {
            const raw = store?.getItem(QUEUE_KEY);
            const list = raw ? (JSON.parse(raw) as StatusTransition[]) : [];
            return Array.isArray(list) ? list : [];
          } catch {
            return [];
          }
        },
        save: (events) => {
          try {
            if (events.length) store?.setItem(QUEUE_KEY, JSON.stringify(events));
            else store?.removeItem(QUEUE_KEY);
          } catch {
            /* storage full: the transitions are lost, the heartbeat goes on */
          }
        },
      },
      timers: browserTimers,
      newId: randomId,
      onAnswer: (a) => latest.current.onAnswer(a),
    });
    ref.current = heartbeat;
    heartbeat.start();
    const online = () => heartbeat.networkChanged(true);
    const offline = () => heartbeat.networkChanged(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      heartbeat.stop();
      ref.current = null;
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  }, [device, intervalSeconds]);

  return ref;
}
