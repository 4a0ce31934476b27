import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { fetchConfig, type KioskConfig } from './kioskConfig.ts';
import { useKioskT } from './strings.ts';

type Status = { kind: 'idle' } | { kind: 'checking' } | { kind: 'error'; message: string };

/**
 * Setting a kiosk up, once per machine: whoever installs it enters the device token an admin got
 * when registering the kiosk (or passes it in the address's #kiosk-token= fragment, which never
 * reaches a server log). The token is checked against the server before it is kept.
 */
export function KioskSetup({
  kioskId,
  initialToken,
  onDone,
}: {
  kioskId: string;
  initialToken: string | null;
  onDone: (token: string, config: KioskConfig) => void;
}) {
  const { t } = useKioskT();
  const [token, setToken] = useState(initialToken ?? '');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const inputId = useId();
  const tried = useRef(false);

  async function check(value: string) {
    setStatus({ kind: 'checking' });
    const result = await fetchConfig(value.trim());
    if (result.kind === 'unreachable') return setStatus({ kind: 'error', message: t('setup.unreachable') });
    if (result.kind === 'refused') return setStatus({ kind: 'error', message: t('setup.refused', { detail: result.detail }) });
    if (result.config.kioskId !== kioskId) return setStatus({ kind: 'error', message: t('setup.wrongKiosk', { other: result.config.kioskId, id: kioskId }) });
    onDone(value.trim(), result.config);
  }

  // A token in the address is checked at once (unattended set-up).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (initialToken && !tried.current) {
      tried.current = true;
      void check(initialToken);
    }
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) void check(token);
  };

  return (
    <main id="main" className="kiosk-setup" data-testid="kiosk-setup">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro', { id: kioskId })}</p>
      <form onSubmit={submit}>
        <label htmlFor={inputId}>{t('setup.token')}</label>
        <input id={inputId} type="password" autoComplete="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} required />
        <button type="submit" className="button" disabled={status.kind === 'checking'}>
          {status.kind === 'checking' ? t('setup.checking') : t('setup.save')}
        </button>
      </form>
      <p role="alert" className="kiosk-setup-error">
        {status.kind === 'error' ? status.message : ''}
      </p>
    </main>
  );
}
