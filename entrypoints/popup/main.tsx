import '@/components/theme.css';
import './style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { PageState } from '@/components/PageStatus';
import { PopupView } from '@/components/PopupView';
import { queryActivePage, queryAnnotations, revealAnnotation, tabIdFromLocation } from '@/lib/messaging/active-page';
import type { WireSpan } from '@/lib/messaging/protocol';
import { readSettings, setSiteDisabled, setTypeHidden } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);

/** Firefox's sidebar API, absent from the Chromium-based types. */
type FirefoxSidebar = { sidebarAction: { open(): Promise<void> } };

function Popup() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [entities, setEntities] = useState<WireSpan[] | null>(null);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set());
  const [site, setSite] = useState<{ host: string; off: boolean } | null>(null);
  const tabId = tabIdFromLocation(location.search);

  useEffect(() => {
    let alive = true;
    let retries = 20;
    const refresh = async () => {
      const next = await queryActivePage(browser.tabs, tabId);
      const listed = await queryAnnotations(browser.tabs, tabId);
      const settings = await readSettings(storage);
      if (!alive) return;
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
  }, []);

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
