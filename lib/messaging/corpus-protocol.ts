/**
 * Messages about the corpus (seed articles shipped with the extension plus the articles the
 * user added). The background owns the corpus: it loads the shipped corpus file and the added
 * articles from the database into one index, and answers lookups with the one segmenter.
 * The side panel, the popup and the hover card only ask.
 */
import * as z from 'zod/mini';
import { webUrlSchema } from '../store/clipping';
import { lazy } from '../lazy';
import { ARTICLE_ORIGINS, MAX_ARTICLE_CHARS, MAX_MARKS_JSON, PUBLISHED_RE, corpusArticleSchema } from '../corpus/article';
import type { MessageSpec } from './index';
import { spanSchema } from './span';

/** The longest query text sent for a lookup (a page's article is cut to this). */
export const MAX_QUERY_CHARS = 20_000;

export const relatedResultSchema = lazy(() => z.object({
  articleId: z.string(),
  title: z.string(),
  origin: z.enum(ARTICLE_ORIGINS),
  seed: z.optional(z.string()),
  url: z.optional(z.string()),
  source: z.optional(z.string()),
  published: z.optional(z.string()),
  score: z.number(),
  /** Shared entities, document numbers and figures, as the article writes them. */
  shared: z.array(z.string()),
  sharedTerms: z.array(z.string()),
  sentence: z.nullable(z.object({ text: z.string(), start: z.int(), end: z.int() })),
}));
export type RelatedResult = z.infer<typeof relatedResultSchema>;

/** An article in a list: no text, no index data. */
export const articleSummarySchema = lazy(() => z.object({
  id: z.string(),
  origin: z.enum(ARTICLE_ORIGINS),
  title: z.string(),
  source: z.optional(z.string()),
  published: z.optional(z.string()),
  seed: z.optional(z.string()),
  url: z.optional(z.string()),
  chars: z.int(),
  addedAt: z.optional(z.int()),
}));
export type ArticleSummary = z.infer<typeof articleSummarySchema>;

/** An article the user adds: from this page, a file of a folder, or a JSONL line. */
export const newArticleSchema = lazy(() => z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_ARTICLE_CHARS)),
  /** The article's web page: http(s) only (another scheme is refused, naming the line). */
  url: z.optional(webUrlSchema),
  source: z.optional(z.string().check(z.maxLength(100))),
  /** When it was published (the page's `<meta>`); else found in its text when added. */
  published: z.optional(z.string().check(z.regex(PUBLISHED_RE))),
}));
export type NewArticle = z.infer<typeof newArticleSchema>;

/** An article as read on a page, for the reading history: its text and the spans recognized in it. */
export const historyArticleSchema = lazy(() => z.object({
  url: webUrlSchema,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_ARTICLE_CHARS)),
  source: z.optional(z.string().check(z.maxLength(100))),
  published: z.optional(z.string().check(z.regex(PUBLISHED_RE))),
  /** The spans recognized in `text` (offsets into it), as the page's highlights: marks as JSON (see `marksJson`), checked by the background. */
  marks: z.string().check(z.maxLength(MAX_MARKS_JSON)),
}));
export type HistoryArticle = z.infer<typeof historyArticleSchema>;

export const corpusBackgroundProtocol = {
  /** Related articles for a text (a page's article, a selection, a clipping's quote), best first, at most 5. */
  'corpus/related': {
    request: lazy(() => z.object({ text: z.string().check(z.maxLength(MAX_QUERY_CHARS)), exclude: z.optional(z.array(z.string()).check(z.maxLength(50))) })),
    response: lazy(() => z.object({ results: z.array(relatedResultSchema) })),
  },
  /** The search box: articles matching words typed by the reader, best first (a lower bar than `related`). */
  'corpus/search': {
    request: lazy(() => z.object({ query: z.string().check(z.maxLength(500)), limit: z.optional(z.int().check(z.gte(1), z.lte(50))) })),
    response: lazy(() => z.object({ results: z.array(relatedResultSchema) })),
  },
  /** One article in full, with its entities and figures as spans into its text, for the reader view. */
  'corpus/article': {
    request: lazy(() => z.object({ id: z.string() })),
    response: lazy(() => z.object({ article: z.nullable(z.omit(corpusArticleSchema, { terms: true })), spans: z.array(spanSchema) })),
  },
  /** Articles that mention an entity or figure (same text or same normalized value), for the hover card. */
  'corpus/mentions': {
    request: lazy(() => z.object({ span: z.pick(spanSchema, { type: true, text: true, value: true, unit: true }), limit: z.optional(z.int().check(z.gte(1), z.lte(20))) })),
    response: lazy(() => z.object({ articles: z.array(z.object({ articleId: z.string(), title: z.string(), count: z.int() })) })),
  },
  /** All articles, seeds first, then added ones newest first. */
  'corpus/list': {
    request: lazy(() => z.object({})),
    response: lazy(() => z.object({ articles: z.array(articleSummarySchema) })),
  },
  /** Adds articles (all or nothing per call; the error names the first bad one). */
  'corpus/add': {
    request: lazy(() => z.object({ articles: z.array(newArticleSchema).check(z.minLength(1), z.maxLength(2_000)) })),
    response: lazy(() => z.object({ ids: z.array(z.string()) })),
  },
  /** Removes added articles (seed articles cannot be removed). */
  'corpus/remove': {
    request: lazy(() => z.object({ ids: z.array(z.string()).check(z.minLength(1), z.maxLength(10_000)) })),
    response: lazy(() => z.object({ removed: z.int() })),
  },
  /**
   * The content script's article of an annotated page, for the reading history (已读): kept only
   * while the reader has it switched on (`added: false` otherwise); one record per address.
   */
  'history/add': {
    request: lazy(() => historyArticleSchema),
    response: lazy(() => z.object({ added: z.boolean(), id: z.optional(z.string()) })),
  },
  /** The reading history, newest first (`query` filters by title and address), and its use of space. */
  'history/list': {
    request: lazy(() => z.object({ query: z.optional(z.string().check(z.maxLength(200))), limit: z.optional(z.int().check(z.gte(1), z.lte(1000))) })),
    response: lazy(() => z.object({ articles: z.array(articleSummarySchema), count: z.int(), chars: z.int(), cap: z.int() })),
  },
  /** Removes articles of the reading history, or all of it. */
  'history/remove': {
    request: lazy(() => z.object({ ids: z.optional(z.array(z.string().check(z.regex(/^history:/))).check(z.maxLength(10_000))), all: z.optional(z.boolean()) })),
    response: lazy(() => z.object({ removed: z.int() })),
  },
} satisfies Record<string, MessageSpec>;
