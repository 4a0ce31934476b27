/** A read-only value (a token, an address) with a button that copies it. */
import { useId, useRef, useState } from 'react';
import { useCuratorT } from './strings.ts';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const { t } = useCuratorT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission (or not a secure context): select it so Ctrl+C / long press copies it.
      input.current?.focus();
      input.current?.select();
      setCopied(false);
    }
  };

  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} spellCheck={false} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {t('token.copyLabel', { label })}
        </button>
      </div>
      <p className="console-note copy-status" role="status">
        {copied === true ? t('token.copied') : copied === false ? t('token.copyByHand') : ''}
      </p>
    </div>
  );
}
