/** One of several shapes, told apart by a field such as `kind`: a picker for it, then that shape's fields. */
import type { FieldProps } from './FieldEditor.tsx';
import { fieldId } from './FormContext.ts';
import { ObjectField } from './ObjectField.tsx';
import { branchesOf, branchFor, defaultFor, discriminatorOf, formatPath, humanize } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';

export function UnionField(props: FieldProps) {
  const { schema, value, onChange, path, label } = props;
  const { t } = useCuratorT();
  const branches = branchesOf(schema) ?? [];
  const key = discriminatorOf(branches) as string;
  const index = branchFor(branches, value);
  const branch = branches[index];
  const id = `${fieldId(formatPath([...path, key]))}`;
  const switchTo = (i: number) => {
    const next = defaultFor(branches[i]) as Record<string, unknown>;
    // Keep what the shapes share (a structure's position, its label…).
    const old = (value ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(branches[i].properties ?? {})) if (k !== key && old[k] !== undefined) next[k] = old[k];
    onChange(next);
  };
  return (
    <fieldset className="field union-field">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={id}>{t(`fields.${key}`, { defaultValue: humanize(key) })}</label>
        <select id={id} value={index} onChange={(e) => switchTo(Number(e.target.value))}>
          {branches.map((b, i) => (
            <option key={String(b.properties?.[key]?.const)} value={i}>
              {String(b.properties?.[key]?.const)}
            </option>
          ))}
        </select>
      </div>
      <ObjectField {...props} schema={branch} label={label} required omit={[key]} />
    </fieldset>
  );
}
