import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleTitle, type ArticleRegion } from '@/lib/anchor/article';
import { readPageText } from '@/lib/anchor/page-text';
import { metaDate } from '@/lib/corpus/published';
import type { TextMap } from '@/lib/anchor/text-map';
import { createClient } from '@/lib/messaging';
import { MAX_QUERY_CHARS } from '@/lib/messaging/corpus-protocol';
import { MIN_SELECTION_CHARS, sidePanelProtocol, type PageText } from '@/lib/messaging/protocol';

/** How long a selection must stay unchanged before the side panel hears of it, ms. */
export const SELECTION_DEBOUNCE_MS = 400;

/** `text` cut at `limit` characters, never between the halves of a surrogate pair. */
function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = limit;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/** The selection's text, trimmed and cut at {@link MAX_QUERY_CHARS}; '' when nothing is selected. */
export function selectionText(win: Pick<Window, 'getSelection'> = globalThis.window): string {
  return cut((win.getSelection()?.toString() ?? '').trim(), MAX_QUERY_CHARS);
}

/**
 * The `<meta>` names news and government CMSs give the publication time under (TRS and
 * other Chinese CMSs: `PubDate`, `publishdate`; Open Graph and others: `article:published_time`).
 */
const PUBLISHED_META = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'article:published_time', 'og:article:published_time', 'date', 'DC.date'];

/** The publication date a page's `<meta>` gives, as an ISO date, else undefined. Never throws. */
export function pagePublished(doc: Document): string | undefined {
  for (const name of PUBLISHED_META) {
    for (const meta of doc.querySelectorAll<HTMLMetaElement>(`meta[name="${name}"], meta[property="${name}"]`)) {
      const day = metaDate(meta.content ?? '');
      if (day) return day;
    }
  }
  return undefined;
}

/**
 * The answer to `page/text`: the page's article (headline first, dateline, body, no menus or
 * footers) as {@link readPageText} finds it, else the page's text, cut at {@link MAX_QUERY_CHARS};
 * the article's title (its visible headline, else `og:title`, else the document's title without
 * the site's name); the selection; the addresses. `known` is the content script's last read of
 * the page, reused when given. Never throws.
 */
export function pageTextOf(
  doc: Document = globalThis.document,
  win: Pick<Window, 'getSelection' | 'location'> = globalThis.window,
  known?: { map: TextMap; article: ArticleRegion | null },
): PageText {
  const { text, article } = readPageText(doc, MAX_QUERY_CHARS, known);
  const headline = articleTitle(doc, article);
  const body = text.trim();
  // Without an article the headline may not be in the text read: it says most, so it goes first.
  const full = headline && !body.startsWith(headline) && !article?.headline ? `${headline}\n${body}` : body;
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const answer: PageText = {
    url: win.location.href,
    title: doc.title.trim(),
    headline,
    text: cut(full, MAX_QUERY_CHARS),
    selection: selectionText(win),
  };
  if (canonical && /^https?:/i.test(canonical)) answer.canonicalUrl = canonical;
  const published = pagePublished(doc);
  if (published) answer.published = published;
  return answer;
}

/**
 * Tells the side panel (if open) what the reader selects on the page: once the selection has
 * stayed the same for {@link SELECTION_DEBOUNCE_MS}, if it holds at least
 * {@link MIN_SELECTION_CHARS} characters and differs from the last one told. Nobody answering
 * (the panel is closed) is not an error. Stops when the content script is invalidated.
 */
export function startSelectionNotices(ctx: ContentScriptContext): void {
  const panel = createClient('sidepanel', sidePanelProtocol, (m) => browser.runtime.sendMessage(m));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const notify = () => {
    const text = selectionText();
    if (text.length < MIN_SELECTION_CHARS) {
      // A later selection of the same words is news again.
      if (text.length === 0) last = '';
      return;
    }
    if (text === last) return;
    last = text;
    void panel.call('page/selection', { url: location.href, text });
  };
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (ctx.isValid) notify();
    }, SELECTION_DEBOUNCE_MS);
  };
  document.addEventListener('selectionchange', onChange);
  ctx.onInvalidated(() => {
    clearTimeout(timer);
    document.removeEventListener('selectionchange', onChange);
  });
}
