/**
 * Kiosk playlists: which exhibit a kiosk or a whole hall starts on and shows in its attract loop,
 * optionally only between two dates (a temporary exhibition). A kiosk's own entry beats its hall's,
 * a dated entry beats an undated one; "What shows when" answers for any kiosk and day.
 */
import { type FormEvent, useState } from 'react';
import { sendJson } from './api.ts';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { PlaylistEntry } from './types.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

interface Targets {
  kiosks: { id: string; name: string; hallId: string | null }[];
  halls: { id: string; name: Record<string, string>; museumName: Record<string, string> }[];
}

interface Draft {
  id?: number;
  scope: 'kiosk' | 'hall';
  target: string;
  exhibit: string;
  attract: string;
  label: string;
  startsOn: string;
  endsOn: string;
}

const empty: Draft = { scope: 'hall', target: '', exhibit: '/', attract: '', label: '', startsOn: '', endsOn: '' };

export default function PlaylistsPage() {
  const { t, language } = useCuratorT();
  useConsoleTitle(t('playlists.title'));
  const [entries, reload] = useFetch<{ entries: PlaylistEntry[] }>('/api/curator/playlists');
  const [targets] = useFetch<Targets>('/api/curator/playlists/targets');
  const [form, setForm] = useState<Draft>(empty);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [ask, setAsk] = useState({ kiosk: '', date: new Date().toISOString().slice(0, 10) });
  const [answer, setAnswer] = useState<string | null>(null);
  const lang = language === 'en' ? 'en' : 'zh-Hans';

  const hallName = (id: string) => {
    const h = targets.status === 'ready' ? targets.data.halls.find((x) => x.id === id) : undefined;
    return h ? `${h.museumName[lang]} · ${h.name[lang]}` : id;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = {
      scope: form.scope,
      target: form.target,
      exhibit: form.exhibit.trim(),
      attract: form.attract
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      label: form.label.trim() || null,
      startsOn: form.startsOn || null,
      endsOn: form.endsOn || null,
    };
    try {
      if (form.id) await sendJson(`/api/curator/playlists/${form.id}`, 'PUT', body);
      else await sendJson('/api/curator/playlists', 'POST', body);
      setSaved(form.id ? t('playlists.updated') : t('playlists.created'));
      setForm(empty);
      reload();
    } catch (err) {
      setError(err);
    }
  };

  const remove = async (entry: PlaylistEntry) => {
    if (!window.confirm(t('playlists.confirmDelete'))) return;
    try {
      await sendJson(`/api/curator/playlists/${entry.id}`, 'DELETE');
      reload();
    } catch (err) {
      setError(err);
    }
  };

  const resolve = async (e: FormEvent) => {
    e.preventDefault();
    const kiosk = targets.status === 'ready' ? targets.data.kiosks.find((k) => k.id === ask.kiosk) : undefined;
    const q = new URLSearchParams({ date: ask.date, ...(kiosk ? { kiosk: kiosk.id } : {}), ...(kiosk?.hallId ? { hall: kiosk.hallId } : {}) });
    try {
      const out = await sendJson<{ chosen: { exhibit: string; label: string | null } | null }>(`/api/curator/playlists/resolve?${q}`, 'GET');
      setAnswer(out.chosen ? t('playlists.answer', { exhibit: out.chosen.exhibit, label: out.chosen.label ?? '' }) : t('playlists.answerNone'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1>{t('playlists.title')}</h1>
      <p className="console-lead">{t('playlists.lead')}</p>
      <LoadState state={entries} retry={reload}>
        {({ entries: list }) => (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('playlists.target')}</th>
                <th scope="col">{t('playlists.exhibit')}</th>
                <th scope="col">{t('playlists.attract')}</th>
                <th scope="col">{t('playlists.dates')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('changes.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    {t(`playlists.scopes.${e.scope}`)}: {e.scope === 'hall' ? hallName(e.target) : e.target}
                    {e.label && <span className="console-note"> — {e.label}</span>}
                  </th>
                  <td>
                    <code>{e.exhibit}</code>
                  </td>
                  <td>
                    {e.attract.map((a) => (
                      <code key={a}>{a} </code>
                    ))}
                  </td>
                  <td>{e.startsOn || e.endsOn ? `${e.startsOn ?? '…'} – ${e.endsOn ?? '…'}` : t('playlists.always')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      onClick={() =>
                        setForm({
                          id: e.id,
                          scope: e.scope,
                          target: e.target,
                          exhibit: e.exhibit,
                          attract: e.attract.join(' '),
                          label: e.label ?? '',
                          startsOn: e.startsOn ?? '',
                          endsOn: e.endsOn ?? '',
                        })
                      }
                    >
                      {t('playlists.edit')}
                    </button>
                    <button type="button" onClick={() => void remove(e)}>
                      {t('playlists.delete')}
                    </button>
                  </td>
                </tr>
              ))}
              {list.length === 0 && (
                <tr>
                  <td colSpan={5} className="console-empty">
                    {t('playlists.empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </LoadState>

      <section className="panel" aria-labelledby="playlist-form">
        <h2 id="playlist-form">{form.id ? t('playlists.editTitle', { id: form.id }) : t('playlists.newTitle')}</h2>
        {saved && (
          <p className="console-success" role="status">
            {saved}
          </p>
        )}
        <ProblemMessage error={error} />
        <form onSubmit={submit} className="console-form">
          <fieldset>
            <legend>{t('playlists.scope')}</legend>
            {(['hall', 'kiosk'] as const).map((s) => (
              <label key={s} className="check">
                <input type="radio" name="scope" checked={form.scope === s} onChange={() => setForm({ ...form, scope: s, target: '' })} />{' '}
                {t(`playlists.scopes.${s}`)}
              </label>
            ))}
          </fieldset>
          <label>
            <span>{t('playlists.target')}</span>
            <select required value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {targets.status === 'ready' &&
                (form.scope === 'hall'
                  ? targets.data.halls.map((h) => (
                      <option key={h.id} value={h.id}>
                        {hallName(h.id)}
                      </option>
                    ))
                  : targets.data.kiosks.map((k) => (
                      <option key={k.id} value={k.id}>
                        {k.name} ({k.id})
                      </option>
                    )))}
            </select>
          </label>
          <label>
            <span>{t('playlists.exhibit')}</span>
            <input required value={form.exhibit} onChange={(e) => setForm({ ...form, exhibit: e.target.value })} placeholder="/sites/erchang" />
          </label>
          <label>
            <span>{t('playlists.attractHint')}</span>
            <input value={form.attract} onChange={(e) => setForm({ ...form, attract: e.target.value })} placeholder="/eras/third-front /sites/project-816" />
          </label>
          <label>
            <span>{t('playlists.label')}</span>
            <input value={form.label} maxLength={200} onChange={(e) => setForm({ ...form, label: e.target.value })} />
          </label>
          <div className="field-row">
            <label>
              <span>{t('playlists.startsOn')}</span>
              <input type="date" value={form.startsOn} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} />
            </label>
            <label>
              <span>{t('playlists.endsOn')}</span>
              <input type="date" value={form.endsOn} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} />
            </label>
          </div>
          <div className="form-footer">
            <button type="submit" className="button-primary">
              {form.id ? t('playlists.save') : t('playlists.add')}
            </button>
            {form.id && (
              <button type="button" onClick={() => setForm(empty)}>
                {t('playlists.cancel')}
              </button>
            )}
          </div>
        </form>
      </section>

      <section className="panel" aria-labelledby="resolve-heading">
        <h2 id="resolve-heading">{t('playlists.resolveTitle')}</h2>
        <form onSubmit={resolve} className="console-form">
          <label>
            <span>{t('playlists.kiosk')}</span>
            <select value={ask.kiosk} onChange={(e) => setAsk({ ...ask, kiosk: e.target.value })}>
              <option value="">{t('form.choose')}</option>
              {targets.status === 'ready' &&
                targets.data.kiosks.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.name} ({k.id})
                  </option>
                ))}
            </select>
          </label>
          <label>
            <span>{t('playlists.date')}</span>
            <input type="date" required value={ask.date} onChange={(e) => setAsk({ ...ask, date: e.target.value })} />
          </label>
          <button type="submit">{t('playlists.resolve')}</button>
        </form>
        <p role="status">{answer}</p>
      </section>
    </>
  );
}
