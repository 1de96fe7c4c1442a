/**
 * Turning what the reader adds to "我的文章" into articles for `corpus/add`: this page, the
 * files of a folder (.txt, .html), or the lines of a JSONL file; and adding many of them in
 * batches, with progress, time left and cancelling ({@link ImportTracker}, {@link importJsonl},
 * {@link importFolder}). No DOM and no browser calls (the background is reached through a
 * {@link CorpusWriter}), so the side panel and tests share them.
 */
import type { Outcome } from '@/components/CorpusManager';
import { MAX_ARTICLE_CHARS } from '@/lib/corpus/article';
import { languageTag, t } from '@/lib/i18n';
import { decodeBytes, NotTextError } from '@/lib/text/decode';
import { newArticleSchema, type NewArticle } from '@/lib/messaging/corpus-protocol';
import { metaDate } from '@/lib/corpus/published';
import { formatTimeLeft } from './time-left';

export { formatTimeLeft };
import type { PageText } from '@/lib/messaging/protocol';
import { decodeEntities, htmlToText } from '@/lib/text/html';

/** Most articles one `corpus/add` request takes. */
export const MAX_ADD_ARTICLES = 2_000;
/** Most articles one folder or JSONL file may add (sent in batches of {@link MAX_BATCH_ARTICLES}). */
export const MAX_IMPORT_ARTICLES = 50_000;
/** Most articles one batch (one `corpus/add` request, one transaction) of an import carries. */
export const MAX_BATCH_ARTICLES = 200;
/** Most characters one batch of an import carries: a few seconds of analysis at most, so a cancel comes quickly. */
export const MAX_BATCH_CHARS = 120_000;
/** Most ids one `corpus/remove` request takes. */
const MAX_REMOVE_IDS = 10_000;
/** A first line longer than this is text, not a title: the file name is used instead. */
const MAX_LINE_TITLE = 80;
const MAX_TITLE = 500;

/** `text` cut at `limit` characters, never between the halves of a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  if (/[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A page title without the site name most news sites append (`标题_青海新闻网`, `标题 - 中国高新网`,
 * `标题--甘肃日报`): `{title, site}`; `site` is undefined when there is none to split off.
 */
export function splitSiteName(title: string): { title: string; site?: string } {
  const line = oneLine(title);
  const m = /^(.{4,}?)\s*(?:_|\||--|-|–|—)\s*([^_|\-–—]{2,20})$/.exec(line);
  return m ? { title: m[1]!.trim(), site: m[2]!.trim() } : { title: line };
}

/**
 * The article "添加本页" adds: the headline (else the document title without the site name) as
 * its title, the article text without the headline line, the page's address, the site name as
 * its source. Returns a message (in the UI's language) instead when the page has no text.
 */
export function articleFromPage(page: PageText): NewArticle | string {
  const split = splitSiteName(page.title);
  const title = cut(oneLine(page.headline) || split.title || page.url, MAX_TITLE);
  let text = page.text.trim();
  if (page.headline && text.startsWith(page.headline)) text = text.slice(page.headline.length).trim();
  if (!text) return t('sidepanelPageNoText');
  const article: NewArticle = { title, text: cut(text, MAX_ARTICLE_CHARS), url: page.canonicalUrl ?? page.url };
  if (split.site) article.source = split.site;
  if (page.published) article.published = page.published;
  return article;
}

/**
 * A file's text: UTF-8 (with or without a byte-order mark), UTF-16, or GB18030/GBK as older
 * Chinese software writes it (see `lib/text/decode.ts`).
 * @throws NotTextError (a Chinese message) for a file that is not text at all.
 */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}

/** A file as the folder picker gives it, read. */
export interface TextFile {
  name: string;
  /** The path inside the chosen folder (`webkitRelativePath`), when known. */
  path?: string;
  text: string;
  /** Why the file could not be read as text, if it could not. */
  error?: string;
}

/** The file name without folders and extension. */
function baseName(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || name;
}

/** Whether a file of a folder is read: .txt, .text, .md, .html, .htm. */
export function isArticleFile(name: string): boolean {
  return /\.(txt|text|md|html?|xhtml)$/i.test(name);
}

/**
 * One file as an article: HTML is turned into text ({@link htmlToText}) and titled by its first
 * `<h1>`, else its `<title>`; plain text is titled by its first Markdown heading, else its first
 * line if it is short enough to be one, else the file name. Returns a message (in the UI's
 * language) for an empty file.
 */
export function articleFromFile(file: TextFile): NewArticle | string {
  const name = file.path || file.name;
  if (file.error) return t('sidepanelFileProblem', name, file.error);
  const isHtml = /\.(html?|xhtml)$/i.test(file.name);
  let text: string;
  let title: string | undefined;
  if (isHtml) {
    const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(file.text)?.[1];
    const head = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(file.text)?.[1];
    const clean = (s: string | undefined) => (s === undefined ? '' : oneLine(decodeEntities(s.replace(/<[^>]*>/g, ''))));
    // The <title> is read apart: htmlToText keeps it as the first line, which is not the text.
    text = htmlToText(file.text.replace(/<title\b[^>]*>[\s\S]*?<\/title\s*>/i, ''));
    title = clean(h1) || splitSiteName(clean(head)).title || undefined;
  } else {
    text = file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').trim();
    const lines = text.split('\n').map((l) => l.trim());
    const first = lines[0] ?? '';
    const heading = lines.find((l) => /^#{1,6}\s+\S/.test(l));
    if (heading) title = heading.replace(/^#+\s*/, '');
    else if ([...first].length <= MAX_LINE_TITLE) title = first;
    // A title taken from the first line is not repeated as the text's first line.
    const rest = lines.slice(1).join('\n').trim();
    if (title && (!heading || heading === first) && rest) text = rest;
  }
  text = text.trim();
  if (!text) return t('sidepanelEmptyFile', name);
  return { title: cut(oneLine(title || baseName(file.name)), MAX_TITLE), text: cut(text, MAX_ARTICLE_CHARS) };
}

export interface FolderArticles {
  articles: NewArticle[];
  /** Files that are not .txt/.html (skipped). */
  skipped: string[];
  /** Files that could not be used, each with its reason. */
  problems: string[];
  /** Files whose text was cut at the longest an article may be. */
  cut: string[];
}

/** The articles of a folder's files: {@link articleFromFile} for each .txt/.html file, others skipped. */
export function articlesFromFiles(files: readonly TextFile[]): FolderArticles {
  const out: FolderArticles = { articles: [], skipped: [], problems: [], cut: [] };
  for (const file of files) {
    if (!isArticleFile(file.name)) {
      out.skipped.push(file.path || file.name);
      continue;
    }
    const article = articleFromFile(file);
    if (typeof article === 'string') out.problems.push(article);
    else {
      out.articles.push(article);
      if (article.text.length >= MAX_ARTICLE_CHARS) out.cut.push(file.path || file.name);
    }
  }
  return out;
}

/** The name of a field of a JSONL line in the UI's language, for messages; an unknown field as it is. */
function fieldName(field: string): string {
  switch (field) {
    case 'title':
      return t('sidepanelFieldTitle');
    case 'text':
      return t('sidepanelFieldText');
    case 'url':
      return t('sidepanelFieldUrl');
    case 'source':
      return t('sidepanelFieldSource');
    default:
      return field;
  }
}

/**
 * One line of a JSONL file (`n`: its number, from 1) as an article, or `{error}` saying what is
 * wrong with it (in the UI's language). The line is not blank.
 */
function articleOfLine(line: string, n: number): NewArticle | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { error: t('sidepanelJsonlNotJson', n) };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { error: t('sidepanelJsonlNotObject', n) };
  }
  // A date as JSONL writers give it (`2024-04-24 10:23:00`, `2024/4/24`) is kept as its day.
  const record = json as Record<string, unknown>;
  if (record.published !== undefined) {
    const day = typeof record.published === 'string' ? metaDate(record.published) : undefined;
    if (!day) return { error: t('sidepanelJsonlBadLine', n, t('sidepanelJsonlNotDate', 'published')) };
    json = { ...record, published: day };
  }
  const parsed = newArticleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const value = (json as Record<string, unknown>)[field];
    const what =
      value === undefined || (typeof value === 'string' && !value.trim())
        ? t('sidepanelJsonlMissing', field, fieldName(field))
        : typeof value !== 'string'
          ? t('sidepanelJsonlNotText', field)
          : t('sidepanelJsonlTooLong', field);
    return { error: t('sidepanelJsonlBadLine', n, what) };
  }
  return parsed.data;
}

/** The file's articles, or why there are none to add (no lines, too many). */
function checkedArticles(articles: NewArticle[]): { articles: NewArticle[] } | { error: string } {
  if (articles.length === 0) return { error: t('sidepanelJsonlEmpty') };
  if (articles.length > MAX_IMPORT_ARTICLES) return { error: t('sidepanelJsonlTooMany', articles.length, MAX_IMPORT_ARTICLES) };
  return { articles };
}

/**
 * The articles of a JSONL file, one `{"title", "text", "url"?, "source"?, "published"?}` object a line (blank
 * lines ignored). All or nothing: `{error}` names the first bad line by its number (from 1) and
 * what is wrong with it, and then no article is returned.
 */
export function parseArticlesJsonl(text: string): { articles: NewArticle[] } | { error: string } {
  const articles: NewArticle[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const article = articleOfLine(line, i + 1);
    if ('error' in article) return article;
    articles.push(article);
  }
  return checkedArticles(articles);
}

// ——— Big imports: in slices that leave the page responsive, in batches that can be cancelled ———

/** How long the side panel works on a file before it lets the page handle input and messages, ms. */
const SLICE_MS = 12;

/** Resolves on a later task (a message to itself: not slowed down like nested timers). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      channel.port2.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Where an import is, for the progress line. */
export interface ImportProgress {
  /** Reading and checking the file(s), then adding the articles in batches. */
  phase: 'reading' | 'adding';
  /** Reading: the share read so far (characters or files); adding: the articles stored so far. */
  done: number;
  /** Reading: what there is to read; adding: the articles to add. */
  total: number;
  /** Adding: the characters of the articles stored so far (the measure of the work, for the time left). */
  doneChars: number;
  /** Adding: the characters of all the articles to add. */
  totalChars: number;
  /** When this phase started, ms (the tracker's clock). */
  startedAt: number;
  /** When this was reported, ms (the tracker's clock). */
  now: number;
  /** Cancel was asked for: the import stops before its next batch. */
  cancelling: boolean;
}

/** One import's end of an {@link ImportTracker}: its signal, its pacing and its reports. */
export interface ImportRun {
  /** Aborted when the reader cancels. */
  readonly signal: AbortSignal;
  /** Gives the page a turn when the current slice of work has run long enough; resolves at once otherwise. */
  breathe(): Promise<void>;
  /** Reading: `done` of `total` (characters, files). */
  reading(done: number, total: number): void;
  /** Adding: `done` of `total` articles stored, `doneChars` of `totalChars` characters. */
  adding(done: number, total: number, doneChars: number, totalChars: number): void;
  /** The import is over (done, failed or cancelled): the progress line goes. */
  end(): void;
}

/**
 * The progress of the side panel's one running import, for the progress line (subscribe/get, as
 * React's `useSyncExternalStore` wants them) and its Cancel button ({@link cancel}). `now` and
 * `pause` are the clock and the way to give the page a turn (tests pass fakes).
 */
export class ImportTracker {
  private state: ImportProgress | null = null;
  private controller: AbortController | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly pause: () => Promise<void>;

  constructor(options: { now?: () => number; pause?: () => Promise<void> } = {}) {
    this.now = options.now ?? (() => Date.now());
    this.pause = options.pause ?? nextTask;
  }

  /** The running import's progress; null when none runs. */
  readonly get = (): ImportProgress | null => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stops the running import before its next batch (what is stored stays). */
  readonly cancel = (): void => {
    if (!this.controller || this.controller.signal.aborted) return;
    this.controller.abort();
    if (this.state) this.set({ ...this.state, cancelling: true });
  };

  private set(state: ImportProgress | null): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }

  /** Starts an import (one at a time: a running one is cancelled). */
  start(): ImportRun {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const mine = () => this.controller === controller;
    const started = this.now();
    let sliceStart = started;
    this.set({ phase: 'reading', done: 0, total: 0, doneChars: 0, totalChars: 0, startedAt: started, now: started, cancelling: false });
    const report = (next: Omit<ImportProgress, 'startedAt' | 'now' | 'cancelling'>) => {
      if (!mine() || !this.state) return;
      const now = this.now();
      // The time left is measured from the first batch on (reading goes at another pace).
      const startedAt = next.phase === this.state.phase ? this.state.startedAt : now;
      this.set({ ...next, startedAt, now, cancelling: controller.signal.aborted });
    };
    return {
      signal: controller.signal,
      breathe: async () => {
        if (this.now() - sliceStart < SLICE_MS) return;
        await this.pause();
        sliceStart = this.now();
      },
      reading: (done, total) => report({ phase: 'reading', done, total, doneChars: 0, totalChars: 0 }),
      adding: (done, total, doneChars, totalChars) => report({ phase: 'adding', done, total, doneChars, totalChars }),
      end: () => {
        if (!mine()) return;
        this.controller = null;
        this.set(null);
      },
    };
  }
}

/**
 * The time left of an import, ms, at the rate so far (characters analyzed and stored per ms since
 * the first batch started); null before a batch is done.
 */
export function estimateTimeLeft(p: ImportProgress): number | null {
  if (p.phase !== 'adding' || p.doneChars <= 0 || p.now <= p.startedAt) return null;
  if (p.doneChars >= p.totalChars) return 0;
  return ((p.now - p.startedAt) * (p.totalChars - p.doneChars)) / p.doneChars;
}

/** The share of the work done, 0 to 1 (characters while adding). */
export function progressFraction(p: ImportProgress): number {
  const [done, total] = p.phase === 'adding' ? [p.doneChars, p.totalChars] : [p.done, p.total];
  return total > 0 ? Math.min(1, done / total) : 0;
}

/** The progress line: "正在添加：1,200 / 20,000 篇，约剩 2 分钟", or "正在读取文件：35%" before. */
export function describeProgress(p: ImportProgress): string {
  if (p.phase === 'reading') return t('sidepanelReadingFiles', Math.floor(progressFraction(p) * 100));
  const n = (x: number) => x.toLocaleString(languageTag());
  return t(p.total === 1 ? 'sidepanelAddingProgressOne' : 'sidepanelAddingProgress', n(p.done), n(p.total), formatTimeLeft(estimateTimeLeft(p)));
}

/** The articles in batches for `corpus/add`: at most {@link MAX_BATCH_ARTICLES} articles and (but for one longer article) {@link MAX_BATCH_CHARS} characters each, in order. */
export function batchesOf(articles: readonly NewArticle[], maxArticles = MAX_BATCH_ARTICLES, maxChars = MAX_BATCH_CHARS): NewArticle[][] {
  const out: NewArticle[][] = [];
  let batch: NewArticle[] = [];
  let chars = 0;
  for (const a of articles) {
    const size = a.text.length + a.title.length;
    if (batch.length > 0 && (batch.length >= maxArticles || chars + size > maxChars)) {
      out.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(a);
    chars += size;
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/** The background's corpus, as an import needs it (the side panel's messages; fakes in tests). */
export interface CorpusWriter {
  /** `corpus/add`: one batch, stored whole or not at all. */
  add(articles: NewArticle[]): Promise<{ ok: true; ids: string[] } | { ok: false; error: string }>;
  /** `corpus/remove`. */
  remove(ids: string[]): Promise<{ ok: true } | { ok: false; error: string }>;
}

/** How adding in batches ended. */
export interface BatchesOutcome {
  /** Articles stored (the batches done before a cancel, or all). */
  added: number;
  /** Cancelled before the last batch. */
  cancelled: boolean;
  /** Why a batch failed; the batches stored before it were taken back (unless that failed too, said here). */
  error?: string;
}

/**
 * Adds articles in batches ({@link batchesOf}), one `corpus/add` each, reporting progress to
 * `run`. A cancel stops before the next batch: every batch is stored whole or not at all, and
 * those stored stay. A failed batch takes the batches stored before it back (`corpus/remove`), so
 * an import that fails adds nothing, as the background's messages say.
 */
export async function addInBatches(articles: readonly NewArticle[], writer: CorpusWriter, run: ImportRun): Promise<BatchesOutcome> {
  const batches = batchesOf(articles);
  const size = (a: NewArticle) => a.text.length + a.title.length;
  const totalChars = articles.reduce((sum, a) => sum + size(a), 0);
  const ids: string[] = [];
  let doneChars = 0;
  run.adding(0, articles.length, 0, totalChars);
  for (const batch of batches) {
    if (run.signal.aborted) return { added: ids.length, cancelled: true };
    const answer = await writer.add(batch);
    if (!answer.ok) {
      let error = answer.error;
      for (let i = 0; i < ids.length; i += MAX_REMOVE_IDS) {
        const removed = await writer.remove(ids.slice(i, i + MAX_REMOVE_IDS));
        if (!removed.ok) {
          const left = ids.length - i;
          return { added: left, cancelled: false, error: t(left === 1 ? 'sidepanelImportNotTakenBackOne' : 'sidepanelImportNotTakenBack', error, left, removed.error) };
        }
      }
      return { added: 0, cancelled: false, error };
    }
    ids.push(...answer.ids);
    for (const a of batch) doneChars += size(a);
    run.adding(ids.length, articles.length, doneChars, totalChars);
    // A turn for the page (and its other requests) between batches.
    await run.breathe();
  }
  return { added: ids.length, cancelled: false };
}

/**
 * {@link decodeText} for a big file without holding the page for long: the encoding is found on
 * the first megabyte (as {@link decodeText} finds it on the whole), then the rest is decoded a
 * megabyte at a time, with turns for the page between. UTF-8 that turns out invalid further on is
 * read as GB18030, as {@link decodeText} does.
 * @throws NotTextError for a file that is not text.
 */
export async function decodeTextGently(bytes: Uint8Array, run: Pick<ImportRun, 'breathe' | 'signal'>, chunk = 1 << 20): Promise<string> {
  if (bytes.length <= 2 * chunk) return decodeText(bytes);
  // The first part, up to a line break (never inside a character in UTF-8 or GB18030).
  const lineEnd = bytes.lastIndexOf(0x0a, chunk);
  if (lineEnd <= 0) return decodeText(bytes);
  const { encoding } = decodeBytes(bytes.subarray(0, lineEnd + 1));
  if (encoding !== 'UTF-8' && encoding !== 'GB18030') return decodeText(bytes);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const stream = async (label: string, fatal: boolean, from: number) => {
    const decoder = new TextDecoder(label, { fatal });
    const parts: string[] = [];
    for (let at = from; at < bytes.length; at += chunk) {
      if (run.signal.aborted) return '';
      parts.push(decoder.decode(bytes.subarray(at, Math.min(at + chunk, bytes.length)), { stream: at + chunk < bytes.length }));
      await run.breathe();
    }
    return parts.join('');
  };
  if (bom) return stream('utf-8', false, 3);
  if (encoding === 'UTF-8') {
    try {
      return await stream('utf-8', true, 0);
    } catch {
      // Not UTF-8 after all: GB18030, as decodeText reads it.
    }
  }
  try {
    return await stream('gb18030', true, 0);
  } catch {
    throw new NotTextError();
  }
}

/**
 * {@link parseArticlesJsonl} without holding the page for long: a slice of lines at a time,
 * reporting how far it has read. `{cancelled: true}` when the reader cancels meanwhile.
 */
export async function parseArticlesJsonlGently(
  text: string,
  run: Pick<ImportRun, 'breathe' | 'signal' | 'reading'>,
): Promise<{ articles: NewArticle[] } | { error: string } | { cancelled: true }> {
  const articles: NewArticle[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 1; at <= text.length; n++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end > at && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    at = end + 1;
    if (!line.trim()) continue;
    const article = articleOfLine(line, n);
    if ('error' in article) return article;
    articles.push(article);
    if (articles.length > MAX_IMPORT_ARTICLES) return checkedArticles(articles);
    if (articles.length % 256 === 0) run.reading(at, text.length);
    // A turn for the page whenever this slice has run long enough (long lines make slices of few).
    await run.breathe();
    if (run.signal.aborted) return { cancelled: true };
  }
  return checkedArticles(articles);
}

/** A file as the file pickers give it (a `File`). */
export interface PickedFile {
  name: string;
  /** The path inside the chosen folder, '' when not known. */
  webkitRelativePath?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What an import came to: the outcome for the status line; whether articles were stored (the list is read again). */
export interface ImportResult {
  outcome: Outcome;
  changed: boolean;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The outcome of adding in batches: `complete(n)` when all were added, else cancelled or failed. */
function outcomeOf(result: BatchesOutcome, complete: (n: number) => string): ImportResult {
  const changed = result.added > 0;
  if (result.error !== undefined) return { outcome: { ok: false, text: result.error }, changed };
  if (result.cancelled) {
    const n = result.added;
    const text = n === 0 ? t('sidepanelImportCancelledNone') : t(n === 1 ? 'sidepanelImportCancelledOne' : 'sidepanelImportCancelled', n.toLocaleString(languageTag()));
    return { outcome: { ok: true, text }, changed };
  }
  return { outcome: { ok: true, text: complete(result.added) }, changed };
}

/**
 * Adds the articles of a JSONL file: read and checked whole first (a bad line adds nothing), in
 * slices; then added in batches ({@link addInBatches}), with progress and cancelling through `run`.
 */
export async function importJsonl(file: PickedFile, writer: CorpusWriter, run: ImportRun): Promise<ImportResult> {
  const cancelled = (): ImportResult => ({ outcome: { ok: true, text: t('sidepanelImportCancelledNone') }, changed: false });
  let content: string;
  try {
    content = await decodeTextGently(new Uint8Array(await file.arrayBuffer()), run);
  } catch (error) {
    return { outcome: { ok: false, text: t('sidepanelFileProblem', file.name, messageOf(error)) }, changed: false };
  }
  if (run.signal.aborted) return cancelled();
  const parsed = await parseArticlesJsonlGently(content, run);
  if ('cancelled' in parsed) return cancelled();
  if ('error' in parsed) return { outcome: { ok: false, text: t('sidepanelFileProblem', file.name, parsed.error) }, changed: false };
  const result = await addInBatches(parsed.articles, writer, run);
  return outcomeOf(result, (n) => t(n === 1 ? 'sidepanelAddedFromFileOne' : 'sidepanelAddedFromFile', file.name, n));
}

/**
 * Adds the .txt/.html files of a folder ({@link articleFromFile}; others skipped): read a few at a
 * time, then added in batches ({@link addInBatches}), with progress and cancelling through `run`.
 * The outcome names the files skipped, not usable or cut.
 */
export async function importFolder(files: readonly PickedFile[], writer: CorpusWriter, run: ImportRun): Promise<ImportResult> {
  const cancelled = (): ImportResult => ({ outcome: { ok: true, text: t('sidepanelImportCancelledNone') }, changed: false });
  const wanted = files.filter((f) => isArticleFile(f.name));
  if (wanted.length > MAX_IMPORT_ARTICLES) return { outcome: { ok: false, text: t('sidepanelFolderTooMany', wanted.length, MAX_IMPORT_ARTICLES) }, changed: false };
  const out: FolderArticles = { articles: [], skipped: [], problems: [], cut: [] };
  for (const [i, f] of files.entries()) {
    const path = f.webkitRelativePath || undefined;
    const file: TextFile = { name: f.name, path, text: '' };
    if (isArticleFile(f.name)) {
      try {
        file.text = decodeText(new Uint8Array(await f.arrayBuffer()));
      } catch (error) {
        file.error = messageOf(error);
      }
    }
    const one = articlesFromFiles([file]);
    out.articles.push(...one.articles);
    out.skipped.push(...one.skipped);
    out.problems.push(...one.problems);
    out.cut.push(...one.cut);
    run.reading(i + 1, files.length);
    await run.breathe();
    if (run.signal.aborted) return cancelled();
  }
  const { articles, skipped, problems, cut } = out;
  if (articles.length === 0) {
    return {
      outcome: { ok: false, text: problems.length > 0 ? t('sidepanelFolderNothing', problems.join(t('sidepanelSepSemicolon'))) : t('sidepanelFolderNoFiles') },
      changed: false,
    };
  }
  const notes = [
    skipped.length > 0 && t(skipped.length === 1 ? 'sidepanelSkippedFilesOne' : 'sidepanelSkippedFiles', skipped.length),
    problems.length > 0 &&
      t(problems.length === 1 ? 'sidepanelFilesNotAddedOne' : 'sidepanelFilesNotAdded', problems.length, `${problems.slice(0, 3).join(t('sidepanelSepSemicolon'))}${problems.length > 3 ? '…' : ''}`),
    cut.length > 0 && t('sidepanelFilesCut', cut.join(t('sidepanelSepEnum')), MAX_ARTICLE_CHARS.toLocaleString(languageTag())),
  ].filter((note): note is string => !!note);
  const result = await addInBatches(articles, writer, run);
  return outcomeOf(result, (n) =>
    notes.length
      ? t(n === 1 ? 'sidepanelAddedArticlesNotesOne' : 'sidepanelAddedArticlesNotes', n, notes.join(t('sidepanelSepComma')))
      : t(n === 1 ? 'sidepanelAddedArticlesOne' : 'sidepanelAddedArticles', n),
  );
}
