import '@/components/theme.css';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { renderLocalized } from '@/components/localized';
import { browser } from 'wxt/browser';
import { OptionsView } from '@/components/OptionsView';
import { DEFAULT_SITE_PATTERNS, grantedPatternsOf, sitePatternsFor, userSiteHosts } from '@/lib/sites';
import { readSettings, setFullPage } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);

function Options() {
  const [userSites, setUserSites] = useState<string[] | null>(null);
  const [fullPage, setFullPageState] = useState<boolean | null>(null);

  const reload = useCallback(async () => {
    const { origins = [] } = await browser.permissions.getAll();
    setUserSites(userSiteHosts(origins));
    setFullPageState((await readSettings(storage)).fullPage);
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
        if (!patterns) return '无法识别这个网址，请输入如 www.example.com.cn 的域名或以 http(s):// 开头的网址。';
        try {
          // Must run in the click's user gesture: no await before this call.
          const granted = await browser.permissions.request({ origins: patterns });
          await reload();
          return granted ? null : '未获得该网站的访问权限。';
        } catch (error) {
          return `启用失败：${error instanceof Error ? error.message : String(error)}`;
        }
      }}
      fullPage={fullPage}
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
          return `停用失败：${error instanceof Error ? error.message : String(error)}`;
        }
      }}
    />
  );
}

void renderLocalized(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Options />
    </StrictMode>,
  ),
);
