/**
 * One input of an admin form: its label, a hint (the rule it must follow) and the server's problems
 * with it, wired up with ids so screen readers read the hint and the problem with the input.
 */
import type { ReactNode } from 'react';

export interface FieldInputProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export function AdminField({
  id,
  label,
  hint,
  problems = [],
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  problems?: string[];
  children: (input: FieldInputProps) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : '', problems.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(problems.length ? { 'aria-invalid': true as const } : {}), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p className="console-note field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="field-errors" id={`${id}-error`}>
          {problems.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
