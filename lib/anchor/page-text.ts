/**
 * Reads the text a reader came for on a page: its article (headline, dateline, body) as
 * `article.ts` finds it, else the whole visible page. The full DOM ↔ text offset map for
 * highlighting lives beside this file; this is the plain text for the side panel's query and a
 * whole-page segmentation.
 */
import { findArticle, type ArticleRegion } from './article';
import { buildTextMap, MAX_PAGE_CHARS, type TextMap } from './text-map';

export interface PageText {
  text: string;
  /** The element the text was read from: the article's body, or `<body>`. */
  root: Element;
  /** The article found on the page, null for a page without one (its whole text is read then). */
  article: ArticleRegion | null;
  /** Whether the text was cut at `limit` characters. */
  truncated: boolean;
}

/** `text` cut at `limit` characters, never between the halves of a surrogate pair. */
function cut(text: string, limit: number): { text: string; truncated: boolean } {
  if (text.length <= limit) return { text, truncated: false };
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}

/**
 * The page's article text (from its headline to the end of its body and credits, blocks
 * separated by line breaks, hidden elements and scripts left out) where the page has an
 * article, else the whole visible text of `<body>`. Cut at `limit` characters, never inside a
 * surrogate pair. `known` reuses a map and article found already (the content script keeps
 * them from its last read of the page).
 *
 * Returns an empty text (never throws) for a document without a body.
 */
export function readPageText(
  doc: Document = globalThis.document,
  limit = 200_000,
  known?: { map: TextMap; article: ArticleRegion | null },
): PageText {
  const body = doc.body ?? doc.documentElement;
  if (!body) return { text: '', root: doc.documentElement, article: null, truncated: false };
  const map = known?.map ?? buildTextMap(body, MAX_PAGE_CHARS);
  const article = known ? known.article : findArticle(map);
  const whole = article ? map.text.slice(article.start, article.end) : map.text;
  const { text, truncated } = cut(whole, limit);
  return { text, root: article?.body ?? body, article, truncated };
}
