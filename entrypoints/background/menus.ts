import { browser } from 'wxt/browser';

/**
 * Gives a context menu item a new title (the reader's language changed, or the worker started
 * again: items are kept across restarts, created only on install and update). An item not
 * created yet is left alone: it gets its title when it is created. Never rejects.
 */
export async function retitleMenu(id: string, title: string): Promise<void> {
  try {
    await browser.contextMenus.update(id, { title });
  } catch {
    // Not created yet (onInstalled comes later and creates it with this title).
  }
}
