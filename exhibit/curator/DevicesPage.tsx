/**
 * Door counters and other devices (admins only): register a people-counter for a hall (its token
 * is shown once), see every device token and when it was last used, revoke one. Kiosks' own
 * tokens are made and replaced on the Kiosks page.
 */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { DeviceView } from '../../kiosk-server/auth/service.ts';
import { AdminField } from './AdminField.tsx';
import { sendJson } from './api.ts';
import { fieldProblems } from './fieldProblems.ts';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import { type IssuedToken, TokenReveal } from './TokenReveal.tsx';
import { hallLabel, useHalls } from './useAdminData.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

/** The value of "any hall" in the hall list (a counter registered without a hall may report any). */
const ANY_HALL = '*';

export default function DevicesPage() {
  const { t, language } = useCuratorT();
  useConsoleTitle(t('devices.title'));
  const [devices, reload] = useFetch<{ devices: DeviceView[] }>('/api/admin/devices');
  const [halls] = useHalls();
  const [form, setForm] = useState({ name: '', hallId: '' });
  const [showRevoked, setShowRevoked] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const hallList = halls.status === 'ready' ? halls.data.halls : [];
  const hall = form.hallId || hallList[0]?.id || ANY_HALL;
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(language) : t('devices.never'));

  const register = async (e: FormEvent) => {
    e.preventDefault();
    setNote(null);
    setFormError(null);
    setActionError(null);
    setBusy(true);
    try {
      const answer = await sendJson<{ device: DeviceView; token: string }>('/api/admin/devices', 'POST', {
        kind: 'counter',
        name: form.name.trim(),
        hallId: hall === ANY_HALL ? null : hall,
      });
      setIssued({ kind: 'counter', name: answer.device.name, token: answer.token });
      setNote(t('devices.created', { name: answer.device.name }));
      setForm({ name: '', hallId: form.hallId });
      reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (d: DeviceView) => {
    if (!window.confirm(t(d.kind === 'kiosk' ? 'devices.confirmRevokeKiosk' : 'devices.confirmRevoke', { name: d.name }))) return;
    setNote(null);
    setFormError(null);
    setActionError(null);
    try {
      await sendJson(`/api/admin/devices/${d.id}/revoke`, 'POST');
      setNote(t('devices.revoked', { name: d.name }));
      reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <>
      <h1>{t('devices.title')}</h1>
      <p className="console-lead">{t('devices.lead')}</p>
      <p className="link-list">
        <Link to="/curator/kiosks">{t('devices.kiosksLink')}</Link>
      </p>
      {note && (
        <p className="console-success" role="status">
          {note}
        </p>
      )}
      {issued && <TokenReveal issued={issued} onDone={() => setIssued(null)} />}
      <ProblemMessage error={actionError} />
      <label className="check">
        <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
        {t('devices.showRevoked')}
      </label>
      <LoadState state={devices} retry={reload}>
        {({ devices: all }) => {
          const list = all.filter((d) => showRevoked || !d.revoked);
          if (list.length === 0) return <p className="console-empty">{t('devices.none')}</p>;
          return (
            <table className="device-table">
              <caption className="visually-hidden">{t('devices.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('devices.name')}</th>
                  <th scope="col">{t('devices.kind')}</th>
                  <th scope="col">{t('devices.hall')}</th>
                  <th scope="col">{t('devices.registered')}</th>
                  <th scope="col">{t('devices.lastSeen')}</th>
                  <th scope="col">{t('devices.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('changes.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id} data-device={d.name}>
                    <th scope="row">{d.name}</th>
                    <td>{t(`devices.kinds.${d.kind}`)}</td>
                    <td>{d.hallId ? hallLabel(hallList, d.hallId, language) : t('devices.anyHall')}</td>
                    <td>{time(d.createdAt)}</td>
                    <td>{time(d.lastSeenAt)}</td>
                    <td>{d.revoked ? t('devices.revokedAt', { time: time(d.revokedAt) }) : t('devices.active')}</td>
                    <td className="row-actions">
                      {!d.revoked && (
                        <button type="button" className="button-danger" onClick={() => void revoke(d)}>
                          {t('devices.revoke')}
                          <span className="visually-hidden"> {d.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        }}
      </LoadState>
      <section className="panel" aria-labelledby="new-counter">
        <h2 id="new-counter">{t('devices.newTitle')}</h2>
        <ProblemMessage error={formError} />
        <form onSubmit={(e) => void register(e)} className="console-form" noValidate>
          <AdminField id="counter-name" label={t('devices.name')} hint={t('devices.nameHint')} problems={fieldProblems(formError, 'name')}>
            {(input) => <input {...input} required autoComplete="off" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </AdminField>
          <AdminField id="counter-hall" label={t('devices.hall')} hint={t('devices.hallHint')} problems={fieldProblems(formError, 'hallId')}>
            {(input) => (
              <select {...input} value={hall} onChange={(e) => setForm({ ...form, hallId: e.target.value })}>
                {hallList.map((h) => (
                  <option key={h.id} value={h.id}>
                    {hallLabel(hallList, h.id, language)}
                  </option>
                ))}
                <option value={ANY_HALL}>{t('devices.anyHall')}</option>
              </select>
            )}
          </AdminField>
          <div>
            <button type="submit" className="button-primary" disabled={busy}>
              {t('devices.create')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
