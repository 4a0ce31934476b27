import { useEffect, useRef, useState } from 'react';
import { useKioskT } from './strings.ts';

/**
 * "Are you still there?": a modal dialog with a countdown (at least 20 s, WCAG 2.2.1) and one big
 * button. Any tap on it, or Escape, continues the visit; at zero the kiosk resets.
 */
export function IdlePrompt({ seconds, onContinue, onExpire }: { seconds: number; onContinue: () => void; onExpire: () => void }) {
  const { t } = useKioskT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [left, setLeft] = useState(seconds);
  const handlers = useRef({ onContinue, onExpire });
  handlers.current = { onContinue, onExpire };

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    // Escape closes a modal dialog: here it means "I'm still here".
    const onCancel = (e: Event) => {
      e.preventDefault();
      handlers.current.onContinue();
    };
    // A tap anywhere on the prompt (or its backdrop) continues, not only on the button.
    const onPointerDown = () => handlers.current.onContinue();
    el.addEventListener('cancel', onCancel);
    el.addEventListener('pointerdown', onPointerDown);
    return () => {
      el.removeEventListener('cancel', onCancel);
      el.removeEventListener('pointerdown', onPointerDown);
      if (el.open) el.close();
    };
  }, []);

  useEffect(() => {
    const started = Date.now();
    const id = setInterval(() => {
      const remaining = seconds - Math.floor((Date.now() - started) / 1000);
      setLeft(Math.max(0, remaining));
      if (remaining <= 0) {
        clearInterval(id);
        handlers.current.onExpire();
      }
    }, 1000);
    return () => clearInterval(id);
  }, [seconds]);

  return (
    <dialog ref={dialog} className="idle-prompt" aria-labelledby="idle-prompt-title" aria-describedby="idle-prompt-text" data-testid="idle-prompt">
      <h2 id="idle-prompt-title">{t('prompt.title')}</h2>
      <p id="idle-prompt-text">{t('prompt.text', { count: left })}</p>
      <p className="idle-prompt-count" aria-hidden="true">
        {left}
      </p>
      <button type="button" className="button idle-prompt-continue" onClick={onContinue}>
        {t('prompt.continue')}
      </button>
    </dialog>
  );
}
