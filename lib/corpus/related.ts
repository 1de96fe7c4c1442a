/**
 * The corpus as the extension and the CLIs use it: seed and added articles, one index, and
 * the related lookup with its explanation (shared entities, best matching sentence).
 */
import type { Span } from '../recognize/types';
import type { CorpusArticle } from './article';
import { featureKey, textFeatures, type Analyzer, type TextFeatures } from './features';
import { CorpusIndex, type IndexQuery, type SearchOptions } from './search-index';

/** One related article, explained. */
export interface RelatedArticle {
  articleId: string;
  title: string;
  origin: CorpusArticle['origin'];
  seed?: string;
  url?: string;
  source?: string;
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

export class Corpus {
  private readonly articles = new Map<string, CorpusArticle>();
  private readonly index = new CorpusIndex();

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
  }

  remove(id: string): void {
    this.articles.delete(id);
    this.index.remove(id);
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
