import { Link } from 'react-router';
import { ContentGate } from '../api/ContentGate.tsx';
import { useContent } from '../api/useContent.ts';
import { usePageTitle } from '../app/usePageTitle.ts';
import { useFeatureStrings } from '../i18n/useFeatureStrings.ts';
import type en from './locales/en.json';
import './strings.ts';
import './routes.css';

/** `/routes`: the signature tour routes in their order. */
export default function RouteListPage() {
  const t = useFeatureStrings<typeof en>('routes');
  usePageTitle(t('title'));
  const routes = useContent('routes');
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ContentGate state={routes} level={2}>
        {(list) => (
          <ol className="route-cards" data-testid="route-cards">
            {[...list]
              .sort((a, b) => a.order - b.order)
              .map((r) => (
                <li key={r.id} className="route-card" data-route-id={r.id}>
                  <Link to={`/routes/${r.id}`} className="card-link">
                    <span className="route-card-kind">
                      {t(`kind.${r.kind}`)} · {t('stops', { count: r.stopCount })}
                    </span>
                    <h2 className="route-card-name">{r.name}</h2>
                    <p className="route-card-summary">{r.summary}</p>
                  </Link>
                </li>
              ))}
          </ol>
        )}
      </ContentGate>
    </div>
  );
}
