/**
 * A clipping: a quote the reader saved from a page, how to find it again (W3C Web Annotation
 * selectors), the page it came from, the reader's note, tags and color, and what the recognizer
 * found in it. Every row is checked with {@link clippingSchema} before it is written and after it
 * is read from a file.
 */
import { z } from 'zod';
import { lazy } from '../lazy';
import { spanSchema } from '../messaging/span';

/** Longest quote kept, in characters; a longer selection is cut (the popup says so). */
export const MAX_QUOTE_CHARS = 20_000;
/** Context kept on each side of a quote (W3C TextQuoteSelector prefix and suffix). */
export const QUOTE_CONTEXT_CHARS = 32;

export const textQuoteSelectorSchema = lazy(() => z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_CHARS),
  prefix: z.string().max(QUOTE_CONTEXT_CHARS * 4).default(''),
  suffix: z.string().max(QUOTE_CONTEXT_CHARS * 4).default(''),
}));

export const textPositionSelectorSchema = lazy(() => z.object({
  type: z.literal('TextPositionSelector'),
  /** Offsets into the page's flat text (`lib/anchor/text-map`), end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}));

/** Where the quote starts and ends in the DOM, as CSS selector + text offset (for display and debugging). */
export const rangeSelectorSchema = lazy(() => z.object({
  type: z.literal('RangeSelector'),
  startSelector: z.object({ type: z.literal('CssSelector'), value: z.string().max(2000) }),
  endSelector: z.object({ type: z.literal('CssSelector'), value: z.string().max(2000) }),
}));

export const selectorsSchema = lazy(() => z.object({
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  range: rangeSelectorSchema.optional(),
}));
export type Selectors = z.infer<typeof selectorsSchema>;

export const CLIPPING_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

const tagSchema = lazy(() => z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((t) => !/[,，\n]/.test(t), '标签不能含逗号或换行'));

export const relatedArticleSchema = lazy(() => z.object({
  articleId: z.string().max(200),
  title: z.string().max(500),
  score: z.number(),
}));

export const clippingSchema = lazy(() => z
  .object({
    /** A UUID, the same in every export of this clipping (imports match on it). */
    id: z.string().uuid(),
    quote: z.string().min(1).max(MAX_QUOTE_CHARS),
    selectors: selectorsSchema,
    /** The address of the page as the reader saw it. */
    url: z.string().url().max(4000),
    /** The page's canonical address (`<link rel=canonical>`), or `url` without its fragment. */
    canonicalUrl: z.string().url().max(4000),
    title: z.string().max(1000),
    /** Host name of the canonical address. */
    site: z.string().max(255),
    createdAt: z.number().int().nonnegative(),
    updatedAt: z.number().int().nonnegative(),
    note: z.string().max(50_000).default(''),
    tags: z.array(tagSchema).max(50).default([]),
    color: z.enum(CLIPPING_COLORS).default('yellow'),
    /** Entities and figures inside the quote, offsets into `quote`. */
    entities: z.array(spanSchema).max(5_000).default([]),
    /** Related seed articles (filled in by the corpus lookup; refreshable). */
    related: z.array(relatedArticleSchema).max(20).default([]),
  })
  .refine((c) => c.selectors.position.end >= c.selectors.position.start, { message: 'TextPositionSelector 的 end 小于 start', path: ['selectors', 'position'] })
  .refine((c) => c.updatedAt >= c.createdAt, { message: 'updatedAt 早于 createdAt', path: ['updatedAt'] }));
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
