import { type RefObject, useId, useMemo } from 'react';
import { formatIsoMonth } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { formatMoney, type Project } from './data.ts';
import { useStoryT } from './strings.ts';

export type ProjectSort = 'number' | 'investment' | 'start';

interface Props {
  headingRef: RefObject<HTMLHeadingElement | null>;
  projects: Project[];
  allProjects: Project[];
  district: string;
  type: string;
  sort: ProjectSort;
  onDistrict: (id: string) => void;
  onType: (type: string) => void;
  onSort: (sort: ProjectSort) => void;
  onClear: () => void;
  onOpen: (id: string) => void;
  districtName: (id: string) => string;
  typeName: (type: string) => string;
}

const SORTS: Record<ProjectSort, (a: Project, b: Project) => number> = {
  number: (a, b) => a.number - b.number,
  investment: (a, b) => b.investment - a.investment || a.number - b.number,
  start: (a, b) => a.start.localeCompare(b.start) || a.number - b.number,
};

/** Every project (or those of a district or type), each opening its description. */
export function ProjectList(props: Props) {
  const { projects, allProjects, district, type, sort, districtName, typeName } = props;
  const t = useStoryT();
  const { language } = useLanguage();
  const ids = { district: useId(), type: useId(), sort: useId() };
  const sorted = useMemo(() => [...projects].sort(SORTS[sort]), [projects, sort]);
  const districtOptions = useMemo(
    () =>
      [...new Set(allProjects.map((p) => p.district))].map((id) => ({ id, label: districtName(id) })).sort((a, b) => a.label.localeCompare(b.label, language)),
    [allProjects, districtName, language],
  );
  const typeOptions = useMemo(() => [...new Set(allProjects.map((p) => p.type))].map((id) => ({ id, label: typeName(id) })), [allProjects, typeName]);

  return (
    <section aria-labelledby="story-project-list" className="project-list-section">
      <h3 id="story-project-list" ref={props.headingRef} tabIndex={-1}>
        {t('list.title')}
      </h3>
      <fieldset className="filters">
        <legend className="visually-hidden">{t('list.filters')}</legend>
        <div className="filter">
          <label htmlFor={ids.district}>{t('list.district')}</label>
          <select id={ids.district} value={district} onChange={(e) => props.onDistrict(e.target.value)}>
            <option value="">{t('list.all')}</option>
            {districtOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.type}>{t('list.type')}</label>
          <select id={ids.type} value={type} onChange={(e) => props.onType(e.target.value)}>
            <option value="">{t('list.all')}</option>
            {typeOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={ids.sort}>{t('list.sort')}</label>
          <select id={ids.sort} value={sort} onChange={(e) => props.onSort(e.target.value as ProjectSort)}>
            <option value="number">{t('list.sortNumber')}</option>
            <option value="investment">{t('list.sortInvestment')}</option>
            <option value="start">{t('list.sortStart')}</option>
          </select>
        </div>
      </fieldset>
      <p className="result-count" role="status" data-testid="project-count">
        {t('list.count', { count: sorted.length })}
        {(district || type) && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={props.onClear}>
              {t('list.clear')}
            </button>
          </>
        )}
      </p>
      {sorted.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ol className="project-list" data-testid="project-list">
          {sorted.map((p) => (
            <li key={p.id}>
              <button type="button" className="project-item" onClick={() => props.onOpen(p.id)} data-project-id={p.id}>
                <span className="project-item-number">{p.number}</span>
                <span className="project-item-body">
                  <span className="project-item-name">{p.name}</span>
                  <span className="project-item-meta">
                    {districtName(p.district)} · {typeName(p.type)} · {formatIsoMonth(language, p.start)}–{formatIsoMonth(language, p.end)} ·{' '}
                    {formatMoney(p.investment, language)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
