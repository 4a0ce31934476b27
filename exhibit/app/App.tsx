import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';

// Pages load on demand so the first screen only pays for the shell.
const HomePage = lazy(() => import('../home/HomePage.tsx'));
const EraListPage = lazy(() => import('../eras/EraListPage.tsx'));
const EraDetailPage = lazy(() => import('../eras/EraDetailPage.tsx'));
const SiteListPage = lazy(() => import('../sites/SiteListPage.tsx'));
const SiteDetailPage = lazy(() => import('../sites/SiteDetailPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          <Route path="eras" element={<EraListPage />} />
          <Route path="eras/:id" element={<EraDetailPage />} />
          <Route path="sites" element={<SiteListPage />} />
          <Route path="sites/:id" element={<SiteDetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
