import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
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
