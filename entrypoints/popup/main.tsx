import '@/components/theme.css';
import './style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { PageState } from '@/components/PageStatus';
import { PopupView } from '@/components/PopupView';
import { queryActivePage, tabIdFromLocation } from '@/lib/messaging/active-page';

/** Firefox's sidebar API, absent from the Chromium-based types. */
type FirefoxSidebar = { sidebarAction: { open(): Promise<void> } };

function Popup() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const next = await queryActivePage(browser.tabs, tabIdFromLocation(location.search));
      if (!alive) return;
      setPage(next);
      // The content script may still be segmenting; ask again shortly.
      if (next.state === 'pending') setTimeout(() => void refresh(), 300);
    };
    void refresh();
    return () => {
      alive = false;
    };
  }, []);

  return (
    <PopupView
      page={page}
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
