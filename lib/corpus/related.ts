/**
 * The corpus as the extension and the CLIs use it: seed and added articles, one index, and
 * the related lookup with its explanation (shared entities, best matching sentence).
 */
import type { Span } from '../recognize/types';
import type { CorpusArticle } from './article';
import { featureKey, textFeatures, type Analyzer, type TextFeatures } from './features';
import { queryForms, toSimplified } from '../text/variants';
import { CorpusIndex, type IndexQuery, type SearchOptions } from './search-index';

/** One related article, explained. */
export interface RelatedArticle {
  articleId: string;
  title: string;
  origin: CorpusArticle['origin'];
  seed?: string;
  url?: string;
  source?: string;
  /** When it was published, when known (see `CorpusArticle.published`). */
  published?: string;
  /** 0…1: the share of the query's weight the article matches. */
  score: number;
  /** Entities, document numbers and figures the query and the article share, as the article writes them, rarest first. */
  shared: string[];
  /** Further words they share, rarest first (at most 8). */
  sharedTerms: string[];
  /** The article's sentence that matches the query best, with its offsets in the article's text. */
  sentence: { text: string; start: number; end: number } | null;
}

/** Sentences of an article's text with their offsets. */
function sentences(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /[^。！？!?；;\n]+[。！？!?；;]*[”’」』]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0].trim();
    if (t.length >= 4) out.push({ text: t, start: m.index + m[0].indexOf(t), end: m.index + m[0].indexOf(t) + t.length });
  }
  return out;
}

/** Marks between the parts of a typed query (spaces, commas, semicolons). */
const QUERY_SEPARATORS = /[\s,，、;；。|]+/;
/** The least share of a query's words an article must hold to be listed for them alone. */
const WORDS_MIN_SCORE = 0.05;
/** Occurrences of a part counted per article, at most. */
const MAX_PART_COUNT = 20;

/** Occurrences of `part` in `text`, at most {@link MAX_PART_COUNT}. */
function occurrences(text: string, part: string): number {
  let n = 0;
  for (let at = text.indexOf(part); at >= 0 && n < MAX_PART_COUNT; at = text.indexOf(part, at + part.length)) n++;
  return n;
}

/** A change of a {@link Corpus}: an article added (or replaced), or removed. */
export type CorpusChange = { added: CorpusArticle } | { removed: string };

export class Corpus {
  private readonly articles = new Map<string, CorpusArticle>();
  private readonly index = new CorpusIndex();
  private readonly listeners = new Set<(change: CorpusChange) => void>();

  /**
   * Calls `listener` after every later add or remove (indexes built beside the corpus follow it
   * this way); returns the function that stops it. A listener that throws is logged and kept.
   */
  subscribe(listener: (change: CorpusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(change: CorpusChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.warn('[corpus] a listener failed', error);
      }
    }
  }

  constructor(articles: Iterable<CorpusArticle> = []) {
    for (const a of articles) this.add(a);
  }

  get size(): number {
    return this.articles.size;
  }

  /** Adds or replaces an article. Never throws. */
  add(article: CorpusArticle): void {
    this.articles.set(article.id, article);
    this.index.add(article);
    if (this.listeners.size) this.notify({ added: article });
  }

  remove(id: string): void {
    this.articles.delete(id);
    this.index.remove(id);
    if (this.listeners.size) this.notify({ removed: id });
  }

  get(id: string): CorpusArticle | undefined {
    return this.articles.get(id);
  }

  list(): CorpusArticle[] {
    return [...this.articles.values()];
  }

  /**
   * Articles related to a query already cut and recognized ({@link textFeatures}), best first,
   * at most `limit` (5), only those above the relevance threshold. Never throws.
   */
  relatedTo(query: IndexQuery, options: SearchOptions = {}): RelatedArticle[] {
    return this.index.search(query, options).map((hit) => {
      const a = this.articles.get(hit.id)!;
      const shared: string[] = [];
      for (const key of hit.sharedFeatures) {
        const e = a.entities.find((x) => featureKey(x) === key);
        if (e && !shared.includes(e.text)) shared.push(e.text);
      }
      const out: RelatedArticle = {
        articleId: a.id,
        title: a.title,
        origin: a.origin,
        score: Math.round(hit.score * 1000) / 1000,
        shared,
        sharedTerms: hit.sharedTerms.slice(0, 8),
        sentence: this.bestSentence(a, query),
      };
      if (a.seed) out.seed = a.seed;
      if (a.url) out.url = a.url;
      if (a.source) out.source = a.source;
      if (a.published) out.published = a.published;
      return out;
    });
  }

  /**
   * Cuts and recognizes `text` with `segmenter` (or an analyzer), then {@link relatedTo}. Rejects
   * only if the segmenter does; an empty text gives [].
   */
  async related(text: string, segmenter: Analyzer, options: SearchOptions = {}): Promise<RelatedArticle[]> {
    if (!text.trim()) return [];
    const features: TextFeatures = await textFeatures(text, segmenter);
    return this.relatedTo(features, options);
  }

  /**
   * The search box: articles holding the typed text, then those sharing its words. A query is
   * read as parts (separated by spaces or commas), each matched as written inside the articles'
   * titles and text, so one character finds the words holding it (镁 → 镁产业) and a phrase is
   * matched whole (固定资产投资); traditional characters find simplified text (知識產權). Articles
   * holding every part come first, then those holding some, by the parts' rarity and how often
   * they occur (a title counting three times); where no article holds the whole text, articles
   * sharing enough of jieba's words of the query (固定, 投资) follow, below them. Scores are 0…1. `analyzer` cuts the query for the word part;
   * rejects only if it does.
   */
  async search(query: string, analyzer: Analyzer, options: { limit?: number } = {}): Promise<RelatedArticle[]> {
    const limit = options.limit ?? 10;
    const forms = queryForms(query);
    if (!forms.length) return [];
    // Each part of the query in the forms it may be written in: as typed, simplified.
    const parts = new Map<string, string[]>();
    for (const part of forms[0]!.toLowerCase().split(QUERY_SEPARATORS).filter(Boolean)) {
      parts.set(part, [...new Set([part, toSimplified(part)])]);
    }
    if (!parts.size) return [];
    const partList = [...parts.values()];
    const n = this.articles.size;
    const counts: Array<{ a: CorpusArticle; per: number[] }> = [];
    const df = new Array<number>(partList.length).fill(0);
    for (const a of this.articles.values()) {
      const title = a.title.toLowerCase();
      const text = a.text.toLowerCase();
      let any = false;
      const per = partList.map((variants, i) => {
        let c = 0;
        for (const v of variants) c = Math.max(c, Math.min(MAX_PART_COUNT, 3 * occurrences(title, v) + occurrences(text, v)));
        if (c) {
          df[i]!++;
          any = true;
        }
        return c;
      });
      if (any) counts.push({ a, per });
    }
    // A part's weight: rarer and longer parts say more.
    const weights = partList.map((variants, i) => Math.log(1 + n / Math.max(1, df[i]!)) * Math.min(4, Math.max(...variants.map((v) => v.length))));
    const total = weights.reduce((x, y) => x + y, 0) || 1;
    const hits = counts.map(({ a, per }) => {
      let covered = 0;
      let strength = 0;
      per.forEach((c, i) => {
        if (!c) return;
        covered += weights[i]!;
        strength += weights[i]! * Math.min(1, Math.log(1 + c) / Math.log(1 + 6));
      });
      const coverage = covered / total;
      // 0.4…1 for articles holding the text: coverage first, then how often.
      return { a, per, score: 0.4 + 0.45 * coverage + 0.15 * (strength / total) };
    });
    hits.sort((x, y) => y.score - x.score || (x.a.id < y.a.id ? -1 : 1));
    const terms = new Map(partList.map((v) => [v[v.length - 1]!, 1]));
    const out: RelatedArticle[] = hits.slice(0, limit).map(({ a, per, score }) => {
      const found = partList.filter((_v, i) => per[i]! > 0).map((v) => v[v.length - 1]!);
      const hit: RelatedArticle = {
        articleId: a.id,
        title: a.title,
        origin: a.origin,
        score: Math.round(score * 1000) / 1000,
        shared: [],
        sharedTerms: found.slice(0, 8),
        sentence: this.bestSentence(a, { terms, features: [] }),
      };
      if (a.seed) hit.seed = a.seed;
      if (a.url) hit.url = a.url;
      if (a.source) hit.source = a.source;
      if (a.published) hit.published = a.published;
      return hit;
    });
    // Articles sharing the query's words only (固定, 投资 of 固定资产投资), below every article
    // holding the text, and only when none holds all of it: beside whole matches they are noise.
    const whole = hits.some(({ per }) => per.every((c) => c > 0));
    if (out.length < limit && !whole) {
      const seen = new Set(out.map((h) => h.articleId));
      const byWords = await this.related(forms[forms.length - 1]!, analyzer, { limit, minScore: WORDS_MIN_SCORE, requireSpecific: false });
      for (const h of byWords) {
        if (out.length >= limit) break;
        if (seen.has(h.articleId)) continue;
        out.push({ ...h, score: Math.round(Math.min(0.39, h.score * 0.39) * 1000) / 1000 });
      }
    }
    return out;
  }

  /**
   * Articles that mention an entity or figure (same text, or same normalized value), most
   * mentions first. For the hover card.
   */
  mentioning(span: Pick<Span, 'type' | 'text' | 'value' | 'unit'>, limit = 5): Array<{ articleId: string; title: string; count: number }> {
    const key = featureKey(span);
    const out: Array<{ articleId: string; title: string; count: number }> = [];
    // Only the articles that can match: same text, or same feature key.
    const ids = new Set(this.index.withEntityText(span.text));
    if (key !== null) for (const id of this.index.withFeature(key)) ids.add(id);
    for (const id of ids) {
      const a = this.articles.get(id)!;
      let count = 0;
      for (const e of a.entities) if (e.text === span.text || (key !== null && featureKey(e) === key)) count += e.count;
      if (count > 0) out.push({ articleId: a.id, title: a.title, count });
    }
    return out.sort((x, y) => y.count - x.count || (x.articleId < y.articleId ? -1 : 1)).slice(0, limit);
  }

  private bestSentence(a: CorpusArticle, query: IndexQuery): RelatedArticle['sentence'] {
    let best: RelatedArticle['sentence'] = null;
    let bestScore = 0;
    const terms = [...query.terms.keys()];
    for (const s of sentences(a.text)) {
      const lower = s.text.toLowerCase();
      let score = 0;
      for (const t of terms) if (lower.includes(t)) score += this.index.termWeight(t) * t.length;
      if (score > bestScore) [best, bestScore] = [s, score];
    }
    return best;
  }
}
