/** Sign-in to the console: username and password; says why when it fails (wrong, or paused). */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { ApiError } from './api.ts';
import { useCuratorT } from './strings.ts';
import { useSession } from './useSession.ts';

export function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useCuratorT();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = `${t('signIn.title')} · ${t('console.title')}`;
  }, [t]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('signIn.throttled', { minutes: Math.ceil((err.retryAfter ?? 60) / 60) }));
      else if (err instanceof ApiError && err.status === 401) setError(t('signIn.wrong'));
      else setError(t('common.failed', { detail: err instanceof Error ? err.message : String(err) }));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="console console-signin">
      <header className="console-header">
        <p className="console-brand">{t('console.title')}</p>
        <LanguageSwitcher />
      </header>
      <main id="main" className="console-main signin-main">
        <h1>{t('signIn.title')}</h1>
        {expired && <p className="console-note">{t('signIn.expired')}</p>}
        <form onSubmit={submit} className="console-form signin-form" noValidate>
          <label>
            <span>{t('signIn.username')}</span>
            <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
          </label>
          <label>
            <span>{t('signIn.password')}</span>
            <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          {error && (
            <p className="console-error" role="alert" tabIndex={-1} ref={errorRef}>
              {error}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={busy || !username || !password}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
        <p className="console-note">{t('signIn.noAccount')}</p>
      </main>
    </div>
  );
}
