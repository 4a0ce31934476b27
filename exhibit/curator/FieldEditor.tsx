/**
 * One field of an entity form, chosen by its schema: three languages side by side for texts,
 * fieldsets for objects, lists with add / remove / move, pickers for references and media, plain
 * inputs for the rest, and a JSON box for shapes without a better control.
 */

import { FieldErrors, useErrorProps } from './FieldErrors.tsx';
import { fieldId } from './FormContext.ts';
import { JsonField } from './JsonField.tsx';
import { ListField } from './ListField.tsx';
import { LocalizedField } from './LocalizedField.tsx';
import { MediaSrcField } from './MediaSrcField.tsx';
import { MultiChoiceField } from './MultiChoiceField.tsx';
import { ObjectField } from './ObjectField.tsx';
import { RefSelect } from './RefSelect.tsx';
import { branchesOf, branchFor, controlFor, formatPath, isMediaSrc, type Path, REFERENCE_FIELDS } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';
import { TupleField } from './TupleField.tsx';
import type { JsonSchema } from './types.ts';
import { UnionField } from './UnionField.tsx';

export interface FieldProps {
  schema: JsonSchema;
  value: unknown;
  /** undefined removes an optional field. */
  onChange: (value: unknown) => void;
  path: Path;
  label: string;
  required: boolean;
}

export function FieldEditor(props: FieldProps) {
  const { schema, value, onChange, path, label, required } = props;
  const { t } = useCuratorT();
  const p = formatPath(path);
  const id = fieldId(p);
  const errorProps = useErrorProps(p);
  const name = path[path.length - 1];
  const control = controlFor(schema);

  switch (control) {
    case 'localized':
      return <LocalizedField {...props} />;
    case 'object':
      return <ObjectField {...props} />;
    case 'union':
      return <UnionField {...props} />;
    case 'list':
      return <ListField {...props} />;
    case 'multi-choice':
      return <MultiChoiceField {...props} />;
    case 'tuple':
      return <TupleField {...props} />;
    case 'json':
      return <JsonField {...props} />;
    default:
      break;
  }

  const refCollection = typeof name === 'string' ? REFERENCE_FIELDS[name] : undefined;
  let input: React.ReactNode;
  if (control === 'const') input = <output id={id}>{String(schema.const)}</output>;
  else if (control === 'boolean') {
    return (
      <div className="field field-check">
        <label>
          <input type="checkbox" id={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} {...errorProps} /> {label}
        </label>
        <FieldErrors path={p} />
      </div>
    );
  } else if (control === 'enum' || control === 'choice') {
    const options = control === 'enum' ? (schema.enum ?? []) : (branchesOf(schema) ?? []).map((b) => b.const as string | number);
    const current = control === 'choice' ? options[branchFor(branchesOf(schema) ?? [], value)] : value;
    input = (
      <select
        id={id}
        value={value === undefined ? '' : String(current)}
        onChange={(e) => {
          if (e.target.value === '') return onChange(undefined);
          const picked = options.find((o) => String(o) === e.target.value);
          onChange(picked);
        }}
        {...errorProps}
      >
        {(!required || value === undefined) && <option value="">{t('form.none')}</option>}
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  } else if (control === 'number') {
    input = (
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={schema.minimum}
        max={schema.maximum}
        step={schema.type === 'integer' ? 1 : 'any'}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        {...errorProps}
      />
    );
  } else if (refCollection) {
    input = (
      <RefSelect
        id={id}
        collection={refCollection}
        value={typeof value === 'string' ? value : ''}
        onChange={(v) => onChange(v === '' && !required ? undefined : v)}
        errorProps={errorProps}
      />
    );
  } else if (isMediaSrc(name, path)) {
    return <MediaSrcField {...props} />;
  } else {
    input = (
      <input
        id={id}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' && !required ? undefined : e.target.value)}
        {...errorProps}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> *</span>}
      </label>
      {input}
      <FieldErrors path={p} />
    </div>
  );
}
