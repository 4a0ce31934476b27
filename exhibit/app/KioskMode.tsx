/**
 * Kiosk mode (`?mode=kiosk`), read once at start. Later issues hang the kiosk lifecycle (attract
 * screen, idle reset) on this; for now it only stops the language from being remembered and adds
 * the `kiosk` class on <html> for kiosk-specific styles.
 */
import { createContext, type ReactNode, useContext } from 'react';

const KioskModeContext = createContext(false);

export function readKioskMode(search: string): boolean {
  return new URLSearchParams(search).get('mode') === 'kiosk';
}

export function KioskModeProvider({ kiosk, children }: { kiosk: boolean; children: ReactNode }) {
  return <KioskModeContext.Provider value={kiosk}>{children}</KioskModeContext.Provider>;
}

export function useKioskMode(): boolean {
  return useContext(KioskModeContext);
}
