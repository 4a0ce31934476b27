import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useKioskMode } from '../app/KioskMode.tsx';
import { initAnalytics, routeChanged } from './index.ts';

/**
 * Starts the tracker and reports route changes (page views, dwell time per exhibit, URL filters).
 * Renders nothing; sits inside the router.
 */
export function AnalyticsTracker() {
  const kiosk = useKioskMode();
  // Synchronously on the first render, so events from the first effects are not held back.
  useState(() => initAnalytics({ kiosk }));
  const { pathname, search } = useLocation();
  useEffect(() => routeChanged(pathname, search), [pathname, search]);
  return null;
}
