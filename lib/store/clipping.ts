/**
 * A clipping: a quote the reader saved from a page, how to find it again (W3C Web Annotation
 * selectors), the page it came from, the reader's note, tags and color, and what the recognizer
 * found in it. Every row is checked with {@link clippingSchema} before it is written and after it
 * is read from a file.
 */
import * as z from 'zod/mini';
import { t } from '../i18n';
import { lazy } from '../lazy';
import { spanSchema } from '../messaging/span';

/** Longest quote kept, in characters; a longer selection is cut (the popup says so). */
export const MAX_QUOTE_CHARS = 20_000;
/** Context kept on each side of a quote (W3C TextQuoteSelector prefix and suffix). */
export const QUOTE_CONTEXT_CHARS = 32;

export const textQuoteSelectorSchema = lazy(() => z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_CHARS)),
  prefix: z._default(z.string().check(z.maxLength(QUOTE_CONTEXT_CHARS * 4)), ''),
  suffix: z._default(z.string().check(z.maxLength(QUOTE_CONTEXT_CHARS * 4)), ''),
}));

export const textPositionSelectorSchema = lazy(() => z.object({
  type: z.literal('TextPositionSelector'),
  /** Offsets into the page's flat text (`lib/anchor/text-map`), end exclusive. */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
}));

/** Where the quote starts and ends in the DOM, as CSS selector + text offset (for display and debugging). */
export const rangeSelectorSchema = lazy(() => z.object({
  type: z.literal('RangeSelector'),
  startSelector: z.object({ type: z.literal('CssSelector'), value: z.string().check(z.maxLength(2000)) }),
  endSelector: z.object({ type: z.literal('CssSelector'), value: z.string().check(z.maxLength(2000)) }),
}));

export const selectorsSchema = lazy(() => z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  range: z.optional(rangeSelectorSchema),
}));
export type Selectors = z.infer<typeof selectorsSchema>;

export const CLIPPING_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

const tagSchema = lazy(() =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(40),
    z.refine((tag) => !/[,，\n]/.test(tag), { error: () => t('storeTagNoComma') }),
  ),
);

export const relatedArticleSchema = lazy(() => z.object({
  articleId: z.string().check(z.maxLength(200)),
  title: z.string().check(z.maxLength(500)),
  score: z.number(),
}));

/**
 * A web page's address: http(s) only, at most 4,000 characters. Every address stored, imported
 * or opened passes it (`data:`, `javascript:`, `file:`, browser pages are refused).
 * The schemas' own messages are functions, so they are in the UI's language of each parse.
 */
export const webUrlSchema = lazy(() => z.url({ protocol: /^https?$/, error: () => t('storeUrlNotWeb') }).check(z.maxLength(4000)));

export const clippingSchema = lazy(() => z
  .object({
    /** A UUID, the same in every export of this clipping (imports match on it). */
    id: z.uuid(),
    quote: z.string().check(z.minLength(1), z.maxLength(MAX_QUOTE_CHARS)),
    selectors: selectorsSchema,
    /** The address of the page as the reader saw it. */
    url: webUrlSchema,
    /** The page's canonical address (`<link rel=canonical>`), or `url` without its fragment. */
    canonicalUrl: webUrlSchema,
    title: z.string().check(z.maxLength(1000)),
    /** Host name of the canonical address. */
    site: z.string().check(z.maxLength(255)),
    createdAt: z.int().check(z.nonnegative()),
    updatedAt: z.int().check(z.nonnegative()),
    note: z._default(z.string().check(z.maxLength(50_000)), ''),
    tags: z._default(z.array(tagSchema).check(z.maxLength(50)), []),
    color: z._default(z.enum(CLIPPING_COLORS), 'yellow'),
    /** Entities and figures inside the quote, offsets into `quote`. */
    entities: z._default(z.array(spanSchema).check(z.maxLength(5_000)), []),
    /** Related seed articles (filled in by the corpus lookup; refreshable). */
    related: z._default(z.array(relatedArticleSchema).check(z.maxLength(20)), []),
  })
  .check(
    z.refine((c) => c.selectors.position.end >= c.selectors.position.start, { error: () => t('storePositionEndBeforeStart'), path: ['selectors', 'position'] }),
    z.refine((c) => c.updatedAt >= c.createdAt, { error: () => t('storeUpdatedBeforeCreated'), path: ['updatedAt'] }),
  ));
export type Clipping = z.infer<typeof clippingSchema>;

/**
 * The page address clippings are grouped by: the canonical URL without fragment, query
 * parameters used for tracking (`utm_*`, `spm`, `from`…), or a trailing `index.html`/slash
 * difference. Returns the input if it is not a URL.
 */
export function pageKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  u.hash = '';
  for (const name of [...u.searchParams.keys()]) {
    if (/^(utm_|spm$|from$|isappinstalled$|share|wechat|scene$|clicktime$|enterid$)/i.test(name)) u.searchParams.delete(name);
  }
  u.pathname = u.pathname.replace(/\/index\.s?html?$/i, '/');
  u.hostname = u.hostname.toLowerCase();
  u.protocol = 'https:'; // the same page over http and https
  let key = u.toString();
  if (key.endsWith('/') && u.pathname !== '/') key = key.slice(0, -1);
  return key;
}

/** How much of a quote's first and last line a text fragment keeps (a browser's URL stays short). */
const FRAGMENT_LINE_CHARS = 300;

/**
 * The address that opens a clipping's page scrolled to its quote where the extension does not
 * run: the page's http(s) address with a text fragment of complete lines (`#:~:text=第一行,末行`;
 * one line alone when the quote is one line). Lines, not pieces of them: a text fragment matches
 * only at word boundaries, and a piece cut inside a word matches nothing. A line longer than
 * {@link FRAGMENT_LINE_CHARS} keeps its start (first line) or its end (last line).
 * Returns null for an address that is not http(s) (`data:`, `javascript:`, `file:`, malformed):
 * such an address is never opened.
 */
export function clippingLink(url: string, quote: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  const lines = quote
    .split(/\n+/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!lines.length) return u.href;
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const first = lines[0]!.slice(0, FRAGMENT_LINE_CHARS);
  const last = lines[lines.length - 1]!.slice(-FRAGMENT_LINE_CHARS);
  const fragment = lines.length === 1 && lines[0]!.length <= FRAGMENT_LINE_CHARS ? enc(lines[0]!) : `${enc(first)},${enc(last)}`;
  return `${u.href}#:~:text=${fragment}`;
}
