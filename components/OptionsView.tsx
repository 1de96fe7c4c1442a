import { useState, type FormEvent, type ReactNode } from 'react';
import { t, type LanguageSetting } from '@/lib/i18n';
import type { AddedType, Correction, CorrectionKind, Corrections } from '@/lib/store/user-dictionary';
import { Brand } from './Brand';
import { SettingSwitch } from './SettingSwitch';
import { CorrectionsManager } from './CorrectionsManager';

export interface OptionsViewProps {
  /** Match patterns the extension runs on by default. */
  defaultSites: readonly string[];
  /** Hosts of the sites the user enabled; null while loading. */
  userSites: readonly string[] | null;
  /**
   * Enables one site from what the user typed (a URL or host name). Resolves with an error
   * message to show (in the UI's language), or null on success.
   */
  onAddSite(input: string): Promise<string | null>;
  /** Disables one enabled site by its host; resolves like {@link onAddSite}. */
  onRemoveSite(host: string): Promise<string | null>;
  /** 整页标注: whether whole pages are annotated, not only their articles; null while loading. */
  fullPage?: boolean | null;
  onToggleFullPage?(): void;
  /** 开发者信息; null while loading. */
  developer?: boolean | null;
  onToggleDeveloper?(): void;
  /** The reader's language choice; null while loading. */
  language?: LanguageSetting | null;
  /** The reader picked another language (the page reloads in it once stored). */
  onLanguageChange?(language: LanguageSetting): void;
  /** 纠错记录: the reader's corrections (the user dictionary's lists); null or left out while loading. */
  corrections?: Corrections | null;
  /** Takes back one correction; resolves with an error message to show, or null. */
  onUndoCorrection?(kind: CorrectionKind, text: string): Promise<string | null>;
  /** Gives an added entity another type; resolves like {@link onUndoCorrection}. */
  onChangeCorrectionType?(text: string, type: AddedType): Promise<string | null>;
  /** Makes an undone correction again; resolves like {@link onUndoCorrection}. */
  onRestoreCorrection?(correction: Correction): Promise<string | null>;
  /** The 阅读记录 section (see `HistoryManager`), placed after the scope. */
  history?: ReactNode;
}

const NO_CHANGE = async () => null;

const LANGUAGES = [
  ['auto', 'languageAuto'],
  ['zh', 'languageZh'],
  ['en', 'languageEn'],
] as const;

/** The options page: which sites the extension reads, the reader's corrections, and the UI's language. */
export function OptionsView({
  defaultSites,
  userSites,
  onAddSite,
  onRemoveSite,
  fullPage = null,
  onToggleFullPage = () => {},
  developer = null,
  onToggleDeveloper = () => {},
  language = null,
  onLanguageChange = () => {},
  corrections = null,
  onUndoCorrection = NO_CHANGE,
  onChangeCorrectionType = NO_CHANGE,
  onRestoreCorrection,
  history,
}: OptionsViewProps) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const error = await onAddSite(input);
    setBusy(false);
    if (error) setMessage({ kind: 'error', text: error });
    else {
      setMessage({ kind: 'ok', text: t('optionsEnabled', input.trim()) });
      setInput('');
    }
  }

  async function remove(pattern: string) {
    const error = await onRemoveSite(pattern);
    setMessage(error ? { kind: 'error', text: error } : { kind: 'ok', text: t('optionsDisabled', pattern) });
  }

  const hosts = [...new Set(defaultSites.map((p) => p.replace(/^[a-z*]+:\/\/(\*\.)?/, '').replace(/\/\*$/, '')))];

  return (
    <main className="options">
      <Brand subtitle={t('optionsSubtitle')} />
      <section className="section row">
        <label htmlFor="language-select">{t('optionsLanguage')}</label>
        <select
          id="language-select"
          value={language ?? 'auto'}
          disabled={language === null}
          onChange={(e) => onLanguageChange(e.target.value as LanguageSetting)}
        >
          {LANGUAGES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </section>
      <section className="section" aria-labelledby="opt-scope">
        <h2 id="opt-scope">{t('optionsScopeHeading')}</h2>
        <SettingSwitch value={fullPage} onChange={onToggleFullPage}>
          {t('optionsFullPage')}
        </SettingSwitch>
        <p className="small muted">{t('optionsFullPageHelp')}</p>
        <SettingSwitch value={developer} onChange={onToggleDeveloper}>
          {t('optionsDeveloper')}
        </SettingSwitch>
      </section>
      {history}
      <section className="section" aria-labelledby="opt-user">
        <h2 id="opt-user">{t('optionsUserSitesHeading')}</h2>
        <form className="row" onSubmit={submit}>
          <label htmlFor="site-input" className="small">
            {t('optionsSiteInput')}
          </label>
          <input
            id="site-input"
            type="text"
            value={input}
            placeholder={t('optionsSitePlaceholder')}
            onChange={(e) => setInput(e.target.value)}
            size={32}
          />
          <button type="submit" className="primary" disabled={busy || !input.trim()}>
            {t('optionsEnable')}
          </button>
        </form>
        {message && (
          <p className={message.kind === 'error' ? 'error' : 'small'} role="status">
            {message.text}
          </p>
        )}
        {userSites === null ? (
          <p className="muted">{t('optionsLoading')}</p>
        ) : userSites.length === 0 ? (
          <p className="empty">{t('optionsNoUserSites')}</p>
        ) : (
          <ul className="list">
            {userSites.map((p) => (
              <li key={p} className="row">
                <code>{p}</code>
                <button type="button" onClick={() => void remove(p)}>
                  {t('optionsDisable')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby="opt-default">
        <h2 id="opt-default">{t('optionsDefaultSitesHeading', hosts.length)}</h2>
        <ul className="list small">
          {hosts.map((h) => (
            <li key={h}>
              <code>{h}</code> {t('optionsSubdomains')}
            </li>
          ))}
        </ul>
      </section>
      <section className="section" aria-labelledby="opt-corrections">
        <h2 id="opt-corrections">{t('optionsCorrectionsHeading')}</h2>
        <CorrectionsManager corrections={corrections} onUndo={onUndoCorrection} onChangeType={onChangeCorrectionType} onRestore={onRestoreCorrection} />
      </section>
      <section className="section" aria-labelledby="opt-keys">
        <h2 id="opt-keys">{t('optionsShortcutsHeading')}</h2>
        <p className="small">
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd> {t('optionsShortcutSidePanel')}
        </p>
      </section>
    </main>
  );
}
