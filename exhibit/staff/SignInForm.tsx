import { type FormEvent, useState } from 'react';
import { ProblemError } from '../visit/api.ts';
import { useStaffStrings } from './strings.ts';

/** Username and password; the server sets the session cookie. */
export function SignInForm({ onSignIn }: { onSignIn: (username: string, password: string) => Promise<unknown> }) {
  const t = useStaffStrings();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSignIn(username, password);
    } catch (err) {
      const status = err instanceof ProblemError ? err.problem.status : 0;
      setError(status === 401 || status === 400 ? t('signIn.wrong') : status === 429 ? t('signIn.throttled') : t('signIn.error'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="staff-sign-in" aria-labelledby="staff-sign-in-heading">
      <h1 id="staff-sign-in-heading">{t('signIn.heading')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      {error && (
        <p className="message message-error" role="alert">
          {error}
        </p>
      )}
      <form onSubmit={submit}>
        <div className="staff-field">
          <label htmlFor="staff-username">{t('signIn.username')}</label>
          <input id="staff-username" name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </div>
        <div className="staff-field">
          <label htmlFor="staff-password">{t('signIn.password')}</label>
          <input
            id="staff-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
