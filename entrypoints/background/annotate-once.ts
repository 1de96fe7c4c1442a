import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { createClient } from '@/lib/messaging';
import { contentProtocol } from '@/lib/messaging/protocol';
import { CONTENT_SCRIPT, CONTENT_STYLES } from './content-files';

/**
 * Annotates a tab's page now, once: asks its content script if one runs there (a site switched
 * off), else injects the content script and its styles first. On a site outside the host list
 * this works only under the `activeTab` grant of a popup click or the keyboard command.
 * Resolves `{injected}`; rejects with a message in the UI's language if the page cannot be annotated
 * (a browser page, the web store, no grant).
 */
export async function annotateOnce(tabId: number): Promise<{ injected: boolean }> {
  const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(tabId, m));
  const present = await content.call('page/annotate-now', {});
  if (present.ok) return { injected: false };
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_STYLES] });
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // No grant for this page: the popup was not opened from the toolbar button, or the page is
    // one the browser keeps extensions out of.
    const hint = /permission|Cannot access/i.test(detail) ? t('backgroundNoAccess') : t('backgroundPageClosed');
    throw new Error(t('backgroundCannotRunDetail', hint, detail));
  }
  // The script reads the page by itself unless the site is switched off; this covers that case.
  // It starts listening a task after it loads: until then there is no receiver, so ask again.
  let started = await content.call('page/annotate-now', {});
  for (let attempt = 0; !started.ok && started.transport && attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    started = await content.call('page/annotate-now', {});
  }
  if (!started.ok) throw new Error(t('backgroundCannotRun', started.error));
  return { injected: true };
}

/** The `annotate-page` keyboard command: annotate the active tab once. */
export function setupAnnotateCommand(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'annotate-page' || tab?.id === undefined) return;
    annotateOnce(tab.id).catch((error: unknown) => console.warn('[annotate-page]', error));
  });
}
