import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> · <museum>", or just the museum's name. */
export function usePageTitle(page?: string) {
  const { t } = useTranslation();
  const site = t('app.title');
  useEffect(() => {
    document.title = page ? `${page} · ${site}` : site;
  }, [page, site]);
}
