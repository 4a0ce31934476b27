import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AnalyticsTracker } from '../analytics/AnalyticsTracker.tsx';
import { Layout } from './Layout.tsx';

// Pages load on demand so the first screen only pays for the shell.
const HomePage = lazy(() => import('../home/HomePage.tsx'));
const EraListPage = lazy(() => import('../eras/EraListPage.tsx'));
const EraDetailPage = lazy(() => import('../eras/EraDetailPage.tsx'));
const SiteListPage = lazy(() => import('../sites/SiteListPage.tsx'));
const SiteDetailPage = lazy(() => import('../sites/SiteDetailPage.tsx'));
const TimelinePage = lazy(() => import('../timeline/TimelinePage.tsx'));
const MapPage = lazy(() => import('../map/MapPage.tsx'));
const RouteListPage = lazy(() => import('../routes/RouteListPage.tsx'));
const RouteDetailPage = lazy(() => import('../routes/RouteDetailPage.tsx'));
const ReportsPage = lazy(() => import('../reports/ReportsPage.tsx'));
const TransformationPage = lazy(() => import('../transformation/TransformationPage.tsx'));
const VisitPage = lazy(() => import('../visit/VisitPage.tsx'));
const TicketPage = lazy(() => import('../visit/TicketPage.tsx'));
const StaffLayout = lazy(() => import('../staff/StaffLayout.tsx'));
const CheckInPage = lazy(() => import('../staff/CheckInPage.tsx'));
const OccupancyPage = lazy(() => import('../staff/OccupancyPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));
// The curator console has its own frame and never loads for visitors.
const CuratorApp = lazy(() => import('../curator/CuratorApp.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <AnalyticsTracker />
      <Routes>
        <Route
          path="curator/*"
          element={
            <Suspense fallback={null}>
              <CuratorApp />
            </Suspense>
          }
        />
        <Route path="fleet" element={<Navigate to="/curator/fleet" replace />} />
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="eras" element={<EraListPage />} />
          <Route path="eras/:id" element={<EraDetailPage />} />
          <Route path="sites" element={<SiteListPage />} />
          <Route path="sites/:id" element={<SiteDetailPage />} />
          <Route path="timeline" element={<TimelinePage />} />
          <Route path="map" element={<MapPage />} />
          <Route path="routes" element={<RouteListPage />} />
          <Route path="routes/:id" element={<RouteDetailPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="transformation" element={<TransformationPage />} />
          <Route path="visit" element={<VisitPage />} />
          <Route path="visit/tickets/:code" element={<TicketPage />} />
          <Route path="staff" element={<StaffLayout />}>
            <Route index element={<Navigate to="check-in" replace />} />
            <Route path="check-in" element={<CheckInPage />} />
            <Route path="occupancy" element={<OccupancyPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
