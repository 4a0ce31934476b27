/** Per-entity, per-field changes (added / removed / changed; before → after), as text. */
import { useCuratorT } from './strings.ts';
import type { EntityChange } from './types.ts';
import { labelOf } from './useCuratorData.ts';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

export function DiffView({ changes, headingLevel = 3 }: { changes: EntityChange[]; headingLevel?: 2 | 3 }) {
  const { t, language } = useCuratorT();
  if (changes.length === 0) return <p className="console-empty">{t('diff.none')}</p>;
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div className="diff">
      {changes.map((c) => (
        <section key={`${c.file}#${c.id}`} className={`diff-entity diff-${c.change}`}>
          <H>
            <span className="badge">{t(`diff.${c.change}`)}</span> {t(`collections.${c.collection}`, { defaultValue: c.collection })} ·{' '}
            {labelOf({ id: c.id, label: c.label }, language)} <code>{c.file}</code>
          </H>
          {c.fields.length > 0 && (
            <table>
              <caption className="visually-hidden">{t('diff.caption', { name: c.id })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('diff.field')}</th>
                  <th scope="col">{t('diff.before')}</th>
                  <th scope="col">{t('diff.after')}</th>
                </tr>
              </thead>
              <tbody>
                {c.fields.map((f) => (
                  <tr key={f.path}>
                    <th scope="row">
                      <code>{f.path || '—'}</code>
                    </th>
                    <td className="diff-before">
                      <del>{show(f.before)}</del>
                    </td>
                    <td className="diff-after">
                      <ins>{show(f.after)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
