import { useEffect, useRef } from 'react';
import { type AccessibilitySettings, setSetting } from './accessibilitySettings.ts';
import type { ReaderState } from './readAloud.ts';
import type { KioskKey, KioskT } from './strings.ts';

const TOGGLES: [keyof AccessibilitySettings, KioskKey][] = [
  ['readAloud', 'a11y.readAloud'],
  ['largeText', 'a11y.largeText'],
  ['highContrast', 'a11y.highContrast'],
];

/** The visitor's accessibility options: toggles that last until the visit ends. */
export function AccessibilityMenu({
  id,
  settings,
  reader,
  onClose,
  t,
}: {
  id: string;
  settings: AccessibilitySettings;
  reader: { state: ReaderState; readPage: () => void; stop: () => void };
  onClose: () => void;
  t: KioskT;
}) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <section id={id} ref={panel} className="kiosk-a11y-menu" aria-labelledby={`${id}-title`} data-testid="a11y-menu">
      <h2 id={`${id}-title`} className="kiosk-a11y-title">
        {t('a11y.menu')}
      </h2>
      <div className="kiosk-a11y-toggles">
        {TOGGLES.map(([key, label]) => (
          <button key={key} type="button" className="kiosk-toggle" aria-pressed={settings[key]} onClick={() => setSetting(key, !settings[key])}>
            {t(label)}
          </button>
        ))}
      </div>
      {settings.readAloud && (
        <div className="kiosk-a11y-read">
          {reader.state === 'speaking' ? (
            <button type="button" className="kiosk-toggle" onClick={reader.stop}>
              {t('a11y.stop')}
            </button>
          ) : (
            <button type="button" className="kiosk-toggle" onClick={reader.readPage}>
              {t('a11y.readNow')}
            </button>
          )}
        </div>
      )}
      <p className="kiosk-a11y-status" role="status">
        {settings.readAloud && reader.state === 'speaking'
          ? t('a11y.speaking')
          : settings.readAloud && reader.state === 'unavailable'
            ? t('a11y.unavailable')
            : ''}
      </p>
      <button type="button" className="kiosk-toggle kiosk-a11y-close" onClick={onClose}>
        {t('a11y.close')}
      </button>
    </section>
  );
}
