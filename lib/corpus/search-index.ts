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
  id: string;
  length: number;
  /** The article's own term record (not copied). */
  terms: Readonly<Record<string, number>>;
  features: Set<string>;
  /** Texts of its entities, as written (for {@link CorpusIndex.withEntityText}). */
  entityTexts: Set<string>;
  /**
   * What the article would score against itself as a query (its words' and features' weights),
   * kept until the index has grown or shrunk by a tenth.
   */
  own?: { text: number; features: number; atSize: number };
}

/** Articles holding a term or feature: parallel arrays of document slots and term counts. */
interface Posting {
  slots: number[];
  tfs: number[];
}

function addPosting(map: Map<string, Posting>, key: string, slot: number, tf: number): void {
  let p = map.get(key);
  if (!p) map.set(key, (p = { slots: [], tfs: [] }));
  p.slots.push(slot);
  p.tfs.push(tf);
}

function removePosting(map: Map<string, Posting>, key: string, slot: number): void {
  const p = map.get(key);
  if (!p) return;
  const i = p.slots.indexOf(slot);
  if (i < 0) return;
  // Order does not matter: move the last entry into the hole.
  p.slots[i] = p.slots[p.slots.length - 1]!;
  p.tfs[i] = p.tfs[p.tfs.length - 1]!;
  p.slots.pop();
  p.tfs.pop();
  if (p.slots.length === 0) map.delete(key);
}

/**
 * The index. Articles live in numbered slots (reused after removal) so a search accumulates
 * scores in typed arrays instead of maps keyed by id: a lookup over 10,000 articles touches
 * hundreds of thousands of postings.
 */
export class CorpusIndex {
  private readonly slotOf = new Map<string, number>();
  private readonly docs: Array<DocEntry | undefined> = [];
  private readonly freeSlots: number[] = [];
  private readonly termPostings = new Map<string, Posting>();
  private readonly featurePostings = new Map<string, Posting>();
  private readonly entityTextPostings = new Map<string, Posting>();
  private totalLength = 0;

  /** Number of articles in the index. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds an article, replacing one with the same id. Never throws. */
  add(article: IndexableArticle): void {
    if (this.slotOf.has(article.id)) this.remove(article.id);
    const terms = article.terms;
    const features = new Set(entityFeatures(article.entities));
    const slot = this.freeSlots.pop() ?? this.docs.length;
    const entityTexts = new Set(article.entities.map((e) => e.text));
    this.docs[slot] = { id: article.id, length: article.length, terms, features, entityTexts };
    this.slotOf.set(article.id, slot);
    this.totalLength += article.length;
    for (const t of Object.keys(terms)) addPosting(this.termPostings, t, slot, terms[t]!);
    for (const f of features) addPosting(this.featurePostings, f, slot, 1);
    for (const t of entityTexts) addPosting(this.entityTextPostings, t, slot, 1);
  }

  /** Removes an article; does nothing if it is not there. */
  remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const doc = this.docs[slot]!;
    this.slotOf.delete(id);
    this.docs[slot] = undefined;
    this.freeSlots.push(slot);
    this.totalLength -= doc.length;
    for (const t of Object.keys(doc.terms)) removePosting(this.termPostings, t, slot);
    for (const f of doc.features) removePosting(this.featurePostings, f, slot);
    for (const t of doc.entityTexts) removePosting(this.entityTextPostings, t, slot);
  }

  /** Ids of the articles with an entity written `text`, in no particular order. */
  withEntityText(text: string): string[] {
    return (this.entityTextPostings.get(text)?.slots ?? []).map((s) => this.docs[s]!.id);
  }

  /** Ids of the articles with a feature key (see `featureKey`), in no particular order. */
  withFeature(key: string): string[] {
    return (this.featurePostings.get(key)?.slots ?? []).map((s) => this.docs[s]!.id);
  }

  /** What an article would score against itself as a query (see `DocEntry.own`). */
  private ownWeight(slot: number): { text: number; features: number } {
    const doc = this.docs[slot]!;
    const size = this.size;
    if (doc.own && Math.abs(size - doc.own.atSize) <= doc.own.atSize * 0.1) return doc.own;
    let text = 0;
    for (const term in doc.terms) {
      text += (1 + Math.log(doc.terms[term]!)) * this.idf(this.termPostings.get(term)?.slots.length ?? 0) * (K1 + 1);
    }
    let features = 0;
    for (const f of doc.features) {
      features += this.idf(this.featurePostings.get(f)?.slots.length ?? 0) * (FEATURE_TYPE_WEIGHT[f.slice(0, f.indexOf(':'))] ?? 1);
    }
    doc.own = { text, features, atSize: size };
    return doc.own;
  }

  /** Rarity weight of a term (BM25 idf); the highest weight for a term no article has. */
  termWeight(term: string): number {
    return this.idf(this.termPostings.get(term)?.slots.length ?? 0);
  }

  private idf(df: number): number {
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * The articles related to `query`, best first, each with what it shares. Returns [] for an
   * empty query or index, and when nothing reaches `minScore`. Never throws.
   */
  search(query: IndexQuery, options: SearchOptions = {}): IndexHit[] {
    const limit = options.limit ?? 5;
    const minScore = options.minScore ?? MIN_RELATED_SCORE;
    if (this.size === 0) return [];
    const avgLength = this.totalLength / this.size || 1;
    const slots = this.docs.length;
    const textScore = new Float64Array(slots);
    const featureScore = new Float64Array(slots);
    // 1: the article shares something (a candidate); 2: something specific too.
    const touched = new Uint8Array(slots);
    const candidates: number[] = [];
    const touch = (slot: number, specific: boolean) => {
      if (touched[slot] === 0) candidates.push(slot);
      if (specific) touched[slot] = 2;
      else if (touched[slot] === 0) touched[slot] = 1;
    };
    // Related means sharing something specific: an entity other than a place, or a word that
    // few articles use. Common words alone ("社区", "党支部") link everything.
    const maxDf = Math.max(3, Math.floor(this.size * SPECIFIC_DF_SHARE));

    // Text part: BM25 per article, over the ideal score of an article holding every term.
    let ideal = 0;
    const termIdf = new Map<string, number>();
    for (const [term, qtf] of query.terms) {
      const postings = this.termPostings.get(term);
      const df = postings?.slots.length ?? 0;
      const idf = this.idf(df);
      const wq = 1 + Math.log(qtf);
      ideal += wq * idf * (K1 + 1);
      if (!postings) continue;
      termIdf.set(term, idf);
      const specific = df <= maxDf && [...term].length >= 2;
      const w = wq * idf * (K1 + 1);
      const { slots: ps, tfs } = postings;
      for (let i = 0; i < ps.length; i++) {
        const slot = ps[i]!;
        const tf = tfs[i]!;
        const norm = tf + K1 * (1 - B + (B * this.docs[slot]!.length) / avgLength);
        textScore[slot] = textScore[slot]! + (w * tf) / norm;
        touch(slot, specific);
      }
    }

    // Feature part: the rarity-weighted share of the query's entities and figures.
    let featureIdeal = 0;
    const featureIdf = new Map<string, number>();
    for (const f of new Set(query.features)) {
      const postings = this.featurePostings.get(f);
      const w = this.idf(postings?.slots.length ?? 0) * (FEATURE_TYPE_WEIGHT[f.slice(0, f.indexOf(':'))] ?? 1);
      featureIdeal += w;
      if (!postings) continue;
      featureIdf.set(f, w);
      const specific = !f.startsWith('PLACE:');
      for (const slot of postings.slots) {
        featureScore[slot] = featureScore[slot]! + w;
        touch(slot, specific);
      }
    }

    // A query with few or weak entities leans on its words.
    const rare = this.idf(1);
    const alpha = FEATURE_WEIGHT * Math.min(1, featureIdeal / (FULL_FEATURE_WEIGHT * rare));
    const floor = MIN_QUERY_TERMS * rare * (K1 + 1);
    const textIdeal = Math.max(ideal, floor);
    const featureFloor = FULL_FEATURE_WEIGHT * rare;
    const requireSpecific = options.requireSpecific !== false;
    const hits: Array<{ slot: number; id: string; score: number }> = [];
    for (const slot of candidates) {
      if (requireSpecific && touched[slot] !== 2) continue;
      let textBase = textIdeal;
      let featureBase = featureIdeal;
      // A long text (a whole page) and a shorter article telling the same story: the share is
      // of the shorter one, so a page is not penalized for its length (nor an article for its
      // brevity). Only worth computing for articles already sharing a fair part.
      if (textScore[slot]! > 0.1 * textIdeal || featureScore[slot]! > 0.1 * featureIdeal) {
        const own = this.ownWeight(slot);
        textBase = Math.min(textIdeal, Math.max(own.text, floor));
        if (featureIdeal > 0) featureBase = Math.min(featureIdeal, Math.max(own.features, featureFloor));
      }
      const t = ideal > 0 ? Math.min(1, textScore[slot]! / textBase) : 0;
      const f = featureIdeal > 0 ? Math.min(1, featureScore[slot]! / featureBase) : 0;
      const score = (1 - alpha) * t + alpha * f;
      if (score < minScore || score === 0) continue;
      const id = this.docs[slot]!.id;
      if (options.exclude?.has(id)) continue;
      hits.push({ slot, id, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    return hits.slice(0, limit).map(({ slot, id, score }) => {
      const doc = this.docs[slot]!;
      return {
        id,
        score,
        sharedFeatures: [...featureIdf.keys()].filter((f) => doc.features.has(f)).sort((a, b) => featureIdf.get(b)! - featureIdf.get(a)!),
        sharedTerms: [...termIdf.keys()].filter((t) => Object.hasOwn(doc.terms, t)).sort((a, b) => termIdf.get(b)! - termIdf.get(a)!),
      };
    });
  }
}
