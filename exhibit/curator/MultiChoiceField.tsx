/** A list whose items come from a fixed set (a site's eras): one checkbox each. */
import type { FieldProps } from './FieldEditor.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { fieldId } from './FormContext.ts';
import { formatPath } from './schemaForm.ts';
import type { JsonSchema } from './types.ts';

export function MultiChoiceField({ schema, value, onChange, path, label }: FieldProps) {
  const options = ((schema.items || {}) as JsonSchema).enum ?? [];
  const list = Array.isArray(value) ? value : [];
  const p = formatPath(path);
  return (
    <fieldset className="field multi-choice">
      <legend>{label}</legend>
      {options.map((o) => {
        const id = fieldId(`${p}-${o}`);
        return (
          <label key={String(o)} htmlFor={id} className="check">
            <input
              id={id}
              type="checkbox"
              checked={list.includes(o)}
              // Kept in the schema's order.
              onChange={(e) => onChange(options.filter((x) => (x === o ? e.target.checked : list.includes(x))))}
            />{' '}
            {String(o)}
          </label>
        );
      })}
      <FieldErrors path={p} />
    </fieldset>
  );
}
