/** The server's problems with one field, linked to its input by id. */
import { fieldId, useForm } from './FormContext.ts';

export function FieldErrors({ path }: { path: string }) {
  const { errors } = useForm();
  const list = errors.get(path);
  if (!list?.length) return null;
  return (
    <ul className="field-errors" id={`${fieldId(path)}-error`}>
      {list.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** aria attributes for an input whose field may have problems. */
export function useErrorProps(path: string) {
  const { errors } = useForm();
  const has = (errors.get(path)?.length ?? 0) > 0;
  return has ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId(path)}-error` } : {};
}
