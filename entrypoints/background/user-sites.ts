import { browser } from 'wxt/browser';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';
import { createClient } from '@/lib/messaging';
import { contentProtocol } from '@/lib/messaging/protocol';
import { annotateOnce } from './annotate-once';
import { CONTENT_SCRIPT, CONTENT_STYLES } from './content-files';

const SCRIPT_ID = 'user-sites';
/** How long after the browser starts loaded pages are checked for a missing content script, ms. */
const STARTUP_WINDOW_MS = 30_000;
/** When open tabs are checked again after the worker starts, ms. */
const STARTUP_RECHECKS_MS = [1_500, 4_000, 10_000, 20_000];

/**
 * Sites the user granted from the options page (optional host permissions) get the same
 * content script as the default news sites. The registration follows the granted origins:
 * re-synced at start and whenever a permission is added or removed.
 */
export function setupUserSites(): void {
  // Each time the worker starts (the browser starting among them), the registration is synced
  // and open tabs on granted sites without the script get it: right after the browser starts,
  // pages can load before the kept registration is in force (seen in Chromium 150, where
  // runtime.onStartup did not always reach the worker either). Pages that finish loading in
  // the first half minute are checked too; then the listener goes, so tab updates do not keep
  // waking the worker.
  void syncUserSites().then(() => injectWhereMissing());
  // And again a few times while the browser starts: an injection can fail while the browser is
  // still restoring its state (seen under load: a page that completed then stayed without
  // its script, though the registration was kept and the site granted).
  for (const delay of STARTUP_RECHECKS_MS) setTimeout(() => void injectWhereMissing(), delay);
  // Listening to the browser's start makes it start the worker then, so the check above runs.
  browser.runtime.onStartup.addListener(() => {});
  const onUpdated = (_tabId: number, change: { status?: string }) => {
    if (change.status === 'complete') void injectWhereMissing();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  setTimeout(() => browser.tabs.onUpdated.removeListener(onUpdated), STARTUP_WINDOW_MS);
  browser.permissions.onAdded.addListener((added) => {
    void syncUserSites();
    // Tabs already open on the new site are annotated now, not at their next load (the popup
    // that asked may have closed when the browser showed its prompt).
    void annotateOpenTabs(added.origins ?? []);
  });
  browser.permissions.onRemoved.addListener(() => void syncUserSites());
}

async function syncUserSites(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  try {
    const { origins = [] } = await browser.permissions.getAll();
    const defaults = new Set(DEFAULT_SITE_PATTERNS);
    const matches = origins.filter((o) => !defaults.has(o));
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (!matches.length) {
      if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
      return;
    }
    // Kept across sessions: at start-up it is usually there already. Changed in place, never
    // removed first, so a page loading meanwhile is not left without its script.
    if (existing.length) {
      const had = [...(existing[0]!.matches ?? [])].sort().join(' ');
      if (had !== [...matches].sort().join(' ')) await browser.scripting.updateContentScripts([{ id: SCRIPT_ID, matches, js: [CONTENT_SCRIPT], css: [CONTENT_STYLES] }]);
      return;
    }
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches,
        js: [CONTENT_SCRIPT],
        css: [CONTENT_STYLES],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } catch (error) {
    console.error('[user sites] cannot register the content script', error);
  }
}

/**
 * Injects the content script into open tabs on user-granted sites that have none running.
 * Unlike {@link annotateOnce} it does not force a run: the script decides as on any load.
 * Never rejects; a tab that cannot be reached is skipped.
 */
async function injectWhereMissing(): Promise<void> {
  try {
    const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    const matches = registered?.matches ?? [];
    if (!matches.length) return;
    const tabs = await browser.tabs.query({ url: matches, status: 'complete' });
    for (const tab of tabs) {
      if (tab.id === undefined) continue;
      const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(tab.id!, m));
      const present = await content.call('annotations/list', {});
      if (present.ok || !present.transport) continue;
      await browser.scripting.insertCSS({ target: { tabId: tab.id }, files: [CONTENT_STYLES] }).catch(() => undefined);
      await browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] })
        .catch((error: unknown) => console.warn('[user sites] cannot run the content script in a tab; checked again later', error));
    }
  } catch (error) {
    console.warn('[user sites] cannot check open tabs', error);
  }
}

async function annotateOpenTabs(origins: string[]): Promise<void> {
  if (!origins.length) return;
  try {
    const tabs = await browser.tabs.query({ url: origins });
    for (const tab of tabs) {
      if (tab.id !== undefined) await annotateOnce(tab.id).catch((e: unknown) => console.warn('[user sites]', e));
    }
  } catch (error) {
    console.warn('[user sites] cannot annotate open tabs', error);
  }
}
