import { useTranslation } from 'react-i18next';

/** A quiet loading indicator; CSS delays it so fast answers don't flash it. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('status.loading')}
    </p>
  );
}
