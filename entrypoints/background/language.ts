import { browser } from 'wxt/browser';
import { followLanguage } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const listeners: Array<() => void> = [];

/**
 * The background's language: read at start and whenever the setting changes; `onLanguage`
 * callbacks (the context menu's titles) run after each change.
 */
export function setupLanguage(): void {
  void followLanguage(storageAreaStore(browser.storage.local), browser.storage.onChanged, navigator.language, () => listeners.forEach((f) => f()));
}

/** Calls `f` after every change of language (and after the first read). */
export function onLanguage(f: () => void): void {
  listeners.push(f);
}
