import '@/components/theme.css';
import '@/components/sidepanel.css';
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { renderLocalized } from '@/components/localized';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import type { ReaderState } from '@/components/ArticleReader';
import type { Outcome } from '@/components/CorpusManager';
import { articleFromPage, importFolder, importJsonl, ImportTracker, type CorpusWriter, type ImportResult, type ImportRun } from '@/components/CorpusManagerImport';
import type { PageState } from '@/components/PageStatus';
import type { ClippingChoice } from '@/components/RelatedList';
import { SidePanelView, type LookupState, type OpenRequest, type QueryBasis } from '@/components/SidePanelView';
import { summarizeSeed } from '@/lib/corpus/seed-summary';
import { t } from '@/lib/i18n';
import { createClient, createHandler, failureReason, toRuntimeListener } from '@/lib/messaging';
import { queryActivePage, tabIdFromLocation } from '@/lib/messaging/active-page';
import type { ArticleSummary, NewArticle, RelatedResult } from '@/lib/messaging/corpus-protocol';
import { backgroundProtocol, contentProtocol, MIN_SELECTION_CHARS, PENDING_ARTICLE_KEY, PENDING_PROFILE_KEY, pendingArticleSchema, pendingProfileSchema, sidePanelProtocol, type PageText, type PendingArticle, type PendingProfile } from '@/lib/messaging/protocol';
import type { CrossCheckState } from '@/components/CrossCheckList';
import type { ProfileState } from '@/components/EntityProfileView';
import { historyIdOf } from '@/lib/corpus/article';
import { sentenceAround } from '@/lib/corpus/sentences';
import { ClippingsDb, clippingsForPage, updateClipping } from '@/lib/store/db';
import { readSettings } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';

// The seed documents ship inside the extension, read at build time.
const seedFiles = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });
const seeds = Object.entries(seedFiles)
  .map(([path, text]) => summarizeSeed(path, text))
  .sort((a, b) => a.id.localeCompare(b.id));

const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
const db = new ClippingsDb();
/** The running folder or JSONL import's progress, for 我的文章's progress line and 取消. */
const importer = new ImportTracker();
/** Opened in a tab of its own (tests, or a reader's bookmark): the tab it reports on. */
const fixedTabId = tabIdFromLocation(location.search);

/** How long typing waits before the corpus is searched, ms. */
const SEARCH_DEBOUNCE_MS = 300;
/** The most related articles one clipping keeps (see the clipping schema). */
const MAX_CLIPPING_RELATED = 20;

/** The tab's page as read; `historyId`: its record's id in the reading history (no news about the page itself). */
type PageRead = { state: 'loading' } | { state: 'unreadable' } | { state: 'ok'; tabId: number; value: PageText; historyId: string | null };

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

async function currentTabId(): Promise<number | undefined> {
  if (fixedTabId !== undefined) return fixedTabId;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

/**
 * The page's text from its content script, or null where none answers. Asks a few times: right
 * after a navigation the content script may not have started yet (it runs at document_idle).
 */
async function readPage(tabId: number, stillWanted: () => boolean): Promise<PageText | null> {
  const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(tabId, m));
  for (let attempt = 0; attempt < 6 && stillWanted(); attempt++) {
    const answer = await content.call('page/text', {});
    if (answer.ok) return answer.value;
    if (!answer.transport) return null;
    await sleep(400);
  }
  return null;
}

/** How long an article asked for from a page's card waits for the panel to open, ms. */
const PENDING_ARTICLE_MAX_AGE_MS = 10 * 60_000;

/**
 * The sentence of `text` around the first mention of `name` (as the entity profile cuts it), to
 * mark in the reader; null if the name is not in it as written.
 */
function sentenceOfMention(text: string, name: string): { start: number; end: number } | null {
  const at = name ? text.indexOf(name) : -1;
  return at < 0 ? null : sentenceAround(text, at, at + name.length);
}

const isSamePage = (a: Pick<ArticleSummary, 'url'>, page: PageText) => !!a.url && (a.url === page.url || a.url === page.canonicalUrl);

/** The background's corpus for imports: one `corpus/add` per batch. */
const corpusWriter: CorpusWriter = {
  async add(articles) {
    const answer = await background.call('corpus/add', { articles });
    return answer.ok ? { ok: true, ids: answer.value.ids } : { ok: false, error: failureReason(answer) };
  },
  async remove(ids) {
    const answer = await background.call('corpus/remove', { ids });
    return answer.ok ? { ok: true } : { ok: false, error: failureReason(answer) };
  },
};

async function addArticles(articles: NewArticle[]): Promise<{ ok: true; count: number } | { ok: false; error: string }> {
  const answer = await background.call('corpus/add', { articles });
  return answer.ok ? { ok: true, count: answer.value.ids.length } : { ok: false, error: failureReason(answer) };
}

/**
 * Takes what a hover card or the popup left for this panel in session storage under `key` (an
 * article to read, a profile): once, if it is for this panel's tab and not older than
 * {@link PENDING_ARTICLE_MAX_AGE_MS}; now, and whenever it is left again while the panel is open.
 */
function usePending<T extends { tabId: number; at: number }>(key: string, schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false } }, take: (pending: T) => void): void {
  useEffect(() => {
    const area = browser.storage.session ?? browser.storage.local;
    const areaName = browser.storage.session ? 'session' : 'local';
    let alive = true;
    const check = async () => {
      const pending = schema.safeParse((await area.get(key))[key]);
      if (!alive || !pending.success) return;
      const tabId = await currentTabId();
      if (!alive || tabId === undefined || pending.data.tabId !== tabId) return;
      await area.remove(key);
      if (alive && Date.now() - pending.data.at < PENDING_ARTICLE_MAX_AGE_MS) take(pending.data);
    };
    const onChanged = (changes: Record<string, { newValue?: unknown }>, name: string) => {
      if (name === areaName && changes[key]?.newValue !== undefined) void check();
    };
    void check();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key, schema, take]);
}

function SidePanel() {
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  // 开发者信息 (options): the segmenter's details in the 本页分词 fold.
  const [developer, setDeveloper] = useState(false);
  useEffect(() => {
    void readSettings(storageAreaStore(browser.storage.local)).then((s) => setDeveloper(s.developer));
  }, []);
  const [read, setRead] = useState<PageRead>({ state: 'loading' });
  const [basis, setBasis] = useState<QueryBasis>({ kind: 'page' });
  const [related, setRelated] = useState<LookupState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<LookupState>({ state: 'idle' });
  const [reader, setReader] = useState<{ state: ReaderState; sentence: OpenRequest['sentence'] } | null>(null);
  const [library, setLibrary] = useState<{ articles: ArticleSummary[] | null; seedCount: number | null; error: string | null }>({
    articles: null,
    seedCount: null,
    error: null,
  });
  const tabRef = useRef<number | undefined>(undefined);
  const readerGeneration = useRef(0);
  const [checks, setChecks] = useState<CrossCheckState>({ state: 'pending' });
  const [profile, setProfile] = useState<ProfileState | null>(null);
  const profileGeneration = useRef(0);

  // The current tab: read on open, when another tab is activated and when the tab loads a page.
  useEffect(() => {
    let generation = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const segmentation = async (tabId: number, mine: number) => {
      const next = await queryActivePage(browser.tabs, tabId);
      if (mine !== generation) return;
      setPage(next);
      if (next.state === 'pending') timer = setTimeout(() => void segmentation(tabId, mine), 300);
    };
    const refresh = async () => {
      const mine = ++generation;
      clearTimeout(timer);
      const tabId = await currentTabId();
      if (mine !== generation) return;
      tabRef.current = tabId;
      setRead({ state: 'loading' });
      if (tabId === undefined) {
        setPage({ state: 'inactive' });
        setRead({ state: 'unreadable' });
        return;
      }
      void segmentation(tabId, mine);
      const text = await readPage(tabId, () => mine === generation);
      if (mine !== generation) return;
      if (!text) {
        setRead({ state: 'unreadable' });
        return;
      }
      // Under the address the content script records it at (its location, not the canonical one).
      const historyId = await historyIdOf(text.url).catch(() => null);
      if (mine !== generation) return;
      setRead({ state: 'ok', tabId, value: text, historyId });
      setBasis(text.selection.length >= MIN_SELECTION_CHARS ? { kind: 'selection', text: text.selection } : { kind: 'page' });
    };
    const onActivated = () => {
      if (fixedTabId === undefined) void refresh();
    };
    const onUpdated = (id: number, info: { status?: string }) => {
      if (info.status === 'complete' && id === tabRef.current) void refresh();
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      generation++;
      clearTimeout(timer);
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  // Selections on the current tab's page (the content script tells, debounced).
  useEffect(() => {
    const listener = toRuntimeListener(
      createHandler('sidepanel', sidePanelProtocol, {
        'page/selection': ({ text }, sender) => {
          const tabId = (sender as { tab?: { id?: number } } | undefined)?.tab?.id;
          if (tabId !== undefined && tabId === tabRef.current) setBasis({ kind: 'selection', text });
          return {};
        },
      }),
    );
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  // 数字核对 of the page: the content script's, asked again while it is still running.
  useEffect(() => {
    if (read.state !== 'ok') {
      setChecks(read.state === 'unreadable' ? { state: 'unreadable' } : { state: 'pending' });
      return;
    }
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const content = createClient('content', contentProtocol, (m) => browser.tabs.sendMessage(read.tabId, m));
    const started = Date.now();
    const ask = async () => {
      const answer = await content.call('page/crosscheck', {});
      if (!alive) return;
      if (!answer.ok) {
        setChecks(answer.transport ? { state: 'unreadable' } : { state: 'failed', error: answer.error });
        return;
      }
      setChecks(answer.value);
      if (answer.value.state === 'pending' && Date.now() - started < 60_000) timer = setTimeout(() => void ask(), 500);
    };
    void ask();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [read]);

  const onProfile = useCallback((name: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC', places?: string[]) => {
    const mine = ++profileGeneration.current;
    readerGeneration.current++;
    setReader(null);
    setProfile({ state: 'loading', name });
    void background.call('insight/profile', { name, entityType: type, places: places ?? [] }).then((answer) => {
      if (mine !== profileGeneration.current) return;
      setProfile(answer.ok ? { state: 'done', name, profile: answer.value.profile } : { state: 'error', name, error: failureReason(answer) });
    });
  }, []);
  const onCloseProfile = useCallback(() => {
    profileGeneration.current++;
    setProfile(null);
  }, []);

  // A profile asked for from a page's hover card or the popup (`sidepanel/open-profile`).
  usePending(PENDING_PROFILE_KEY, pendingProfileSchema, useCallback(({ name, entityType, places }: PendingProfile) => onProfile(name, entityType, places), [onProfile]));

  const loadLibrary = useCallback(async () => {
    const answer = await background.call('corpus/list', {});
    if (!answer.ok) {
      setLibrary((l) => ({ ...l, articles: l.articles ?? [], error: t('sidepanelCannotReadCorpus', failureReason(answer)) }));
      return;
    }
    const all = answer.value.articles;
    setLibrary({ articles: all.filter((a) => a.origin === 'user'), seedCount: all.filter((a) => a.origin === 'seed').length, error: null });
  }, []);
  useEffect(() => {
    void loadLibrary();
  }, [loadLibrary]);

  // The page's own copy among the reader's articles is no news about the page.
  const pageText = read.state === 'ok' ? read.value : null;
  const ownCopies = pageText && library.articles ? library.articles.filter((a) => isSamePage(a, pageText)).map((a) => a.id) : [];
  const historyId = read.state === 'ok' ? read.historyId : null;
  const excludeKey = [...ownCopies, ...(historyId ? [historyId] : [])].join(' ');

  useEffect(() => {
    if (read.state !== 'ok') {
      setRelated({ state: read.state });
      return;
    }
    const text = basis.kind === 'selection' ? basis.text : read.value.text;
    if (!text.trim()) {
      setRelated({ state: 'no-text' });
      return;
    }
    let alive = true;
    setRelated({ state: 'loading' });
    const exclude = excludeKey ? excludeKey.split(' ') : [];
    void background.call('corpus/related', exclude.length ? { text, exclude } : { text }).then((answer) => {
      if (!alive) return;
      setRelated(answer.ok ? { state: 'done', results: answer.value.results } : { state: 'error', error: failureReason(answer) });
    });
    return () => {
      alive = false;
    };
  }, [read, basis, excludeKey, attempt]);

  useEffect(() => {
    const q = query.trim().slice(0, 500);
    if (!q) {
      setSearch({ state: 'idle' });
      return;
    }
    let alive = true;
    setSearch({ state: 'loading' });
    const timer = setTimeout(() => {
      void background.call('corpus/search', { query: q, limit: 20 }).then((answer) => {
        if (!alive) return;
        setSearch(answer.ok ? { state: 'done', results: answer.value.results } : { state: 'error', error: failureReason(answer) });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [query, attempt]);

  // `mention`: a name from a page's card; its first sentence is marked when no sentence is given.
  const onOpen = useCallback((request: OpenRequest & { mention?: string }) => {
    const mine = ++readerGeneration.current;
    setReader({ state: { state: 'loading', title: request.title }, sentence: request.sentence });
    void background.call('corpus/article', { id: request.articleId }).then((answer) => {
      if (mine !== readerGeneration.current) return;
      const article = answer.ok ? answer.value.article : null;
      setReader({
        state: answer.ok ? { state: 'done', article: answer.value.article, spans: answer.value.spans } : { state: 'error', title: request.title, error: failureReason(answer) },
        sentence: request.sentence ?? (article && request.mention ? sentenceOfMention(article.text, request.mention) : null),
      });
    });
  }, []);

  // An article asked for from a page's hover card (`sidepanel/open-article`): shown once, in the
  // panel of the tab it was asked from, whether the panel was open already or opened for it.
  usePending(
    PENDING_ARTICLE_KEY,
    pendingArticleSchema,
    useCallback(({ articleId, title, mention }: PendingArticle) => onOpen({ articleId, title, sentence: null, mention }), [onOpen]),
  );
  const onBack = useCallback(() => {
    readerGeneration.current++;
    setReader(null);
  }, []);

  // The page's clippings, live, for "关联到摘录".
  const pageUrl = pageText?.url;
  const canonicalUrl = pageText?.canonicalUrl;
  const clippings = useLiveQuery<ClippingChoice[], ClippingChoice[]>(
    async () =>
      pageUrl && /^https?:/.test(pageUrl)
        ? (await clippingsForPage(db, pageUrl, canonicalUrl)).map((c) => ({ id: c.id, quote: c.quote, relatedIds: c.related.map((r) => r.articleId) }))
        : [],
    [pageUrl, canonicalUrl],
    [],
  );

  const onLink = useCallback(async (result: RelatedResult, clippingId: string): Promise<string | null> => {
    try {
      const row = await db.clippings.get(clippingId);
      if (!row) return t('sidepanelClippingDeleted');
      if (row.related.some((r) => r.articleId === result.articleId)) return null;
      if (row.related.length >= MAX_CLIPPING_RELATED) return t('sidepanelClippingFull', MAX_CLIPPING_RELATED);
      const entry = { articleId: result.articleId, title: result.title.slice(0, 500), score: result.score };
      const updated = await updateClipping(db, clippingId, { related: [...row.related, entry] });
      return updated ? null : t('sidepanelClippingDeleted');
    } catch (error) {
      return t('sidepanelLinkFailed', error instanceof Error ? error.message : String(error));
    }
  }, []);

  const afterAdd = async (added: Awaited<ReturnType<typeof addArticles>>, describe: (n: number) => string): Promise<Outcome> => {
    if (!added.ok) return { ok: false, text: added.error };
    await loadLibrary();
    setAttempt((n) => n + 1);
    return { ok: true, text: describe(added.count) };
  };

  const onAddPage = async (): Promise<Outcome> => {
    const tabId = tabRef.current;
    const fresh = tabId === undefined ? null : await readPage(tabId, () => true);
    if (!fresh) return { ok: false, text: t('sidepanelPageNotRunning') };
    const article = articleFromPage(fresh);
    if (typeof article === 'string') return { ok: false, text: article };
    return afterAdd(await addArticles([article]), () => t('sidepanelAddedPage', article.title));
  };

  // A folder or JSONL file: read in slices, added in batches, with progress and 取消 (see CorpusManagerImport).
  const runImport = async (work: (run: ImportRun) => Promise<ImportResult>): Promise<Outcome> => {
    const run = importer.start();
    try {
      const { outcome, changed } = await work(run);
      if (changed) {
        await loadLibrary();
        setAttempt((n) => n + 1);
      }
      return outcome;
    } finally {
      run.end();
    }
  };
  const onAddFiles = (files: readonly File[]) => runImport((run) => importFolder(files, corpusWriter, run));
  const onAddJsonl = (file: File) => runImport((run) => importJsonl(file, corpusWriter, run));

  const onRemove = async (ids: readonly string[]): Promise<Outcome> => {
    const answer = await background.call('corpus/remove', { ids: [...ids] });
    if (!answer.ok) return { ok: false, text: t('sidepanelRemoveFailed', failureReason(answer)) };
    await loadLibrary();
    setAttempt((n) => n + 1);
    const { removed } = answer.value;
    return { ok: true, text: t(removed === 1 ? 'sidepanelRemovedOne' : 'sidepanelRemoved', removed) };
  };

  return (
    <SidePanelView
      developer={developer}
      page={page}
      seeds={seeds}
      corpus={{
        basis,
        related,
        onShowPage: () => setBasis({ kind: 'page' }),
        onRetry: () => setAttempt((n) => n + 1),
        query,
        onQuery: setQuery,
        search,
        reader,
        onOpen,
        onBack,
        checks,
        profile,
        onProfile: (name, type) => onProfile(name, type),
        onCloseProfile,
        onOpenClipping: (id) => void background.call('clippings/open', { id }),
        clippings,
        onLink,
        library: {
          articles: library.articles,
          seedCount: library.seedCount,
          listError: library.error,
          canAddPage: !!pageText?.text.trim(),
          pageAdded: ownCopies.length > 0,
          onAddPage,
          onAddFiles,
          onAddJsonl,
          onRemove,
          importer,
        },
      }}
    />
  );
}

void renderLocalized(() => {
  document.title = t('sidepanelDocumentTitle', t('extName'));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <SidePanel />
    </StrictMode>,
  );
});
