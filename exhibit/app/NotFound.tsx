import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle.ts';

/** Said for an unknown address and for an id the API does not know. */
export function NotFound({ level = 1 }: { level?: 1 | 2 }) {
  const { t } = useTranslation();
  const Heading = level === 1 ? 'h1' : 'h2';
  usePageTitle(t('status.notFoundTitle'));
  return (
    <section className="message" data-testid="not-found">
      <Heading>{t('status.notFoundTitle')}</Heading>
      <p>{t('status.notFoundText')}</p>
      <p>
        <Link className="button" to="/">
          {t('status.backHome')}
        </Link>
      </p>
    </section>
  );
}
