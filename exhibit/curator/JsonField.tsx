/** A part of the content with no better control, as JSON text (checked on every edit). */
import { useEffect, useState } from 'react';
import type { FieldProps } from './FieldEditor.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { fieldId } from './FormContext.ts';
import { formatPath } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';

export function JsonField({ value, onChange, path, label }: FieldProps) {
  const { t } = useCuratorT();
  const p = formatPath(path);
  const id = fieldId(p);
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [bad, setBad] = useState<string | null>(null);
  // A change from outside (a reload) replaces the text.
  useEffect(() => {
    setText((old) => {
      try {
        return JSON.stringify(JSON.parse(old)) === JSON.stringify(value ?? null) ? old : JSON.stringify(value ?? null, null, 2);
      } catch {
        return old;
      }
    });
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <span className="hint">({t('form.json')})</span>
      </label>
      <textarea
        id={id}
        className="json-input"
        rows={Math.min(16, text.split('\n').length + 1)}
        value={text}
        spellCheck={false}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? `${id}-json` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(null);
          } catch (err) {
            setBad((err as Error).message);
          }
        }}
      />
      {bad && (
        <p className="field-errors" id={`${id}-json`}>
          {t('form.badJson', { detail: bad })}
        </p>
      )}
      <FieldErrors path={p} />
    </div>
  );
}
