/**
 * The reader's display settings in extension storage: which types of highlight are hidden, the
 * sites switched off, and whether whole pages are annotated or only their articles.
 * zod-checked on read and write, like the user dictionary.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { SPAN_TYPE_NAMES } from '../messaging/protocol';
import { resolveLanguage, setLanguage, type Language, type LanguageSetting } from '../i18n';
import { IN_LANGUAGE } from '../i18n/zod';
import { serialized, type KeyValueStore } from './user-dictionary';

export const SETTINGS_KEY = 'settings.v1';

export const settingsSchema = lazy(() => z.object({
  version: z.literal(1),
  hiddenTypes: z.array(z.enum(SPAN_TYPE_NAMES)).check(z.maxLength(SPAN_TYPE_NAMES.length)),
  /** Host names where the reader switched annotation off. */
  disabledSites: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(10_000)), []),
  /** 整页标注: annotate the whole page, menus and footers too, not only the article. */
  fullPage: z._default(z.boolean(), false),
  /** The UI's language: the browser's (`auto`), Chinese or English. */
  language: z._default(z.enum(['auto', 'zh', 'en']), 'auto'),
  /** 开发者信息: the popup and side panel show the segmenter's details (time, sample tokens). */
  developer: z._default(z.boolean(), false),
  /** 阅读记录: articles read on annotated sites are kept in the local 已读 collection (opt-in). */
  history: z._default(z.boolean(), false),
}));
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { version: 1, hiddenTypes: [], disabledSites: [], fullPage: false, language: 'auto', developer: false, history: false };

/** Reads the settings; missing or malformed values read as the defaults (and are left alone). */
export async function readSettings(store: KeyValueStore): Promise<Settings> {
  const raw = (await store.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

/**
 * Reads the settings, applies `change` and writes them back, one change after another
 * (`serialized`); resolves with the new settings. Rejects if storage does or the result is not
 * valid, leaving the stored value as it was.
 */
function updateSettings(store: KeyValueStore, change: (settings: Settings) => Partial<Settings>): Promise<Settings> {
  return serialized(async () => {
    const settings = await readSettings(store);
    const next = settingsSchema.parse({ ...settings, ...change(settings) }, IN_LANGUAGE);
    await store.set({ [SETTINGS_KEY]: next });
    return next;
  });
}

/**
 * Shows or hides one type of highlight and writes the settings back; resolves with the new
 * settings. Rejects if storage does, leaving the stored value as it was.
 */
export function setTypeHidden(store: KeyValueStore, type: Settings['hiddenTypes'][number], hidden: boolean): Promise<Settings> {
  return updateSettings(store, (settings) => {
    const rest = settings.hiddenTypes.filter((t) => t !== type);
    return { hiddenTypes: hidden ? [...rest, type] : rest };
  });
}

/**
 * Switches annotation off or on for one host name and writes the settings back; resolves with
 * the new settings. Rejects if storage does, leaving the stored value as it was.
 */
export function setSiteDisabled(store: KeyValueStore, host: string, disabled: boolean): Promise<Settings> {
  return updateSettings(store, (settings) => {
    const rest = settings.disabledSites.filter((h) => h !== host);
    return { disabledSites: disabled ? [...rest, host] : rest };
  });
}

/**
 * Switches 整页标注 (the whole page, not only the article) on or off and writes the settings
 * back; resolves with the new settings. Rejects if storage does, leaving the stored value as it was.
 */
export function setFullPage(store: KeyValueStore, fullPage: boolean): Promise<Settings> {
  return updateSettings(store, () => ({ fullPage }));
}

/**
 * Sets the UI's language from the settings (`auto`: the browser's, `browserLanguage`) and
 * resolves with it. Settings that cannot be read count as `auto`; never rejects.
 */
export async function applyLanguage(store: KeyValueStore, browserLanguage: string): Promise<Language> {
  const settings = await readSettings(store).catch(() => DEFAULT_SETTINGS);
  const language = resolveLanguage(settings.language, browserLanguage);
  setLanguage(language);
  return language;
}

/**
 * Follows the reader's language: applies it now and again whenever the settings change in
 * `changes` (the browser's `storage.onChanged`), calling `onApplied` with the language each
 * time, the first included. Resolves with the first language; never rejects.
 */
export async function followLanguage(
  store: KeyValueStore,
  changes: { addListener(listener: (changed: Record<string, unknown>, area: string) => void): void },
  browserLanguage: string,
  onApplied: (language: Language) => void = () => {},
): Promise<Language> {
  const apply = async () => {
    const language = await applyLanguage(store, browserLanguage);
    onApplied(language);
    return language;
  };
  changes.addListener((changed, area) => {
    if (area === 'local' && SETTINGS_KEY in changed) void apply();
  });
  return apply();
}

/**
 * Sets the reader's language choice and writes the settings back; resolves with the new
 * settings. Rejects if storage does, leaving the stored value as it was.
 */
export function setLanguageSetting(store: KeyValueStore, language: LanguageSetting): Promise<Settings> {
  return updateSettings(store, () => ({ language }));
}

/**
 * Shows or hides the segmenter's details (开发者信息) and writes the settings back; resolves with
 * the new settings. Rejects if storage does, leaving the stored value as it was.
 */
export function setDeveloper(store: KeyValueStore, developer: boolean): Promise<Settings> {
  return updateSettings(store, () => ({ developer }));
}

/**
 * Switches the reading history (阅读记录) on or off and writes the settings back; resolves with
 * the new settings. Turning it off keeps what was recorded (the reader removes it in the
 * options). Rejects if storage does, leaving the stored value as it was.
 */
export function setHistory(store: KeyValueStore, history: boolean): Promise<Settings> {
  return updateSettings(store, () => ({ history }));
}
