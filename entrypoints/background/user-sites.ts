import { browser } from 'wxt/browser';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';

const SCRIPT_ID = 'user-sites';
const CONTENT_SCRIPT = 'content-scripts/content.js';
/** The highlight colors, which the manifest's content script gets as `css`. */
const CONTENT_STYLES = 'content-scripts/content.css';

/**
 * Sites the user granted from the options page (optional host permissions) get the same
 * content script as the default news sites. The registration follows the granted origins:
 * re-synced at start and whenever a permission is added or removed.
 */
export function setupUserSites(): void {
  void syncUserSites();
  browser.permissions.onAdded.addListener(() => void syncUserSites());
  browser.permissions.onRemoved.addListener(() => void syncUserSites());
}

async function syncUserSites(): Promise<void> {
  if (!browser.scripting?.registerContentScripts) return;
  try {
    const { origins = [] } = await browser.permissions.getAll();
    const defaults = new Set(DEFAULT_SITE_PATTERNS);
    const matches = origins.filter((o) => !defaults.has(o));
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    if (!matches.length) return;
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
