/** What the kiosk shell offers the components inside the app (controls, read-aloud). */
import { createContext, useContext } from 'react';
import type { KioskConfig } from './kioskConfig.ts';

export type KioskPhase = 'attract' | 'active' | 'prompt';

export interface KioskContextValue {
  config: KioskConfig;
  phase: KioskPhase;
  /** Ends the visit now: the same reset as after idle. */
  endVisit(): void;
}

export const KioskContext = createContext<KioskContextValue | null>(null);

export function useKiosk(): KioskContextValue {
  const value = useContext(KioskContext);
  if (!value) throw new Error('useKiosk() outside the kiosk shell');
  return value;
}
