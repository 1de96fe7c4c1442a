/**
 * Turning what the reader adds to "我的文章" into articles for `corpus/add`: this page, the
 * files of a folder (.txt, .html), or the lines of a JSONL file. Strings only, no DOM and no
 * browser calls, so the side panel and tests share them.
 */
import { MAX_ARTICLE_CHARS } from '@/lib/corpus/article';
import { t } from '@/lib/i18n';
import { decodeBytes } from '@/lib/text/decode';
import { newArticleSchema, type NewArticle } from '@/lib/messaging/corpus-protocol';
import type { PageText } from '@/lib/messaging/protocol';
import { decodeEntities, htmlToText } from '@/lib/text/html';

/** Most articles one `corpus/add` request takes. */
export const MAX_ADD_ARTICLES = 2_000;
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
 * The articles of a JSONL file, one `{"title", "text", "url"?, "source"?}` object a line (blank
 * lines ignored). All or nothing: `{error}` names the first bad line by its number (from 1) and
 * what is wrong with it, and then no article is returned.
 */
export function parseArticlesJsonl(text: string): { articles: NewArticle[] } | { error: string } {
  const articles: NewArticle[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const n = i + 1;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { error: t('sidepanelJsonlNotJson', n) };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      return { error: t('sidepanelJsonlNotObject', n) };
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
    articles.push(parsed.data);
  }
  if (articles.length === 0) return { error: t('sidepanelJsonlEmpty') };
  if (articles.length > MAX_ADD_ARTICLES) return { error: t('sidepanelJsonlTooMany', articles.length, MAX_ADD_ARTICLES) };
  return { articles };
}
