import '@/components/theme.css';
import './style.css';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { renderLocalized } from '@/components/localized';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import { DEFAULT_SITE_PATTERNS, grantedPatternsOf, sitePatternsFor, userSiteHosts } from '@/lib/sites';
import { t, type LanguageSetting } from '@/lib/i18n';
import { readSettings, setDeveloper, setFullPage, setHistory, setLanguageSetting, type Settings } from '@/lib/store/settings';
import { HistoryManager, type HistoryListing } from '@/components/HistoryManager';
import { createClient, failureReason, type Failure } from '@/lib/messaging';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import {
  addName,
  readUserDictionary,
  rejectName,
  removeCorrection,
  storageAreaStore,
  USER_DICTIONARY_KEY,
  type Corrections,
} from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);
const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));

/**
 * A change of the corrections, made by the background (the dictionary's one writer, which also
 * drops its cached copy); made here, through the same functions, only if the background could
 * not be reached at all. Resolves with an error message for the reader, or null.
 */
async function changeCorrections(answer: Promise<{ ok: true } | Failure>, direct: () => Promise<unknown>): Promise<string | null> {
  const result = await answer;
  if (result.ok) return null;
  if (!result.transport) return failureReason(result);
  try {
    await direct();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The reader's corrections as stored, kept live: a correction made in a page shows up at once. */
function useCorrections(): Corrections | null {
  const [corrections, setCorrections] = useState<Corrections | null>(null);
  useEffect(() => {
    let alive = true;
    const read = () =>
      void readUserDictionary(storage).then(
        ({ rejected, added }) => alive && setCorrections({ rejected, added }),
        (error: unknown) => {
          console.error('[options] cannot read the corrections', error);
          if (alive) setCorrections({ rejected: [], added: [] });
        },
      );
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && USER_DICTIONARY_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    read();
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return corrections;
}

/**
 * Changes one setting of the options page: shown at once, written with `write`; if it cannot be
 * written, the stored value is shown again.
 */
function changeSetting<K extends keyof Settings>(key: K, value: Settings[K], show: (value: Settings[K]) => void, write: (store: typeof storage, value: Settings[K]) => Promise<Settings>): void {
  show(value);
  void write(storage, value)
    .catch(() => readSettings(storage))
    .then((s) => show(s[key]));
}

async function listHistory(query: string): Promise<HistoryListing | string> {
  const answer = await background.call('history/list', { query, limit: 200 });
  return answer.ok ? answer.value : answer.error;
}

async function removeHistory(ids?: string[]): Promise<string | null> {
  const answer = await background.call('history/remove', ids ? { ids } : { all: true });
  return answer.ok ? null : answer.error;
}

function Options() {
  const [userSites, setUserSites] = useState<string[] | null>(null);
  const [fullPage, setFullPageState] = useState<boolean | null>(null);
  const [developer, setDeveloperState] = useState<boolean | null>(null);
  const [history, setHistoryState] = useState<boolean | null>(null);
  const [language, setLanguageState] = useState<LanguageSetting | null>(null);
  const corrections = useCorrections();

  const reload = useCallback(async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setUserSites(userSiteHosts(origins));
    const settings = await readSettings(storage);
    setFullPageState(settings.fullPage);
    setDeveloperState(settings.developer);
    setHistoryState(settings.history);
    setLanguageState(settings.language);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <OptionsView
      defaultSites={DEFAULT_SITE_PATTERNS}
      userSites={userSites}
      onAddSite={async (input) => {
        const patterns = sitePatternsFor(input);
        if (!patterns) return t('optionsBadSite');
        try {
          // Must run in the click's user gesture: no await before this call.
          const granted = await browser.permissions.request({ origins: patterns });
          await reload();
          return granted ? null : t('optionsNotGranted');
        } catch (error) {
          return t('optionsEnableFailed', error instanceof Error ? error.message : String(error));
        }
      }}
      fullPage={fullPage}
      developer={developer}
      onToggleDeveloper={() => changeSetting('developer', !developer, setDeveloperState, setDeveloper)}
      language={language}
      // Stored, then the page reloads in the new language (renderLocalized watches the setting).
      onLanguageChange={(next) => changeSetting('language', next, setLanguageState, setLanguageSetting)}
      onToggleFullPage={() => changeSetting('fullPage', !fullPage, setFullPageState, setFullPage)}
      history={
        <HistoryManager
          enabled={history}
          onToggle={() => changeSetting('history', !history, setHistoryState, setHistory)}
          list={listHistory}
          remove={removeHistory}
        />
      }
      corrections={corrections}
      onUndoCorrection={(kind, text) => changeCorrections(background.call('entities/undo', { kind, text }), () => removeCorrection(storage, kind, text))}
      onChangeCorrectionType={(text, type) =>
        changeCorrections(background.call('entities/add', { text, entityType: type }), () => addName(storage, text, type))
      }
      onRestoreCorrection={(c) =>
        c.kind === 'added'
          ? changeCorrections(background.call('entities/add', { text: c.text, entityType: c.type }), () => addName(storage, c.text, c.type))
          : changeCorrections(background.call('entities/reject', { text: c.text, entityType: c.type }), () => rejectName(storage, c.text, c.type))
      }
      onRemoveSite={async (host) => {
        try {
          const { origins = [] } = await browser.permissions.getAll();
          await browser.permissions.remove({ origins: grantedPatternsOf(host, origins) });
          await reload();
          return null;
        } catch (error) {
          return t('optionsDisableFailed', error instanceof Error ? error.message : String(error));
        }
      }}
    />
  );
}

void renderLocalized(() => {
  document.title = t('optionsPageTitle');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Options />
    </StrictMode>,
  );
});
