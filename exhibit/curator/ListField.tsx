/**
 * A list: each item with move up / move down / remove (every reorder has buttons: tour stops are
 * reordered this way), and "add" at the end. Lists of ids get a picker per item.
 */

import { FieldEditor, type FieldProps } from './FieldEditor.tsx';
import { FieldErrors } from './FieldErrors.tsx';
import { fieldId, useForm } from './FormContext.ts';
import { RefSelect } from './RefSelect.tsx';
import { defaultFor, formatPath, REFERENCE_FIELDS } from './schemaForm.ts';
import { useCuratorT } from './strings.ts';
import type { JsonSchema } from './types.ts';
import { labelOf } from './useCuratorData.ts';

export function ListField({ schema, value, onChange, path, label, required }: FieldProps) {
  const { t, language } = useCuratorT();
  const { entities } = useForm();
  const list = Array.isArray(value) ? value : [];
  const items = (schema.items || {}) as JsonSchema;
  const p = formatPath(path);
  const id = fieldId(p);
  const name = path[path.length - 1];
  const refCollection = typeof name === 'string' && items.type === 'string' ? REFERENCE_FIELDS[name] : undefined;
  const max = schema.maxItems ?? Number.POSITIVE_INFINITY;
  const min = schema.minItems ?? 0;

  const move = (from: number, to: number, which: 'up' | 'down') => {
    const next = [...list];
    const [x] = next.splice(from, 1);
    next.splice(to, 0, x);
    onChange(next);
    // Keep the keyboard on the item that moved.
    requestAnimationFrame(() => {
      const button = document.getElementById(`${id}-${which}-${to}`) as HTMLButtonElement | null;
      (button && !button.disabled ? button : (document.getElementById(`${id}-item-${to}`) as HTMLElement | null))?.focus();
    });
  };
  const remove = (i: number) => onChange(list.filter((_, j) => j !== i));

  /** What the item is, for its heading: a stop's site, an item's id or name. */
  const titleOf = (item: unknown, i: number): string => {
    if (item && typeof item === 'object') {
      const rec = item as Record<string, unknown>;
      const site = typeof rec.site === 'string' ? entities.find((e) => e.collection === 'sites' && e.id === rec.site) : undefined;
      if (site) return `${i + 1}. ${labelOf(site, language)}`;
      const named = (rec.title ?? rec.name ?? rec.label) as Record<string, string> | undefined;
      if (named && typeof named === 'object') return `${i + 1}. ${language === 'en' ? named.en : named['zh-Hans']}`;
      if (typeof rec.id === 'string') return `${i + 1}. ${rec.id}`;
    }
    return `${label} ${i + 1}`;
  };

  return (
    <fieldset className="field list-field">
      <legend>
        {label}
        {required && <span className="required"> *</span>} <span className="count">({list.length})</span>
      </legend>
      <ol className="list-items">
        {list.map((item, i) => {
          const itemLabel = titleOf(item, i);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own; inputs are controlled
            <li key={i} className="list-item" id={`${id}-item-${i}`} tabIndex={-1}>
              <div className="list-item-head">
                <span className="list-item-title">{itemLabel}</span>
                <span className="list-item-actions">
                  <button
                    type="button"
                    id={`${id}-up-${i}`}
                    onClick={() => move(i, i - 1, 'up')}
                    disabled={i === 0}
                    aria-label={t('form.moveUp', { name: itemLabel })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${id}-down-${i}`}
                    onClick={() => move(i, i + 1, 'down')}
                    disabled={i === list.length - 1}
                    aria-label={t('form.moveDown', { name: itemLabel })}
                  >
                    ↓
                  </button>
                  <button type="button" onClick={() => remove(i)} disabled={list.length <= min} aria-label={t('form.removeItem', { name: itemLabel })}>
                    ✕
                  </button>
                </span>
              </div>
              {refCollection ? (
                <RefSelect
                  id={fieldId(formatPath([...path, i]))}
                  label={itemLabel}
                  collection={refCollection}
                  value={typeof item === 'string' ? item : ''}
                  onChange={(v) => onChange(list.map((x, j) => (j === i ? v : x)))}
                />
              ) : (
                <FieldEditor
                  schema={items}
                  value={item}
                  onChange={(v) => onChange(v === undefined ? list.filter((_, j) => j !== i) : list.map((x, j) => (j === i ? v : x)))}
                  path={[...path, i]}
                  label={itemLabel}
                  required
                />
              )}
              <FieldErrors path={formatPath([...path, i])} />
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...list, defaultFor(items)])} disabled={list.length >= max}>
        {t('form.addItem', { name: label })}
      </button>
      <FieldErrors path={p} />
    </fieldset>
  );
}
