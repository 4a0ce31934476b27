import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ContentData, SiteListItem } from '../api/types.ts';
import { formatNumber } from '../app/format.ts';
import { useLanguage } from '../i18n/useLanguage.ts';
import { moneyParts, type Project } from './data.ts';
import { ProjectCharts } from './ProjectCharts.tsx';
import { ProjectDialog } from './ProjectDialog.tsx';
import { ProjectList, type ProjectSort } from './ProjectList.tsx';
import { useStoryT } from './strings.ts';

type District = ContentData<'districts'>[number];

interface Props {
  projects: Project[];
  districts: District[];
  sites: SiteListItem[];
  listedTotal?: number;
}

/** The 68 projects: headline figures, charts, a filterable list, and a project's description on tap. */
export function ProjectsExplorer({ projects, districts, sites, listedTotal }: Props) {
  const t = useStoryT();
  const { t: tApp } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const [district, setDistrict] = useState('');
  const [type, setType] = useState('');
  const [sort, setSort] = useState<ProjectSort>('number');
  const listHeading = useRef<HTMLHeadingElement>(null);

  const districtName = useCallback((id: string) => districts.find((d) => d.id === id)?.name ?? id, [districts]);
  const typeName = useCallback((type: string) => tApp(`projectType.${type}`, { defaultValue: type }), [tApp]);
  const siteName = useCallback((id: string) => sites.find((s) => s.id === id)?.name ?? id, [sites]);

  const selected = projects.find((p) => p.id === params.get('project')) ?? null;
  const open = useCallback(
    (id: string) =>
      setParams((p) => {
        p.set('project', id);
        return p;
      }),
    [setParams],
  );
  // Closing replaces the history entry, so Back after closing goes where it went before opening.
  const close = useCallback(
    () =>
      setParams(
        (p) => {
          p.delete('project');
          return p;
        },
        { replace: true },
      ),
    [setParams],
  );

  // A tapped district or type bar shows its projects in the list below.
  const showList = useCallback((filter: { district?: string; type?: string }) => {
    setDistrict(filter.district ?? '');
    setType(filter.type ?? '');
    requestAnimationFrame(() => {
      listHeading.current?.scrollIntoView({ block: 'start' });
      listHeading.current?.focus({ preventScroll: true });
    });
  }, []);

  const filtered = useMemo(() => projects.filter((p) => (!district || p.district === district) && (!type || p.type === type)), [projects, district, type]);
  const total = projects.reduce((sum, p) => sum + p.investment, 0);
  const districtCount = new Set(projects.map((p) => p.district)).size;

  return (
    <section aria-labelledby="story-projects" className="story-section">
      <h2 id="story-projects">{t('sections.projects')}</h2>
      <dl className="figures" data-testid="story-headline">
        <div className="figure">
          <dt>{t('headline.projects')}</dt>
          <dd>{formatNumber(language, projects.length)}</dd>
        </div>
        <div className="figure">
          <dt>{t('headline.investment')}</dt>
          <dd>
            {moneyParts(total, language).number}
            <span className="figure-unit">{moneyParts(total, language).unit}</span>
          </dd>
        </div>
        <div className="figure">
          <dt>{t('headline.districts')}</dt>
          <dd>{formatNumber(language, districtCount)}</dd>
        </div>
        {listedTotal !== undefined && (
          <div className="figure">
            <dt>{t('headline.listed')}</dt>
            <dd>{formatNumber(language, listedTotal)}</dd>
          </div>
        )}
      </dl>

      <ProjectCharts
        projects={projects}
        timelineProjects={filtered}
        districtName={districtName}
        typeName={typeName}
        onDistrict={(id) => showList({ district: id })}
        onType={(id) => showList({ type: id })}
        onProject={open}
      />

      <ProjectList
        headingRef={listHeading}
        projects={filtered}
        allProjects={projects}
        district={district}
        type={type}
        sort={sort}
        onDistrict={setDistrict}
        onType={setType}
        onSort={setSort}
        onClear={() => showList({})}
        onOpen={open}
        districtName={districtName}
        typeName={typeName}
      />

      <ProjectDialog project={selected} onClose={close} districtName={districtName} typeName={typeName} siteName={siteName} />
    </section>
  );
}
