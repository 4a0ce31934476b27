/** Every content version with author, time and message; what each changed; roll back to any of them. */
import { useState } from 'react';
import { sendJson } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { EntityChange, VersionInfo } from './types.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

export default function HistoryPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('history.title'));
  const [versions, reload] = useFetch<{ versions: VersionInfo[] }>('/api/curator/versions?limit=100');
  const [open, setOpen] = useState<number | null>(null);
  const [diff, reloadDiff] = useFetch<{ changes: EntityChange[]; from: number | null }>(open === null ? null : `/api/curator/versions/${open}/diff`);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const rollback = async (v: VersionInfo) => {
    if (!window.confirm(t('history.confirm', { version: v.id }))) return;
    setError(null);
    try {
      const out = await sendJson<{ version: number }>(`/api/curator/versions/${v.id}/rollback`, 'POST', {
        message: t('history.rollbackMessage', { version: v.id }),
      });
      setDone(t('history.rolledBack', { version: v.id, created: out.version }));
      reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h1>{t('history.title')}</h1>
      <p className="console-lead">{t('history.lead')}</p>
      {done && (
        <p className="console-success" role="status">
          {done}
        </p>
      )}
      <ProblemMessage error={error} />
      <LoadState state={versions} retry={reload}>
        {({ versions: list }) => (
          <table className="history">
            <thead>
              <tr>
                <th scope="col">{t('history.version')}</th>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.author')}</th>
                <th scope="col">{t('history.message')}</th>
                <th scope="col">{t('history.source')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('changes.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.id} className={v.published ? 'is-published' : undefined}>
                  <th scope="row">
                    {v.id} {v.published && <span className="badge">{t('history.published')}</span>}
                  </th>
                  <td>{new Date(v.createdAt).toLocaleString()}</td>
                  <td>{v.author}</td>
                  <td>{v.message}</td>
                  <td>
                    {t(`history.sources.${v.source}`, { defaultValue: v.source })}
                    {v.rollbackOf !== null && ` (${t('history.copyOf', { version: v.rollbackOf })})`}
                  </td>
                  <td className="row-actions">
                    <button type="button" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>
                      {t('history.changes', { version: v.id })}
                    </button>
                    {!v.published && (
                      <button type="button" onClick={() => void rollback(v)}>
                        {t('history.rollback', { version: v.id })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      {open !== null && (
        <section className="panel" aria-labelledby="version-diff">
          <h2 id="version-diff">{t('history.diffTitle', { version: open })}</h2>
          <LoadState state={diff} retry={reloadDiff}>
            {(d) => <DiffView changes={d.changes} />}
          </LoadState>
        </section>
      )}
    </>
  );
}
