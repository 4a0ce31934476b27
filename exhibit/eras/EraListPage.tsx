import { useTranslation } from 'react-i18next';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { EraCards } from './EraCards.tsx';

export default function EraListPage() {
  const { t } = useTranslation();
  usePageTitle(t('eras.title'));
  const eras = useContent('eras');
  return (
    <div className="page">
      <h1>{t('eras.title')}</h1>
      <p className="lead">{t('eras.intro')}</p>
      <ContentGate state={eras} level={2}>
        {(list) => <EraCards eras={list} />}
      </ContentGate>
    </div>
  );
}
