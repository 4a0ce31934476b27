import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatIsoMonth } from '../app/format.ts';
import { ProvenanceList } from '../app/ProvenanceList.tsx';
import { useLanguage } from '../i18n/useLanguage.ts';
import { formatMoney, type Project } from './data.ts';
import { useStoryT } from './strings.ts';

interface Props {
  project: Project | null;
  onClose: () => void;
  districtName: (id: string) => string;
  typeName: (type: string) => string;
  siteName: (id: string) => string;
}

/**
 * A project's description in a modal dialog (the browser's own <dialog>: focus moves in and back,
 * Escape closes). Open while the URL has ?project=<id>, so a description can be linked to.
 */
export function ProjectDialog({ project, onClose, districtName, typeName, siteName }: Props) {
  const t = useStoryT();
  const { language } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (project && !d.open) d.showModal();
    if (!project && d.open) d.close();
  }, [project]);

  return (
    <dialog ref={dialog} className="project-dialog" aria-labelledby="project-dialog-title" onClose={onClose} data-testid="project-dialog">
      {project && (
        <article data-project-id={project.id}>
          <header className="project-dialog-header">
            <p className="eyebrow">{t('project.number', { number: project.number })}</p>
            <h2 id="project-dialog-title">{project.name}</h2>
            <button type="button" className="button button-secondary project-dialog-close" onClick={onClose}>
              {t('project.close')}
            </button>
          </header>
          <dl className="project-facts">
            <div>
              <dt>{t('project.place')}</dt>
              <dd>{project.place}</dd>
            </div>
            <div>
              <dt>{t('project.district')}</dt>
              <dd>{districtName(project.district)}</dd>
            </div>
            <div>
              <dt>{t('project.type')}</dt>
              <dd>{typeName(project.type)}</dd>
            </div>
            <div>
              <dt>{t('project.dates')}</dt>
              <dd>{t('project.period', { start: formatIsoMonth(language, project.start), end: formatIsoMonth(language, project.end) })}</dd>
            </div>
            <div>
              <dt>{t('project.investment')}</dt>
              <dd data-testid="project-investment">{formatMoney(project.investment, language)}</dd>
            </div>
          </dl>
          <h3>{t('project.scope')}</h3>
          <p className="prose" data-testid="project-scope">
            {project.scope}
          </p>
          <h3>{t('project.sites')}</h3>
          {project.sites.length ? (
            <ul className="link-list" data-testid="project-sites">
              {project.sites.map((id) => (
                <li key={id}>
                  <Link to={`/sites/${id}`}>{siteName(id)}</Link>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('project.noSites')}</p>
          )}
          <h3>{t('project.sources')}</h3>
          <ProvenanceList sources={project.provenance} />
        </article>
      )}
    </dialog>
  );
}
