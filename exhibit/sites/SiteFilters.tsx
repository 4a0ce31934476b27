import { useTranslation } from 'react-i18next';
import { useContent } from '../api/useContent.ts';
import { titleShowsYears } from '../app/format.ts';
import { FilterSelect } from './FilterSelect.tsx';
import { CATEGORIES, type FilterKey, GRADES, type SiteFilterValues } from './siteFilters.ts';

/**
 * The filter form. Options come from the content (eras, clusters, districts) in the current
 * language; if one of those lists fails to load, that filter just offers "all".
 */
export function SiteFilters({
  filters,
  districts,
  onChange,
  onClear,
}: {
  filters: SiteFilterValues;
  /** District ids and names (the page already has them for the result cards). */
  districts: ReadonlyMap<string, string>;
  onChange: (key: FilterKey, value: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const eras = useContent('eras');
  const clusters = useContent('clusters');
  const ready = <T,>(s: { status: string; data?: T[] }) => (s.status === 'ready' && s.data ? s.data : []);

  return (
    <form className="filters" aria-label={t('sites.filters')} onSubmit={(e) => e.preventDefault()}>
      <FilterSelect
        label={t('filter.era')}
        name="era"
        value={filters.era ?? ''}
        options={ready(eras).map((e) => ({
          value: e.id,
          label: titleShowsYears(e.title, e.startYear) ? e.title : `${e.title} (${t('eras.years', { start: e.startYear, end: e.endYear })})`,
        }))}
        onChange={(v) => onChange('era', v)}
      />
      <FilterSelect
        label={t('filter.cluster')}
        name="cluster"
        value={filters.cluster ?? ''}
        options={ready(clusters).map((c) => ({ value: c.id, label: c.name }))}
        onChange={(v) => onChange('cluster', v)}
      />
      <FilterSelect
        label={t('filter.category')}
        name="category"
        value={filters.category ?? ''}
        options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        onChange={(v) => onChange('category', v)}
      />
      <FilterSelect
        label={t('filter.grade')}
        name="grade"
        value={filters.grade ?? ''}
        options={GRADES.map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        onChange={(v) => onChange('grade', v)}
      />
      <FilterSelect
        label={t('filter.district')}
        name="district"
        value={filters.district ?? ''}
        options={[...districts].map(([value, label]) => ({ value, label }))}
        onChange={(v) => onChange('district', v)}
      />
      <button type="button" className="button button-secondary" onClick={onClear} disabled={Object.keys(filters).length === 0}>
        {t('sites.clear')}
      </button>
    </form>
  );
}
