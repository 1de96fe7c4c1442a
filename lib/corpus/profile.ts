/**
 * Entity profiles (实体档案): everything the reader's corpus says about one person, place, body or
 * document — its full name and the aliases seen, every mention with its sentence (seed articles,
 * the reader's own articles, reading history, clippings), newest first, the entities named with
 * it most, and the figures stated in the sentences that mention it.
 *
 * Pure and synchronous (no Node or DOM APIs): runs unchanged in Node and in the extension.
 *
 * How it works: {@link EntityIndex.add} reads an article's marks (`CorpusArticle.marks`, the
 * recognized spans with offsets), gives every name an alias key read against the article's own
 * places (`aliases.ts`: 省知识产权局 in an article about Qinghai is 青海省知识产权局), and posts the
 * article under each key. A profile looks up the key of the name asked (read against the places
 * the caller gives, e.g. the page's) and visits only the articles posted under it: it never scans
 * the texts of the corpus.
 *
 * Articles without marks (records stored before marks were kept) are indexed from their
 * `entities` field when it is there: every occurrence of each listed name in the text
 * (`indexOf`, longest names first, occurrences that overlap a longer name skipped). Without
 * `entities` either, such an article has no mentions.
 */
import { ENTITY_TYPES, FIGURE_TYPES, SPAN_TYPES, type SpanType } from '../recognize/types';
import type { CorpusArticle } from './article';
import { aliasKey, canonicalName, keyFamily, placeKeyHasLevel, type AliasContext } from './aliases';
import { sentenceAround } from './sentences';

/** The sentence around a mention (see `sentences.ts`); part of this module's API. */
export { sentenceAround };

/** An article as the profile index reads it (a `CorpusArticle` is one). */
export interface ProfileSource {
  id: string;
  /** `seed`, `user`, `history`, … (any string). */
  origin: string;
  title: string;
  source?: string;
  /** ISO date (`2024-04-24`) or `--MM-DD`. */
  published?: string;
  /** When it was added (ms since the epoch). */
  addedAt?: number;
  url?: string;
  text: string;
  /** The places the article mentions, in order: the context its aliases are read against. */
  places: readonly string[];
  marks?: CorpusArticle['marks'];
  /**
   * For an article without `marks` only: its entities and figures (as in `CorpusArticle`),
   * found in the text by `indexOf`.
   */
  entities?: ReadonlyArray<{ type: string; text: string; value?: number | string; unit?: string }>;
}

/** A clipping as the profile index reads it (a stored clipping is one). */
export interface ClippingSource {
  id: string;
  quote: string;
  /** The page's title. */
  title: string;
  url: string;
  createdAt: number;
  /** What the recognizer found in the quote, offsets into `quote` (found by `indexOf` when absent or wrong). */
  entities: ReadonlyArray<{ text: string; type: string; start?: number; end?: number; value?: number | string; unit?: string }>;
}

/** One mention of the entity. */
export interface Mention {
  kind: 'article' | 'clipping';
  /** The article's or the clipping's id. */
  id: string;
  /** `seed`, `user`, `history`, … for articles; `clipping` for clippings. */
  origin: string;
  title: string;
  source?: string;
  /** ISO date (or `--MM-DD`) for sorting and display: `published`, else the day of `addedAt`/`createdAt` (local time). */
  date?: string;
  url?: string;
  /** The sentence holding the mention (cut as `related.ts` cuts sentences; at most ~600 characters). */
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The mention's offsets in the article's text or in the clipping's quote. */
  start: number;
  end: number;
  /** The mention as written. */
  text: string;
}

/** A figure stated in a sentence that mentions the entity. */
export interface ProfileFigure {
  text: string;
  type: SpanType;
  value?: number | string;
  unit?: string;
  sentence: string;
  /** The article's or the clipping's id. */
  articleId: string;
  title: string;
}

/** What the corpus says about one entity. */
export interface EntityProfile {
  type: SpanType;
  /** The full name: the longest canonical form among the name asked and the mentions (`aliases.ts`). */
  canonical: string;
  /** The names as written in the mentions, most frequent first. */
  aliases: string[];
  /** Newest first; dated before undated; at most `limit`. */
  mentions: Mention[];
  /** All mentions. */
  total: number;
  /** The entities most often in the same sentences, by alias key (count = sentences), at most 10. */
  cooccurring: Array<{ text: string; type: SpanType; count: number }>;
  /** MONEY, QUANTITY, PERCENT and DATE spans in the sentences mentioning it, newest first, at most `limit`. */
  figures: ProfileFigure[];
}

export interface ProfileOptions {
  /** The places of the page or article the name was read in, most relevant first. */
  context?: AliasContext;
  /** Most mentions (and figures) returned; 50 by default. */
  limit?: number;
}

/** Mentions returned when the caller does not say. */
export const DEFAULT_PROFILE_LIMIT = 50;
/** Co-occurring entities returned. */
export const MAX_COOCCURRING = 10;
/**
 * Mentions whose sentences are read for co-occurring entities and figures, newest first: beyond
 * this, a very common name's older mentions are counted in `total` and `aliases` only.
 */
export const MAX_SCANNED_MENTIONS = 5_000;
/** Occurrences of one name taken from an article's `entities` (no marks) or a clipping's quote. */
const MAX_FOUND_PER_NAME = 1_000;

const SPAN_TYPE_SET = new Set<string>(SPAN_TYPES);
const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);
const FIGURE_TYPE_SET = new Set<string>(FIGURE_TYPES);
/** Names whose reading is kept across articles (see `EntityIndex.idsOf`); the cache restarts when full. */
const MAX_CONTEXT_FREE_CACHE = 200_000;

/** A mark as kept: `[start, end, type, value?, unit?]`. */
type StoredMark = readonly [number, number, SpanType, (number | string)?, string?];

/** A document as kept. Every field is always set, in this order: one object shape for all (fast to read). */
interface Doc {
  num: number;
  kind: 'article' | 'clipping';
  id: string;
  origin: string;
  title: string;
  source: string | undefined;
  date: string | undefined;
  url: string | undefined;
  text: string;
  /** Sorted by start. */
  marks: readonly StoredMark[];
  /**
   * Per mark, four numbers at `4 * i` (see {@link KEY} …): the alias key's id, the canonical
   * name's id, the id of the name as written, the next mark with the same key; all -1 for figures,
   * the next -1 for a key's last mark.
   */
  ids: Int32Array;
  /** Sort value, larger is newer (see {@link rankOf}). */
  rank: number;
  addedAt: number;
}

/** Offsets of a mark's numbers in `Doc.ids`. */
const KEY = 0;
const CANON = 1;
const FORM = 2;
const NEXT = 3;

/** A growable list of a key's postings: pairs of document number and index of its first mark with the key. */
interface Postings {
  pairs: Int32Array;
  /** Postings (pairs) in use. */
  length: number;
}

/** A string pool: ids for keys, canonical names and written forms (it never shrinks). */
class Pool {
  private readonly ids = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
  find(s: string): number | undefined {
    return this.ids.get(s);
  }
}

/** The local calendar day of a time in ms, `YYYY-MM-DD`; undefined for a missing or bad time. */
function localDay(ms: number | undefined): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return undefined;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const FULL_DATE_RE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/;
const YEARLESS_DATE_RE = /^--(\d{2})-(\d{2})/;

/**
 * A date's place in the order, larger is newer: dates with a year (by year, month, day; years
 * 1000–2999) above dates without one (`--02-25`, by month and day) above no date. At most 744,806.
 */
function dateOrder(date: string | undefined): number {
  if (!date) return 0;
  const full = FULL_DATE_RE.exec(date);
  if (full) {
    const year = Math.min(2999, Math.max(1000, Number(full[1])));
    return 404 + (year - 1000) * 372 + Number(full[2] ?? 0) * 31 + Number(full[3] ?? 0);
  }
  const yearless = YEARLESS_DATE_RE.exec(date);
  if (yearless) return 1 + Number(yearless[1]) * 31 + Number(yearless[2]);
  return 0;
}

/** A document's rank, larger is newer: its date's order, then the second it was added (an exact integer). */
function rankOf(date: string | undefined, addedAt: number): number {
  const seconds = Number.isFinite(addedAt) && addedAt > 0 ? Math.min(9_999_999_999, Math.floor(addedAt / 1000)) : 0;
  return dateOrder(date) * 10_000_000_000 + seconds;
}

/** A usable date string: published when it reads as a date, else the day of `ms`. */
function docDate(published: string | undefined, ms: number | undefined): string | undefined {
  if (typeof published === 'string' && (FULL_DATE_RE.test(published) || YEARLESS_DATE_RE.test(published))) return published;
  return localDay(ms);
}

const isSpanType = (t: unknown): t is SpanType => typeof t === 'string' && SPAN_TYPE_SET.has(t);

/**
 * Every occurrence of each name in `text`, longest names first, skipping occurrences that overlap
 * one already taken; at most {@link MAX_FOUND_PER_NAME} per name. Sorted by start.
 */
function findNames(text: string, names: ReadonlyArray<{ type: string; text: string; value?: number | string; unit?: string }>): StoredMark[] {
  const taken = new Uint8Array(text.length);
  const out: StoredMark[] = [];
  const seen = new Set<string>();
  const sorted = names
    .filter((n) => isSpanType(n.type) && typeof n.text === 'string' && n.text.length > 0)
    .sort((a, b) => b.text.length - a.text.length);
  for (const n of sorted) {
    const tag = `${n.type}\u0000${n.text}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    let found = 0;
    for (let at = text.indexOf(n.text); at >= 0 && found < MAX_FOUND_PER_NAME; at = text.indexOf(n.text, at + n.text.length)) {
      let free = true;
      for (let i = at; i < at + n.text.length; i++) if (taken[i]) { free = false; break; }
      if (!free) continue;
      taken.fill(1, at, at + n.text.length);
      out.push(markOf(at, at + n.text.length, n.type as SpanType, n.value, n.unit));
      found++;
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function markOf(start: number, end: number, type: SpanType, value?: number | string, unit?: string): StoredMark {
  if (value === undefined) return [start, end, type];
  if (unit === undefined) return [start, end, type, value];
  return [start, end, type, value, unit];
}

/** A body's name that may begin with a level word: its key depends on the context's places. */
const LEVEL_START_RE = /^(?:自治|[省市县区州盟旗镇乡])/;

/**
 * The profile index over articles and clippings. Add and remove as the corpus changes; ask
 * {@link EntityIndex.profile} for a name. Memory: the texts and marks are referenced, not copied;
 * per mark four 32-bit numbers (its key, canonical name and written form, the next mark with its
 * key); per distinct name of an article one posting of two (about 22 MB for 10,000 articles of
 * 3,000 characters). Removed articles' postings are
 * dropped lazily (once they are a third of all), the strings of their names never.
 */
export class EntityIndex {
  private readonly docs = new Map<number, Doc>();
  private readonly articleNums = new Map<string, number>();
  private readonly clippingNums = new Map<string, number>();
  private readonly postings = new Map<number, Postings>();
  /** Place families (see `keyFamily`): family string → the key ids in it. */
  private readonly families = new Map<string, Set<number>>();
  private readonly keys = new Pool();
  private readonly canons = new Pool();
  private readonly forms = new Pool();
  /** Key and canonical ids of names whose key does not depend on the context (people, most bodies). */
  private readonly contextFree = new Map<string, readonly [number, number]>();
  private livePostings = 0;
  private deadPostings = 0;
  private nextNum = 0;

  /** Articles and clippings indexed. */
  get size(): number {
    return this.docs.size;
  }

  /**
   * Adds an article, or replaces the one with its id. Marks outside the text or with an unknown
   * type are skipped. Never throws: an article without a string id and text is ignored.
   */
  add(article: ProfileSource): void {
    try {
      if (!article || typeof article.id !== 'string' || typeof article.text !== 'string') return;
      this.remove(article.id);
      const text = article.text;
      let marks: readonly StoredMark[];
      if (Array.isArray(article.marks)) {
        marks = article.marks as readonly StoredMark[];
        if (!isSortedValid(marks, text.length)) {
          marks = marks
            .filter((m) => Array.isArray(m) && m[0] >= 0 && m[1] > m[0] && m[1] <= text.length && isSpanType(m[2]))
            .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        }
      } else if (Array.isArray(article.entities)) {
        marks = findNames(text, article.entities);
      } else {
        marks = [];
      }
      const doc: DocFields = {
        kind: 'article',
        id: article.id,
        origin: typeof article.origin === 'string' ? article.origin : 'user',
        title: typeof article.title === 'string' ? article.title : '',
        date: docDate(article.published, article.addedAt),
        source: typeof article.source === 'string' ? article.source : undefined,
        url: typeof article.url === 'string' ? article.url : undefined,
        text,
        marks,
        addedAt: typeof article.addedAt === 'number' ? article.addedAt : -1,
      };
      this.insert(doc, { places: Array.isArray(article.places) ? article.places : [] }, this.articleNums);
    } catch {
      // An article that cannot be read is left out.
    }
  }

  /** Removes an article; nothing happens for an unknown id. Never throws. */
  remove(id: string): void {
    this.drop(this.articleNums, id);
  }

  /**
   * Adds a clipping, or replaces the one with its id. Its entities are placed by their offsets
   * when those hold the entity's text, else found in the quote by `indexOf`; its aliases are read
   * against the places it names. Never throws: a clipping without a string id and quote is ignored.
   */
  addClipping(c: ClippingSource): void {
    try {
      if (!c || typeof c.id !== 'string' || typeof c.quote !== 'string') return;
      this.removeClipping(c.id);
      const quote = c.quote;
      const placed: StoredMark[] = [];
      const unplaced: Array<{ type: string; text: string; value?: number | string; unit?: string }> = [];
      for (const e of Array.isArray(c.entities) ? c.entities : []) {
        if (!e || !isSpanType(e.type) || typeof e.text !== 'string' || !e.text) continue;
        const { start, end } = e;
        if (typeof start === 'number' && typeof end === 'number' && start >= 0 && end > start && end <= quote.length && quote.slice(start, end) === e.text) {
          placed.push(markOf(start, end, e.type, e.value, e.unit));
        } else unplaced.push(e);
      }
      let marks = placed;
      if (unplaced.length) {
        // Names found by indexOf never overlap the placed ones.
        const found = findNames(quote, unplaced).filter((m) => !placed.some((p) => m[0] < p[1] && p[0] < m[1]));
        marks = [...placed, ...found];
      }
      marks.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const places: string[] = [];
      for (const m of marks) {
        if (m[2] !== 'PLACE') continue;
        const name = quote.slice(m[0], m[1]);
        if (!places.includes(name)) places.push(name);
      }
      const doc: DocFields = {
        kind: 'clipping',
        id: c.id,
        origin: 'clipping',
        title: typeof c.title === 'string' ? c.title : '',
        date: localDay(c.createdAt),
        source: undefined,
        url: typeof c.url === 'string' ? c.url : undefined,
        text: quote,
        marks,
        addedAt: typeof c.createdAt === 'number' ? c.createdAt : -1,
      };
      this.insert(doc, { places }, this.clippingNums);
    } catch {
      // A clipping that cannot be read is left out.
    }
  }

  /** Removes a clipping; nothing happens for an unknown id. Never throws. */
  removeClipping(id: string): void {
    this.drop(this.clippingNums, id);
  }

  /**
   * The profile of `name` read as `type` in `options.context` (the places of the page it was
   * read in): every mention of any alias of it (see `aliases.ts`), newest first. For a place, a
   * bare name of unknown level in the corpus (金昌 where no 金昌市 is near) counts as a mention of
   * each leveled form of its stem (金昌市), and a bare name asked without a level gathers them all.
   * Co-occurring entities and figures are read from the sentences of the newest
   * {@link MAX_SCANNED_MENTIONS} mentions.
   *
   * Returns null when the corpus never mentions it, for an empty name or an unknown type, and for
   * figure types (MONEY, PERCENT, QUANTITY, DATE: figures are read around entities, not indexed
   * as entities). Never throws.
   */
  profile(name: string, type: SpanType, options: ProfileOptions = {}): EntityProfile | null {
    try {
      return this.profileOf(name, type, options ?? {});
    } catch {
      return null;
    }
  }

  private profileOf(name: string, type: SpanType, options: ProfileOptions): EntityProfile | null {
    if (typeof name !== 'string' || !name.trim() || !isSpanType(type)) return null;
    const context: AliasContext = options.context && Array.isArray(options.context.places) ? options.context : { places: [] };
    const limit = typeof options.limit === 'number' && options.limit >= 0 ? Math.floor(options.limit) : DEFAULT_PROFILE_LIMIT;
    const own = this.keyIdsFor(aliasKey(name, type, context));
    if (!own.size) return null;

    // The documents posted under any of the keys, newest first, with the first mark of each key.
    const hits: Array<{ d: Doc; heads: number[] }> = [];
    const byNum = own.size > 1 ? new Map<number, { d: Doc; heads: number[] }>() : undefined;
    for (const k of own) {
      const list = this.postings.get(k);
      if (!list) continue;
      const { pairs } = list;
      for (let i = 0; i < list.length; i++) {
        const n = pairs[2 * i]!;
        const first = pairs[2 * i + 1]!;
        const known = byNum?.get(n);
        if (known) {
          known.heads.push(first);
          continue;
        }
        const d = this.docs.get(n);
        if (!d) continue;
        const hit = { d, heads: [first] };
        hits.push(hit);
        byNum?.set(n, hit);
      }
    }
    if (!hits.length) return null;
    hits.sort((x, y) => y.d.rank - x.d.rank || x.d.num - y.d.num);

    const mentions: Mention[] = [];
    const figures: ProfileFigure[] = [];
    const formCounts = new Map<number, number>();
    const canonCounts = new Map<number, number>();
    /** Co-occurring key → sentences, the last sentence counted, and its canonical ids' counts. */
    const co = new Map<number, { count: number; last: number; canons: Map<number, number> }>();
    let total = 0;
    let scanned = 0;
    let sentenceSerial = 0;

    const ownKeys = [...own];
    const [k0, k1 = k0] = ownKeys;
    const many = ownKeys.length > 2;
    for (const { d, heads } of hits) {
      const { marks, ids, text } = d;
      let lastSentenceStart = -1;
      // The document's mentions in order: the chains of marks of each key asked, merged.
      for (;;) {
        let h = 0;
        for (let x = 1; x < heads.length; x++) if (heads[x]! >= 0 && (heads[h]! < 0 || heads[x]! < heads[h]!)) h = x;
        const i = heads[h]!;
        if (i < 0) break;
        heads[h] = ids[4 * i + NEXT]!;
        const m = marks[i]!;
        total++;
        const f = ids[4 * i + FORM]!;
        formCounts.set(f, (formCounts.get(f) ?? 0) + 1);
        const c = ids[4 * i + CANON]!;
        if (c >= 0) canonCounts.set(c, (canonCounts.get(c) ?? 0) + 1);
        const wantMention = mentions.length < limit;
        const wantScan = scanned < MAX_SCANNED_MENTIONS;
        if (!wantMention && !wantScan) continue;
        const s = sentenceAround(text, m[0], m[1]);
        if (wantMention) {
          const mention: Mention = {
            kind: d.kind,
            id: d.id,
            origin: d.origin,
            title: d.title,
            sentence: text.slice(s.start, s.end),
            sentenceStart: s.start,
            sentenceEnd: s.end,
            start: m[0],
            end: m[1],
            text: text.slice(m[0], m[1]),
          };
          if (d.source !== undefined) mention.source = d.source;
          if (d.date !== undefined) mention.date = d.date;
          if (d.url !== undefined) mention.url = d.url;
          mentions.push(mention);
        }
        if (!wantScan) continue;
        scanned++;
        // A sentence is read once, however many times it names the entity.
        if (s.start === lastSentenceStart) continue;
        lastSentenceStart = s.start;
        sentenceSerial++;
        let from = i;
        while (from > 0 && marks[from - 1]![0] >= s.start) from--;
        for (let j = from; j < marks.length && marks[j]![0] < s.end; j++) {
          const o = marks[j]!;
          if (o[1] > s.end) continue;
          const k = ids[4 * j + KEY]!;
          if (k < 0) {
            if (figures.length < limit && FIGURE_TYPE_SET.has(o[2])) {
              const f: ProfileFigure = { text: text.slice(o[0], o[1]), type: o[2], sentence: text.slice(s.start, s.end), articleId: d.id, title: d.title };
              if (o[3] !== undefined) f.value = o[3];
              if (o[4] !== undefined) f.unit = o[4];
              figures.push(f);
            }
            continue;
          }
          if (k === k0 || k === k1 || (many && own.has(k))) continue;
          let entry = co.get(k);
          if (!entry) co.set(k, (entry = { count: 0, last: 0, canons: new Map() }));
          if (entry.last === sentenceSerial) continue;
          entry.last = sentenceSerial;
          entry.count++;
          const oc = ids[4 * j + CANON]!;
          if (oc >= 0) entry.canons.set(oc, (entry.canons.get(oc) ?? 0) + 1);
        }
      }
    }
    if (!total) return null;

    const cooccurring = [...co.entries()]
      .sort((x, y) => y[1].count - x[1].count || x[0] - y[0])
      .slice(0, MAX_COOCCURRING)
      .map(([k, { count, canons }]) => ({
        text: this.bestCanon(canons) ?? displayOfKey(this.keys.strings[k]!),
        type: typeOfKey(this.keys.strings[k]!),
        count,
      }))
      .sort((x, y) => y.count - x.count || x.text.localeCompare(y.text, 'zh'));

    // The full name: the longest of the name asked (read in its context) and the mentions' own.
    const asked = canonicalName(name, type, context);
    const seen = this.bestCanon(canonCounts, true);
    const canonical = seen && seen.length > asked.length ? seen : asked;

    return {
      type,
      canonical,
      aliases: [...formCounts.entries()]
        .map(([f, count]) => [this.forms.strings[f]!, count] as const)
        .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'zh'))
        .map(([alias]) => alias),
      mentions,
      total,
      cooccurring,
      figures,
    };
  }

  /** The canonical name among `counts`: most frequent (or, with `longest`, longest then most frequent). */
  private bestCanon(counts: ReadonlyMap<number, number>, longest = false): string | undefined {
    let best: string | undefined;
    let bestCount = -1;
    for (const [id, count] of counts) {
      const s = this.canons.strings[id]!;
      const better = longest
        ? best === undefined || s.length > best.length || (s.length === best.length && count > bestCount)
        : count > bestCount || (count === bestCount && best !== undefined && s.length > best.length);
      if (better) [best, bestCount] = [s, count];
    }
    return best;
  }

  /** The key ids a query key stands for: itself, and for places its family (see `keyFamily`). */
  private keyIdsFor(key: string): Set<number> {
    const out = new Set<number>();
    const id = this.keys.find(key);
    if (id !== undefined) out.add(id);
    const family = keyFamily(key);
    if (family !== null) {
      if (placeKeyHasLevel(key)) {
        // A leveled place gathers the bare mentions of its stem.
        const bare = this.keys.find(family);
        if (bare !== undefined) out.add(bare);
      } else {
        for (const k of this.families.get(family) ?? []) out.add(k);
      }
    }
    return out;
  }

  /** Key and canonical ids of a name read in `context`. */
  private idsOf(written: string, type: SpanType, context: AliasContext): readonly [number, number] {
    const free = type === 'PERSON' || type === 'DOC' || (type === 'ORG' && !LEVEL_START_RE.test(written));
    const tag = free ? `${type}\u0000${written}` : '';
    if (free) {
      const known = this.contextFree.get(tag);
      if (known) return known;
    }
    const ids = [this.keys.id(aliasKey(written, type, context)), this.canons.id(canonicalName(written, type, context))] as const;
    if (free) {
      if (this.contextFree.size >= MAX_CONTEXT_FREE_CACHE) this.contextFree.clear();
      this.contextFree.set(tag, ids);
    }
    return ids;
  }

  private insert(fields: DocFields, context: AliasContext, nums: Map<string, number>): void {
    const num = this.nextNum++;
    const { marks, text } = fields;
    const ids = new Int32Array(4 * marks.length).fill(-1);
    // Names repeat within an article: one reading per written name and type.
    const memo = new Map<string, readonly [number, number, number]>();
    for (let i = 0; i < marks.length; i++) {
      const [start, end, type] = marks[i]!;
      if (!ENTITY_TYPE_SET.has(type)) continue;
      const written = text.slice(start, end);
      const tag = type + written;
      let read = memo.get(tag);
      if (!read) memo.set(tag, (read = [...this.idsOf(written, type, context), this.forms.id(written)]));
      ids[4 * i + KEY] = read[0];
      ids[4 * i + CANON] = read[1];
      ids[4 * i + FORM] = read[2];
    }
    // Chains of marks with one key, and each key's first mark (read backwards).
    const first = new Map<number, number>();
    for (let i = marks.length - 1; i >= 0; i--) {
      const k = ids[4 * i + KEY]!;
      if (k < 0) continue;
      ids[4 * i + NEXT] = first.get(k) ?? -1;
      first.set(k, i);
    }
    const f = fields;
    this.docs.set(num, {
      num,
      kind: f.kind,
      id: f.id,
      origin: f.origin,
      title: f.title,
      source: f.source,
      date: f.date,
      url: f.url,
      text: f.text,
      marks: f.marks,
      ids,
      rank: rankOf(f.date, f.addedAt),
      addedAt: f.addedAt,
    });
    nums.set(f.id, num);
    for (const [k, at] of first) {
      let list = this.postings.get(k);
      if (!list) {
        this.postings.set(k, (list = { pairs: new Int32Array(8), length: 0 }));
        const family = keyFamily(this.keys.strings[k]!);
        if (family !== null) {
          let members = this.families.get(family);
          if (!members) this.families.set(family, (members = new Set()));
          members.add(k);
        }
      }
      if (2 * list.length === list.pairs.length) {
        const grown = new Int32Array(list.pairs.length * 2);
        grown.set(list.pairs);
        list.pairs = grown;
      }
      list.pairs[2 * list.length] = num;
      list.pairs[2 * list.length + 1] = at;
      list.length++;
    }
    this.livePostings += first.size;
  }

  private drop(nums: Map<string, number>, id: string): void {
    if (typeof id !== 'string') return;
    const num = nums.get(id);
    if (num === undefined) return;
    nums.delete(id);
    const doc = this.docs.get(num);
    this.docs.delete(num);
    if (!doc) return;
    // Its postings stay until they are a third of all; profiles skip documents no longer here.
    let posted = 0;
    // One chain end per key.
    for (let i = 0; i < doc.marks.length; i++) if (doc.ids[4 * i + KEY]! >= 0 && doc.ids[4 * i + NEXT] === -1) posted++;
    this.livePostings -= posted;
    this.deadPostings += posted;
    if (this.deadPostings > 1000 && this.deadPostings * 2 > this.livePostings) this.compact();
  }

  /** Drops the postings of removed documents, and keys left without any. */
  private compact(): void {
    for (const [k, list] of this.postings) {
      const { pairs } = list;
      let w = 0;
      for (let r = 0; r < list.length; r++) {
        if (!this.docs.has(pairs[2 * r]!)) continue;
        pairs[2 * w] = pairs[2 * r]!;
        pairs[2 * w + 1] = pairs[2 * r + 1]!;
        w++;
      }
      list.length = w;
      if (!w) {
        this.postings.delete(k);
        const family = keyFamily(this.keys.strings[k]!);
        if (family !== null) this.families.get(family)?.delete(k);
      } else if (w * 8 < pairs.length) list.pairs = pairs.slice(0, Math.max(8, w * 4));
    }
    this.deadPostings = 0;
  }
}

/** The fields of a document before its marks are read. */
type DocFields = Omit<Doc, 'num' | 'ids' | 'rank'>;

/** True when marks are sorted by start and all lie inside the text with a known type. */
function isSortedValid(marks: readonly StoredMark[], length: number): boolean {
  let prev = -1;
  for (const m of marks) {
    if (!Array.isArray(m) || !(m[0] >= prev) || !(m[1] > m[0]) || m[1] > length || !isSpanType(m[2])) return false;
    prev = m[0];
  }
  return true;
}

function typeOfKey(key: string): SpanType {
  const t = key.slice(0, key.indexOf('|'));
  return isSpanType(t) ? t : 'ORG';
}

/** A readable name from a key (used only when no canonical name was recorded). */
function displayOfKey(key: string): string {
  const parts = key.split('|');
  return parts.slice(1).join('');
}
