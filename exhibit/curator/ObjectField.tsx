/** An object's fields in schema order; optional parts can be added and removed. */
import { FieldEditor, type FieldProps } from './FieldEditor.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { controlFor, defaultFor, formatPath, humanize } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';

export function ObjectField({ schema, value, onChange, path, label, required, omit = [] }: FieldProps & { omit?: string[] }) {
  const { t } = useCuratorT();
  const obj = (value && typeof value === 'object' && !Array.isArray(value) ? value : undefined) as Record<string, unknown> | undefined;
  const p = formatPath(path);
  if (!obj) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>{' '}
        <button type="button" onClick={() => onChange(defaultFor(schema))}>
          {t('form.add', { name: label })}
        </button>
        <FieldErrors path={p} />
      </div>
    );
  }
  const props = schema.properties ?? {};
  const requiredKeys = new Set(schema.required ?? []);
  const set = (key: string, v: unknown) => {
    // Rebuilt in schema order, so a saved file diffs cleanly against the one in git.
    const next: Record<string, unknown> = {};
    for (const k of [...Object.keys(props), ...Object.keys(obj)]) {
      if (k in next) continue;
      const val = k === key ? v : obj[k];
      if (val !== undefined) next[k] = val;
    }
    onChange(next);
  };
  const labelOf = (key: string) => t(`fields.${key}`, { defaultValue: humanize(key) });
  const shown: string[] = [];
  const addable: string[] = [];
  for (const key of Object.keys(props)) {
    if (omit.includes(key)) continue;
    const control = controlFor(props[key]);
    const simple = control === 'string' || control === 'number' || control === 'enum' || control === 'choice' || control === 'boolean';
    if (obj[key] === undefined && !requiredKeys.has(key) && !simple) addable.push(key);
    else shown.push(key);
  }
  const body = (
    <>
      {shown.map((key) => (
        <FieldEditor
          key={key}
          schema={props[key]}
          value={obj[key]}
          onChange={(v) => set(key, v)}
          path={[...path, key]}
          label={labelOf(key)}
          required={requiredKeys.has(key)}
        />
      ))}
      {addable.length > 0 && (
        <div className="field-actions">
          {addable.map((key) => (
            <button type="button" key={key} onClick={() => set(key, defaultFor(props[key]))}>
              {t('form.add', { name: labelOf(key) })}
            </button>
          ))}
        </div>
      )}
      <FieldErrors path={p} />
    </>
  );
  if (path.length === 0) return <div className="form-root">{body}</div>;
  return (
    <fieldset className="field object-field">
      <legend>
        {label}
        {required && <span className="required"> *</span>}
      </legend>
      {body}
      {!required && (
        <div className="field-actions">
          <button type="button" onClick={() => onChange(undefined)}>
            {t('form.remove', { name: label })}
          </button>
        </div>
      )}
    </fieldset>
  );
}
