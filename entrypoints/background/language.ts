import { browser } from 'wxt/browser';
import { applyLanguage, SETTINGS_KEY } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const listeners: Array<() => void> = [];

/**
 * The background's language: read at start and whenever the setting changes; `onLanguage`
 * callbacks (the context menu's titles) run after each change.
 */
export function setupLanguage(): void {
  const storage = storageAreaStore(browser.storage.local);
  const apply = () => void applyLanguage(storage, navigator.language).then(() => listeners.forEach((f) => f()));
  apply();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) apply();
  });
}

/** Calls `f` after every change of language (and after the first read). */
export function onLanguage(f: () => void): void {
  listeners.push(f);
}
