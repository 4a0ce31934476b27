import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { KioskModeProvider, readKioskMode } from './app/KioskMode.tsx';
import { detectLanguage } from './i18n/detect.ts';
import { readSavedLanguage } from './i18n/savedLanguage.ts';
import { setupI18n } from './i18n/setup.ts';
import './styles.css';

// Kiosk mode's lifecycle (attract loop, idle reset, offline) loads only on kiosks.
const KioskApp = lazy(() => import('./kiosk/KioskApp.tsx'));

// Read once: navigating inside the app drops the query, but a kiosk stays a kiosk.
const kiosk = readKioskMode(location.search);
document.documentElement.classList.toggle('kiosk', kiosk);

setupI18n(
  detectLanguage({
    search: location.search,
    // Kiosks serve one visitor after another: never carry a language over.
    saved: kiosk ? null : readSavedLanguage(),
    languages: navigator.languages ?? [navigator.language],
  }),
);

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <KioskModeProvider kiosk={kiosk}>
      {kiosk ? (
        <Suspense fallback={null}>
          <KioskApp />
        </Suspense>
      ) : (
        <App />
      )}
    </KioskModeProvider>
  </StrictMode>,
);
