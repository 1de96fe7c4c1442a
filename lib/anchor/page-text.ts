/**
 * Reads the text a reader sees on a page. The full DOM ↔ text offset map for highlighting
 * lives beside this file; this is the plain text used for a whole-page segmentation.
 */

/** Elements that hold an article's body on the news sites we target, most specific first. */
export const ARTICLE_SELECTORS = [
  'article',
  '[itemprop="articleBody"]',
  '.rm_txt_con', // 人民网
  '#detail', // 新华网
  '.article',
  '.TRS_Editor', // TRS CMS, common on *.gov.cn
  '#zoom', // gov.cn bulletins
  '.content',
  '#content',
  'main',
] as const;

export interface PageText {
  text: string;
  /** The element the text was read from. */
  root: Element;
  /** Whether the text was cut at `limit` characters. */
  truncated: boolean;
}

/**
 * The visible text of the page's article body where one is evident (an element from
 * {@link ARTICLE_SELECTORS} holding at least 200 characters), else of `<body>`.
 * The text is `innerText`, so hidden elements and scripts are left out and block boundaries
 * become line breaks. Cut at `limit` characters, never inside a surrogate pair.
 *
 * Returns an empty text (never throws) for a document without a body.
 */
export function readPageText(doc: Document = globalThis.document, limit = 200_000): PageText {
  const body = doc.body ?? doc.documentElement;
  let root: Element = body;
  for (const selector of ARTICLE_SELECTORS) {
    const el = doc.querySelector(selector);
    if (el && visibleText(el).trim().length >= 200) {
      root = el;
      break;
    }
  }
  let text = visibleText(root);
  const truncated = text.length > limit;
  if (truncated) {
    let end = limit;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
    text = text.slice(0, end);
  }
  return { text, root, truncated };
}

function visibleText(el: Element): string {
  // innerText needs layout; environments without it (or detached nodes) fall back to textContent.
  const inner = (el as HTMLElement).innerText;
  return typeof inner === 'string' ? inner : (el.textContent ?? '');
}
