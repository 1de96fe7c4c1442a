import { browser } from 'wxt/browser';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';
import { annotateOnce } from './annotate-once';
import { CONTENT_SCRIPT, CONTENT_STYLES } from './content-files';

const SCRIPT_ID = 'user-sites';

/**
 * Sites the user granted from the options page (optional host permissions) get the same
 * content script as the default news sites. The registration follows the granted origins:
 * re-synced at start and whenever a permission is added or removed.
 */
export function setupUserSites(): void {
  void syncUserSites();
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
