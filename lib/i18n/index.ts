/**
 * The UI's language and its strings. `t(key, ...values)` gives the message in the current
 * language, `$1`…`$9` replaced by the values. The language follows the reader's setting
 * (options: 跟随浏览器 / 中文 / English); `auto` follows the browser: Chinese for any `zh*`
 * language, English for every other. Pure: runs in Node, the extension's pages and the content
 * script alike.
 */
import { CATALOG, type MessageKey } from './catalog';

export type { MessageKey } from './catalog';

/** A language of the UI. */
export type Language = 'zh' | 'en';
/** The reader's choice: a language, or the browser's. */
export type LanguageSetting = 'auto' | Language;

let current: Language = 'zh';

/** The language `setting` means when the browser's UI language is `browserLanguage` (BCP 47). */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return /^zh\b/i.test(browserLanguage) ? 'zh' : 'en';
}

/** Sets the language of every later `t()` call in this context. */
export function setLanguage(language: Language): void {
  current = language;
}

/** The language `t()` uses now. */
export function language(): Language {
  return current;
}

/** The BCP 47 tag of the current language, for `lang` attributes and `toLocaleString`. */
export function languageTag(): string {
  return current === 'zh' ? 'zh-CN' : 'en';
}

/**
 * The message `key` in the current language with `$1`…`$9` replaced by `values` (a value
 * missing for a placeholder leaves it empty). Never throws: an unknown key (only possible from
 * untyped callers) gives the key itself.
 */
export function t(key: MessageKey, ...values: Array<string | number>): string {
  const message = (CATALOG as Record<string, { zh_CN: string; en: string }>)[key];
  if (!message) return key;
  const text = current === 'zh' ? message.zh_CN : message.en;
  return values.length || text.includes('$') ? text.replace(/\$([1-9])/g, (_m, n: string) => String(values[Number(n) - 1] ?? '')) : text;
}

/**
 * The browser's `_locales/<lang>/messages.json` for one language, from the catalog (chrome.i18n
 * placeholders are `$1`…`$9` in the same way). Used by the build.
 */
export function browserMessages(lang: 'zh_CN' | 'en'): Record<string, { message: string; description?: string }> {
  const out: Record<string, { message: string; description?: string }> = {};
  for (const [key, m] of Object.entries(CATALOG as Record<string, { zh_CN: string; en: string; description?: string }>)) {
    out[key] = { message: m[lang], ...(m.description ? { description: m.description } : {}) };
  }
  return out;
}
