/** A fixed-length list of numbers or words (a position [x, z]): one input each. */
import type { FieldProps } from './FieldEditor.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { fieldId } from './FormContext.ts';
import { formatPath } from './schemaForm.ts';
import type { JsonSchema } from './types.ts';

const AXES = ['x', 'y', 'z', 'w'];

export function TupleField({ schema, value, onChange, path, label }: FieldProps) {
  const parts = schema.prefixItems ?? [];
  const list = Array.isArray(value) ? value : [];
  const p = formatPath(path);
  const axes = parts.length === 2 ? ['x', 'z'] : AXES;
  return (
    <fieldset className="field tuple-field">
      <legend>{label}</legend>
      {parts.map((s: JsonSchema, i) => {
        const id = fieldId(`${p}[${i}]`);
        const numeric = s.type === 'number' || s.type === 'integer';
        return (
          <span key={axes[i] ?? i} className="tuple-part">
            <label htmlFor={id}>{axes[i] ?? i + 1}</label>
            <input
              id={id}
              type={numeric ? 'number' : 'text'}
              step={numeric ? 'any' : undefined}
              min={s.minimum}
              max={s.maximum}
              value={list[i] === undefined || list[i] === null ? '' : String(list[i])}
              onChange={(e) => {
                const next = [...list];
                next[i] = numeric ? (e.target.value === '' ? null : Number(e.target.value)) : e.target.value;
                onChange(next);
              }}
            />
          </span>
        );
      })}
      <FieldErrors path={p} />
    </fieldset>
  );
}
