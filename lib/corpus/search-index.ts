/**
 * The related-articles index: BM25 over jieba search-mode terms, blended with shared entities,
 * document numbers and figures weighted by their rarity in the corpus.
 *
 * Scores are normalized to 0…1: the share of the query's weight that an article matches (a
 * query term absent from the whole corpus still counts in the query's weight, so a text about
 * something else scores near 0 against every article, and the lookup can answer "nothing
 * related" instead of the least bad article). Pure and synchronous; the seed articles and the
 * user's added articles go into one index.
 */
import type { CorpusArticle } from './article';
import { entityFeatures } from './features';

/** BM25 term-frequency saturation and length normalization (the usual values). */
const K1 = 1.2;
const B = 0.75;
/** Share of the score given to shared entities and figures when the query has any. */
const FEATURE_WEIGHT = 0.4;
/**
 * How much sharing one feature of a type says that two texts tell the same story: a document
 * number names one document; a person, an organization or an exact figure is specific; a place
 * is shared by every story from there.
 */
const FEATURE_TYPE_WEIGHT: Readonly<Record<string, number>> = {
  DOC: 3,
  PERSON: 1.5,
  ORG: 1.2,
  MONEY: 1.5,
  QUANTITY: 1.2,
  PERCENT: 1.2,
  DATE: 1,
  PLACE: 0.5,
};
/**
 * The least query weight a score is measured against, in "terms found in one article only":
 * a short query made of a few common words cannot reach a high share by matching them all.
 */
const MIN_QUERY_TERMS = 8;
/** A word used by at most this share of the articles (or by three) is specific. */
const SPECIFIC_DF_SHARE = 0.02;
/** Feature weight at which the feature part gets its full share (about two specific entities). */
const FULL_FEATURE_WEIGHT = 2 * 1.5;

/** The least score a hit needs; below it an article is not related (see `npm run eval:related`). */
export const MIN_RELATED_SCORE = 0.28;

/** What the index keeps of an article. */
export type IndexableArticle = Pick<CorpusArticle, 'id' | 'terms' | 'length' | 'entities'>;

/** A query: search terms with counts and feature keys (see `features.ts`). */
export interface IndexQuery {
  terms: ReadonlyMap<string, number>;
  features: readonly string[];
}

export interface IndexHit {
  id: string;
  /** 0…1, see the module comment. */
  score: number;
  /** Feature keys shared with the query, rarest first. */
  sharedFeatures: string[];
  /** Terms shared with the query, rarest first. */
  sharedTerms: string[];
}

export interface SearchOptions {
  /** At most this many hits (default 5). */
  limit?: number;
  /** Least score (default {@link MIN_RELATED_SCORE}); 0 returns every article sharing anything. */
  minScore?: number;
  /**
   * Whether a hit must share something specific (an entity other than a place, or a word few
   * articles use); default true. The search box turns it off: typed words are often common.
   */
  requireSpecific?: boolean;
  /** Articles not to return (e.g. the one being read). */
  exclude?: ReadonlySet<string>;
}

interface DocEntry {
  length: number;
  terms: Map<string, number>;
  features: Set<string>;
}

export class CorpusIndex {
  private readonly docs = new Map<string, DocEntry>();
  private readonly termPostings = new Map<string, Map<string, number>>();
  private readonly featurePostings = new Map<string, Set<string>>();
  private totalLength = 0;

  /** Number of articles in the index. */
  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Adds an article, replacing one with the same id. Never throws. */
  add(article: IndexableArticle): void {
    if (this.docs.has(article.id)) this.remove(article.id);
    const terms = new Map(Object.entries(article.terms));
    const features = new Set(entityFeatures(article.entities));
    this.docs.set(article.id, { length: article.length, terms, features });
    this.totalLength += article.length;
    for (const [t, tf] of terms) {
      let p = this.termPostings.get(t);
      if (!p) this.termPostings.set(t, (p = new Map()));
      p.set(article.id, tf);
    }
    for (const f of features) {
      let p = this.featurePostings.get(f);
      if (!p) this.featurePostings.set(f, (p = new Set()));
      p.add(article.id);
    }
  }

  /** Removes an article; does nothing if it is not there. */
  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.totalLength -= doc.length;
    for (const t of doc.terms.keys()) {
      const p = this.termPostings.get(t);
      p?.delete(id);
      if (p?.size === 0) this.termPostings.delete(t);
    }
    for (const f of doc.features) {
      const p = this.featurePostings.get(f);
      p?.delete(id);
      if (p?.size === 0) this.featurePostings.delete(f);
    }
  }

  private sharesSpecific(id: string, termIdf: ReadonlyMap<string, number>, featureIdf: ReadonlyMap<string, number>): boolean {
    const doc = this.docs.get(id)!;
    for (const f of featureIdf.keys()) if (!f.startsWith('PLACE:') && doc.features.has(f)) return true;
    const maxDf = Math.max(3, Math.floor(this.docs.size * SPECIFIC_DF_SHARE));
    for (const t of termIdf.keys()) {
      if (doc.terms.has(t) && (this.termPostings.get(t)?.size ?? 0) <= maxDf && [...t].length >= 2) return true;
    }
    return false;
  }

  /** Rarity weight of a term (BM25 idf); the highest weight for a term no article has. */
  termWeight(term: string): number {
    return this.idf(this.termPostings.get(term)?.size ?? 0);
  }

  private idf(df: number): number {
    const n = this.docs.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The articles related to `query`, best first, each with what it shares. Returns [] for an
   * empty query or index, and when nothing reaches `minScore`.
   */
  search(query: IndexQuery, options: SearchOptions = {}): IndexHit[] {
    const limit = options.limit ?? 5;
    const minScore = options.minScore ?? MIN_RELATED_SCORE;
    if (this.docs.size === 0) return [];
    const avgLength = this.totalLength / this.docs.size || 1;

    // Text part: BM25 per article, over the ideal score of an article holding every term.
    let ideal = 0;
    const textScore = new Map<string, number>();
    const termIdf = new Map<string, number>();
    for (const [term, qtf] of query.terms) {
      const postings = this.termPostings.get(term);
      const idf = this.idf(postings?.size ?? 0);
      const wq = 1 + Math.log(qtf);
      ideal += wq * idf * (K1 + 1);
      if (!postings) continue;
      termIdf.set(term, idf);
      for (const [id, tf] of postings) {
        const doc = this.docs.get(id)!;
        const norm = tf + K1 * (1 - B + (B * doc.length) / avgLength);
        textScore.set(id, (textScore.get(id) ?? 0) + (wq * idf * tf * (K1 + 1)) / norm);
      }
    }

    // Feature part: the rarity-weighted share of the query's entities and figures.
    let featureIdeal = 0;
    const featureScore = new Map<string, number>();
    const featureIdf = new Map<string, number>();
    for (const f of new Set(query.features)) {
      const postings = this.featurePostings.get(f);
      const w = this.idf(postings?.size ?? 0) * (FEATURE_TYPE_WEIGHT[f.slice(0, f.indexOf(':'))] ?? 1);
      featureIdeal += w;
      if (!postings) continue;
      featureIdf.set(f, w);
      for (const id of postings) featureScore.set(id, (featureScore.get(id) ?? 0) + w);
    }

    // A query with few or weak entities leans on its words.
    const rare = this.idf(1);
    const alpha = FEATURE_WEIGHT * Math.min(1, featureIdeal / (FULL_FEATURE_WEIGHT * rare));
    const textIdeal = Math.max(ideal, MIN_QUERY_TERMS * rare * (K1 + 1));
    const candidates = new Set([...textScore.keys(), ...featureScore.keys()]);
    const hits: IndexHit[] = [];
    for (const id of candidates) {
      if (options.exclude?.has(id)) continue;
      const t = ideal > 0 ? (textScore.get(id) ?? 0) / textIdeal : 0;
      const f = featureIdeal > 0 ? (featureScore.get(id) ?? 0) / featureIdeal : 0;
      // Related means sharing something specific: an entity other than a place, or a word
      // that few articles use. Common words alone ("社区", "党支部") link everything.
      if (options.requireSpecific !== false && !this.sharesSpecific(id, termIdf, featureIdf)) continue;
      const score = (1 - alpha) * t + alpha * f;
      if (score < minScore || score === 0) continue;
      hits.push({ id, score, sharedFeatures: [], sharedTerms: [] });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    const top = hits.slice(0, limit);
    for (const hit of top) {
      const doc = this.docs.get(hit.id)!;
      hit.sharedFeatures = [...featureIdf.keys()].filter((f) => doc.features.has(f)).sort((a, b) => featureIdf.get(b)! - featureIdf.get(a)!);
      hit.sharedTerms = [...termIdf.keys()].filter((t) => doc.terms.has(t)).sort((a, b) => termIdf.get(b)! - termIdf.get(a)!);
    }
    return top;
  }
}
