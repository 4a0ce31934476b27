/**
 * The place in the page frame (Layout) where the kiosk's controls go. Tiny on purpose: web pages
 * load none of the kiosk's code; kiosks load the controls on demand.
 */
import { lazy, Suspense } from 'react';
import { useKioskMode } from '../app/KioskMode.tsx';

const KioskControls = lazy(() => import('./KioskControls.tsx'));

export function KioskControlsSlot() {
  const kiosk = useKioskMode();
  if (!kiosk) return null;
  return (
    <Suspense fallback={null}>
      <KioskControls />
    </Suspense>
  );
}
