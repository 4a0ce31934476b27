/**
 * Export a version (or the draft) as a zip or JSON bundle of content/pack files, so a museum can
 * keep its content in git; import one back: checked first (a dry run lists the changes or every
 * problem by file › field), then published as a new version. A broken pack changes nothing.
 */
import { type FormEvent, useState } from 'react';
import { request } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { EntityChange } from './types.ts';
import { useConsoleTitle } from './usePageTitle.ts';

interface ImportAnswer {
  version: number | null;
  changes: EntityChange[];
  dryRun?: boolean;
  unchanged?: boolean;
}

export default function TransferPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('transfer.title'));
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportAnswer | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ImportAnswer | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const q = new URLSearchParams({ dryRun: String(dryRun), name: file.name, ...(message.trim() ? { message: message.trim() } : {}) });
      const type = file.name.endsWith('.json') ? 'application/json' : 'application/zip';
      const res = await request(`/api/curator/import?${q}`, { method: 'POST', raw: file, headers: { 'Content-Type': type } });
      const answer = (await res.json()) as ImportAnswer;
      if (dryRun) setChecked(answer);
      else {
        setDone(answer);
        setChecked(null);
        setFile(null);
      }
    } catch (err) {
      setError(err);
      setChecked(null);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(!checked);
  };

  return (
    <>
      <h1>{t('transfer.title')}</h1>
      <section className="panel" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('transfer.exportTitle')}</h2>
        <p>{t('transfer.exportLead')}</p>
        <ul className="link-list">
          <li>
            <a href="/api/curator/export?format=zip" download>
              {t('transfer.exportZip')}
            </a>
          </li>
          <li>
            <a href="/api/curator/export?format=json" download>
              {t('transfer.exportJson')}
            </a>
          </li>
          <li>
            <a href="/api/curator/export?version=draft&format=zip" download>
              {t('transfer.exportDraft')}
            </a>
          </li>
        </ul>
      </section>
      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('transfer.importTitle')}</h2>
        <p>{t('transfer.importLead')}</p>
        <form onSubmit={submit} className="console-form">
          <label>
            <span>{t('transfer.file')}</span>
            <input
              type="file"
              accept=".zip,.json,application/zip,application/json"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setChecked(null);
                setDone(null);
                setError(null);
              }}
            />
          </label>
          <label>
            <span>{t('transfer.message')}</span>
            <input value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="submit" className="button-primary" disabled={!file || busy}>
            {checked ? t('transfer.publish') : t('transfer.check')}
          </button>
        </form>
        <ProblemMessage error={error} />
        {checked && (
          <div role="status">
            <p className="console-success">{t('transfer.valid', { count: checked.changes.length })}</p>
            <DiffView changes={checked.changes} />
          </div>
        )}
        {done && (
          <p className="console-success" role="status">
            {done.unchanged ? t('transfer.unchanged') : t('transfer.imported', { version: done.version })}
          </p>
        )}
      </section>
    </>
  );
}
