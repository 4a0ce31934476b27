import { useTranslation } from 'react-i18next';

/** Reserves the place where a flagship site's 3D walkthrough will go (a later issue). */
export function WalkthroughPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="walkthrough-placeholder" aria-labelledby="site-walkthrough" data-testid="walkthrough-placeholder">
      <h2 id="site-walkthrough">{t('site.walkthroughTitle')}</h2>
      <p>{t('site.walkthroughComing')}</p>
    </section>
  );
}
