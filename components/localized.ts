/**
 * Extension pages (popup, side panel, options) start in the reader's language: the language
 * setting is read before the first render, the document's `lang` set, and the page reloads if
 * the setting changes while it is open (the options page's switch).
 */
import { browser } from 'wxt/browser';
import { languageTag } from '@/lib/i18n';
import { applyLanguage, SETTINGS_KEY } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

/** Applies the language, then calls `render`. Never rejects: unreadable settings mean `auto`. */
export async function renderLocalized(render: () => void): Promise<void> {
  const storage = storageAreaStore(browser.storage.local);
  const applied = await applyLanguage(storage, navigator.language);
  document.documentElement.lang = languageTag();
  render();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void applyLanguage(storage, navigator.language).then((now) => {
      if (now !== applied) location.reload();
    });
  });
}
