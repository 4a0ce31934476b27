/**
 * Says so when this browser (or kiosk) shows the curators' draft instead of the published
 * content, with a way out. Renders nothing otherwise.
 */
import { useLocation } from 'react-router';
import { useLatestContentVersion } from './contentSync.ts';
import './contentSync.css';
import './strings.ts';
import { useNamespaceT } from './useNamespaceT.ts';

export function PreviewBanner() {
  const latest = useLatestContentVersion();
  const { t } = useNamespaceT('contentSync');
  const location = useLocation();
  if (!latest?.preview) return null;
  const exit = `/api/content/preview/exit?${new URLSearchParams({ to: `${location.pathname}${location.search}` })}`;
  return (
    <aside className="preview-banner" aria-label={t('preview.label')} data-testid="preview-banner">
      <strong>{t('preview.label')}</strong> <span>{t('preview.text')}</span>{' '}
      <a href={exit} className="preview-banner-exit">
        {t('preview.exit')}
      </a>
    </aside>
  );
}
