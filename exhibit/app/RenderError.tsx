import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What the error boundary shows when a page fails to render. */
export function RenderError() {
  const { t } = useTranslation();
  return (
    <section className="message message-error" role="alert" data-testid="error-message">
      <h1>{t('status.errorTitle')}</h1>
      <p>{t('status.renderErrorText')}</p>
      <p>
        <Link className="button" to="/">
          {t('status.backHome')}
        </Link>
      </p>
    </section>
  );
}
