import '@/components/theme.css';
import './style.css';
import { StrictMode, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ClippingLibrary, type ExportKind, type ImportProgress, type LibraryFilters, type LibraryItem, type LinkedArticle } from '@/components/ClippingLibrary';
import { ClippingsDb, clippingsForPage, deleteClipping, fromStored, matches, restoreClipping, searchClippings, storageErrorMessage, type StoredClipping } from '@/lib/store/db';
import { IMPORT_MESSAGE_CHARS, ImportError, MAX_IMPORT_BYTES, parseExport, splitExport, toCsv, toJson, toJsonLd, toMarkdown } from '@/lib/store/exchange';
import { searchTokens } from '@/lib/store/search-tokens';
import { decodeBytes, type DecodedText } from '@/lib/text/decode';
import { contentProtocol } from '@/lib/messaging/protocol';
import { createRoot } from 'react-dom/client';
import { renderLocalized } from '@/components/localized';
import { t } from '@/lib/i18n';
import { browser } from 'wxt/browser';
import type { PageState } from '@/components/PageStatus';
import { PopupView, type PopupTab } from '@/components/PopupView';
import { queryActivePage, queryAnnotations, revealAnnotation, tabIdFromLocation } from '@/lib/messaging/active-page';
import { createClient, failureReason } from '@/lib/messaging';
import { backgroundProtocol, PENDING_ARTICLE_KEY, PENDING_PROFILE_KEY, type NameSourceInfo, type WireSpan } from '@/lib/messaging/protocol';
import { sitePatternsFor, siteSwitchShown } from '@/lib/sites';
import { readSettings, setFullPage, setSiteDisabled, setTypeHidden } from '@/lib/store/settings';
import { readUserDictionary, storageAreaStore } from '@/lib/store/user-dictionary';

const storage = storageAreaStore(browser.storage.local);
const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));

const db = new ClippingsDb();
/** How many clippings the library lists before the reader scrolls for more. */
const FIRST_PAGE = 100;
/**
 * The library's first page, newest first, asked for as this script runs: IndexedDB opens and
 * answers while React builds the popup, instead of after its first render (the live query
 * below takes over with the same rows). Undefined if the store cannot be read: the live query
 * reports that.
 */
const firstPage: Promise<StoredClipping[] | undefined> = searchClippings(db, {}, FIRST_PAGE).catch(() => undefined);
// Ask the browser to keep the library when space runs short (best effort; the answer is shown nowhere).
void navigator.storage?.persist?.().catch(() => false);

const PERIOD_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 31 * 86_400_000 } as const;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Parts a big file is sent in, in characters (each one message to the background, well under
 * {@link IMPORT_MESSAGE_CHARS}): small enough that the progress moves and 取消 stops soon.
 */
const IMPORT_PART_CHARS = Math.min(IMPORT_MESSAGE_CHARS, 2_000_000);

type ImportCounts = { added: number; updated: number; unchanged: number };
type ImportOutcome =
  | { ok: true; value: ImportCounts; cancelled?: { done: number; left: number } }
  | { ok: false; error: string; partial?: boolean };

/**
 * Imports an export file through the background. A file over {@link IMPORT_PART_CHARS} is
 * checked whole here first (a bad record refuses the file, nothing changes), then sent in parts;
 * `onProgress` hears how far it came, and when `cancelled()` says so it stops before the next
 * part (what was stored stays: `cancelled` says how many, and how many were left). `partial`
 * is set when a part failed after others were stored.
 */
async function importClippingsFile(
  text: string,
  hooks: { onProgress(done: number, total: number): void; cancelled(): boolean },
): Promise<ImportOutcome> {
  if (text.length <= IMPORT_PART_CHARS) {
    const answer = await background.call('clippings/import', { text });
    return answer.ok ? answer : { ok: false, error: failureReason(answer) };
  }
  let clippings;
  let corrections;
  try {
    ({ clippings, corrections } = parseExport(text));
  } catch (error) {
    return { ok: false, error: error instanceof ImportError ? error.message : String(error) };
  }
  // The reader's corrections go with the first part.
  const parts = splitExport(clippings, IMPORT_PART_CHARS, corrections ?? undefined);
  const sum = { added: 0, updated: 0, unchanged: 0 };
  let done = 0;
  for (const part of parts) {
    if (hooks.cancelled()) return { ok: true, value: sum, cancelled: { done, left: clippings.length - done } };
    hooks.onProgress(done, clippings.length);
    const answer = await background.call('clippings/import', { text: part });
    if (!answer.ok) return { ok: false, error: t('popupImportStopped', done, failureReason(answer)), partial: done > 0 };
    sum.added += answer.value.added;
    sum.updated += answer.value.updated;
    sum.unchanged += answer.value.unchanged;
    done += answer.value.added + answer.value.updated + answer.value.unchanged;
  }
  hooks.onProgress(done, clippings.length);
  return { ok: true, value: sum };
}

/** Firefox's sidebar API, absent from the Chromium-based types. */
type FirefoxSidebar = { sidebarAction: { open(): Promise<void> } };

/**
 * Opens a linked article in the side panel's reader, for the tab the popup is about, as a
 * page's hover card does (`sidepanel/open-article`): the panel is opened first, within the
 * reader's click (the browser opens a side panel only then, so nothing is awaited before), and
 * the article is left in session storage under {@link PENDING_ARTICLE_KEY}, where the panel (open
 * already, or opening) finds it. Without a side panel API, the panel opens in a tab.
 */
function openArticleInPanel(article: LinkedArticle, tabId: number | undefined): Promise<void> {
  return openInPanel(tabId, PENDING_ARTICLE_KEY, { articleId: article.articleId, title: article.title });
}

/**
 * Opens the entity profile (实体档案) of a name of the page in the side panel, the way
 * {@link openArticleInPanel} opens an article (under {@link PENDING_PROFILE_KEY}).
 */
function openProfileInPanel(span: WireSpan, places: string[], tabId: number | undefined): Promise<void> {
  return openInPanel(tabId, PENDING_PROFILE_KEY, { name: span.text.slice(0, 200), entityType: span.type as 'PERSON' | 'PLACE' | 'ORG' | 'DOC', places: places.slice(0, 20) });
}

/**
 * Opens the side panel for the popup's tab (else the active one) and leaves `request` for it
 * under `key` with the tab and the time, then closes the popup. Rejects (a message in the UI's
 * language) without a tab, or if the browser refuses.
 */
async function openInPanel(tabId: number | undefined, key: string, request: object): Promise<void> {
  const id = tabId ?? (await currentTab(undefined))?.id;
  if (id === undefined) throw new Error(t('popupNoTab'));
  const opening = import.meta.env.FIREFOX
    ? (browser as unknown as FirefoxSidebar).sidebarAction.open()
    : browser.sidePanel?.open
      ? browser.sidePanel.open({ tabId: id })
      : browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?tabId=${id}` as '/sidepanel.html') });
  const area = browser.storage.session ?? browser.storage.local;
  await Promise.all([opening, area.set({ [key]: { ...request, tabId: id, at: Date.now() } })]);
  window.close();
}

/** The library part of the popup: live from IndexedDB, current page first. */
function useLibrary(tabId: number | undefined, targetTab: () => number | undefined) {
  const [query, setQuery] = useState('');
  const [tokens, setTokens] = useState<string[]>([]);
  const [alternatives, setAlternatives] = useState<string[]>([]);
  const [filters, setFilters] = useState<LibraryFilters>({});
  const [pageUrl, setPageUrl] = useState<string | null>(null);
  const [status, setStatus] = useState<Map<string, boolean>>(new Map());
  const [undo, setUndo] = useState<StoredClipping | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [importing, setImporting] = useState<Omit<ImportProgress, 'onCancel'> | null>(null);
  const cancelImport = useRef(false);
  const importBusy = useRef(false);
  // Newest first, a page at a time as the reader scrolls (the list renders only what is visible).
  const [limit, setLimit] = useState(FIRST_PAGE);
  const [prefetched, setPrefetched] = useState<StoredClipping[] | undefined>();
  useEffect(() => {
    void firstPage.then(setPrefetched);
  }, []);

  // The query's words, cut like the clippings' (jieba search mode, in the offscreen document).
  useEffect(() => {
    let alive = true;
    const text = query.trim();
    if (!text) {
      setTokens([]);
      return;
    }
    void (async () => {
      // Traditional characters find simplified text (the tables load with the first query).
      const forms = await import('@/lib/text/variants').then((m) => m.queryForms(text)).catch(() => [text]);
      const simplified = forms[forms.length - 1] ?? text;
      const answer = await background.call('segment', { text: simplified, mode: 'search' });
      if (!alive) return;
      setAlternatives(forms.slice(1));
      setTokens(answer.ok ? searchTokens(answer.value.tokens) : []);
    })();
    return () => {
      alive = false;
    };
  }, [query]);

  useEffect(() => {
    void (async () => {
      const tab = await currentTab(tabId);
      if (!tab?.url || !/^https?:/.test(tab.url)) return;
      setPageUrl(tab.url);
      const id = tab.id;
      if (id === undefined) return;
      const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(id, m));
      const answer = await content.call('clippings/status', {});
      if (answer.ok) setStatus(new Map(answer.value.items.map((i) => [i.id, i.anchored])));
    })();
  }, []);

  const now = Date.now();
  const filter = {
    query,
    tokens,
    alternatives,
    site: filters.site,
    tag: filters.tag,
    entityType: filters.entityType,
    from: filters.period ? now - PERIOD_MS[filters.period] : undefined,
  };
  const searching = Boolean(query.trim());
  // Newest first from the index for browsing (fast first render); for searching, every row is
  // kept in memory once loaded, so a keystroke filters at once and words refine when the
  // segmenter's answer comes.
  const browsed = useLiveQuery(async () => (searching ? null : await searchClippings(db, filter, limit)), [searching, filters.site, filters.tag, filters.entityType, filters.period, limit]);
  // Every row, loaded once the popup has drawn (and kept live), for searching in memory.
  const [preload, setPreload] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setPreload(true), 400);
    return () => clearTimeout(timer);
  }, []);
  const all = useLiveQuery(async (): Promise<StoredClipping[] | null> => (preload ? await db.clippings.toArray() : null), [preload]);
  const fromDb = useLiveQuery(
    async () => (!searching || all ? null : await searchClippings(db, filter, limit)),
    [searching, Boolean(all), query, tokens.join(' '), alternatives.join(' '), filters.site, filters.tag, filters.entityType, filters.period, limit],
  );
  const rows = useMemo(() => {
    // Until the live query answers, the first page read at startup (no filter chosen yet).
    const unfiltered = !filters.site && !filters.tag && !filters.entityType && !filters.period && limit === FIRST_PAGE;
    if (!searching) return browsed ?? (unfiltered ? prefetched : undefined);
    if (!all) return fromDb ?? undefined;
    return all.filter((r) => matches(r, filter)).sort((a, b) => b.createdAt - a.createdAt).slice(0, limit);
  }, [searching, browsed, prefetched, all, fromDb, query, tokens.join(' '), alternatives.join(' '), filters.site, filters.tag, filters.entityType, filters.period, limit]);
  const onPage = useLiveQuery(async () => (pageUrl ? new Set((await clippingsForPage(db, pageUrl)).map((r) => r.id)) : new Set<string>()), [pageUrl]);
  // The filters' choices read whole indexes: asked once the first rows are on screen, so that
  // IndexedDB answers the list first.
  const listed = rows !== undefined;
  const total = useLiveQuery(async () => (listed ? await db.clippings.count() : undefined), [listed]) ?? 0;
  const facets = useLiveQuery(
    async () =>
      listed
        ? {
            sites: (await db.clippings.orderBy('site').uniqueKeys()) as string[],
            tags: (await db.clippings.orderBy('tags').uniqueKeys()) as string[],
          }
        : undefined,
    [listed],
  );

  const items: LibraryItem[] | null = useMemo(() => {
    if (!rows) return null;
    const mapped = rows.map((r) => ({
      id: r.id,
      quote: r.quote,
      note: r.note,
      tags: r.tags,
      site: r.site,
      title: r.title,
      url: r.url,
      createdAt: r.createdAt,
      entityTypes: r.entityTypes,
      related: r.related,
      ...(onPage?.has(r.id) ? { onPage: { anchored: status.has(r.id) ? status.get(r.id)! : null } } : {}),
    }));
    // The current page's clippings first, then the rest, each newest first.
    return [...mapped.filter((i) => i.onPage), ...mapped.filter((i) => !i.onPage)];
  }, [rows, onPage, status]);

  async function exportAs(kind: ExportKind) {
    try {
      const all = (await db.clippings.toArray()).map(fromStored);
      const name = t('popupExportFileName', new Date().toISOString().slice(0, 10));
      if (kind === 'json') download(`${name}.json`, toJson(all, await readUserDictionary(storage)), 'application/json');
      if (kind === 'markdown') download(`${name}.md`, toMarkdown(all), 'text/markdown');
      if (kind === 'csv') download(`${name}.csv`, toCsv(all), 'text/csv');
      if (kind === 'jsonld') download(`${name}.jsonld`, toJsonLd(all), 'application/ld+json');
      setMessage({ kind: 'ok', text: t('popupExported', all.length) });
    } catch (error) {
      setMessage({ kind: 'error', text: storageErrorMessage(error) });
    }
  }

  async function importFile(file: File) {
    // One import at a time (the button is off meanwhile; the file field is not).
    if (importBusy.current) return;
    importBusy.current = true;
    try {
      await importWhole(file);
    } finally {
      importBusy.current = false;
    }
  }

  async function importWhole(file: File) {
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({ kind: 'error', text: t('popupImportTooLarge', file.name, Math.round(file.size / 1e6), MAX_IMPORT_BYTES / 1e6) });
      return;
    }
    setMessage({ kind: 'ok', text: t('popupImportReading', file.name) });
    let decoded: DecodedText;
    try {
      decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      setMessage({ kind: 'error', text: t('popupImportUnreadable', file.name, error instanceof Error ? error.message : String(error)) });
      return;
    }
    const utf8 = decoded.encoding === 'UTF-8';
    const read = utf8 ? '' : t('popupImportEncoding', decoded.encoding);
    // Let the message show before a big file is checked whole (that holds the popup a moment).
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancelImport.current = false;
    // The time left, from the pace of the parts done so far (the first part's start on).
    let started = 0;
    const answer = await importClippingsFile(decoded.text, {
      onProgress(done, total) {
        const now = Date.now();
        if (!started) started = now;
        setMessage(null);
        setImporting((old) => ({
          done,
          total,
          etaAt: done > 0 ? now + ((now - started) / done) * (total - done) : null,
          cancelling: old?.cancelling ?? false,
        }));
      },
      cancelled: () => cancelImport.current,
    }).finally(() => setImporting(null));
    if (!answer.ok) setMessage({ kind: 'error', text: answer.partial ? t('popupImportFailed', `${answer.error}${read}`) : t('popupImportFailedUnchanged', `${answer.error}${read}`) });
    else {
      const { added, updated, unchanged } = answer.value;
      setMessage({
        kind: 'ok',
        text: answer.cancelled
          ? t('popupImportCancelled', answer.cancelled.done, added, updated, unchanged, answer.cancelled.left)
          : utf8
            ? t('popupImported', added, updated, unchanged)
            : t('popupImportedEncoding', decoded.encoding, added, updated, unchanged),
      });
    }
  }

  return {
    props: {
      items,
      total,
      query,
      onQuery: setQuery,
      filters,
      onFilters: setFilters,
      sites: facets?.sites ?? [],
      tags: facets?.tags ?? [],
      async onSave(id: string, note: string, tags: string[]) {
        const answer = await background.call('clippings/update', { id, note, tags });
        return answer.ok ? null : failureReason(answer);
      },
      onDelete(id: string) {
        void deleteClipping(db, id).then(
          (row) => setUndo(row),
          (error: unknown) => setMessage({ kind: 'error', text: String(error instanceof Error ? error.message : error) }),
        );
      },
      undo: undo
        ? {
            quote: undo.quote,
            onUndo() {
              void restoreClipping(db, undo).then(() => setUndo(null));
            },
          }
        : null,
      onOpenArticle(article: LinkedArticle) {
        openArticleInPanel(article, targetTab()).catch((error: unknown) =>
          setMessage({ kind: 'error', text: t('popupCannotOpenArticle', error instanceof Error ? error.message : String(error)) }),
        );
      },
      onOpen(item: LibraryItem) {
        // The background opens the page and the page scrolls to the clipping.
        void background.call('clippings/open', { id: item.id }).then((answer) => {
          if (!answer.ok) setMessage({ kind: 'error', text: t('popupCannotOpen', failureReason(answer)) });
        });
      },
      onExport: (kind: ExportKind) => void exportAs(kind),
      onImport: (file: File) => void importFile(file),
      importing: importing
        ? {
            ...importing,
            onCancel() {
              cancelImport.current = true;
              setImporting((old) => old && { ...old, cancelling: true });
            },
          }
        : null,
      message,
      onNearEnd() {
        if (rows && rows.length >= limit) setLimit((l) => l + 500);
      },
    },
  };
}

/** The tab the popup is about: the given one, or the active tab of its window. */
async function currentTab(tabId: number | undefined): Promise<{ id?: number; url?: string } | undefined> {
  try {
    return tabId !== undefined ? await browser.tabs.get(tabId) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  } catch {
    return undefined;
  }
}

function Popup() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [entities, setEntities] = useState<WireSpan[] | null>(null);
  const [hiddenTypes, setHiddenTypes] = useState<ReadonlySet<string>>(new Set());
  const [site, setSite] = useState<{ host: string; off: boolean } | null>(null);
  const [developer, setDeveloper] = useState(false);
  const [offer, setOffer] = useState<{ host: string | null; error?: string | null } | null>(null);
  const [reload, setReload] = useState(0);
  const [names, setNames] = useState<NameSourceInfo | null>(null);
  const [scope, setScope] = useState<{ scope: 'article' | 'page' | 'light'; fullPage: boolean } | null>(null);
  const tabId = tabIdFromLocation(location.search);
  // The tab the popup is about (for the side panel), known once the first refresh asked.
  const targetTab = useRef<number | undefined>(tabId);
  const library = useLibrary(tabId, () => targetTab.current);
  // 摘录库 when the page has nothing to show (not annotated, no entities), 本页 otherwise:
  // chosen from the page's answers until the reader does anything in the popup.
  const [shownTab, setShownTab] = useState<PopupTab | null>(null);
  const touched = useRef(false);
  useEffect(() => {
    const touch = () => {
      touched.current = true;
    };
    document.addEventListener('pointerdown', touch, true);
    document.addEventListener('keydown', touch, true);
    // A page slow to answer: its tab, with its status still loading.
    const timer = setTimeout(() => setShownTab((current) => current ?? 'page'), 1000);
    return () => {
      document.removeEventListener('pointerdown', touch, true);
      document.removeEventListener('keydown', touch, true);
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    let alive = true;
    let retries = 20;
    const refresh = async () => {
      const next = await queryActivePage(browser.tabs, tabId);
      const listed = await queryAnnotations(browser.tabs, tabId);
      const settings = await readSettings(storage);
      const tab = await currentTab(tabId);
      if (!alive) return;
      if (tab?.id !== undefined) targetTab.current ??= tab.id;
      // An ordinary web page without the content script: offer to annotate it.
      const web = !tab?.url || /^https?:/.test(tab.url);
      setOffer(next.state === 'inactive' && !listed && web && tab ? { host: tab.url ? new URL(tab.url).hostname : null } : null);
      const spans = listed?.entities ?? null;
      const host = listed ? new URL(listed.url).hostname : null;
      setHiddenTypes(new Set(settings.hiddenTypes));
      setDeveloper(settings.developer);
      // The site switch only for sites that are on (a default site or one the reader switched
      // on), not for a page annotated once.
      const on = !!listed && siteSwitchShown(listed.url, (await browser.permissions.getAll()).origins ?? []);
      if (!alive) return;
      setSite(host && on ? { host, off: settings.disabledSites.includes(host) } : null);
      setPage(next);
      setEntities(spans);
      setNames(listed?.progress?.names ?? null);
      const read = listed?.progress?.scope;
      setScope(read ? { scope: read, fullPage: settings.fullPage } : null);
      const siteOff = host !== null && settings.disabledSites.includes(host);
      const annotated = !!listed && !siteOff && (next.state === 'failed' || read !== 'light' || !!spans?.length);
      if (!touched.current) setShownTab(annotated ? 'page' : 'library');
      // The content script may still be segmenting or recognizing; ask again shortly.
      const unfinished = next.state === 'pending' || (next.state === 'done' && spans?.length === 0);
      if (unfinished && retries-- > 0) setTimeout(() => void refresh(), 400);
    };
    void refresh();
    return () => {
      alive = false;
    };
  }, [reload]);

  const annotateOnce = async () => {
    const id = tabId ?? (await currentTab(undefined))?.id;
    if (id === undefined) return;
    const answer = await background.call('page/annotate-once', { tabId: id });
    if (!answer.ok) setOffer((o) => ({ host: o?.host ?? null, error: failureReason(answer) }));
    else setReload((n) => n + 1);
  };

  return (
    <PopupView
      developer={developer}
      page={page}
      entities={entities}
      names={names}
      onReveal={(span) => void revealAnnotation(browser.tabs, span, tabId)}
      onProfile={(span) => {
        const places = [...new Set((entities ?? []).filter((s) => s.type === 'PLACE').map((s) => s.text))];
        void openProfileInPanel(span, places, tabId).catch((error: unknown) => console.warn('[popup] cannot open the profile', error));
      }}
      hiddenTypes={hiddenTypes}
      scope={scope}
      onToggleFullPage={() => {
        if (!scope) return;
        // Shown at once; put back if the settings cannot be written.
        setScope({ ...scope, fullPage: !scope.fullPage });
        void (async () => {
          const settings = await setFullPage(storage, !scope.fullPage).catch(() => readSettings(storage));
          setScope({ ...scope, fullPage: settings.fullPage });
          // The page reads itself again on the storage change; then list what it paints now.
          await new Promise((r) => setTimeout(r, 600));
          setReload((n) => n + 1);
        })();
      }}
      onToggleType={(type) => {
        void (async () => {
          const settings = await setTypeHidden(storage, type as WireSpan['type'], !hiddenTypes.has(type));
          setHiddenTypes(new Set(settings.hiddenTypes));
          // The page repaints on the storage change; then list what it paints now.
          await new Promise((r) => setTimeout(r, 150));
          setEntities((await queryAnnotations(browser.tabs, tabId))?.entities ?? null);
        })();
      }}
      site={site}
      offer={offer}
      library={<ClippingLibrary {...library.props} />}
      libraryCount={library.props.total}
      tab={shownTab}
      onTab={(next) => {
        touched.current = true;
        setShownTab(next);
      }}
      onAnnotateOnce={() => void annotateOnce()}
      onEnableSite={(host) => {
        void (async () => {
          const patterns = sitePatternsFor(host);
          // Asked within the click: the browser shows its permission prompt.
          const granted = patterns ? await browser.permissions.request({ origins: patterns }) : false;
          if (!granted) {
            setOffer({ host, error: t('popupNoPermission') });
            return;
          }
          // The background registers the content script for the site; this page is read now.
          await annotateOnce();
        })().catch((e: unknown) => setOffer({ host, error: t('popupCannotEnable', String(e)) }));
      }}
      onToggleSite={() => {
        if (!site) return;
        void (async () => {
          const settings = await setSiteDisabled(storage, site.host, !site.off);
          setSite({ host: site.host, off: settings.disabledSites.includes(site.host) });
          await new Promise((r) => setTimeout(r, 300));
          setEntities((await queryAnnotations(browser.tabs, tabId))?.entities ?? null);
        })();
      }}
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

void renderLocalized(() => {
  document.title = t('extName');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Popup />
    </StrictMode>,
  );
});
