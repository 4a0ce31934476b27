import { useTranslation } from 'react-i18next';
import type { ContentError } from '../api/useContent.ts';

/** A failed request, said plainly, with a way to try again. */
export function ErrorMessage({ error, onRetry, level = 1 }: { error: ContentError; onRetry?: () => void; level?: 1 | 2 }) {
  const { t } = useTranslation();
  const Heading = level === 1 ? 'h1' : 'h2';
  const detail = error.detail ?? (error.status ? `${error.status} ${error.title}` : error.title);
  return (
    <section className="message message-error" role="alert" data-testid="error-message">
      <Heading>{t('status.errorTitle')}</Heading>
      <p>{t('status.errorText')}</p>
      {detail && <p className="message-detail">{t('status.errorDetail', { detail })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </section>
  );
}
