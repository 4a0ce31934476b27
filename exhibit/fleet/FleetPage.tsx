/**
 * Every kiosk: its hall, the content version it shows, its last heartbeat and interaction, and
 * whether it is online (offline after 1.1 × its heartbeat interval). When a kiosk drops, an alert
 * says so (read out by screen readers) and stays until dismissed. Admins get a link to the page
 * where kiosks are registered and configured.
 */
import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { SessionContext } from '../curator/useSession.ts';
import { dropped, statusAt } from './fleetStatus.ts';
import './fleet.css';
import { useFleetT } from './strings.ts';
import type { Fleet, FleetStatus } from './types.ts';

const POLL_MS = 10_000;

interface Alert {
  key: string;
  text: string;
}

function ago(iso: string | null, nowMs: number, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (!iso) return t('never');
  const s = Math.max(0, Math.round((nowMs - Date.parse(iso)) / 1000));
  if (s < 60) return t('secondsAgo', { count: s });
  if (s < 3600) return t('minutesAgo', { count: Math.floor(s / 60) });
  if (s < 86_400) return t('hoursAgo', { count: Math.floor(s / 3600) });
  return new Date(iso).toLocaleString();
}

export default function FleetPage() {
  const { t } = useFleetT();
  const session = useContext(SessionContext)?.session;
  const admin = session?.status === 'signed-in' && session.user.role === 'admin';
  const [fleet, setFleet] = useState<Fleet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<Alert[]>([]);
  /** Server time minus local time, so the view ticks on the server's clock. */
  const skew = useRef(0);
  const [now, setNow] = useState(() => Date.now());
  const last = useRef<Map<string, FleetStatus>>(new Map());
  const current = useRef<Fleet | null>(null);

  useEffect(() => {
    document.title = t('title');
  }, [t]);

  const noteDrops = useCallback(
    (f: Fleet, serverNow: number) => {
      const drops = dropped(last.current, f, serverNow);
      if (drops.length) {
        setAlerts((a) => [
          ...a,
          ...drops.map((k) => ({
            key: `${k.id}-${serverNow}`,
            text: t('alert', { name: k.name, id: k.id, hall: k.hallId ?? t('noHall'), time: new Date(k.offlineAfter ?? serverNow).toLocaleTimeString() }),
          })),
        ]);
      }
      last.current = new Map(f.kiosks.map((k) => [k.id, statusAt(k, serverNow)]));
    },
    [t],
  );

  const poll = useCallback(async () => {
    try {
      const res = await fetch('/api/kiosks', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      const f = (await res.json()) as Fleet;
      skew.current = Date.parse(f.serverTime) - Date.now();
      current.current = f;
      setFleet(f);
      setError(null);
      noteDrops(f, Date.parse(f.serverTime));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [noteDrops]);

  useEffect(() => {
    void poll();
    const id = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(id);
  }, [poll]);

  // Tick every second: statuses flip when a deadline passes, even between polls.
  useEffect(() => {
    const id = setInterval(() => {
      const serverNow = Date.now() + skew.current;
      setNow(serverNow);
      if (current.current) noteDrops(current.current, serverNow);
    }, 1000);
    return () => clearInterval(id);
  }, [noteDrops]);

  const counts = { online: 0, offline: 0, 'never-seen': 0 } as Record<FleetStatus, number>;
  for (const k of fleet?.kiosks ?? []) counts[statusAt(k, now)]++;

  return (
    <>
      <h1>{t('title')}</h1>
      {admin && (
        <p className="link-list">
          <Link to="/curator/kiosks">{t('manage')}</Link>
        </p>
      )}
      <div className="fleet-alerts" role="alert" aria-live="assertive">
        {alerts.map((a) => (
          <p key={a.key} className="fleet-alert">
            {a.text}{' '}
            <button type="button" onClick={() => setAlerts((list) => list.filter((x) => x.key !== a.key))}>
              {t('dismiss')}
            </button>
          </p>
        ))}
      </div>
      {error && <p className="console-error">{t('error', { detail: error })}</p>}
      {fleet && (
        <>
          <p className="fleet-summary" data-testid="fleet-summary">
            {t('summary', { online: counts.online, offline: counts.offline, never: counts['never-seen'], version: fleet.publishedContentVersion })}
          </p>
          <table className="fleet-table">
            <caption className="visually-hidden">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kiosk')}</th>
                <th scope="col">{t('hall')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('content')}</th>
                <th scope="col">{t('heartbeat')}</th>
                <th scope="col">{t('interaction')}</th>
              </tr>
            </thead>
            <tbody>
              {fleet.kiosks.map((k) => {
                const status = statusAt(k, now);
                return (
                  <tr key={k.id} data-kiosk={k.id} data-status={status}>
                    <th scope="row">
                      {k.name} <code>{k.id}</code>
                    </th>
                    <td>{k.hallId ?? t('noHall')}</td>
                    <td>
                      <span className={`fleet-status fleet-${status}`}>{t(`statuses.${status}`)}</span>
                      {status !== 'never-seen' && <span className="fleet-note"> {t('every', { count: k.heartbeatIntervalSeconds })}</span>}
                    </td>
                    <td>
                      {k.contentVersion === null ? '—' : `v${k.contentVersion}`}{' '}
                      {k.contentVersion !== null && (k.contentVersion === fleet.publishedContentVersion ? t('upToDate') : <strong>{t('behind')}</strong>)}
                    </td>
                    <td>{ago(k.lastHeartbeatAt, now, t)}</td>
                    <td>
                      {ago(k.lastInteractionAt, now, t)}
                      {k.visitorState && <span className="fleet-note"> · {t(`states.${k.visitorState}`)}</span>}
                    </td>
                  </tr>
                );
              })}
              {fleet.kiosks.length === 0 && (
                <tr>
                  <td colSpan={6}>{admin ? t('noneAdmin') : t('none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
