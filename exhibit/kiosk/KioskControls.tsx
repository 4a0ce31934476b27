import { useCallback, useId, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AccessibilityMenu } from './AccessibilityMenu.tsx';
import { setSetting, useAccessibilitySettings } from './accessibilitySettings.ts';
import { useKiosk } from './kioskContext.ts';
import { useKioskT } from './strings.ts';
import { useReadAloud } from './useReadAloud.ts';

/**
 * The kiosk's always-present controls, fixed at the bottom of the screen: Back, Home (the kiosk's
 * start exhibit), reach mode (the header's navigation and languages move down too), the
 * accessibility options, and ending the visit.
 */
export default function KioskControls() {
  const { t, language } = useKioskT();
  const { config, endVisit } = useKiosk();
  const navigate = useNavigate();
  const location = useLocation();
  const settings = useAccessibilitySettings();
  const reader = useReadAloud(settings.readAloud, language);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  // react-router numbers the entries of this visit's history from 0: Back never leaves the visit.
  const canGoBack = ((window.history.state as { idx?: number } | null)?.idx ?? 0) > 0;
  const home = config.startExhibit.path;
  const atHome =
    location.pathname === home &&
    !location.search
      .replace(/^\?/, '')
      .split('&')
      .some((p) => p && !/^(mode|kiosk)=/.test(p));

  return (
    <nav className="kiosk-controls" aria-label={t('controls.label')} data-testid="kiosk-controls">
      {menuOpen && <AccessibilityMenu id={menuId} settings={settings} reader={reader} onClose={closeMenu} t={t} />}
      <div className="kiosk-controls-bar">
        <button type="button" className="kiosk-control" onClick={() => navigate(-1)} disabled={!canGoBack}>
          <span aria-hidden="true" className="kiosk-control-icon">
            ←
          </span>
          {t('controls.back')}
        </button>
        <button type="button" className="kiosk-control" onClick={() => navigate(home)} aria-current={atHome ? 'page' : undefined}>
          <span aria-hidden="true" className="kiosk-control-icon">
            ⌂
          </span>
          {t('controls.home')}
        </button>
        <button type="button" className="kiosk-control" aria-pressed={settings.reach} onClick={() => setSetting('reach', !settings.reach)}>
          <span aria-hidden="true" className="kiosk-control-icon">
            ↧
          </span>
          {t('controls.reach')}
        </button>
        <button
          type="button"
          className="kiosk-control"
          aria-expanded={menuOpen}
          aria-controls={menuOpen ? menuId : undefined}
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true" className="kiosk-control-icon">
            ♿
          </span>
          {t('controls.accessibility')}
        </button>
        <button type="button" className="kiosk-control kiosk-control-end" onClick={endVisit}>
          {t('controls.end')}
        </button>
      </div>
    </nav>
  );
}
