import '@/components/theme.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { PageState } from '@/components/PageStatus';
import { SidePanelView } from '@/components/SidePanelView';
import { summarizeSeed } from '@/lib/corpus/seed-summary';
import { queryActivePage, tabIdFromLocation } from '@/lib/messaging/active-page';

// The seed documents ship inside the extension, read at build time.
const seedFiles = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });
const seeds = Object.entries(seedFiles)
  .map(([path, text]) => summarizeSeed(path, text))
  .sort((a, b) => a.id.localeCompare(b.id));

function SidePanel() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      clearTimeout(timer);
      const next = await queryActivePage(browser.tabs, tabIdFromLocation(location.search));
      if (!alive) return;
      setPage(next);
      if (next.state === 'pending') timer = setTimeout(() => void refresh(), 300);
    };
    const onActivated = () => void refresh();
    const onUpdated = (_id: number, info: { status?: string }) => {
      if (info.status === 'complete') void refresh();
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      alive = false;
      clearTimeout(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  return <SidePanelView page={page} seeds={seeds} />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanel />
  </StrictMode>,
);
