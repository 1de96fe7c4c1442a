import { browser, type PublicPath } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { Handlers } from '@/lib/messaging';
import type { ArticleSummary, corpusBackgroundProtocol, NewArticle } from '@/lib/messaging/corpus-protocol';
import { MAX_SEGMENT_CHARS } from '@/lib/messaging/protocol';
import type { WireSpan } from '@/lib/messaging/span';
import { CORPUS_ASSET, corpusFileSchema, historyIdOf, marksAsSpans, parseMarksJson, type CorpusArticle, type CorpusFile } from '@/lib/corpus/article';
import { completeArticle, completeArticles, completeWithSpans, type ArticleBase } from '@/lib/corpus/build';
import { readSettings } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';
import { textFeatures, type TextAnalyzer } from '@/lib/corpus/features';
import { Corpus, type RelatedArticle } from '@/lib/corpus/related';
import { publishedIn } from '@/lib/corpus/published';
import type { SearchOptions } from '@/lib/corpus/search-index';
import type { Token } from '@/lib/segment';
import { allArticles, deleteArticles, putArticles, userArticleSchema, type ClippingsDb } from '@/lib/store/db';
import { clippingsDb } from './clippings';

export interface CorpusServices {
  /** jieba's search-mode cut (the offscreen segmenter). */
  cutForSearch(text: string): Promise<Token[]>;
  /** The recognizer on a text, with the reader's dictionary. */
  recognize(text: string): Promise<WireSpan[]>;
}

/** Where the corpus comes from; the defaults are the extension's own (tests pass fakes). */
export interface CorpusSources {
  /** Fetches the shipped corpus file. */
  fetch?: (url: string) => Promise<Response>;
  /** The address of the shipped corpus file. */
  url?: () => string;
  /** The database holding the added articles. */
  db?: () => ClippingsDb;
  /** Whether the reader keeps a reading history (阅读记录; the settings' switch by default). */
  historyEnabled?: () => Promise<boolean>;
}

/** Most articles the reading history keeps: beyond it, the oldest go. */
export const MAX_HISTORY_ARTICLES = 10_000;
/** Most characters of text the reading history keeps (about 300 MB stored): beyond it, the oldest go. */
export const MAX_HISTORY_CHARS = 150_000_000;

export interface CorpusService {
  /** The corpus (shipped seed articles and added articles), loaded on first use. Rejects with a message in the UI's language. */
  load(): Promise<Corpus>;
  /** Related articles of a text, best first, at most 5 above the relevance threshold; [] for an empty text. */
  related(text: string, options?: SearchOptions): Promise<RelatedArticle[]>;
  handlers: Handlers<typeof corpusBackgroundProtocol>;
}

/** Most results of `corpus/search`, whatever is asked. */
const MAX_SEARCH_RESULTS = 20;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Pieces of `text` no longer than one segmenter message may carry, cut after a line break where there is one. */
function chunks(text: string, max = MAX_SEGMENT_CHARS): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let start = 0;
  while (text.length - start > max) {
    let end = text.lastIndexOf('\n', start + max - 1) + 1;
    if (end <= start) {
      end = start + max;
      // Never between the halves of a surrogate pair.
      if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
    }
    out.push({ text: text.slice(start, end), offset: start });
    start = end;
  }
  out.push({ text: text.slice(start), offset: start });
  return out;
}

/**
 * The services made safe for any length: a text longer than one segmenter message (an added
 * article with its headlines) is analyzed in pieces, offsets shifted back.
 */
function analyzerOf(services: CorpusServices): TextAnalyzer {
  return {
    async cutForSearch(text) {
      const out: Token[] = [];
      for (const piece of chunks(text)) {
        for (const t of await services.cutForSearch(piece.text)) out.push({ ...t, start: t.start + piece.offset, end: t.end + piece.offset });
      }
      return out;
    },
    async recognize(text) {
      const out: WireSpan[] = [];
      for (const piece of chunks(text)) {
        for (const s of await services.recognize(piece.text)) out.push({ ...s, start: s.start + piece.offset, end: s.end + piece.offset });
      }
      return out;
    },
  };
}

/**
 * Reads and checks the shipped corpus file. Rejects with a message (in the UI's language) naming the file if
 * it cannot be fetched, is not JSON or is not a corpus file of this version.
 */
async function readCorpusFile(fetchFile: (url: string) => Promise<Response>, url: string): Promise<CorpusFile> {
  let response: Response;
  try {
    response = await fetchFile(url);
  } catch (error) {
    throw new Error(t('backgroundCorpusUnreadable', CORPUS_ASSET, messageOf(error)));
  }
  if (!response.ok) throw new Error(t('backgroundCorpusHttp', CORPUS_ASSET, response.status));
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(t('backgroundCorpusNotJson', CORPUS_ASSET));
  }
  const parsed = corpusFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(t('backgroundCorpusBadFormat', CORPUS_ASSET, `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  return parsed.data;
}

/** An article as lists show it: no text, no index data. */
function summaryOf(a: CorpusArticle): ArticleSummary {
  const out: ArticleSummary = { id: a.id, origin: a.origin, title: a.title, chars: a.text.length };
  if (a.source) out.source = a.source;
  if (a.published) out.published = a.published;
  if (a.seed) out.seed = a.seed;
  if (a.url) out.url = a.url;
  if (a.addedAt !== undefined) out.addedAt = a.addedAt;
  return out;
}

/** The record of an added article before it is analyzed. */
function baseOf(article: NewArticle, now: number): ArticleBase {
  const base: ArticleBase = {
    id: `user:${crypto.randomUUID()}`,
    origin: 'user',
    title: article.title,
    // A web page (this page) or a file of a folder / a JSONL line.
    titleFrom: article.url && /^https?:/i.test(article.url) ? 'page' : 'file',
    reporters: [],
    text: article.text,
    addedAt: now,
  };
  if (article.url) base.url = article.url;
  if (article.source) base.source = article.source;
  const published = article.published ?? publishedIn(article.text);
  if (published) base.published = published;
  return base;
}

/**
 * The corpus in the background: the shipped seed corpus file and the reader's added articles
 * (from the database) in one {@link Corpus}, loaded on first use; a failed load is tried again
 * on the next request. Lookups cut and recognize their query with the extension's one segmenter
 * (`services`), the same way the articles were. Added articles are written to the database
 * first, all or nothing, then to the index; nothing stored is ever changed by a failed request.
 */
export function createCorpusService(services: CorpusServices, sources: CorpusSources = {}): CorpusService {
  const fetchFile = sources.fetch ?? ((url: string) => fetch(url));
  const url = sources.url ?? (() => browser.runtime.getURL(`/${CORPUS_ASSET}` as PublicPath));
  const db = sources.db ?? clippingsDb;
  const historyEnabled = sources.historyEnabled ?? (async () => (await readSettings(storageAreaStore(browser.storage.local))).history);
  const analyzer = analyzerOf(services);

  let loading: Promise<Corpus> | undefined;
  function load(): Promise<Corpus> {
    if (loading) return loading;
    const attempt = (async () => {
      const [file, added] = await Promise.all([
        readCorpusFile(fetchFile, url()),
        allArticles(db(), (id, error) => console.warn('[corpus] skipping an invalid added article', id, error.issues[0])),
      ]);
      return new Corpus([...file.articles, ...added]);
    })();
    loading = attempt;
    attempt.catch((error: unknown) => {
      if (loading === attempt) loading = undefined;
      console.warn('[corpus] could not load', error);
    });
    return attempt;
  }

  /** The corpus if it is loaded or loading (and loads), else undefined: the next load reads the database anyway. */
  async function loaded(): Promise<Corpus | undefined> {
    return loading?.catch(() => undefined);
  }

  async function related(text: string, options: SearchOptions = {}): Promise<RelatedArticle[]> {
    if (!text.trim()) return [];
    const [corpus, features] = await Promise.all([load(), textFeatures(text, analyzer)]);
    return corpus.relatedTo(features, options);
  }

  const handlers: Handlers<typeof corpusBackgroundProtocol> = {
    async 'corpus/related'({ text, exclude }) {
      return { results: await related(text, { limit: 5, exclude: new Set(exclude ?? []) }) };
    },
    async 'corpus/search'({ query, limit }) {
      return { results: await (await load()).search(query, analyzer, { limit: Math.min(limit ?? 10, MAX_SEARCH_RESULTS) }) };
    },
    async 'corpus/article'({ id }) {
      const article = (await load()).get(id);
      if (!article) return { article: null, spans: [] };
      const { terms: _terms, ...rest } = article;
      // Spans into the article's text, so the reader view highlights it as pages are.
      return { article: rest, spans: await analyzer.recognize(article.text) };
    },
    async 'corpus/mentions'({ span, limit }) {
      return { articles: (await load()).mentioning(span, limit ?? 5) };
    },
    async 'corpus/list'() {
      const all = (await load()).list();
      const seeds = all.filter((a) => a.origin === 'seed');
      const added = all.filter((a) => a.origin === 'user').sort((a, b) => (b.addedAt ?? 0) - (a.addedAt ?? 0) || (a.id < b.id ? -1 : 1));
      return { articles: [...seeds, ...added].map(summaryOf) };
    },
    async 'corpus/add'({ articles }) {
      const now = Date.now();
      const bases = articles.map((article) => baseOf(article, now));
      let done: CorpusArticle[];
      try {
        done = await completeArticles(bases, analyzer);
      } catch (error) {
        // Find the article that cannot be analyzed, to name it.
        for (const [i, base] of bases.entries()) {
          try {
            await completeArticle(base, analyzer);
          } catch (single) {
            throw new Error(t('backgroundArticleCannotAnalyze', t('backgroundArticleName', i + 1, articles[i]!.title.slice(0, 40)), messageOf(single)));
          }
        }
        throw new Error(t('backgroundArticlesCannotAnalyze', articles.length, messageOf(error)));
      }
      const complete: CorpusArticle[] = [];
      for (const [i, article] of done.entries()) {
        const name = t('backgroundArticleName', i + 1, articles[i]!.title.slice(0, 40));
        const checked = userArticleSchema.safeParse(article);
        if (!checked.success) {
          const issue = checked.error.issues[0]!;
          throw new Error(t('backgroundArticleInvalid', name, `${issue.path.join('.') || '(root)'}: ${issue.message}`));
        }
        complete.push(checked.data);
      }
      // Stored first, in one transaction (all or nothing), then indexed: a failure leaves nothing
      // half added. The side panel sends a big import as many such requests, one batch each, so a
      // cancelled import keeps whole batches only.
      await putArticles(db(), complete);
      const corpus = await loaded();
      for (const a of complete) corpus?.add(a);
      return { ids: complete.map((a) => a.id) };
    },
    async 'history/add'(read) {
      if (!(await historyEnabled())) return { added: false };
      const id = await historyIdOf(read.url);
      const base: ArticleBase = { id, origin: 'history', title: read.title, titleFrom: 'page', reporters: [], text: read.text, url: read.url, addedAt: Date.now() };
      if (read.source) base.source = read.source;
      const published = read.published ?? publishedIn(read.text);
      if (published) base.published = published;
      const spans = marksAsSpans({ text: read.text, marks: parseMarksJson(read.marks) });
      const checked = userArticleSchema.safeParse(await completeWithSpans(base, spans, analyzer));
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        throw new Error(t('backgroundArticleInvalid', read.title.slice(0, 40), `${issue.path.join('.') || '(root)'}: ${issue.message}`));
      }
      await putArticles(db(), [checked.data]);
      const corpus = await load();
      corpus.add(checked.data);
      // Over the cap: the oldest go, from the database first (sorted only then).
      const history = corpus.list().filter((a) => a.origin === 'history');
      let chars = history.reduce((n, a) => n + a.text.length, 0);
      const over: string[] = [];
      if (history.length > MAX_HISTORY_ARTICLES || chars > MAX_HISTORY_CHARS) {
        chars = 0;
        history.sort((a, b) => (b.addedAt ?? 0) - (a.addedAt ?? 0)).forEach((a, k) => {
          chars += a.text.length;
          if (k >= MAX_HISTORY_ARTICLES || chars > MAX_HISTORY_CHARS) over.push(a.id);
        });
      }
      if (over.length) {
        await deleteArticles(db(), over);
        for (const gone of over) corpus.remove(gone);
      }
      return { added: true, id };
    },
    async 'history/list'({ query, limit }) {
      const history = (await load()).list().filter((a) => a.origin === 'history');
      const chars = history.reduce((n, a) => n + a.text.length, 0);
      const wanted = query?.trim().toLowerCase();
      const shown = (wanted ? history.filter((a) => a.title.toLowerCase().includes(wanted) || (a.url ?? '').toLowerCase().includes(wanted)) : history)
        .sort((a, b) => (b.addedAt ?? 0) - (a.addedAt ?? 0))
        .slice(0, limit ?? 200);
      return { articles: shown.map(summaryOf), count: history.length, chars, cap: MAX_HISTORY_ARTICLES };
    },
    async 'history/remove'({ ids, all }) {
      const corpus = await load();
      const gone = all ? corpus.list().filter((a) => a.origin === 'history').map((a) => a.id) : (ids ?? []);
      if (!gone.length) return { removed: 0 };
      const removed = await deleteArticles(db(), gone);
      for (const id of gone) corpus.remove(id);
      return { removed };
    },
    async 'corpus/remove'({ ids }) {
      const seed = ids.find((id) => !id.startsWith('user:'));
      if (seed !== undefined) throw new Error(t('backgroundSeedNotRemovable', seed));
      const removed = await deleteArticles(db(), ids);
      const corpus = await loaded();
      for (const id of ids) corpus?.remove(id);
      return { removed };
    },
  };

  return { load, related, handlers };
}

/** The corpus messages' handlers (see {@link createCorpusService}). */
export function corpusHandlers(services: CorpusServices, sources: CorpusSources = {}): Handlers<typeof corpusBackgroundProtocol> {
  return createCorpusService(services, sources).handlers;
}
