import '@/components/theme.css';
import './style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { PageState } from '@/components/PageStatus';
import { PopupView } from '@/components/PopupView';
import { queryActivePage, queryAnnotations, revealAnnotation, tabIdFromLocation } from '@/lib/messaging/active-page';
import { createClient } from '@/lib/messaging';
import { backgroundProtocol, type WireSpan } from '@/lib/messaging/protocol';
import { sitePatternFor } from '@/lib/sites';
import { readSettings, setSiteDisabled, setTypeHidden } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);
const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));

/** The tab the popup is about: the given one, or the active tab of its window. */
async function currentTab(tabId: number | undefined): Promise<{ id?: number; url?: string } | undefined> {
  try {
    return tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  } catch {
    return undefined;
  }
}

/** Firefox's sidebar API, absent from the Chromium-based types. */
type FirefoxSidebar = { sidebarAction: { open(): Promise<void> } };

function Popup() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [entities, setEntities] = useState<WireSpan[] | null>(null);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set());
  const [site, setSite] = useState<{ host: string; off: boolean } | null>(null);
  const [offer, setOffer] = useState<{ host: string | null; error?: string | null } | null>(null);
  const [reload, setReload] = useState(0);
  const tabId = tabIdFromLocation(location.search);

  useEffect(() => {
    let alive = true;
    let retries = 20;
    const refresh = async () => {
      const next = await queryActivePage(browser.tabs, tabId);
      const listed = await queryAnnotations(browser.tabs, tabId);
      const settings = await readSettings(storage);
      const tab = await currentTab(tabId);
      if (!alive) return;
      // An ordinary web page without the content script: offer to annotate it.
      const web = !tab?.url || /^https?:/.test(tab.url);
      setOffer(next.state === 'inactive' && !listed && web && tab ? { host: tab.url ? new URL(tab.url).hostname : null } : null);
      const spans = listed?.entities ?? null;
      const host = listed ? new URL(listed.url).hostname : null;
      setHiddenTypes(new Set(settings.hiddenTypes));
      setSite(host ? { host, off: settings.disabledSites.includes(host) } : null);
      setPage(next);
      setEntities(spans);
      // The content script may still be segmenting or recognizing; ask again shortly.
      const unfinished = next.state === 'pending' || (next.state === 'done' && spans?.length === 0);
      if (unfinished && retries-- > 0) setTimeout(() => void refresh(), 400);
    };
    void refresh();
    return () => {
      alive = false;
    };
  }, [reload]);

  const annotateOnce = async () => {
    const id = tabId ?? (await currentTab(undefined))?.id;
    if (id === undefined) return;
    const answer = await background.call('page/annotate-once', { tabId: id });
    // The error names the message kind first (`page/annotate-once: …`); the reader needs the rest.
    if (!answer.ok) setOffer((o) => ({ host: o?.host ?? null, error: answer.error.replace(/^[\w/-]+: /, '') }));
    else setReload((n) => n + 1);
  };

  return (
    <PopupView
      page={page}
      entities={entities}
      onReveal={(span) => void revealAnnotation(browser.tabs, span, tabId)}
      hiddenTypes={hiddenTypes}
      onToggleType={(type) => {
        void (async () => {
          const settings = await setTypeHidden(storage, type as WireSpan['type'], !hiddenTypes.has(type));
          setHiddenTypes(new Set(settings.hiddenTypes));
          // The page repaints on the storage change; then list what it paints now.
          await new Promise((r) => setTimeout(r, 150));
          setEntities((await queryAnnotations(browser.tabs, tabId))?.entities ?? null);
        })();
      }}
      site={site}
      offer={offer}
      onAnnotateOnce={() => void annotateOnce()}
      onEnableSite={(host) => {
        void (async () => {
          const pattern = sitePatternFor(host);
          // Asked within the click: the browser shows its permission prompt.
          const granted = pattern ? await browser.permissions.request({ origins: [pattern] }) : false;
          if (!granted) {
            setOffer({ host, error: '没有获得此网站的权限，未启用。' });
            return;
          }
          // The background registers the content script for the site; this page is read now.
          await annotateOnce();
        })().catch((e: unknown) => setOffer({ host, error: `无法启用：${String(e)}` }));
      }}
      onToggleSite={() => {
        if (!site) return;
        void (async () => {
          const settings = await setSiteDisabled(storage, site.host, !site.off);
          setSite({ host: site.host, off: settings.disabledSites.includes(site.host) });
          await new Promise((r) => setTimeout(r, 300));
          setEntities((await queryAnnotations(browser.tabs, tabId))?.entities ?? null);
        })();
      }}
      onOpenSidePanel={() => {
        void (async () => {
          if (import.meta.env.FIREFOX) await (browser as unknown as FirefoxSidebar).sidebarAction.open();
          else {
            const win = await browser.windows.getCurrent();
            if (win.id !== undefined) await browser.sidePanel.open({ windowId: win.id });
          }
          window.close();
        })().catch((e: unknown) => console.error('[popup] cannot open the side panel', e));
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
