import { browser } from 'wxt/browser';
import { languageTag, t } from '@/lib/i18n';
import { createClient, type Handlers } from '@/lib/messaging';
import { contentProtocol } from '@/lib/messaging/protocol';
import { annotateOnce } from './annotate-once';
import { onLanguage } from './language';
import { retitleMenu } from './menus';
import type { clippingBackgroundProtocol } from '@/lib/messaging/clipping-protocol';
import type { WireSpan } from '@/lib/messaging/span';
import type { Token } from '@/lib/segment';
import { clippingLink, type Clipping } from '@/lib/store/clipping';
import { ClippingsDb, clippingsForPage, putClipping, updateClipping, type StoredClipping } from '@/lib/store/db';
import { clippingsToWrite, importClippings, parseExport } from '@/lib/store/exchange';
import { mergeCorrections, storageAreaStore } from '@/lib/store/user-dictionary';
import { indexText, searchTokens, tokenizeMany } from '@/lib/store/search-tokens';

let database: ClippingsDb | undefined;
/** The clippings database, opened on first use. */
export function clippingsDb(): ClippingsDb {
  return (database ??= new ClippingsDb());
}

export interface ClippingServices {
  /** jieba's search-mode cut (the offscreen segmenter). */
  cutForSearch(text: string): Promise<Token[]>;
  /** The recognizer on a text. */
  recognize(text: string): Promise<WireSpan[]>;
  /** Related corpus articles of a text, best first (the corpus lookup); none without it. */
  related?(text: string): Promise<Array<{ articleId: string; title: string; score: number }>>;
}

/**
 * Saving, editing and importing clippings for content scripts and the popup. A save is written
 * at once, before anything else is asked of the segmenter, so a tab closed right after the click
 * loses nothing; entities and search tokens are added to the row after.
 */
export function clippingHandlers(services: ClippingServices): Handlers<typeof clippingBackgroundProtocol> {
  const db = clippingsDb();

  /**
   * Entities and search tokens of a saved clipping, then its related corpus articles (from its
   * quote and its page's title); failures leave the row as it was (the related articles are
   * written apart, so a corpus failure costs only them).
   */
  async function enrich(id: string): Promise<void> {
    let row: StoredClipping | undefined;
    try {
      row = await db.clippings.get(id);
      if (!row) return;
      const entities = await services.recognize(row.quote);
      const tokens = searchTokens(await services.cutForSearch(indexText({ ...row, entities })));
      await updateClipping(db, id, { entities }, tokens, { touch: false });
    } catch (error) {
      console.warn('[clippings] could not index', id, error);
    }
    if (!row || !services.related) return;
    try {
      const hits = await services.related(`${row.title}\n${row.quote}`);
      const related = hits.slice(0, 20).map(({ articleId, title, score }) => ({ articleId, title: title.slice(0, 500), score }));
      await updateClipping(db, id, { related }, undefined, { touch: false });
    } catch (error) {
      console.warn('[clippings] could not look up related articles', id, error);
    }
  }

  /**
   * After a stop (the browser ends an idle service worker, an update, a crash), the clippings
   * saved but not yet indexed get their entities, search tokens and related articles: a saved
   * row has no search tokens until it is indexed. Run a little after start, one at a time.
   */
  async function resumePending(): Promise<void> {
    try {
      const ids = await db.clippings.filter((r) => r.tokens.length === 0).primaryKeys();
      for (const id of ids) await enrich(String(id));
      if (ids.length) console.info(`[clippings] indexed ${ids.length} clipping(s) saved before a stop`);
    } catch (error) {
      console.warn('[clippings] could not resume indexing', error);
    }
  }
  setTimeout(() => void resumePending(), RESUME_DELAY_MS);
  /** Clippings in the library, as last counted plus the saves since. */
  let stored: number | undefined;

  return {
    async 'clippings/open'({ id }) {
      const row = await db.clippings.get(id);
      if (!row) throw new Error(t('backgroundClippingDeleted'));
      const url = clippingLink(row.url, row.quote) ?? clippingLink(row.canonicalUrl, row.quote);
      if (!url) throw new Error(t('backgroundClippingNotWeb'));
      const tab = await browser.tabs.create({ url });
      if (tab.id === undefined) throw new Error(t('backgroundNoNewTab'));
      await pendingReveals.set(tab.id, id);
      return { tabId: tab.id };
    },
    async 'clippings/pending-reveal'(_request, sender) {
      const tabId = tabOf(sender);
      return { id: tabId === undefined ? null : await pendingReveals.take(tabId) };
    },
    async 'clippings/save'(captured, sender) {
      const now = Date.now();
      // A save sent again after the worker stopped mid-way (same id from the page): stored once.
      if (captured.id) {
        const existing = await db.clippings.get(captured.id);
        if (existing) {
          if (existing.quote !== captured.quote || existing.canonicalUrl !== captured.canonicalUrl) throw new Error(t('backgroundClippingIdConflict'));
          return { id: existing.id };
        }
      }
      limitSaves(tabOf(sender), now);
      // Counted once, then kept by the saves (deletions elsewhere only make it high): the library
      // is counted again only when it looks full.
      stored ??= await db.clippings.count();
      if (stored >= MAX_CLIPPINGS && (stored = await db.clippings.count()) >= MAX_CLIPPINGS) {
        throw new Error(t('backgroundLibraryFull', MAX_CLIPPINGS.toLocaleString(languageTag())));
      }
      const clipping: Clipping = {
        id: captured.id ?? crypto.randomUUID(),
        quote: captured.quote,
        selectors: captured.selectors,
        url: captured.url,
        canonicalUrl: captured.canonicalUrl,
        title: captured.title,
        site: new URL(captured.canonicalUrl).hostname,
        createdAt: now,
        updatedAt: now,
        note: captured.note ?? '',
        tags: captured.tags ?? [],
        color: captured.color ?? 'yellow',
        entities: [],
        related: [],
      };
      // Searchable by its text at once (substring); words and entities follow.
      await putClipping(db, clipping, []);
      stored++;
      void enrich(clipping.id).then(() => updateBadge(tabOf(sender)));
      void updateBadge(tabOf(sender));
      return { id: clipping.id };
    },
    async 'clippings/update'({ id, ...patch }) {
      const row = await db.clippings.get(id);
      if (!row) return { updated: false };
      const next = { ...row, ...patch };
      const tokens = searchTokens(await services.cutForSearch(indexText(next)).catch(() => []));
      return { updated: (await updateClipping(db, id, patch, tokens.length ? tokens : undefined)) !== null };
    },
    async 'clippings/for-page'({ url, canonicalUrl }) {
      const rows = await clippingsForPage(db, url, canonicalUrl);
      return { clippings: rows.map((r) => ({ id: r.id, quote: r.quote, selectors: r.selectors, color: r.color, note: r.note, tags: r.tags })) };
    },
    async 'clippings/import'({ text }) {
      const { clippings, corrections } = parseExport(text);
      // Only what will be written is indexed: importing the same file again costs a read.
      const changed = await clippingsToWrite(db, clippings);
      const tokens = await tokenizeMany(
        changed.map((c) => indexText(c)),
        (t) => services.cutForSearch(t),
      );
      const result = await importClippings(db, changed, tokens);
      // The reader's corrections travel with the export: merged once the clippings are stored,
      // here, in the one writer of the dictionary.
      if (corrections) await mergeCorrections(storageAreaStore(browser.storage.local), corrections);
      return { ...result, unchanged: result.unchanged + clippings.length - changed.length };
    },
  };
}

/** How long after the worker starts the clippings left unindexed by a stop are indexed, ms. */
const RESUME_DELAY_MS = 3_000;

/** The most clippings the library holds; a save beyond it is refused with a message. */
export const MAX_CLIPPINGS = 100_000;
/** Saves one tab may make: at most SAVE_BURST in SAVE_WINDOW_MS (a reader saves a few a minute). */
const SAVE_BURST = 60;
const SAVE_WINDOW_MS = 60_000;
const recentSaves = new Map<number | undefined, number[]>();

/**
 * Refuses a save beyond {@link SAVE_BURST} a minute from one tab: a page cannot make its content
 * script save for it (its synthetic events are ignored), but nothing that slipped through
 * could fill the library either.
 * @throws Error with a message in the UI's language when the tab saved too often.
 */
function limitSaves(tabId: number | undefined, now: number): void {
  const times = (recentSaves.get(tabId) ?? []).filter((t) => now - t < SAVE_WINDOW_MS);
  if (times.length >= SAVE_BURST) {
    recentSaves.set(tabId, times);
    throw new Error(t('backgroundTooManySaves', SAVE_BURST));
  }
  times.push(now);
  recentSaves.set(tabId, times);
}

/** How long an opened tab waits for its page to ask which clipping to show, ms. */
const REVEAL_TTL_MS = 120_000;

/**
 * Tabs opened for a clipping, until their page asks (once). Kept in session storage where the
 * browser has it, so a service worker stopped meanwhile still knows; in memory otherwise.
 */
const pendingReveals = (() => {
  const memory = new Map<number, { id: string; at: number }>();
  const area = (browser.storage as unknown as { session?: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> } }).session;
  const key = (tabId: number) => `reveal.${tabId}`;
  return {
    async set(tabId: number, id: string): Promise<void> {
      const entry = { id, at: Date.now() };
      memory.set(tabId, entry);
      await area?.set({ [key(tabId)]: entry }).catch(() => {});
    },
    async take(tabId: number): Promise<string | null> {
      let entry = memory.get(tabId);
      if (!entry && area) {
        const stored = (await area.get(key(tabId)).catch((): Record<string, unknown> => ({})))[key(tabId)] as { id?: unknown; at?: unknown } | undefined;
        if (typeof stored?.id === 'string' && typeof stored.at === 'number') entry = { id: stored.id, at: stored.at };
      }
      memory.delete(tabId);
      await area?.remove(key(tabId)).catch(() => {});
      return entry && Date.now() - entry.at < REVEAL_TTL_MS ? entry.id : null;
    },
  };
})();

function tabOf(sender: unknown): number | undefined {
  return (sender as { tab?: { id?: number } } | undefined)?.tab?.id;
}

/** The toolbar badge: how many clippings the tab's page has. */
async function updateBadge(tabId: number | undefined): Promise<void> {
  if (tabId === undefined) return;
  try {
    const tab = await browser.tabs.get(tabId);
    if (!tab.url || !/^https?:/.test(tab.url)) return;
    const count = (await clippingsForPage(clippingsDb(), tab.url)).length;
    // MV3 `action`; Firefox's MV2 build has `browserAction`.
    const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    await action.setBadgeText({ tabId, text: count ? String(count) : '' });
    await action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  } catch {
    // The tab is gone, or its address is not ours to read: no badge.
  }
}

/** Keeps the badge in step as tabs load and the reader switches between them. */
export function setupClippingBadge(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete' || change.url) void updateBadge(tabId);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void updateBadge(tabId));
}

const SAVE_MENU_ID = 'save-clipping';

/**
 * “保存摘录” from the context menu on a selection and the `save-clipping` command (Alt+Shift+S):
 * the tab's content script captures the selection and saves it; on a page without it, the
 * content script is injected first (both count as the reader's gesture for `activeTab`).
 * The menu item's title follows the reader's language.
 */
export function setupClippingCommands(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('backgroundMenuSaveClipping'), contexts: ['selection'] });
  });
  // The item is kept across restarts of the worker: its title is updated, not created again.
  onLanguage(() => void retitleMenu(SAVE_MENU_ID, t('backgroundMenuSaveClipping')));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_MENU_ID && tab?.id !== undefined) void saveSelection(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'save-clipping' && tab?.id !== undefined) void saveSelection(tab.id);
  });
}

async function saveSelection(tabId: number): Promise<void> {
  const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(tabId, m));
  let answer = await content.call('clippings/save-selection', {});
  if (!answer.ok && answer.transport) {
    try {
      await annotateOnce(tabId);
      answer = await content.call('clippings/save-selection', {});
    } catch (error) {
      console.warn('[clippings] cannot run on this page', error);
      return;
    }
  }
  if (!answer.ok) console.warn('[clippings] not saved:', answer.error);
}
