/**
 * Kiosks (admins only): register a kiosk for a hall, change its configuration, issue it a new
 * device token (a replaced or lost machine), delete it. A token is shown once, with the kiosk's
 * set-up address and its QR code. The kiosks' live status is on the fleet page.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Fleet } from '../../kiosk-server/kiosks/service.ts';
import { LANGUAGE_NAMES } from '../i18n/detect.ts';
import { getJson, sendJson } from './api.ts';
import { type ExhibitChoice, KioskForm } from './KioskForm.tsx';
import { createBody, type KioskConfig, type KioskFormValues, NEW_KIOSK, patchBody, valuesOf } from './kioskForm.ts';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import { type IssuedToken, TokenReveal } from './TokenReveal.tsx';
import { hallLabel, useHalls } from './useAdminData.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

interface WithToken {
  kiosk: KioskConfig;
  token: string;
}

export default function KiosksPage() {
  const { t, language } = useCuratorT();
  useConsoleTitle(t('kiosks.title'));
  const [fleet, reload] = useFetch<Fleet>('/api/kiosks');
  const [halls] = useHalls();
  const [eras] = useFetch<{ data: { id: string; title: string }[] }>(`/api/content/eras?lang=${encodeURIComponent(language)}`);
  const [sites] = useFetch<{ data: { id: string; name: string }[] }>(`/api/content/sites?lang=${encodeURIComponent(language)}`);
  const [editing, setEditing] = useState<{ id: string; values: KioskFormValues } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [formError, setFormError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const hallList = halls.status === 'ready' ? halls.data.halls : [];
  const exhibits: ExhibitChoice[] = [
    { path: '/', label: t('kiosks.home') },
    ...(eras.status === 'ready' ? eras.data.data.map((e) => ({ path: `/eras/${e.id}`, label: e.title })) : []),
    ...(sites.status === 'ready' ? sites.data.data.map((s) => ({ path: `/sites/${s.id}`, label: s.name })) : []),
  ];

  const clear = () => {
    setNote(null);
    setFormError(null);
    setActionError(null);
  };

  const showToken = (answer: WithToken) => setIssued({ kind: 'kiosk', kioskId: answer.kiosk.id, token: answer.token });

  const submit = async (values: KioskFormValues) => {
    clear();
    setBusy(true);
    try {
      if (editing) {
        const patch = patchBody(values, editing.values);
        if (Object.keys(patch).length === 0) {
          setNote(t('kiosks.unchanged'));
          return;
        }
        await sendJson(`/api/admin/kiosks/${encodeURIComponent(editing.id)}`, 'PATCH', patch);
        setNote(t('kiosks.updated', { id: editing.id }));
        setEditing(null);
      } else {
        const answer = await sendJson<WithToken>('/api/admin/kiosks', 'POST', createBody(values));
        setIssued(null);
        showToken(answer);
        setNote(t('kiosks.created', { id: answer.kiosk.id }));
        setFormKey((n) => n + 1);
      }
      reload();
    } catch (err) {
      setFormError(err);
    } finally {
      setBusy(false);
    }
  };

  const startEdit = async (id: string) => {
    clear();
    try {
      const { kiosk } = await getJson<{ kiosk: KioskConfig }>(`/api/kiosks/${encodeURIComponent(id)}`);
      setEditing({ id, values: valuesOf(kiosk) });
      requestAnimationFrame(() => document.getElementById('kiosk-form-title')?.focus());
    } catch (err) {
      setActionError(err);
    }
  };

  const reissue = async (id: string) => {
    if (!window.confirm(t('kiosks.confirmToken', { id }))) return;
    clear();
    try {
      const answer = await sendJson<WithToken>(`/api/admin/kiosks/${encodeURIComponent(id)}/token`, 'POST');
      setIssued(null);
      showToken(answer);
      setNote(t('kiosks.reissued', { id }));
      reload();
    } catch (err) {
      setActionError(err);
    }
  };

  const remove = async (id: string) => {
    if (!window.confirm(t('kiosks.confirmDelete', { id }))) return;
    clear();
    try {
      await sendJson(`/api/admin/kiosks/${encodeURIComponent(id)}`, 'DELETE');
      setNote(t('kiosks.deleted', { id }));
      if (editing?.id === id) setEditing(null);
      if (issued?.kind === 'kiosk' && issued.kioskId === id) setIssued(null);
      reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <>
      <h1>{t('kiosks.title')}</h1>
      <p className="console-lead">{t('kiosks.lead')}</p>
      <p className="link-list">
        <Link to="/curator/fleet">{t('kiosks.fleetLink')}</Link>
      </p>
      {note && (
        <p className="console-success" role="status">
          {note}
        </p>
      )}
      {issued && <TokenReveal issued={issued} onDone={() => setIssued(null)} />}
      <ProblemMessage error={actionError} />
      <LoadState state={fleet} retry={reload}>
        {({ kiosks }) =>
          kiosks.length === 0 ? (
            <p className="console-empty">{t('kiosks.none')}</p>
          ) : (
            <table className="kiosk-table">
              <caption className="visually-hidden">{t('kiosks.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kiosks.kiosk')}</th>
                  <th scope="col">{t('kiosks.fields.hallId')}</th>
                  <th scope="col">{t('kiosks.fields.defaultLanguage')}</th>
                  <th scope="col">{t('kiosks.startsOn')}</th>
                  <th scope="col">{t('kiosks.token')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('changes.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {kiosks.map((k) => (
                  <tr key={k.id} data-kiosk-row={k.id}>
                    <th scope="row">
                      {k.name} <code>{k.id}</code>
                    </th>
                    <td>{k.hallId ? hallLabel(hallList, k.hallId, language) : t('kiosks.noHall')}</td>
                    <td lang={k.defaultLanguage}>{LANGUAGE_NAMES[k.defaultLanguage]}</td>
                    <td>
                      <code>{k.startExhibit.path}</code>
                      {k.startExhibit.source !== 'kiosk' && <span className="console-note"> {t('kiosks.fromPlaylist')}</span>}
                    </td>
                    <td>{k.provisioned ? t('kiosks.tokenActive') : <strong>{t('kiosks.tokenNone')}</strong>}</td>
                    <td className="row-actions">
                      <button type="button" onClick={() => void startEdit(k.id)}>
                        {t('kiosks.edit')}
                        <span className="visually-hidden"> {k.id}</span>
                      </button>
                      <button type="button" onClick={() => void reissue(k.id)}>
                        {t('kiosks.newToken')}
                        <span className="visually-hidden"> {k.id}</span>
                      </button>
                      <button type="button" className="button-danger" onClick={() => void remove(k.id)}>
                        {t('kiosks.delete')}
                        <span className="visually-hidden"> {k.id}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <section className="panel" aria-labelledby="kiosk-form-title">
        <h2 id="kiosk-form-title" tabIndex={-1}>
          {editing ? t('kiosks.editTitle', { id: editing.id }) : t('kiosks.newTitle')}
        </h2>
        <ProblemMessage error={formError} />
        <KioskForm
          key={editing ? `edit-${editing.id}` : `new-${formKey}`}
          mode={editing ? 'edit' : 'create'}
          initial={editing ? editing.values : NEW_KIOSK}
          halls={hallList}
          exhibits={exhibits}
          error={formError}
          busy={busy}
          onSubmit={(v) => void submit(v)}
          onCancel={
            editing
              ? () => {
                  clear();
                  setEditing(null);
                }
              : undefined
          }
        />
      </section>
    </>
  );
}
