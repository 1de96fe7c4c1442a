/**
 * The article record of the corpus: a seed article (built from `seeds/` at build time) or an
 * article the user added (this page, a folder of files, a JSONL file). Both are searched
 * together. Checked with zod wherever one crosses a boundary (the shipped corpus file, the
 * database, an import, a message).
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { SPAN_TYPES, type Span } from '../recognize/types';

/** Version of the shipped corpus file; bumped when the record's shape changes. */
export const CORPUS_VERSION = 1;

/**
 * Where the build puts the seed corpus file among the extension's public assets (the background
 * fetches `/${CORPUS_ASSET}`). Named by version so a changed record never meets an old reader.
 */
export const CORPUS_ASSET = `corpus/seeds-v${CORPUS_VERSION}.json`;

export const corpusEntitySchema = lazy(() => z.object({
  type: z.enum(SPAN_TYPES),
  text: z.string().check(z.minLength(1), z.maxLength(200)),
  value: z.optional(z.union([z.number(), z.string()])),
  unit: z.optional(z.string().check(z.maxLength(20))),
  /** How often it occurs in the article. */
  count: z.int().check(z.positive()),
}));
export type CorpusEntity = z.infer<typeof corpusEntitySchema>;

/** Where an article comes from: shipped, added by the reader (我的文章), or read (已读, opt-in). */
export const ARTICLE_ORIGINS = ['seed', 'user', 'history'] as const;
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number];

/** Most spans kept per article (a 200,000-character article has about 6,000). */
export const MAX_MARKS = 20_000;

/**
 * A recognized span of an article, compact: `[start, end, type, value?, unit?]` (offsets into the
 * article's text, end exclusive; value and unit as in `Span`).
 */
export const markSchema = lazy(() =>
  z.union([
    z.tuple([z.int().check(z.nonnegative()), z.int().check(z.nonnegative()), z.enum(SPAN_TYPES)]),
    z.tuple([z.int().check(z.nonnegative()), z.int().check(z.nonnegative()), z.enum(SPAN_TYPES), z.union([z.number(), z.string().check(z.maxLength(60))])]),
    z.tuple([
      z.int().check(z.nonnegative()),
      z.int().check(z.nonnegative()),
      z.enum(SPAN_TYPES),
      z.union([z.number(), z.string().check(z.maxLength(60))]),
      z.string().check(z.maxLength(20)),
    ]),
  ]),
);
export type Mark = z.infer<typeof markSchema>;

/** Longest JSON of an article's marks sent in one message (about 60 bytes a mark). */
export const MAX_MARKS_JSON = MAX_MARKS * 80;

/**
 * Marks as they travel from a page: one JSON string. The page's content script sends thousands
 * of spans; checking them as a string there costs nothing on the page's main thread, and the
 * receiver ({@link parseMarksJson}) checks every mark.
 */
export function marksJson(marks: readonly Mark[]): string {
  return JSON.stringify(marks);
}

/**
 * The marks of {@link marksJson}, checked.
 * @throws Error naming what is wrong (not JSON, or the first bad mark) — nothing is kept then.
 */
export function parseMarksJson(json: string): Mark[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('marks: not JSON');
  }
  const parsed = z.array(markSchema).check(z.maxLength(MAX_MARKS)).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`marks.${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** An article's marks as spans (text sliced from the article); none for an old record. Never throws. */
export function marksAsSpans(article: Pick<CorpusArticle, 'text' | 'marks'>): Span[] {
  const out: Span[] = [];
  for (const [start, end, type, value, unit] of article.marks ?? []) {
    if (end <= start || end > article.text.length) continue;
    const span: Span = { start, end, type, text: article.text.slice(start, end) };
    if (value !== undefined) span.value = value;
    if (unit !== undefined) span.unit = unit;
    out.push(span);
  }
  return out;
}

/** Spans as marks, for storing. */
export function spansAsMarks(spans: readonly Span[]): Mark[] {
  const out: Mark[] = [];
  for (const s of spans.slice(0, MAX_MARKS)) {
    if (s.value === undefined) out.push([s.start, s.end, s.type]);
    else if (s.unit === undefined) out.push([s.start, s.end, s.type, s.value]);
    else out.push([s.start, s.end, s.type, s.value, s.unit]);
  }
  return out;
}

/**
 * The reading-history record id of a page's address (its fragment dropped): `history:` and 32
 * hex digits of its SHA-256. Rejects only where `crypto.subtle` is missing (an insecure page).
 */
export async function historyIdOf(url: string): Promise<string> {
  const bare = url.replace(/#.*$/, '');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(bare)));
  return `history:${[...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Longest article text kept (characters); longer texts are cut, never rejected. */
export const MAX_ARTICLE_CHARS = 200_000;

/** A publication date as stored: `2024-04-24`, or `--02-25` (a dateline without its year). */
export const PUBLISHED_RE = /^(?:\d{4}|-)-\d{2}-\d{2}$/;

export const corpusArticleSchema = lazy(() => z.object({
  /**
   * `seed:000_d9cd63c087f90da5#2` for seed articles, `user:<uuid>` for added ones,
   * `history:<hash of the address>` for articles of the reading history (已读).
   */
  id: z.string().check(z.regex(/^(seed|user|history):\S{1,200}$/)),
  origin: z.enum(ARTICLE_ORIGINS),
  title: z.string().check(z.minLength(1), z.maxLength(500)),
  titleFrom: z.enum(['headline', 'lead', 'page', 'file']),
  kicker: z.optional(z.string().check(z.maxLength(500))),
  subtitle: z.optional(z.string().check(z.maxLength(500))),
  byline: z.optional(z.string().check(z.maxLength(200))),
  reporters: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(50)),
  /** The newspaper or issuing body, when the text says so. */
  source: z.optional(z.string().check(z.maxLength(100))),
  /** When it was published (`2024-04-24`, or `--02-25` from a dateline without a year), when known. */
  published: z.optional(z.string().check(z.regex(PUBLISHED_RE))),
  /** Seed articles: the seed file name (`000_d9cd63c087f90da5.txt`). */
  seed: z.optional(z.string().check(z.maxLength(200))),
  /** Seed articles: where the article's lines sit in the seed file (string offsets, end exclusive). */
  ranges: z.optional(z.array(z.tuple([z.int().check(z.nonnegative()), z.int().check(z.nonnegative())]))),
  /** Added articles: the page or file they came from. */
  url: z.optional(z.string().check(z.maxLength(4000))),
  places: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(500)),
  /** ISO dates (`2024-04-24`, `2024-04`) the article mentions, in order of first mention. */
  dates: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(500)),
  docNumbers: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(100)),
  text: z.string().check(z.minLength(1), z.maxLength(MAX_ARTICLE_CHARS)),
  /** Entities and figures with their counts, most frequent first. */
  entities: z.array(corpusEntitySchema).check(z.maxLength(5000)),
  /**
   * Every recognized span with its offsets in `text`, in order: `[start, end, type, value?, unit?]`
   * (see {@link Mark}). Entity profiles and the figure cross-check read mentions and statements
   * from them. Absent on records stored before they were kept (read as none).
   */
  marks: z.optional(z.array(markSchema).check(z.maxLength(MAX_MARKS))),
  /** Distinct jieba search-mode tokens of title and text (lower-cased), with their counts. */
  terms: z.record(z.string(), z.int().check(z.positive())),
  /** Length of the article in tokens, for BM25's length normalization. */
  length: z.int().check(z.nonnegative()),
  addedAt: z.optional(z.int().check(z.nonnegative())),
}));
export type CorpusArticle = z.infer<typeof corpusArticleSchema>;

export const corpusFileSchema = lazy(() => z.object({
  version: z.literal(CORPUS_VERSION),
  articles: z.array(corpusArticleSchema),
}));
export type CorpusFile = z.infer<typeof corpusFileSchema>;

/** The one-line label of an article for lists: `title（source）`. */
export function articleLabel(a: Pick<CorpusArticle, 'title' | 'source'>): string {
  return a.source ? `${a.title}（${a.source}）` : a.title;
}
