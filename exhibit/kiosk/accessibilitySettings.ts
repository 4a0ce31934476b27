/**
 * The visitor's accessibility choices on a kiosk: read aloud, large text, high contrast, and reach
 * mode (controls in the lower part of the screen for wheelchair users). They belong to one
 * visitor: `resetSettings()` runs at every visitor reset. Applied as classes on <html> so every
 * feature's styles can follow them.
 */
import { useSyncExternalStore } from 'react';

export interface AccessibilitySettings {
  readAloud: boolean;
  largeText: boolean;
  highContrast: boolean;
  reach: boolean;
}

export const NO_SETTINGS: AccessibilitySettings = { readAloud: false, largeText: false, highContrast: false, reach: false };

/** The <html> class for each setting (read aloud needs none). */
export const SETTING_CLASSES: Record<Exclude<keyof AccessibilitySettings, 'readAloud'>, string> = {
  largeText: 'a11y-large-text',
  highContrast: 'a11y-high-contrast',
  reach: 'kiosk-reach',
};

let settings: AccessibilitySettings = NO_SETTINGS;
const listeners = new Set<() => void>();

function apply() {
  const html = globalThis.document?.documentElement;
  if (html) for (const [key, cls] of Object.entries(SETTING_CLASSES)) html.classList.toggle(cls, settings[key as keyof typeof SETTING_CLASSES]);
  for (const fn of [...listeners]) fn();
}

export function getSettings(): AccessibilitySettings {
  return settings;
}

export function setSetting(key: keyof AccessibilitySettings, value: boolean) {
  if (settings[key] === value) return;
  settings = { ...settings, [key]: value };
  apply();
}

export function resetSettings() {
  if (settings === NO_SETTINGS) return;
  settings = NO_SETTINGS;
  apply();
}

export function subscribeSettings(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useAccessibilitySettings(): AccessibilitySettings {
  return useSyncExternalStore(subscribeSettings, getSettings, getSettings);
}
