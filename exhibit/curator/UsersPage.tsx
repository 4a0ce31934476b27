/** Accounts (admins only): create curators, staff and admins; change roles, disable, reset passwords. */
import { type FormEvent, useState } from 'react';
import { sendJson } from './api.ts';
import { LoadState } from './LoadState.tsx';
import { ProblemMessage } from './ProblemMessage.tsx';
import { useCuratorT } from './strings.ts';
import type { Role } from './types.ts';
import { useFetch } from './useFetch.ts';
import { useConsoleTitle } from './usePageTitle.ts';
import { useUser } from './useSession.ts';

interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
}

const ROLES: Role[] = ['curator', 'staff', 'admin'];

export default function UsersPage() {
  const { t } = useCuratorT();
  useConsoleTitle(t('users.title'));
  const me = useUser();
  const [users, reload] = useFetch<{ users: User[] }>('/api/admin/users');
  const [form, setForm] = useState({ username: '', displayName: '', role: 'curator' as Role, password: '' });
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>, done: string) => {
    setError(null);
    setNote(null);
    try {
      await fn();
      setNote(done);
      reload();
    } catch (err) {
      setError(err);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void act(
      async () => {
        await sendJson('/api/admin/users', 'POST', { ...form, displayName: form.displayName || undefined });
        setForm({ username: '', displayName: '', role: 'curator', password: '' });
      },
      t('users.created', { name: form.username }),
    );
  };

  const resetPassword = (u: User) => {
    const password = window.prompt(t('users.newPassword', { name: u.username }));
    if (password) void act(() => sendJson(`/api/admin/users/${u.id}`, 'PATCH', { password }), t('users.passwordReset', { name: u.username }));
  };

  return (
    <>
      <h1>{t('users.title')}</h1>
      {note && (
        <p className="console-success" role="status">
          {note}
        </p>
      )}
      <ProblemMessage error={error} />
      <LoadState state={users} retry={reload}>
        {({ users: list }) => (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.lastSignIn')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('changes.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.username}</th>
                  <td>{u.displayName}</td>
                  <td>
                    <label>
                      <span className="visually-hidden">{t('users.roleOf', { name: u.username })}</span>
                      <select
                        value={u.role}
                        onChange={(e) =>
                          void act(() => sendJson(`/api/admin/users/${u.id}`, 'PATCH', { role: e.target.value }), t('users.updated', { name: u.username }))
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`roles.${r}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </td>
                  <td>{u.lastSignInAt ? new Date(u.lastSignInAt).toLocaleString() : '—'}</td>
                  <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      disabled={u.id === me.id}
                      onClick={() =>
                        void act(() => sendJson(`/api/admin/users/${u.id}`, 'PATCH', { disabled: !u.disabled }), t('users.updated', { name: u.username }))
                      }
                    >
                      {u.disabled ? t('users.enable', { name: u.username }) : t('users.disable', { name: u.username })}
                    </button>
                    <button type="button" onClick={() => resetPassword(u)}>
                      {t('users.reset', { name: u.username })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      <section className="panel" aria-labelledby="new-user">
        <h2 id="new-user">{t('users.newTitle')}</h2>
        <form onSubmit={create} className="console-form">
          <label>
            <span>{t('users.username')}</span>
            <input required autoComplete="off" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} />
          </label>
          <label>
            <span>{t('users.displayName')}</span>
            <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
          </label>
          <label>
            <span>{t('users.role')}</span>
            <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('users.password')}</span>
            <input
              required
              type="password"
              autoComplete="new-password"
              minLength={12}
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
            />
          </label>
          <p className="console-note">{t('users.passwordRule')}</p>
          <button type="submit" className="button-primary">
            {t('users.create')}
          </button>
        </form>
      </section>
    </>
  );
}
