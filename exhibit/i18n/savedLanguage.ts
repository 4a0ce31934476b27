/** The visitor's language choice in localStorage (web visitors only; never in kiosk mode). */
const KEY = 'museum.language';

export function readSavedLanguage(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // storage can be disabled (privacy settings); then nothing is remembered
  }
}

export function saveLanguage(language: string): void {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // not fatal: the choice just isn't remembered
  }
}
