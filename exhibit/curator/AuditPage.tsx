/**
 * The audit log (admins only), newest first, a page at a time ("Older" pages back by entry id, kept
 * in the address so Back returns to newer entries): when, who, what, to what, and the detail.
 */
import { useSearchParams } from 'react-router';
import { actionKey, detailText } from './auditText.ts';
import { LoadState } from './LoadState.tsx';
import { useCuratorT } from './strings.ts';
import { type AccountSummary, useAccounts } from './useAdminData.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';

const PAGE = 50;

interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  target: string | null;
  detail: unknown;
}

export default function AuditPage() {
  const { t, language } = useCuratorT();
  useConsoleTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const before = Number(params.get('before')) || null;
  const [log, reload] = useFetch<{ entries: AuditEntry[] }>(`/api/admin/audit?limit=${PAGE}${before ? `&before=${before}` : ''}`);
  const [accounts] = useAccounts();
  const users = new Map<number, AccountSummary>(accounts.status === 'ready' ? accounts.data.users.map((u) => [u.id, u]) : []);
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' });

  const who = (id: number | null) => {
    if (id === null) return <span className="console-note">{t('audit.nobody')}</span>;
    const u = users.get(id);
    if (!u) return t('audit.unknownUser', { id });
    return u.displayName === u.username ? (
      u.username
    ) : (
      <>
        {u.displayName} <span className="console-note">({u.username})</span>
      </>
    );
  };

  const target = (target: string | null) => {
    if (!target) return '—';
    const user = /^user:(\d+)$/.exec(target);
    const u = user ? users.get(Number(user[1])) : undefined;
    return (
      <>
        <code>{target}</code>
        {u && <span className="console-note"> {u.displayName}</span>}
      </>
    );
  };

  const page = (next: number | null) => {
    setParams(
      (p) => {
        if (next) p.set('before', String(next));
        else p.delete('before');
        return p;
      },
      { replace: false },
    );
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="console-lead">{t('audit.lead')}</p>
      {before && <p className="console-note">{t('audit.olderThan', { id: before })}</p>}
      <LoadState state={log} retry={reload}>
        {({ entries }) => (
          <>
            {entries.length === 0 ? (
              <p className="console-empty">{before ? t('audit.noOlder') : t('audit.none')}</p>
            ) : (
              <table className="audit-table">
                <caption className="visually-hidden">{t('audit.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.time')}</th>
                    <th scope="col">{t('audit.who')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.target')}</th>
                    <th scope="col">{t('audit.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e) => {
                    const key = actionKey(e.action);
                    return (
                      <tr key={e.id} data-action={e.action}>
                        <td>
                          <time dateTime={e.at}>{format.format(new Date(e.at))}</time>
                        </td>
                        <td>{who(e.actorId)}</td>
                        <th scope="row">
                          {key ? t(key) : e.action} {key && <code className="audit-verb">{e.action}</code>}
                        </th>
                        <td>{target(e.target)}</td>
                        <td className="audit-detail">{detailText(e.detail)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <div className="row-actions audit-paging">
              {before && (
                <button type="button" onClick={() => page(null)}>
                  {t('audit.newest')}
                </button>
              )}
              {entries.length === PAGE && (
                <button type="button" onClick={() => page(entries.at(-1)?.id ?? null)}>
                  {t('audit.older')}
                </button>
              )}
            </div>
          </>
        )}
      </LoadState>
    </>
  );
}
