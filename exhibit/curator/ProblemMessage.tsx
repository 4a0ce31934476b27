/** An API failure as people read it: the title, the detail, and each field's problem (file › field). */
import { ApiError } from './api.ts';
import { useCuratorT } from './strings.ts';

export function ProblemMessage({ error, onFieldClick }: { error: unknown; onFieldClick?: (path: string) => void }) {
  const { t } = useCuratorT();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const text = error instanceof Error ? error.message : String(error);
  return (
    <div className="console-error" role="alert">
      <p>
        <strong>{api ? api.title : t('common.error')}</strong>
        {api?.detail && api.errors.length === 0 ? ` — ${api.detail}` : !api ? ` — ${text}` : ''}
      </p>
      {api && api.errors.length > 0 && (
        <ul className="problem-list">
          {api.errors.map((e) => (
            <li key={`${e.path}|${e.message}`}>
              {onFieldClick ? (
                <button type="button" className="link-button" onClick={() => onFieldClick(e.field ?? e.path)}>
                  <code>{e.path}</code>
                </button>
              ) : (
                <code>{e.path}</code>
              )}
              : {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
