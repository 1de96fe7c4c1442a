/**
 * Messages of the two views built on what the reader has read: the entity profile (实体档案) and
 * the figure cross-check (数字核对). The background owns the indexes (seed corpus, 我的文章, 已读,
 * clippings); pages, the popup and the side panel only ask. Answers are checked by the asker.
 */
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { MAX_ARTICLE_CHARS, MAX_MARKS_JSON } from '../corpus/article';
import type { MessageSpec } from './index';
import { SPAN_TYPE_NAMES, spanSchema } from './span';

const ENTITY_TYPE_NAMES = ['PERSON', 'PLACE', 'ORG', 'DOC'] as const;

export const mentionSchema = lazy(() => z.object({
  kind: z.enum(['article', 'clipping']),
  id: z.string(),
  origin: z.string(),
  title: z.string(),
  source: z.optional(z.string()),
  date: z.optional(z.string()),
  url: z.optional(z.string()),
  sentence: z.string(),
  sentenceStart: z.int(),
  sentenceEnd: z.int(),
  start: z.int(),
  end: z.int(),
  text: z.string(),
}));
export type WireMention = z.infer<typeof mentionSchema>;

export const entityProfileSchema = lazy(() => z.object({
  type: z.enum(SPAN_TYPE_NAMES),
  canonical: z.string(),
  aliases: z.array(z.string()),
  mentions: z.array(mentionSchema),
  total: z.int(),
  cooccurring: z.array(z.object({ text: z.string(), type: z.enum(SPAN_TYPE_NAMES), count: z.int() })),
  figures: z.array(z.object({
    text: z.string(),
    type: z.enum(SPAN_TYPE_NAMES),
    value: z.optional(z.union([z.number(), z.string()])),
    unit: z.optional(z.string()),
    sentence: z.string(),
    articleId: z.string(),
    title: z.string(),
  })),
}));
export type WireEntityProfile = z.infer<typeof entityProfileSchema>;

export const crossCheckMatchSchema = lazy(() => z.object({
  articleId: z.string(),
  /** Where the article comes from and its title, source and date, for the list. */
  origin: z.string(),
  title: z.string(),
  source: z.optional(z.string()),
  published: z.optional(z.string()),
  sentence: z.string(),
  sentenceStart: z.int(),
  sentenceEnd: z.int(),
  figure: z.object({ text: z.string(), type: z.string(), value: z.union([z.number(), z.string()]), unit: z.optional(z.string()), start: z.int(), end: z.int() }),
  verdict: z.enum(['same', 'different', 'compatible']),
  reason: z.string(),
  difference: z.optional(z.object({ amount: z.number(), share: z.number() })),
}));
export type WireCrossCheckMatch = z.infer<typeof crossCheckMatchSchema>;

export const crossCheckResultSchema = lazy(() => z.object({
  /** The checked figure of the text, offsets into the text sent. */
  figure: spanSchema,
  sentence: z.string(),
  matches: z.array(crossCheckMatchSchema),
}));
export type WireCrossCheckResult = z.infer<typeof crossCheckResultSchema>;

export const insightBackgroundProtocol = {
  /** The profile of a name across the corpus and the clippings; null when nothing mentions it. */
  'insight/profile': {
    request: lazy(() => z.object({
      name: z.string().check(z.minLength(1), z.maxLength(200)),
      entityType: z.enum(ENTITY_TYPE_NAMES),
      /** The places of the page it was seen on (its short forms take them: 省知识产权局 → 青海省知识产权局). */
      places: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
      limit: z.optional(z.int().check(z.gte(1), z.lte(500))),
    })),
    response: lazy(() => z.object({ profile: z.nullable(entityProfileSchema) })),
  },
  /** Cross-checks the figures of a text (a page's article) against the corpus: the figures the corpus says something about. */
  'insight/crosscheck': {
    request: lazy(() => z.object({
      text: z.string().check(z.maxLength(MAX_ARTICLE_CHARS)),
      /** The spans of `text` as marks, JSON (see `marksJson`): checked by the background, not on the page. */
      marks: z.string().check(z.maxLength(MAX_MARKS_JSON)),
      /** The page's address: the corpus's record of this very page (已读, 我的文章) is no check of it. */
      url: z.optional(z.string().check(z.maxLength(4000))),
    })),
    response: lazy(() => z.object({ results: z.array(crossCheckResultSchema) })),
  },
} satisfies Record<string, MessageSpec>;
