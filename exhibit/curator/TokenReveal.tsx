/**
 * A device token, shown once, right after it was made: copy it, and for a kiosk its set-up address
 * (the token in the fragment, which browsers never send to a server) with a QR code, so a touch
 * kiosk without a keyboard can be set up by scanning it.
 */
import { useEffect, useRef } from 'react';
import { CopyField } from './CopyField.tsx';
import { QrImage } from './QrImage.tsx';
import { useCuratorT } from './strings.ts';

/** A token just made: for a kiosk (by its id) or a door counter (by its name). */
export type IssuedToken = { kind: 'kiosk'; kioskId: string; token: string } | { kind: 'counter'; name: string; token: string };

/** The address a kiosk is set up with (docs/kiosk.md, "Set the machine up"). */
export function kioskSetupUrl(kioskId: string, token: string): string {
  return `${window.location.origin}/?${new URLSearchParams({ mode: 'kiosk', kiosk: kioskId })}#${new URLSearchParams({ 'kiosk-token': token })}`;
}

export function TokenReveal({ issued, onDone }: { issued: IssuedToken; onDone: () => void }) {
  const { t } = useCuratorT();
  const heading = useRef<HTMLHeadingElement>(null);
  const setupUrl = issued.kind === 'kiosk' ? kioskSetupUrl(issued.kioskId, issued.token) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token moves focus to it
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [issued.token]);
  return (
    <section className="panel token-panel" aria-labelledby="token-title" data-testid="token-panel">
      <h2 id="token-title" ref={heading} tabIndex={-1}>
        {issued.kind === 'kiosk' ? t('token.kioskTitle', { id: issued.kioskId }) : t('token.counterTitle', { name: issued.name })}
      </h2>
      <p>
        <strong>{t('token.once')}</strong>
      </p>
      <CopyField label={t('token.token')} value={issued.token} testId="device-token" />
      {setupUrl && (
        <div className="token-setup">
          <div>
            <CopyField label={t('token.setupUrl')} value={setupUrl} testId="setup-url" />
            <p className="console-note">{t('token.setupHelp')}</p>
          </div>
          <figure className="token-qr-figure">
            <QrImage text={setupUrl} alt={t('token.qrAlt')} />
            <figcaption className="console-note">{t('token.qrHelp')}</figcaption>
          </figure>
        </div>
      )}
      <p className="console-note">{issued.kind === 'kiosk' ? t('token.kioskHowTo') : t('token.counterHowTo')}</p>
      <button type="button" onClick={onDone}>
        {t('token.done')}
      </button>
    </section>
  );
}
