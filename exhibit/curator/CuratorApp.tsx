/**
 * The curator console (/curator/…), lazy-loaded: visitors never download it. Signs in, then
 * edits the shared draft, previews, publishes, rolls back, imports and exports packs, uploads
 * media, sets kiosk playlists, watches the kiosk fleet; admins also manage accounts, register
 * kiosks and door counters (device tokens) and read the audit log.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../app/Loading.tsx';
import { AdminOnly } from './AdminOnly.tsx';
import { ConsoleLayout } from './ConsoleLayout.tsx';
import './curator.css';
import { SignInPage } from './SignInPage.tsx';
import { useCuratorT } from './strings.ts';
import { SessionContext, useSessionState } from './useSession.ts';

const ContentPage = lazy(() => import('./ContentPage.tsx'));
const CollectionPage = lazy(() => import('./CollectionPage.tsx'));
const EntityEditorPage = lazy(() => import('./EntityEditorPage.tsx'));
const DraftPage = lazy(() => import('./DraftPage.tsx'));
const HistoryPage = lazy(() => import('./HistoryPage.tsx'));
const TransferPage = lazy(() => import('./TransferPage.tsx'));
const MediaPage = lazy(() => import('./MediaPage.tsx'));
const PlaylistsPage = lazy(() => import('./PlaylistsPage.tsx'));
const UsersPage = lazy(() => import('./UsersPage.tsx'));
const KiosksPage = lazy(() => import('./KiosksPage.tsx'));
const DevicesPage = lazy(() => import('./DevicesPage.tsx'));
const AuditPage = lazy(() => import('./AuditPage.tsx'));
const FleetPage = lazy(() => import('../fleet/FleetPage.tsx'));

export default function CuratorApp() {
  const sessionApi = useSessionState();
  const { t } = useCuratorT();
  const { session } = sessionApi;
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'signed-out') {
    return (
      <SessionContext.Provider value={sessionApi}>
        <SignInPage expired={session.reason === 'expired'} />
      </SessionContext.Provider>
    );
  }
  const role = session.user.role;
  const editor = role === 'curator' || role === 'admin';
  // Admin pages: other roles opening one by its address are told it is for admins.
  const adminPages: [string, ReactNode, string][] = [
    ['users', <UsersPage key="users" />, t('users.title')],
    ['kiosks', <KiosksPage key="kiosks" />, t('kiosks.title')],
    ['devices', <DevicesPage key="devices" />, t('devices.title')],
    ['audit', <AuditPage key="audit" />, t('audit.title')],
  ];
  return (
    <SessionContext.Provider value={sessionApi}>
      <ConsoleLayout>
        <Suspense fallback={<Loading />}>
          <Routes>
            {editor ? (
              <>
                <Route index element={<ContentPage />} />
                <Route path="content/:collection" element={<CollectionPage />} />
                <Route path="edit" element={<EntityEditorPage />} />
                <Route path="changes" element={<DraftPage />} />
                <Route path="history" element={<HistoryPage />} />
                <Route path="transfer" element={<TransferPage />} />
                <Route path="media" element={<MediaPage />} />
                <Route path="playlists" element={<PlaylistsPage />} />
              </>
            ) : (
              <Route index element={<Navigate to="fleet" replace />} />
            )}
            <Route path="fleet" element={<FleetPage />} />
            {adminPages.map(([path, page, title]) => (
              <Route key={path} path={path} element={role === 'admin' ? page : <AdminOnly title={title} />} />
            ))}
            <Route path="*" element={<p className="console-empty">{t('common.notFound')}</p>} />
          </Routes>
        </Suspense>
      </ConsoleLayout>
    </SessionContext.Provider>
  );
}
