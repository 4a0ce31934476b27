/** The console frame: skip link, header (who is signed in, sign out, languages), navigation, main. */
import { type ReactNode, useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher.tsx';
import { useCuratorT } from './strings.ts';
import { useSession, useUser } from './useSession.ts';

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const { t } = useCuratorT();
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const editor = user.role !== 'staff';

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each new page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  const links: [string, string, boolean][] = [
    ['/curator', t('nav.content'), editor],
    ['/curator/changes', t('nav.changes'), editor],
    ['/curator/history', t('nav.history'), editor],
    ['/curator/media', t('nav.media'), editor],
    ['/curator/playlists', t('nav.playlists'), editor],
    ['/curator/transfer', t('nav.transfer'), editor],
    ['/curator/fleet', t('nav.fleet'), true],
    ['/curator/kiosks', t('nav.kiosks'), user.role === 'admin'],
    ['/curator/devices', t('nav.devices'), user.role === 'admin'],
    ['/curator/users', t('nav.users'), user.role === 'admin'],
    ['/curator/audit', t('nav.audit'), user.role === 'admin'],
    // Pages outside the console that the same account may use.
    ['/reports', t('nav.reports'), editor],
    ['/staff/check-in', t('nav.frontOfHouse'), user.role !== 'curator'],
  ];

  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t('console.skip')}
      </a>
      <header className="console-header">
        <p className="console-brand">{t('console.title')}</p>
        <nav aria-label={t('nav.label')} className="console-nav">
          <ul>
            {links
              .filter(([, , shown]) => shown)
              .map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to} end={to === '/curator'}>
                    {label}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
        <div className="console-user">
          <span>
            {t('console.signedInAs', { name: user.displayName })} · {t(`roles.${user.role}`)}
          </span>
          <button type="button" onClick={() => void signOut()}>
            {t('console.signOut')}
          </button>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="console-main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
