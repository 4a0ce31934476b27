import { useTranslation } from 'react-i18next';
import { useContent } from '../api/useContent.ts';
import { formatNumber } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';

/** The listed places in three numbers. Quietly absent if the statistics cannot be loaded. */
export function HeritageNumbers() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const stats = useContent('statistics');
  if (stats.status !== 'ready') return null;
  const { listedPlaces } = stats.data;
  const figures = [
    { label: t('home.listedPlaces'), value: listedPlaces.total },
    { label: t('home.centralPlaces'), value: listedPlaces.central.total },
    { label: t('home.elsewherePlaces'), value: listedPlaces.elsewhere.total },
  ];
  return (
    <section aria-labelledby="home-numbers">
      <h2 id="home-numbers">{t('home.statsHeading')}</h2>
      <dl className="figures">
        {figures.map((f) => (
          <div key={f.label} className="figure">
            <dt>{f.label}</dt>
            <dd>{formatNumber(language, f.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
