/**
 * Every user-facing string of the extension, in Chinese and English: the `locales/*.json` files,
 * one per part of the UI, each key with `zh_CN`, `en` and an optional `description` for
 * translators. The build writes them out as the browser's `_locales/<lang>/messages.json` too
 * (manifest strings: `__MSG_extName__`). A unit test checks every key has both languages and
 * every placeholder (`$1`…`$9`) appears in both.
 */
import background from '../../locales/background.json';
import card from '../../locales/card.json';
import common from '../../locales/common.json';
import options from '../../locales/options.json';
import popup from '../../locales/popup.json';
import sidepanel from '../../locales/sidepanel.json';
import store from '../../locales/store.json';

/** One message in both languages. */
export interface Message {
  zh_CN: string;
  en: string;
  description?: string;
}

/** All messages by key; the parts' key sets are disjoint (the test checks). */
export const CATALOG = {
  ...common,
  ...popup,
  ...sidepanel,
  ...options,
  ...card,
  ...background,
  ...store,
} satisfies Record<string, Message>;

/** The parts, by file name, for the test that keys are not defined twice. */
export const PARTS: Record<string, Record<string, Message>> = { common, popup, sidepanel, options, card, background, store };

export type MessageKey = keyof typeof CATALOG;
