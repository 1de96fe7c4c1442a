/**
 * The tagger's features: for each character of a text, a fixed number of slots, each a 32-bit
 * hash of one template's values (0 when the template does not apply there). The same code runs
 * when training (`lib/cli/train-ner.ts`) and when tagging, so a model holds hashes only.
 *
 * Inputs per character: the character itself (width-folded, lower-cased, digits folded to 0),
 * its class, its place in jieba's word (begin/middle/end/single, word length, the word itself and
 * its neighbours), and the longest matches of word lists covering or touching it (places, place
 * short forms, organization suffixes, titles, known names).
 */
import { featureHash, stringHash } from './hash';
import type { LexiconIndex } from './lexicon-index';

/** Version of the templates below: a model records the version it was trained with and is refused by another. */
export const FEATURE_VERSION = 4;

/** Pad on each side of the character arrays, so windows need no bounds checks. */
export const PAD = 3;

/** The code of the text's edge (and of a line break) in character windows. */
export const BOUNDARY_CODE = 0x2;

/** Character classes. */
export const CLS = {
  OTHER: 0,
  HAN: 1,
  DIGIT: 2,
  LATIN: 3,
  NUMERAL: 4,
  SPACE: 5,
  NEWLINE: 6,
  OPEN: 7,
  CLOSE: 8,
  PUNCT: 9,
  DOT: 10,
  BOUNDARY: 11,
} as const;

const NUMERALS = new Set([...'〇零一二三四五六七八九十百千万亿两'].map((c) => c.charCodeAt(0)));
const OPENS = new Set([...'（(《“‘「『【[〈<{'].map((c) => c.charCodeAt(0)));
const CLOSES = new Set([...'）)》”’」』】]〉>}'].map((c) => c.charCodeAt(0)));
const DOTS = new Set([...'·•‧・'].map((c) => c.charCodeAt(0)));

/** Width-folds a code unit (full-width ASCII, ideographic space) and lower-cases Latin letters. */
export function foldCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  else if (c === 0x3000 || c === 0xa0) c = 0x20;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

/** The class of a folded code unit. */
export function classOf(c: number): number {
  if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return CLS.NEWLINE;
  if (c === 0x20 || c === 0x09) return CLS.SPACE;
  if (c >= 0x30 && c <= 0x39) return CLS.DIGIT;
  if (c >= 0x61 && c <= 0x7a) return CLS.LATIN;
  if (NUMERALS.has(c)) return CLS.NUMERAL;
  if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return CLS.HAN;
  if (OPENS.has(c)) return CLS.OPEN;
  if (CLOSES.has(c)) return CLS.CLOSE;
  if (DOTS.has(c)) return CLS.DOT;
  if ((c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x206f)) return CLS.PUNCT;
  return CLS.OTHER;
}

/**
 * Word lists the features look up, by index in the {@link LexiconIndex}. Places are split by how
 * often their names mean something else: a province, prefecture or country (青海, 美国) is nearly
 * always the place; a county's or town's short form (东坡, 巴马, 永登) is often a person's given
 * name or a word.
 */
export const LEXICONS = ['place-major', 'place-minor', 'place-short-major', 'place-short-minor', 'org-suffix', 'department', 'known-org', 'title'] as const;
export type LexiconName = (typeof LEXICONS)[number];
/** Lists whose matches share one set of feature slots (the longest match of any of them wins, and says which list it is from). */
const GROUPS: ReadonlyArray<readonly number[]> = [[0, 1, 2, 3], [4, 5, 6], [7]];
const ALL_LISTS = LEXICONS.length;

// Template ids (stable: a model's hashes depend on them).
export const T_BIAS = 1;
/** Characters at offsets −2…+2: templates T_UNI … T_UNI + 4, in slots 1–5. */
export const T_UNI = 2;
/** Slots of the bias and the character templates (the tagger reads these from tables, not hashes). */
export const BIAS_SLOT = 0;
export const FIRST_CHAR_SLOT = 1;
export const CHAR_SLOTS = 5;
/** Character bigrams (−2,−1), (−1,0), (0,+1), (+1,+2): templates T_BI … T_BI + 3, in slots 6–9. */
export const T_BI = 10;
// 14 and 15 (the skip bigram c−1·c+1 and the trigram c−1·c0·c+1) are retired: they cost a fifth of
// the tagger's time, a third of the model's rows, and brought nothing measurable (version 3 → 4).
export const T_CLS = 16;
export const T_WPOS = 17;
/** The word and the character's position in it (slot 12); the previous word at a word's start (13); the next word at its end (14). */
export const T_WORD = 18;
export const T_WPREV = 19;
export const T_WNEXT = 20;
export const T_POS = 21;
export const T_HINT = 26;
const T_HINT_CHAR = 27;
/** The word lists: T_LEX + 3 × group + kind (cover, left, right); see {@link lexiconHash}. */
const T_LEX = 32;

/** Fixed slots per character: everything but the word lists, then three per group of lists, then the rules' hints. */
export const BASE_SLOTS = 16;
const HINT_SLOT = BASE_SLOTS + 3 * GROUPS.length;
/** The slot of the rules' label with the character (the one template the tagger still hashes and looks up in the model's rows). */
export const HINT_CHAR_SLOT = HINT_SLOT + 1;
export const SLOTS = HINT_SLOT + 2;

/** Word position codes. */
const WB = 1;
const WM = 2;
const WE = 3;
const WS = 4;

/** A word of a segmentation with offsets into the text (UTF-16, end exclusive). */
export interface WordBounds {
  start: number;
  end: number;
  /** jieba's part-of-speech tag, when the segmentation has tags. */
  tag?: string;
}

const lenBucket = (l: number) => (l > 6 ? 6 : l);

/**
 * Templates with few values, which the tagger reads from small dense tables instead of hashing
 * them (see {@link ExtractOptions.dense}): their slot and the number of values of their code.
 */
export const DENSE = {
  /** The classes of the characters at −1, 0, +1: `(a × 12 + b) × 12 + c`. */
  cls: { slot: 10, values: 12 * 12 * 12 },
  /** The word position and length: `position × 8 + length`. */
  wordPosition: { slot: 11, values: 40 },
  /** jieba's tag of the word (its index in {@link FeatureExtractor.tagNames}, from 1) and the position: `index × 8 + position`; 0 without a tag. */
  pos: { slot: 15 },
  /** The rules' label here (0: none). */
  hint: { slot: HINT_SLOT, values: 16 },
  /**
   * The word lists, three templates per group from slot {@link BASE_SLOTS} (0: no match): the
   * longest match covering the character, `((part × 8 + length) << 2 | list) + 1`; the one
   * ending just before it and the one starting just after it, `(length << 2 | list) + 1`.
   */
  lexicon: { slot: BASE_SLOTS, groups: GROUPS.length, cover: (((WS * 8 + 6) << 2) | 3) + 2, edge: ((6 << 2) | 3) + 2 },
} as const;
/** Dense codes per character: those of `cls`, `wordPosition`, `pos`, `hint`, then three per group of word lists. */
export const DENSE_SLOTS = 4 + 3 * GROUPS.length;

/**
 * The hash of word-list template `kind` (0 cover, 1 left, 2 right) of group `g` with dense code
 * `code` (`DENSE.lexicon`); 0 for code 0 (no match). Training hashes these; the tagger builds its
 * tables of the word lists from them.
 */
export function lexiconHash(g: number, kind: number, code: number): number {
  return code ? featureHash(T_LEX + 3 * g + kind, (code - 1) >> 2, (code - 1) & 3) : 0;
}

/** How {@link FeatureExtractor.extract} fills its output. */
export interface ExtractOptions {
  /** Hash the bias and character templates too (default true; the tagger reads those from tables, see `featureCodes`). */
  charSlots?: boolean;
  /** Per character, the label (`labels.ts`) of the name the rules found there, 0 where they found none. */
  hints?: ArrayLike<number>;
  /**
   * Per character, non-zero where the caller needs no features (the tagger's characters that
   * are never in a name): their slots are left as they were.
   */
  skip?: ArrayLike<number>;
  /**
   * Write the templates of {@link DENSE} as small codes into {@link FeatureExtractor.denseCodes}
   * ({@link DENSE_SLOTS} per character) and leave their hash slots 0. Off for training, which
   * sees every template hashed; the hashes the tagger looks them up by are the same.
   */
  dense?: boolean;
  /**
   * Leave the bigram and word templates' slots (6–9, 12–14) 0: the tagger reads them from its
   * caches by the characters ({@link FeatureExtractor.featureCodes}) and the words
   * ({@link FeatureExtractor.wordHashes} and the rest), which give the same hashes. With `dense`
   * and without `charSlots` (what the tagger asks), only the slot {@link HINT_CHAR_SLOT} is
   * written: the rest would all be 0.
   */
  cached?: boolean;
}

/**
 * Computes feature hashes for texts. Holds buffers reused between calls (not re-entrant: one
 * extractor per caller).
 */
export class FeatureExtractor {
  private codes = new Int32Array(0);

  /**
   * The characters of the last text as the templates see them, from index {@link PAD} (with
   * boundary codes around). A window reads them as {@link featureClasses} says.
   */
  get featureCodes(): Int32Array {
    return this.codes;
  }

  /**
   * The classes of the last text's characters, indexed like {@link featureCodes}. A window of
   * characters stops at a line break: the template at offset −2 (+2) sees {@link BOUNDARY_CODE}
   * when the character at −1 (+1) is of class `CLS.BOUNDARY`.
   */
  get featureClasses(): Uint8Array {
    return this.cls;
  }
  private folded = new Int32Array(0);
  private dense = new Uint16Array(0);
  private readonly tagIndex = new Map<string, number>();
  /** jieba's tags met so far, by their index in the dense codes of `pos` (index 0: no tag). */
  readonly tagNames: string[] = [''];

  /** The dense codes of the characters of the last {@link hashRange} with `dense` ({@link DENSE_SLOTS} per character, from index 0). */
  get denseCodes(): Uint16Array {
    return this.dense;
  }
  /**
   * The words of the last text per character (indexed from 0): the word's hash (a lone
   * character's own code hash outside words), the character's position in it (1 begin, 2 middle,
   * 3 end, 4 single), the previous word's hash at a word's start and the next word's at its end
   * (0 elsewhere; `0x3`/`0x5` at a line's edge). The templates T_WORD, T_WPREV and T_WNEXT hash these.
   */
  get wordHashes(): Int32Array {
    return this.whash;
  }
  get wordPositions(): Uint8Array {
    return this.wpos;
  }
  get previousWords(): Int32Array {
    return this.wprev;
  }
  get nextWords(): Int32Array {
    return this.wnext;
  }
  private cls = new Uint8Array(0);
  private wpos = new Uint8Array(0);
  private wlen = new Uint8Array(0);
  private whash = new Int32Array(0);
  private wprev = new Int32Array(0);
  private wnext = new Int32Array(0);
  private wtag = new Int32Array(0);
  private longest = new Uint8Array(0);
  private coverLen = new Uint8Array(0);
  private coverAt = new Uint8Array(0);
  private endLen = new Uint8Array(0);
  private coverList = new Uint8Array(0);
  private endList = new Uint8Array(0);
  private startLen = new Uint8Array(0);
  private startList = new Uint8Array(0);

  /** @param lexicons the word lists ({@link LEXICONS} in order), or null for none */
  constructor(private readonly lexicons: LexiconIndex | null) {}

  private ensure(n: number): void {
    if (this.cls.length >= n + 2 * PAD) return;
    const size = Math.max(n + 2 * PAD, this.cls.length * 2);
    this.codes = new Int32Array(size);
    this.folded = new Int32Array(size);
    this.cls = new Uint8Array(size);
    this.wpos = new Uint8Array(size);
    this.wlen = new Uint8Array(size);
    this.whash = new Int32Array(size);
    this.wprev = new Int32Array(size);
    this.wnext = new Int32Array(size);
    this.wtag = new Int32Array(size);
    const lists = ALL_LISTS;
    this.longest = new Uint8Array(size * lists);
    const groups = GROUPS.length;
    this.coverLen = new Uint8Array(size * groups);
    this.coverAt = new Uint8Array(size * groups);
    this.coverList = new Uint8Array(size * groups);
    this.endLen = new Uint8Array(size * groups);
    this.endList = new Uint8Array(size * groups);
    this.startLen = new Uint8Array(size * groups);
    this.startList = new Uint8Array(size * groups);
  }

  /**
   * Fills `out` (length ≥ `text.length × SLOTS`) with the feature hashes of every character of
   * `text`, `SLOTS` per character, 0 where a template does not apply. `words` is a segmentation
   * of `text` (jieba's cut), in order, covering it; characters outside any word count as
   * one-character words. See {@link ExtractOptions} for what else goes in.
   */
  extract(text: string, words: readonly WordBounds[], out: Int32Array, options: ExtractOptions = {}): void {
    this.prepare(text, words, options);
    this.hashRange(0, text.length, out);
  }

  /** The text's length and the options of the last {@link prepare}. */
  private n = 0;
  private options: ExtractOptions = {};

  /**
   * Reads `text` and its words (see {@link extract}) into per-character arrays, computing no
   * hashes yet: {@link hashRange} gives them for the characters wanted, so a caller can take a
   * text in blocks and keep its buffers small.
   */
  prepare(text: string, words: readonly WordBounds[], options: ExtractOptions = {}): void {
    const { dense = false } = options;
    const n = text.length;
    this.n = n;
    this.options = options;
    this.ensure(n);
    const { codes, folded, cls, wpos, wlen, whash, wprev, wnext, wtag } = this;
    // Characters, padded with a boundary code on each side.
    for (let k = 0; k < PAD; k++) {
      codes[k] = codes[n + PAD + k] = BOUNDARY_CODE;
      cls[k] = cls[n + PAD + k] = CLS.BOUNDARY;
    }
    for (let i = 0; i < n; i++) {
      const f = foldCode(text.charCodeAt(i));
      folded[i] = f;
      const c = classOf(f);
      // A line break looks like the text's own edge: a paragraph gets the same features alone
      // or inside a page of paragraphs.
      cls[i + PAD] = c === CLS.NEWLINE ? CLS.BOUNDARY : c;
      codes[i + PAD] = c === CLS.DIGIT ? 0x30 : c === CLS.NEWLINE ? BOUNDARY_CODE : c === CLS.SPACE ? 0x20 : f;
    }
    // Words: position, length, identity, neighbours.
    wpos.fill(WS, 0, n);
    wlen.fill(1, 0, n);
    for (let i = 0; i < n; i++) whash[i] = featureHash(0, codes[i + PAD]!);
    wprev.fill(0, 0, n);
    wnext.fill(0, 0, n);
    wtag.fill(0, 0, n);
    const { tagIndex, tagNames } = this;
    let prevHash = 0x3;
    let prevEnd = 0;
    for (let w = 0; w < words.length; w++) {
      const { start, end } = words[w]!;
      if (start < prevEnd || end > n || end <= start) continue;
      const h = stringHash(text, start, end);
      const len = end - start;
      const tag = words[w]!.tag;
      if (tag) {
        let th: number;
        if (dense) {
          // The tag's index, not its hash: the tagger reads this template from a table.
          th = tagIndex.get(tag) ?? 0;
          if (!th) {
            th = tagNames.length;
            tagNames.push(tag);
            tagIndex.set(tag, th);
          }
        } else th = stringHash(tag, 0, tag.length);
        for (let k = start; k < end; k++) wtag[k] = th;
      }
      for (let k = start; k < end; k++) {
        whash[k] = h;
        wlen[k] = len > 4 ? 4 : len;
        wpos[k] = len === 1 ? WS : k === start ? WB : k === end - 1 ? WE : WM;
      }
      const lineBreak = cls[start + PAD] === CLS.BOUNDARY;
      if (lineBreak) {
        // The words on either side of a line break see the text's edge, as alone.
        if (w > 0 && words[w - 1]!.end === start) wnext[start - 1] = 0x5;
        prevHash = 0x3;
        prevEnd = end;
        continue;
      }
      wprev[start] = prevHash;
      if (w > 0) {
        const pw = words[w - 1]!;
        if (pw.end === start && wnext[start - 1] !== 0x5) wnext[start - 1] = h;
      }
      prevHash = h;
      prevEnd = end;
    }
    if (n > 0 && wnext[n - 1] === 0) wnext[n - 1] = 0x5;
    // Word lists: per group, the longest match covering, ending at and starting at each position.
    const { longest, coverLen, coverAt, coverList, endLen, endList, startLen, startList } = this;
    if (this.lexicons) this.lexicons.scan(folded, n, longest);
    else longest.fill(0, 0, ALL_LISTS * n);
    const groups = GROUPS.length;
    coverLen.fill(0, 0, groups * n);
    endLen.fill(0, 0, groups * n);
    startLen.fill(0, 0, groups * n);
    for (let g = 0; g < groups; g++) {
      const gb = g * n;
      const members = GROUPS[g]!;
      for (let m = 0; m < members.length; m++) {
        const base = members[m]! * n;
        for (let i = 0; i < n; i++) {
          const L = longest[base + i]!;
          if (!L) continue;
          if (startLen[gb + i]! < L) {
            startLen[gb + i] = L;
            startList[gb + i] = m;
          }
          const last = i + L - 1;
          if (endLen[gb + last]! < L) {
            endLen[gb + last] = L;
            endList[gb + last] = m;
          }
          for (let p = i; p <= last; p++) {
            if (coverLen[gb + p]! < L) {
              coverLen[gb + p] = L;
              coverAt[gb + p] = p - i;
              coverList[gb + p] = m;
            }
          }
        }
      }
    }
  }

  /**
   * The code of word-list template `kind` of group `g` at character `i` of the last prepared
   * text (see `DENSE.lexicon`), 0 where it does not apply: the longest match covering the
   * character (kind 0), the one ending just before it (1), the one starting just after it (2).
   */
  private lexiconCode(g: number, kind: number, i: number): number {
    const { n } = this;
    const gb = g * n;
    if (kind === 0) {
      const cl = this.coverLen[gb + i]!;
      if (!cl) return 0;
      const at = this.coverAt[gb + i]!;
      const part = cl === 1 ? WS : at === 0 ? WB : at === cl - 1 ? WE : WM;
      return (((part * 8 + lenBucket(cl)) << 2) | this.coverList[gb + i]!) + 1;
    }
    if (kind === 1) {
      const left = i > 0 ? this.endLen[gb + i - 1]! : 0;
      return left ? ((lenBucket(left) << 2) | this.endList[gb + i - 1]!) + 1 : 0;
    }
    const right = i + 1 < n ? this.startLen[gb + i + 1]! : 0;
    return right ? ((lenBucket(right) << 2) | this.startList[gb + i + 1]!) + 1 : 0;
  }

  /**
   * Writes the hashes of characters `from` to `to` (exclusive) of the last prepared text into
   * `out`, {@link SLOTS} per character from `out[0]` (and, with `dense`, their dense codes into
   * {@link denseCodes} from index 0 likewise). Characters the options skip are left as they were.
   */
  hashRange(from: number, to: number, out: Int32Array): void {
    const { charSlots = true, hints, skip, dense = false, cached = false } = this.options;
    const { codes, cls, wpos, wlen, whash, wprev, wnext, wtag } = this;
    if (dense && this.dense.length < (to - from) * DENSE_SLOTS) this.dense = new Uint16Array((to - from) * DENSE_SLOTS);
    const codesOut = this.dense;
    const groups = GROUPS.length;
    // The tagger reads only the dense codes and the hint with the character.
    const onlyHintChar = dense && cached && !charSlots;
    /** Writes character `i`'s dense codes (`p`: its index in the padded arrays). */
    const writeDense = (i: number, p: number, hint: number): void => {
      const d = (i - from) * DENSE_SLOTS;
      codesOut[d] = (cls[p - 1]! * 12 + cls[p]!) * 12 + cls[p + 1]!;
      codesOut[d + 1] = wpos[i]! * 8 + wlen[i]!;
      codesOut[d + 2] = wtag[i] ? wtag[i]! * 8 + wpos[i]! : 0;
      codesOut[d + 3] = hint;
      for (let g = 0; g < groups; g++) for (let kind = 0; kind < 3; kind++) codesOut[d + 4 + 3 * g + kind] = this.lexiconCode(g, kind, i);
    };
    for (let i = from; i < to; i++) {
      if (skip && skip[i]) continue;
      const o = (i - from) * SLOTS;
      const p = i + PAD;
      const c0 = codes[p]!;
      // What the rules say of this character: the label of their name here (0: none).
      const hint = hints ? hints[i]! : 0;
      if (onlyHintChar) {
        writeDense(i, p, hint);
        out[o + HINT_CHAR_SLOT] = hint ? featureHash(T_HINT_CHAR, hint, c0) : 0;
        continue;
      }
      const cm1 = codes[p - 1]!;
      const cp1 = codes[p + 1]!;
      // A window stops at a line break: what lies beyond it is the text's edge, as for a paragraph alone.
      const cm2 = cls[p - 1] === CLS.BOUNDARY ? BOUNDARY_CODE : codes[p - 2]!;
      const cp2 = cls[p + 1] === CLS.BOUNDARY ? BOUNDARY_CODE : codes[p + 2]!;
      if (charSlots) {
        out[o] = featureHash(T_BIAS, 0);
        out[o + 1] = featureHash(T_UNI, cm2);
        out[o + 2] = featureHash(T_UNI + 1, cm1);
        out[o + 3] = featureHash(T_UNI + 2, c0);
        out[o + 4] = featureHash(T_UNI + 3, cp1);
        out[o + 5] = featureHash(T_UNI + 4, cp2);
      } else out[o] = out[o + 1] = out[o + 2] = out[o + 3] = out[o + 4] = out[o + 5] = 0;
      if (cached) out[o + 6] = out[o + 7] = out[o + 8] = out[o + 9] = out[o + 12] = out[o + 13] = out[o + 14] = 0;
      else {
        out[o + 6] = featureHash(T_BI, cm2, cm1);
        out[o + 7] = featureHash(T_BI + 1, cm1, c0);
        out[o + 8] = featureHash(T_BI + 2, c0, cp1);
        out[o + 9] = featureHash(T_BI + 3, cp1, cp2);
        out[o + 12] = featureHash(T_WORD, whash[i]!, wpos[i]!);
        out[o + 13] = wprev[i] ? featureHash(T_WPREV, wprev[i]!) : 0;
        out[o + 14] = wnext[i] ? featureHash(T_WNEXT, wnext[i]!) : 0;
      }
      if (dense) {
        writeDense(i, p, hint);
        out[o + 10] = out[o + 11] = out[o + 15] = out[o + HINT_SLOT] = 0;
      } else {
        out[o + 10] = featureHash(T_CLS, cls[p - 1]!, cls[p]!, cls[p + 1]!);
        out[o + 11] = featureHash(T_WPOS, wpos[i]!, wlen[i]!);
        out[o + 15] = wtag[i] ? featureHash(T_POS, wtag[i]!, wpos[i]!) : 0;
        out[o + HINT_SLOT] = featureHash(T_HINT, hint);
      }
      out[o + HINT_CHAR_SLOT] = hint ? featureHash(T_HINT_CHAR, hint, c0) : 0;
      if (dense) {
        for (let g = 0; g < groups; g++) out[o + BASE_SLOTS + 3 * g] = out[o + BASE_SLOTS + 3 * g + 1] = out[o + BASE_SLOTS + 3 * g + 2] = 0;
        continue;
      }
      for (let g = 0; g < groups; g++) for (let kind = 0; kind < 3; kind++) out[o + BASE_SLOTS + 3 * g + kind] = lexiconHash(g, kind, this.lexiconCode(g, kind, i));
    }
  }
}
