import '@/components/theme.css';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { renderLocalized } from '@/components/localized';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import { DEFAULT_SITE_PATTERNS, grantedPatternsOf, sitePatternsFor, userSiteHosts } from '@/lib/sites';
import { t, type LanguageSetting } from '@/lib/i18n';
import { readSettings, setFullPage, setLanguageSetting } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);

function Options() {
  const [userSites, setUserSites] = useState<string[] | null>(null);
  const [fullPage, setFullPageState] = useState<boolean | null>(null);
  const [language, setLanguageState] = useState<LanguageSetting | null>(null);

  const reload = useCallback(async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setUserSites(userSiteHosts(origins));
    const settings = await readSettings(storage);
    setFullPageState(settings.fullPage);
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
      language={language}
      onLanguageChange={(next) => {
        // Stored, then the page reloads in the new language (renderLocalized watches the setting).
        setLanguageState(next);
        void setLanguageSetting(storage, next)
          .catch(() => readSettings(storage))
          .then((s) => setLanguageState(s.language));
      }}
      onToggleFullPage={() => {
        setFullPageState(!fullPage);
        void setFullPage(storage, !fullPage)
          .catch(() => readSettings(storage))
          .then((s) => setFullPageState(s.fullPage));
      }}
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
