import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { SiteCards } from './SiteCards.tsx';
import { SiteFilters } from './SiteFilters.tsx';
import { FILTER_KEYS, readFilters } from './siteFilters.ts';

export default function SiteListPage() {
  const { t } = useTranslation();
  usePageTitle(t('sites.title'));
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const sites = useContent('sites', filters);
  const districts = useContent('districts');
  const districtNames = new Map(districts.status === 'ready' ? districts.data.map((d) => [d.id, d.name] as const) : []);

  const setFilter = (key: string, value: string) =>
    setParams(
      (p) => {
        if (value) p.set(key, value);
        else p.delete(key);
        return p;
      },
      { replace: true },
    );
  const clear = () =>
    setParams(
      (p) => {
        for (const key of FILTER_KEYS) p.delete(key);
        return p;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <h1>{t('sites.title')}</h1>
      <p className="lead">{t('sites.intro')}</p>
      <SiteFilters filters={filters} districts={districtNames} onChange={setFilter} onClear={clear} />
      <ContentGate state={sites} level={2}>
        {(list) => (
          <>
            <p className="result-count" role="status" data-testid="result-count">
              {t('sites.count', { count: list.length })}
            </p>
            {list.length ? <SiteCards sites={list} districtNames={districtNames} headingLevel={2} /> : <p>{t('sites.noResults')}</p>}
          </>
        )}
      </ContentGate>
    </div>
  );
}
