/**
 * What the related lookup compares: the search terms of a text (jieba search-mode tokens) and
 * its "features" (entities, document numbers and figures, by normalized value). Used both for
 * corpus articles (at build time or when a user adds one) and for queries (a page, a selection,
 * a clipping), so the two sides are always cut the same way.
 */
import type { Span } from '../recognize/types';
import type { Segmenter, Token } from '../segment';
import { recognize } from '../recognize';
import type { CorpusEntity } from './article';

/** Function words and news boilerplate that say nothing about a story's topic. */
const STOP_TERMS = new Set(
  `我们 他们 你们 这个 那个 一个 这些 那些 以及 并且 或者 而且 但是 因为 所以 如果 通过 进行 开展 推动 推进 加强 加快
  进一步 不断 持续 积极 全面 深入 有效 切实 充分 相关 有关 方面 工作 活动 情况 问题 目前 近日 日前 今年 去年 同时
  实现 提升 提高 发展 建设 服务 坚持 围绕 聚焦 落实 完善 健全 强化 优化 支持 作为 成为 已经 正在 将 等 和 与 及 的 了 在 是
  本报讯 本报 记者 通讯员 特约 据悉 据了解 表示 介绍 说`.split(/\s+/),
);

/** Whether a search token is worth indexing: not a single character, punctuation or a stop word. */
export function isTerm(word: string): boolean {
  if (!/[\p{L}\p{N}]/u.test(word)) return false;
  if ([...word].length < 2 && !/^\d$/.test(word)) return false;
  return !STOP_TERMS.has(word);
}

/** Term counts of jieba search-mode tokens, lower-cased, stop words dropped. */
export function termCounts(tokens: readonly Token[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) countTerm(out, t.word);
  return out;
}

/** Counts one search token into `counts` the way {@link termCounts} does. */
export function countTerm(counts: Map<string, number>, word: string): void {
  const w = word.trim().toLowerCase();
  if (isTerm(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/**
 * The feature key of a span: entities by their text, figures by their normalized value so
 * `15.68亿元` and `1568000000元` meet, dates by their ISO value. Returns null for figures too
 * common to link stories (percentages and quantities below 10, bare years).
 */
export function featureKey(span: Pick<Span, 'type' | 'text' | 'value' | 'unit'>): string | null {
  switch (span.type) {
    case 'PERSON':
    case 'PLACE':
    case 'ORG':
    case 'DOC':
      return `${span.type}:${span.text.replace(/\s+/g, '')}`;
    case 'MONEY':
      return typeof span.value === 'number' && span.value >= 10_000 ? `MONEY:${span.unit ?? ''}${span.value}` : null;
    case 'QUANTITY':
      return typeof span.value === 'number' && span.value >= 10 ? `QUANTITY:${span.value}${span.unit ?? ''}` : null;
    case 'PERCENT':
      return typeof span.value === 'number' && span.value !== 0 && span.value !== 1 ? `PERCENT:${span.value}` : null;
    case 'DATE':
      // A day is specific; a year or a month alone links too much.
      return typeof span.value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(span.value) ? `DATE:${span.value}` : null;
    default:
      return null;
  }
}

/** Entities and figures of an article, counted, most frequent first. */
export function countEntities(spans: readonly Span[]): CorpusEntity[] {
  const byKey = new Map<string, CorpusEntity>();
  for (const s of spans) {
    const key = `${s.type}\u0000${s.text}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.count++;
      continue;
    }
    const e: CorpusEntity = { type: s.type, text: s.text.slice(0, 200), count: 1 };
    if (s.value !== undefined) e.value = s.value;
    if (s.unit !== undefined) e.unit = s.unit.slice(0, 20);
    byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

/** Feature keys of an article's counted entities (distinct). */
export function entityFeatures(entities: readonly Pick<Span, 'type' | 'text' | 'value' | 'unit'>[]): string[] {
  const out = new Set<string>();
  for (const e of entities) {
    const key = featureKey(e);
    if (key) out.add(key);
  }
  return [...out];
}

/** What the lookup needs of a text. */
export interface TextFeatures {
  terms: Map<string, number>;
  /** Distinct feature keys ({@link featureKey}). */
  features: string[];
  spans: Span[];
}

/**
 * The two functions a text is analyzed with, when the caller has them rather than a
 * {@link Segmenter}: the extension's background, whose segmenter lives in the offscreen document
 * and whose recognizer applies the reader's dictionary.
 */
export interface TextAnalyzer {
  /** jieba's search-mode cut. */
  cutForSearch(text: string): Promise<Token[]>;
  /** The recognizer's spans, offsets into `text`. */
  recognize(text: string): Promise<Span[]>;
}

/** A {@link Segmenter} (recognized here with `lib/recognize`) or a {@link TextAnalyzer}. */
export type Analyzer = Segmenter | TextAnalyzer;

/** The analyzer's recognizer: its own, or `lib/recognize` on the segmenter. */
export function recognizeWith(analyzer: Analyzer, text: string): Promise<Span[]> {
  return 'recognize' in analyzer ? analyzer.recognize(text) : recognize(text, analyzer);
}

/**
 * Cuts and recognizes `text` with a segmenter or analyzer: the shared path for queries and
 * added articles. Rejects only if the segmenter (or analyzer) does.
 */
export async function textFeatures(text: string, analyzer: Analyzer): Promise<TextFeatures> {
  // The recognizer first: it loads its words into the segmenter's dictionary, which the cut
  // must see too (in parallel, the very first cut of a process would miss them).
  const spans = await recognizeWith(analyzer, text);
  const tokens = await analyzer.cutForSearch(text);
  return { terms: termCounts(tokens), features: entityFeatures(spans), spans };
}
