/**
 * Extension pages (popup, side panel, options) start in the reader's language: the language
 * setting is read before the first render, the document's `lang` set, and the page reloads if
 * the setting changes while it is open (the options page's switch).
 */
import { browser } from 'wxt/browser';
import { languageTag, type Language } from '@/lib/i18n';
import { followLanguage } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

/** Applies the language, then calls `render`. Never rejects: unreadable settings mean `auto`. */
export async function renderLocalized(render: () => void): Promise<void> {
  let first: Language | undefined;
  await followLanguage(storageAreaStore(browser.storage.local), browser.storage.onChanged, navigator.language, (language) => {
    if (first === undefined) first = language;
    else if (language !== first) location.reload();
  });
  document.documentElement.lang = languageTag();
  render();
}
