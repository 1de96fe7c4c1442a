/**
 * Finds a news page's article in its flat text: the headline, the dateline and the body, not
 * the menus, tickers, "相关新闻" columns, side menus and footers around them.
 *
 * The body is found the way Readability scores a page, read off the text map the extension
 * builds anyway: every paragraph-like run of text (25+ characters outside links) scores for
 * the block holding it and that block's ancestors (1, 1, ½, ⅓), by its length and its clause
 * marks (，、；。: prose, not lists); an element's score is scaled by the share of its text
 * outside links and moved by what its id and class say (content, detail, TRS_Editor … up;
 * nav, footer, related, ticker … down). The best element is the body; it grows to its parent
 * when siblings hold more of the same prose. The headline is the best heading-like element
 * (h1–h3, a "title" class) shortly before the body, visible, and most like the page's title.
 *
 * Pure DOM reading (no layout except one visibility check of headline candidates); runs in a
 * content script or on a parsed document.
 */
import type { TextMap } from './text-map';

export interface ArticleRegion {
  /** The element holding the article's body. */
  body: Element;
  /** The article's headline, when one was found before the body or at its top. */
  headline: Element | null;
  /** The headline's text, whitespace collapsed ('' without one). */
  headlineText: string;
  /** Flat-text offsets in the map: from the headline (or the body) to the end of the body and its credits. */
  start: number;
  end: number;
  /** Characters of prose in the body (paragraph-like text outside links). */
  proseChars: number;
}

/** The least prose, in characters, that makes a page an article (home pages and indexes hold less). */
export const MIN_ARTICLE_CHARS = 180;
/** The shortest run of text outside links that counts as a paragraph. */
const MIN_PARAGRAPH_CHARS = 25;
/** Ids and classes of article bodies on news and government sites. */
const POSITIVE = /article|artic|content|detail|text|main|body|zoom|trs_?editor|rm_txt|news_?con|con_?txt|zhengwen|neirong|wenzhang|story|entry|post|cont\b|txt/i;
/** Ids and classes of what surrounds an article. */
const NEGATIVE = /nav|menu|foot|sidebar|side|related|xgxw|xgwz|xgyd|recommend|tuijian|hot|rank|paihang|ticker|scroll|marquee|gundong|copyright|banner|share|comment|breadcrumb|crumb|position|weizhi|dqwz|header|head\b|top\b|login|search|links?\b|yqlj|friend|bottom|logo|tool|print|fenxiang|(?:^|[^a-z])ad(?:[^a-z]|$)|guanggao|qrcode|erweima/i;
/** Elements that hold a paragraph's text as one block. */
const BLOCK_SELECTOR = 'p,div,td,li,section,article,main,blockquote,dd,pre,center,table,form';
/** Heading-like elements that may be an article's headline. */
const HEADLINE_SELECTOR = 'h1,h2,h3,[class*="title" i],[id*="title" i],[class*="biaoti" i],[class*="headline" i],[class~="bt" i]';
/** How far before the body a headline may stand, in characters of flat text. */
const HEADLINE_REACH = 1_200;
/** Clause marks of prose. */
const CLAUSE_MARKS = /[，、；。,;]/g;

interface Tally {
  /** Characters of all text below the element. */
  chars: number;
  /** Characters of text inside links below it. */
  linkChars: number;
  /** Characters of prose below it. */
  prose: number;
  /** Paragraph score collected from below. */
  score: number;
}

/** Non-space characters of a string. */
function visibleChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

/** What an element's id and class say of it: + for an article body, − for what is around one. */
function classWeight(el: Element): number {
  const names = `${el.id} ${typeof el.className === 'string' ? el.className : ''}`;
  let w = 0;
  if (names.trim()) {
    if (NEGATIVE.test(names)) w -= 25;
    if (POSITIVE.test(names)) w += 25;
  }
  const tag = el.tagName;
  if (tag === 'ARTICLE' || tag === 'MAIN') w += 15;
  else if (tag === 'NAV' || tag === 'FOOTER' || tag === 'ASIDE' || tag === 'HEADER') w -= 50;
  return w;
}

/** Character bigrams of a string, for comparing a heading with the page's title. */
function bigrams(text: string): Set<string> {
  const s = text.replace(/\s+/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice coefficient of two strings' character bigrams (0…1). */
function likeness(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return (2 * both) / (x.size + y.size);
}

/** Whether an element is rendered (where layout exists; a parsed document counts all as shown). */
function shown(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') return check.call(el, { visibilityProperty: true, opacityProperty: true });
  return true;
}

/** Collapsed text of an element. */
function textOf(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Index of the first segment at or after flat offset `at`. */
function segmentFrom(map: TextMap, at: number): number {
  let lo = 0;
  let hi = map.segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = map.segments[mid]!;
    if (seg.start + seg.node.data.length <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First and last segment indexes inside `el` (the map is in document order), or null. */
function segmentsOf(map: TextMap, el: Element, from = 0): [number, number] | null {
  const segs = map.segments;
  let first = -1;
  for (let i = from; i < segs.length; i++) {
    if (el.contains(segs[i]!.node)) {
      first = i;
      break;
    }
  }
  if (first < 0) return null;
  let last = first;
  while (last + 1 < segs.length && el.contains(segs[last + 1]!.node)) last++;
  return [first, last];
}

/**
 * The page's titles to compare headings with: `og:title` and the document's title.
 */
function pageTitles(doc: Document): string[] {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '';
  return [og, doc.title ?? ''].map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/**
 * Scores the map's text for {@link findArticle}, yielding every 256 segments so a caller can
 * pause on a long page.
 */
function* scorePage(map: TextMap): Generator<void, Map<Element, Tally>> {
  const tallies = new Map<Element, Tally>();
  const inLink = new Map<Element, boolean>();
  const blockOf = new Map<Element, Element | null>();
  const tally = (el: Element) => {
    let t = tallies.get(el);
    if (!t) tallies.set(el, (t = { chars: 0, linkChars: 0, prose: 0, score: 0 }));
    return t;
  };
  let k = 0;
  for (const seg of map.segments) {
    if ((++k & 255) === 0) yield;
    const parent = seg.node.parentElement;
    if (!parent) continue;
    const n = visibleChars(seg.node.data);
    if (!n) continue;
    let linked = inLink.get(parent);
    if (linked === undefined) inLink.set(parent, (linked = parent.closest('a') !== null));
    // Every ancestor counts this text (for its share of links).
    for (let el: Element | null = parent; el; el = el.parentElement) {
      const t = tally(el);
      t.chars += n;
      if (linked) t.linkChars += n;
    }
    if (linked || n < MIN_PARAGRAPH_CHARS) continue;
    let block = blockOf.get(parent);
    if (block === undefined) {
      // Inline wrappers (span, font, strong) inside a paragraph: the paragraph is the block.
      block = parent.closest(BLOCK_SELECTOR);
      blockOf.set(parent, block);
    }
    if (!block) continue;
    const marks = seg.node.data.match(CLAUSE_MARKS)?.length ?? 0;
    const score = 1 + marks + Math.min(3, Math.floor(n / 100));
    const weights = [1, 1, 0.5, 1 / 3];
    let el: Element | null = block;
    for (let level = 0; el && level < weights.length; level++, el = el.parentElement) {
      const t = tally(el);
      t.score += score * weights[level]!;
      t.prose += n;
    }
  }
  return tallies;
}

/**
 * Finds the article on a page from its text map (as {@link buildTextMap} builds it over
 * `document.body`). Returns null when the page holds too little prose to be an article (a home
 * page, an index, a form); never throws. Runs to the end at once; {@link findArticleSliced}
 * yields to the page on long pages.
 */
export function findArticle(map: TextMap): ArticleRegion | null {
  const walk = scorePage(map);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return regionFrom(map, step.value);
}

/**
 * {@link findArticle} in slices of about `sliceMs`, giving the page's event loop a turn between
 * them; `stats.busyMs` gets the main-thread time it took (slices only). Never rejects.
 */
export async function findArticleSliced(map: TextMap, sliceMs = 8, stats?: { busyMs: number }): Promise<ArticleRegion | null> {
  const walk = scorePage(map);
  let sliceStart = performance.now();
  let busy = 0;
  for (;;) {
    const step = walk.next();
    if (step.done) {
      const region = regionFrom(map, step.value);
      if (stats) stats.busyMs = busy + performance.now() - sliceStart;
      return region;
    }
    if (performance.now() - sliceStart > sliceMs) {
      busy += performance.now() - sliceStart;
      await new Promise((r) => setTimeout(r, 0));
      sliceStart = performance.now();
    }
  }
}

function finalScore(el: Element, t: Tally): number {
  const linkDensity = t.chars ? t.linkChars / t.chars : 0;
  return t.score * (1 - linkDensity) + classWeight(el);
}

function regionFrom(map: TextMap, tallies: Map<Element, Tally>): ArticleRegion | null {
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, t] of tallies) {
    if (t.score <= 0) continue;
    const s = finalScore(el, t);
    if (s > bestScore) {
      best = el;
      bestScore = s;
    }
  }
  if (!best) return null;
  // Grow to the parent while siblings hold more of the same prose (a body split in parts).
  for (let parent = best.parentElement; parent && parent.tagName !== 'BODY' && parent.tagName !== 'HTML'; parent = parent.parentElement) {
    const b = tallies.get(best)!;
    const p = tallies.get(parent);
    if (!p || p.prose < b.prose * 1.15) break;
    if (p.linkChars / p.chars > 0.3 || p.prose / p.chars < 0.55 || classWeight(parent) < 0) break;
    best = parent;
  }
  const body = best;
  const t = tallies.get(body)!;
  if (t.prose < MIN_ARTICLE_CHARS) return null;
  const span = segmentsOf(map, body, 0);
  if (!span) return null;
  const segs = map.segments;
  const bodyStart = segs[span[0]]!.start;
  let end = segs[span[1]]!.start + segs[span[1]]!.node.data.length;

  // The credits after the body (责任编辑, 来源): short blocks of plain text right after it.
  let next = body.nextElementSibling;
  for (let k = 0; next && k < 3; k++, next = next.nextElementSibling) {
    const nt = tallies.get(next);
    if (!nt) continue;
    if (nt.chars > 120 || nt.linkChars > nt.chars * 0.3 || classWeight(next) < 0) break;
    const own = segmentsOf(map, next, span[1] + 1);
    if (!own) break;
    end = segs[own[1]]!.start + segs[own[1]]!.node.data.length;
  }

  const headline = findHeadline(map, body, span[0], bodyStart);
  let start = bodyStart;
  if (headline) {
    const own = segmentsOf(map, headline, segmentFrom(map, Math.max(0, bodyStart - HEADLINE_REACH)));
    if (own && segs[own[0]]!.start < start) start = segs[own[0]]!.start;
  }
  return { body, headline, headlineText: headline ? textOf(headline) : '', start, end, proseChars: t.prose };
}

/** The headline: the best heading-like element in the text shortly before the body or at its top. */
function findHeadline(map: TextMap, body: Element, firstInBody: number, bodyStart: number): Element | null {
  const doc = body.ownerDocument;
  const titles = pageTitles(doc);
  const segs = map.segments;
  const from = segmentFrom(map, Math.max(0, bodyStart - HEADLINE_REACH));
  // The body's first few blocks may hold the headline too (an <article> with its <h1>).
  let to = firstInBody;
  while (to < segs.length && segs[to]!.start < bodyStart + 300) to++;
  const seen = new Set<Element>();
  let best: Element | null = null;
  let bestScore = 0;
  for (let i = from; i < to; i++) {
    const el = segs[i]!.node.parentElement?.closest(HEADLINE_SELECTOR);
    if (!el || seen.has(el) || el.contains(body)) continue;
    seen.add(el);
    const text = textOf(el);
    if (text.length < 5 || text.length > 100 || el.querySelector('p, li, table')) continue;
    const like = titles.length ? Math.max(...titles.map((t) => likeness(text, t))) : 0;
    let score = like * 10;
    if (el.tagName === 'H1') score += 4;
    else if (el.tagName === 'H2') score += 2.5;
    else if (el.tagName === 'H3') score += 1;
    else score += 1.5;
    // Nearer the body is likelier (a ticker or a site's heading stands further up).
    const distance = Math.max(0, bodyStart - segs[i]!.start);
    score -= distance / 400;
    if (el.closest('a') || classWeight(el) < -20) score -= 3;
    if (score <= bestScore || !shown(el)) continue;
    best = el;
    bestScore = score;
  }
  return bestScore >= 2 ? best : null;
}

/** The most text a page without an article may hold to be read whole (a short notice, a snippet page). */
export const SHORT_PAGE_CHARS = 1_500;

/**
 * Whether a page without an article is short and mostly plain text (a brief notice, a page
 * holding a few paragraphs), so reading it whole marks no menus: at most
 * {@link SHORT_PAGE_CHARS} characters, under a third of them in links. Home pages and indexes
 * (links, mostly) are not. Never throws.
 */
export function isShortPlainPage(map: TextMap): boolean {
  let chars = 0;
  let linkChars = 0;
  for (const seg of map.segments) {
    const n = visibleChars(seg.node.data);
    chars += n;
    if (chars > SHORT_PAGE_CHARS) return false;
    if (seg.node.parentElement?.closest('a')) linkChars += n;
  }
  return chars > 0 && linkChars < chars / 3;
}

/** Site names and separators at a document title's ends (青海新闻网, 中国政府网, _, |, —). */
const TITLE_SEPARATORS = /\s*(?:[_|｜–—-]{1,2}|\s-\s)\s*/;
const SITE_WORDS = /网$|网站$|门户|政府网|人民政府|日报$|晚报$|新闻$|在线$|客户端$|频道$|首页$|官网$|电视台$|之窗$|\.(?:com|cn|net|org)/;

/**
 * The article's title for saving a page: the visible headline of the article when found, else
 * `og:title`, else the document's title with the site's name taken off
 * (`我省发布…成果_青海新闻网` → `我省发布…成果`). Returns '' for a page with no title at all.
 */
export function articleTitle(doc: Document, region: ArticleRegion | null): string {
  if (region?.headlineText) return region.headlineText.slice(0, 300);
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
  if (og) return og.slice(0, 300);
  return titleWithoutSite(doc.title ?? '').slice(0, 300);
}

/** A document title without the site's name at its start or end. */
export function titleWithoutSite(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim();
  const parts = text.split(TITLE_SEPARATORS).filter(Boolean);
  if (parts.length < 2) return text;
  const kept = parts.filter((p) => !SITE_WORDS.test(p.trim()));
  // Nothing left that is not a site's name: the longest part says most.
  const pool = kept.length ? kept : parts;
  return pool.reduce((a, b) => (b.length > a.length ? b : a)).trim();
}
