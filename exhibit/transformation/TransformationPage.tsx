import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { ProjectsExplorer } from './ProjectsExplorer.tsx';
import { StatisticsSection } from './StatisticsSection.tsx';
import { StoryGate as Gate } from './StoryGate.tsx';
import './strings.ts';
import { useStoryT } from './strings.ts';

/** "From rust belt to life belt": the 68 key projects and the heritage list, as charts and lists. */
export default function TransformationPage() {
  const t = useStoryT();
  usePageTitle(t('title'));
  const projects = useContent('projects');
  const districts = useContent('districts');
  const sites = useContent('sites');
  const statistics = useContent('statistics');

  return (
    <article className="page transformation">
      <header className="page-header story-hero">
        <p className="eyebrow">{t('eyebrow')}</p>
        <h1>{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <p className="story-source">{t('sourceNote')}</p>
      </header>

      <Gate states={[projects, districts]}>
        {() =>
          projects.status === 'ready' &&
          districts.status === 'ready' && (
            <ProjectsExplorer
              projects={projects.data}
              districts={districts.data}
              sites={sites.status === 'ready' ? sites.data : []}
              listedTotal={statistics.status === 'ready' ? statistics.data.listedPlaces.total : undefined}
            />
          )
        }
      </Gate>

      <Gate states={[statistics]}>{() => statistics.status === 'ready' && <StatisticsSection stats={statistics.data} />}</Gate>
    </article>
  );
}
