import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { EraCards } from '../eras/EraCards.tsx';
import { SiteCards } from '../sites/SiteCards.tsx';
import { HeritageNumbers } from './HeritageNumbers.tsx';

export default function HomePage() {
  const { t } = useTranslation();
  usePageTitle();
  const eras = useContent('eras');
  const flagships = useContent('sites', { flagship: 'true' });

  return (
    <div className="page home">
      <header className="hero">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </header>

      <section aria-labelledby="home-eras">
        <h2 id="home-eras">{t('home.erasHeading')}</h2>
        <ContentGate state={eras} level={2}>
          {(list) => <EraCards eras={list} headingLevel={3} />}
        </ContentGate>
      </section>

      <section aria-labelledby="home-flagships">
        <h2 id="home-flagships">{t('home.flagshipHeading')}</h2>
        <ContentGate state={flagships} level={2}>
          {(list) => <SiteCards sites={list} />}
        </ContentGate>
        <p>
          <Link to="/sites" className="button">
            {t('home.allSites')}
          </Link>
        </p>
      </section>

      <HeritageNumbers />
    </div>
  );
}
