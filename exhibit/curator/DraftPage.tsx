/**
 * The shared draft: what it changes and who changed it, problems and conflicts, the diff against
 * what is published, preview links, and publish with a message (→ a new version, pushed at once to
 * browsers and at the next reset to kiosks).
 */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { sendJson } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { LoadState } from './LoadState.tsx';
import { PreviewLinks } from './PreviewLinks.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { DraftStatus, EntityChange } from './types.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

export default function DraftPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('changes.title'));
  const [draft, reloadDraft] = useFetch<DraftStatus>('/api/curator/draft');
  const [diff, reloadDiff] = useFetch<{ changes: EntityChange[] }>('/api/curator/draft/diff');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const reload = () => {
    reloadDraft();
    reloadDiff();
  };

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const publish = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      const out = await sendJson<{ version: number }>('/api/curator/publish', 'POST', { message: message.trim() });
      setPublished(out.version);
      setMessage('');
    });
  };

  return (
    <>
      <h1>{t('changes.title')}</h1>
      <p className="console-lead">{t('changes.lead')}</p>
      {published !== null && (
        <p className="console-success" role="status">
          {t('changes.published', { version: published })}
        </p>
      )}
      <ProblemMessage error={error} />
      <LoadState state={draft} retry={reload}>
        {(d) => (
          <>
            <section className="panel" aria-labelledby="files-heading">
              <h2 id="files-heading">{t('changes.files', { count: d.files.length })}</h2>
              {d.files.length === 0 ? (
                <p className="console-empty">{t('changes.empty')}</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('changes.file')}</th>
                      <th scope="col">{t('changes.change')}</th>
                      <th scope="col">{t('changes.by')}</th>
                      <th scope="col">{t('changes.when')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('changes.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.files.map((f) => (
                      <tr key={f.file}>
                        <th scope="row">
                          {f.change === 'deleted' ? <code>{f.file}</code> : <Link to={`/curator/edit?file=${encodeURIComponent(f.file)}`}>{f.file}</Link>}
                          {f.conflict && <span className="badge badge-warn"> {t('changes.conflict')}</span>}
                        </th>
                        <td>{t(`changes.kind.${f.change}`)}</td>
                        <td>{f.updatedBy}</td>
                        <td>{new Date(f.updatedAt).toLocaleString()}</td>
                        <td className="row-actions">
                          {f.conflict && (
                            <button
                              type="button"
                              disabled={busy}
                              onClick={() => void act(() => sendJson('/api/curator/draft/rebase', 'POST', { files: [f.file] }))}
                            >
                              {t('changes.keepMine')}
                            </button>
                          )}
                          <button
                            type="button"
                            disabled={busy}
                            onClick={() => {
                              if (window.confirm(t('changes.confirmDiscard', { file: f.file })))
                                void act(() => sendJson('/api/curator/draft/discard', 'POST', { files: [f.file] }));
                            }}
                          >
                            {t('changes.discard')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {d.issues.length > 0 && (
                <div className="console-error" role="alert">
                  <p>{t('changes.issues')}</p>
                  <ul className="problem-list">
                    {d.issues.map((i) => (
                      <li key={`${i.path}|${i.message}`}>
                        <code>{i.path}</code>: {i.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </section>

            <section className="panel" aria-labelledby="diff-heading">
              <h2 id="diff-heading">{t('changes.diff')}</h2>
              <LoadState state={diff} retry={reloadDiff}>
                {(x) => <DiffView changes={x.changes} />}
              </LoadState>
            </section>

            <section className="panel" aria-labelledby="preview-heading">
              <h2 id="preview-heading">{t('preview.title')}</h2>
              <p>{t('preview.lead')}</p>
              <PreviewLinks />
            </section>

            <section className="panel" aria-labelledby="publish-heading">
              <h2 id="publish-heading">{t('changes.publishTitle')}</h2>
              <form onSubmit={publish} className="console-form">
                <label>
                  <span>{t('changes.message')}</span>
                  <textarea name="message" rows={2} maxLength={500} required value={message} onChange={(e) => setMessage(e.target.value)} />
                </label>
                <button type="submit" className="button-primary" disabled={busy || d.files.length === 0 || !message.trim()}>
                  {t('changes.publish')}
                </button>
              </form>
            </section>
          </>
        )}
      </LoadState>
    </>
  );
}
