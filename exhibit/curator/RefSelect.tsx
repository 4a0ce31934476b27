/** Picks the id of another entity (a site, a district…) from the draft's entities. */
import { useForm } from './FormContext.ts';
import { useCuratorT } from './strings.ts';
import { labelOf } from './useCuratorData.ts';

export function RefSelect({
  id,
  collection,
  value,
  onChange,
  label,
  errorProps = {},
}: {
  id: string;
  collection: string;
  value: string;
  onChange: (v: string) => void;
  /** For a select without a visible label of its own. */
  label?: string;
  errorProps?: Record<string, unknown>;
}) {
  const { t, language } = useCuratorT();
  const { entities } = useForm();
  const options = entities.filter((e) => e.collection === collection).sort((a, b) => a.id.localeCompare(b.id));
  const known = options.some((o) => o.id === value);
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} {...errorProps}>
      <option value="">{t('form.choose')}</option>
      {!known && value && <option value={value}>{value}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {labelOf(o, language)} ({o.id})
        </option>
      ))}
    </select>
  );
}
