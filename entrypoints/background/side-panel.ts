import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { createHandler, toRuntimeListener } from '@/lib/messaging';
import { PENDING_ARTICLE_KEY, PENDING_PROFILE_KEY, sidePanelOpenProtocol } from '@/lib/messaging/protocol';
import { onLanguage } from './language';
import { retitleMenu } from './menus';

/** Firefox's sidebar API, absent from the Chromium-based types. */
type FirefoxSidebar = { sidebarAction: { open(): Promise<void> } };

const MENU_ID = 'open-side-panel';

/**
 * The side panel opens from the context menu and the `open-side-panel` command (both count as
 * user gestures, which `sidePanel.open` requires). Firefox shows the same page as a sidebar.
 * The menu item's title follows the reader's language.
 */
export function setupSidePanel(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('backgroundMenuSidePanel'),
      contexts: ['page', 'selection'],
    });
  });
  // The item is kept across restarts of the worker: its title is updated, not created again.
  onLanguage(() => void retitleMenu(MENU_ID, t('backgroundMenuSidePanel')));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) void openSidePanel(tab?.id, tab?.windowId);
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-side-panel') void openSidePanel(tab?.id, tab?.windowId);
  });

  setupOpenArticle();
}

/**
 * `sidepanel/open-article` from a page's hover card: opens the side panel for the sender's tab
 * and leaves the article in session storage, where the panel (open already, or opening) finds
 * it and shows it in its reader. Where the browser does not let the panel open (Firefox does not
 * count a page's click as a user action), the article waits for the reader to open it.
 */
function setupOpenArticle(): void {
  const handler = createHandler('background', sidePanelOpenProtocol, {
    'sidepanel/open-article': (request, sender) => openWithPending(sender, PENDING_ARTICLE_KEY, request),
    'sidepanel/open-profile': (request, sender) => openWithPending(sender, PENDING_PROFILE_KEY, request),
  });
  browser.runtime.onMessage.addListener(toRuntimeListener(handler));
}

/**
 * Opens the side panel for the sender's tab and leaves `request` for it in session storage under
 * `key`, with the tab and the time; resolves whether the browser opened the panel.
 * @throws Error when the sender is no tab.
 */
function openWithPending(sender: unknown, key: string, request: object): Promise<{ opened: boolean }> {
  const tab = (sender as { tab?: { id?: number } } | undefined)?.tab;
  if (tab?.id === undefined) throw new Error(t('backgroundOpenArticleNoTab'));
  // First, synchronously: any await before `sidePanel.open` ends the click's user gesture.
  const opened = openNow(tab.id);
  const pending = { ...request, tabId: tab.id, at: Date.now() };
  const area = browser.storage.session ?? browser.storage.local;
  return Promise.all([opened, area.set({ [key]: pending })]).then(([ok]) => ({ opened: ok }));
}

/** Opens the panel for a tab now, while a user gesture is alive; resolves whether it opened. */
function openNow(tabId: number): Promise<boolean> {
  try {
    const opening = import.meta.env.FIREFOX
      ? (browser as unknown as FirefoxSidebar).sidebarAction.open()
      : browser.sidePanel.open({ tabId });
    return Promise.resolve(opening).then(
      () => true,
      (error: unknown) => {
        console.warn('[side panel] cannot open for an article', error);
        return false;
      },
    );
  } catch (error) {
    console.warn('[side panel] cannot open for an article', error);
    return Promise.resolve(false);
  }
}

async function openSidePanel(tabId: number | undefined, windowId: number | undefined): Promise<void> {
  try {
    if (import.meta.env.FIREFOX) {
      await (browser as unknown as FirefoxSidebar).sidebarAction.open();
    } else if (tabId !== undefined) {
      await browser.sidePanel.open({ tabId });
    } else if (windowId !== undefined) {
      await browser.sidePanel.open({ windowId });
    }
  } catch (error) {
    console.error('[side panel] cannot open', error);
  }
}
