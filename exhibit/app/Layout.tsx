import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAudioLifecycle } from '../audio/audioLifecycle.ts';
import { PreviewBanner } from '../content-sync/PreviewBanner.tsx';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { MachineTextNote } from '../i18n/MachineTextNote.tsx';
import { MachineTextContext, useMachineTextRegistry } from '../i18n/machineText.ts';
import { KioskControlsSlot } from '../kiosk/KioskControlsSlot.tsx';
import { useTransformationNavLabel } from '../transformation/navStrings.ts';
import { useVisitNavLabel } from '../visit/navStrings.ts';
import { Loading } from './Loading.tsx';
import { RenderError } from './RenderError.tsx';
import { RenderErrorBoundary } from './RenderErrorBoundary.tsx';

/** The page frame: header (title, navigation, languages), the routed page, footer. */
export function Layout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [machineConverted, reportMachineText] = useMachineTextRegistry();
  useAudioLifecycle(); // unlock audio on the first touch; narration stops when the page changes
  const transformationLabel = useTransformationNavLabel();
  const visitLabel = useVisitNavLabel();

  // After client-side navigation, start at the top and put focus on the new page so keyboard and
  // screen-reader users are not left on the link they used.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname on purpose
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <PreviewBanner />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="site-title">
            <span className="site-title-name">{t('app.title')}</span>
            <span className="site-title-sub">{t('app.subtitle')}</span>
          </Link>
          <nav aria-label={t('nav.label')} className="site-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/eras">{t('nav.eras')}</NavLink>
              </li>
              <li>
                <NavLink to="/sites">{t('nav.sites')}</NavLink>
              </li>
              <li>
                <NavLink to="/timeline">{t('nav.timeline')}</NavLink>
              </li>
              <li>
                <NavLink to="/map">{t('nav.map')}</NavLink>
              </li>
              <li>
                <NavLink to="/routes">{t('nav.routes')}</NavLink>
              </li>
              <li>
                <NavLink to="/transformation">{transformationLabel}</NavLink>
              </li>
              <li>
                <NavLink to="/visit">{visitLabel}</NavLink>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <MachineTextNote machineConverted={machineConverted} />
        <MachineTextContext.Provider value={reportMachineText}>
          <RenderErrorBoundary resetKey={pathname} fallback={<RenderError />}>
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          </RenderErrorBoundary>
        </MachineTextContext.Provider>
      </main>
      <footer className="site-footer">
        <p>{t('footer.about')}</p>
      </footer>
      <KioskControlsSlot />
    </>
  );
}
