/**
 * The name tagger at run time: a trained model (see `model-file.ts`), the feature extractor and
 * Viterbi. Takes a text and its jieba segmentation, returns PERSON/PLACE/ORG spans. Pure: runs in
 * Node and in the extension's offscreen document (or Firefox's background page).
 *
 * Hot path without allocations per character: emissions and Viterbi buffers are kept between
 * calls and grown when a longer text comes; feature hashes are computed and scored a block of
 * characters at a time. A character's score is the bias, the five characters around it (per
 * character code, one table block), the templates with few values (small tables) and the
 * hashed rest (a presence bitmap and the int8 rows). Characters that never belong to a name are
 * not scored. Where the time goes (`npm run bench`): the two look-ups of a hashed feature each
 * wait on memory (the bitmap's word, then the row), about half of the tagger's time on a page.
 */
import { LINE_BREAK, Viterbi } from './decode';
import { BOUNDARY_CODE, CHAR_SLOTS, CLS, DENSE, DENSE_SLOTS, FeatureExtractor, PAD, SLOTS, T_BIAS, T_CLS, T_HINT, T_POS, T_UNI, T_WPOS, type WordBounds } from './features';
import { featureHash, stringHash } from './hash';
import { decodeSpans, LABELS, type LabeledSpan } from './labels';
import type { LexiconIndex } from './lexicon-index';
import type { ModelData } from './model-file';

/** Characters whose features are hashed and scored at a time. */
const BLOCK = 256;

/** A character whose block is not gathered yet. */
const UNSEEN = -2;

/** Bits in the number of set bits of a 32-bit word (the rank of a row id in the presence bitmap). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * Characters that never belong to a name: a line break or a space ends one (layout boundaries
 * are hard), and so do the marks that end clauses and separate list items (。，、；：？！ and
 * their half-width forms).
 */
export function breaksNames(c: number): boolean {
  switch (c) {
    case 10: case 13: case 32: case 9: case 0x3000: case 0xa0: case 0x2028: case 0x2029:
    case 0x3002: case 0xff0c: case 0x3001: case 0xff1b: case 0xff1a: case 0xff1f: case 0xff01:
    case 0x2c: case 0x3b: case 0x3a: case 0x3f: case 0x21:
      return true;
    default:
      return false;
  }
}

export class NameTagger {
  /**
   * Per 32 row ids of the training table, two ints side by side (one cache line holds both): a
   * bit per id, set when the model has that row (most features of a text are not in it), and the
   * number of rows present before them, which with a popcount gives a row's rank.
   */
  private readonly present: Int32Array;
  /** The rows' weights in rank order (the file's), LABELS per row. */
  private readonly weights: Int8Array;
  /** The bias row's weights, added to every character. */
  private readonly bias: Int32Array;
  /**
   * Per character code, its block in {@link charWeights}: one look-up instead of five hashed
   * ones. -1: the model has no weights for it; {@link UNSEEN}: not looked up yet (a block is
   * gathered the first time a text holds the character).
   */
  private readonly charBlock: Int32Array;
  private charBlocks = 0;
  /** Per block, the weights of the five character templates (offset −2…+2), LABELS each. */
  private charWeights: Int8Array;
  private readonly shift: number;
  private readonly transitions: { trans: Float64Array; start: Float64Array; end: Float64Array };
  private readonly extractor: FeatureExtractor;
  /**
   * The weights of the templates of `DENSE` by their code, LABELS per code (zeros where the
   * model has no row): small tables that stay in cache, looked up without hashing.
   */
  private readonly clsWeights: Int8Array;
  private readonly wordPositionWeights: Int8Array;
  private readonly hintWeights: Int8Array;
  /** By `tag index × 8 + position`; grown as the extractor meets new tags. */
  private posWeights = new Int8Array(64 * 8 * LABELS);
  private posTags = 1;
  private readonly viterbi = new Viterbi();
  /** The hashes of one block of characters ({@link BLOCK}). */
  private readonly feats = new Int32Array(BLOCK * SLOTS);
  private emit = new Int32Array(0);
  private labels = new Uint8Array(0);
  private force = new Uint8Array(0);

  /**
   * @param model a model as `readModelFile` returns it
   * @param lexicons the word lists (`buildLexicons()`)
   */
  constructor(
    readonly model: ModelData,
    lexicons: LexiconIndex,
  ) {
    // The rows come sorted by id: a presence bitmap and the running counts before each of its
    // words give a row's rank, and so its weights, with no hash table. The bitmap (2^hashBits
    // bits, 512 kB for 22 bits) stays in cache; an absent feature costs one look at it.
    const words = 2 ** Math.max(0, model.meta.hashBits - 5);
    this.present = new Int32Array(2 * words);
    for (const id of model.rowIds) this.present[(id >>> 5) << 1]! |= 1 << (id & 31);
    let count = 0;
    for (let w = 0; w < words; w++) {
      this.present[(w << 1) + 1] = count;
      count += popcount(this.present[w << 1]!);
    }
    this.weights = model.weights;
    this.shift = 32 - model.meta.hashBits;
    const rowOf = (h: number): number => {
      const id = h >>> this.shift;
      const at = (id >>> 5) << 1;
      const bits = this.present[at]!;
      const bit = 1 << (id & 31);
      return bits & bit ? this.present[at + 1]! + popcount(bits & (bit - 1)) : -1;
    };
    this.bias = new Int32Array(LABELS);
    const biasRow = rowOf(featureHash(T_BIAS, 0));
    if (biasRow >= 0) for (let l = 0; l < LABELS; l++) this.bias[l] = model.weights[biasRow * LABELS + l]!;
    this.charBlock = new Int32Array(0x10000).fill(UNSEEN);
    this.charWeights = new Int8Array(1024 * CHAR_SLOTS * LABELS);
    this.rowOf = rowOf;
    // Transitions in weight units, so emissions can stay integers.
    const unit = 1 / model.meta.scale;
    this.transitions = {
      trans: Float64Array.from(model.trans, (x) => x * unit),
      start: Float64Array.from(model.start, (x) => x * unit),
      end: Float64Array.from(model.end, (x) => x * unit),
    };
    this.extractor = new FeatureExtractor(lexicons);
    const table = (values: number, hashOf: (code: number) => number | 0): Int8Array => {
      const out = new Int8Array(values * LABELS);
      for (let code = 0; code < values; code++) this.copyRow(hashOf(code), out, code);
      return out;
    };
    this.clsWeights = table(DENSE.cls.values, (code) => featureHash(T_CLS, Math.floor(code / 144), Math.floor(code / 12) % 12, code % 12));
    this.wordPositionWeights = table(DENSE.wordPosition.values, (code) => featureHash(T_WPOS, code >> 3, code & 7));
    this.hintWeights = table(DENSE.hint.values, (code) => featureHash(T_HINT, code));
  }

  /** Copies the weights of the feature with hash `h` (none: 0) into row `at` of `out`, or leaves it 0. */
  private copyRow(h: number, out: Int8Array, at: number): void {
    const row = h ? this.rowOf(h) : -1;
    if (row >= 0) for (let l = 0; l < LABELS; l++) out[at * LABELS + l] = this.model.weights[row * LABELS + l]!;
  }

  /** Fills the `pos` table's rows of the tags the extractor met since the last call. */
  private fillPosTags(): void {
    const names = this.extractor.tagNames;
    if (this.posTags === names.length) return;
    if (names.length * 8 * LABELS > this.posWeights.length) {
      const grown = new Int8Array(Math.max(names.length * 8 * LABELS, this.posWeights.length * 2));
      grown.set(this.posWeights);
      this.posWeights = grown;
    }
    for (let t = this.posTags; t < names.length; t++) {
      const th = stringHash(names[t]!, 0, names[t]!.length);
      for (let position = 1; position < 8; position++) this.copyRow(featureHash(T_POS, th, position), this.posWeights, t * 8 + position);
    }
    this.posTags = names.length;
  }

  private readonly rowOf: (h: number) => number;

  /** Gathers the five character templates' weights of code `c` into a block; returns it, or -1. */
  private gatherChar(c: number): number {
    let any = false;
    const rows = [0, 0, 0, 0, 0];
    for (let k = 0; k < CHAR_SLOTS; k++) {
      rows[k] = this.rowOf(featureHash(T_UNI + k, c));
      if (rows[k]! >= 0) any = true;
    }
    if (!any) return (this.charBlock[c] = -1);
    const block = this.charBlocks++;
    const size = CHAR_SLOTS * LABELS;
    if ((block + 1) * size > this.charWeights.length) {
      const grown = new Int8Array(this.charWeights.length * 2);
      grown.set(this.charWeights);
      this.charWeights = grown;
    }
    const weights = this.model.weights;
    for (let k = 0; k < CHAR_SLOTS; k++) {
      const r = rows[k]!;
      if (r >= 0) for (let l = 0; l < LABELS; l++) this.charWeights[(block * CHAR_SLOTS + k) * LABELS + l] = weights[r * LABELS + l]!;
    }
    return (this.charBlock[c] = block);
  }

  /**
   * Tags `text` given its segmentation (`words` in order, as jieba returns them) and the rules'
   * labels per character (`hints`, see `ruleHints`; the model learned with them). Returns the
   * names found, sorted, non-overlapping, none crossing a space or line break. Never throws on
   * any string input.
   */
  tag(text: string, words: readonly WordBounds[], hints?: ArrayLike<number>): LabeledSpan[] {
    const n = text.length;
    if (n === 0) return [];
    if (this.emit.length < n * LABELS) this.emit = new Int32Array(Math.max(n * LABELS, this.emit.length * 2));
    if (this.labels.length < n) {
      this.labels = new Uint8Array(Math.max(n, this.labels.length * 2));
      this.force = new Uint8Array(this.labels.length);
    }
    const { feats, emit, present, weights, shift, force, bias, charBlock } = this;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Astral characters (emoji, rare ideographs) stay out of names, so no span splits a pair.
      force[i] = c === 10 || c === 13 || c === 0x2028 || c === 0x2029 ? LINE_BREAK : breaksNames(c) || (c >= 0xd800 && c <= 0xdfff) ? 1 : 0;
    }
    // A character forced to O needs no features: every path has O there, so its scores change none.
    const extractor = this.extractor;
    extractor.prepare(text, words, { charSlots: false, hints, skip: force, dense: true });
    this.fillPosTags();
    const codes = extractor.featureCodes;
    const dense = extractor.denseCodes;
    const { clsWeights, wordPositionWeights, posWeights, hintWeights } = this;
    // Blocks of characters met for the first time, gathered before the loop reads them.
    for (let p = 0; p < n + 2 * PAD; p++) if (charBlock[codes[p]!] === UNSEEN) this.gatherChar(codes[p]!);
    const charWeights = this.charWeights;
    const cls = extractor.featureClasses;
    // A block of characters at a time: its hashes stay in cache from where they are computed
    // to where they are looked up (a page's would be a megabyte, pushing the model out).
    for (let from = 0; from < n; from += BLOCK) {
    const to = Math.min(n, from + BLOCK);
    extractor.hashRange(from, to, feats);
    for (let i = from; i < to; i++) {
      if (force[i]) {
        emit.fill(0, i * LABELS, i * LABELS + LABELS);
        continue;
      }
      // The 13 label scores of this character stay in locals (registers), written once.
      let e0 = bias[0]!, e1 = bias[1]!, e2 = bias[2]!, e3 = bias[3]!, e4 = bias[4]!, e5 = bias[5]!, e6 = bias[6]!;
      let e7 = bias[7]!, e8 = bias[8]!, e9 = bias[9]!, e10 = bias[10]!, e11 = bias[11]!, e12 = bias[12]!;
      // Characters −2…+2: template k of the character at offset k − 2.
      const p = i + PAD;
      for (let k = 0; k < CHAR_SLOTS; k++) {
        // A window stops at a line break (the class of the character next to it is BOUNDARY).
        const code = (k === 0 && cls[p - 1] === CLS.BOUNDARY) || (k === 4 && cls[p + 1] === CLS.BOUNDARY) ? BOUNDARY_CODE : codes[p + k - 2]!;
        const block = charBlock[code]!;
        if (block < 0) continue;
        const w = (block * CHAR_SLOTS + k) * LABELS;
        e0 += charWeights[w]!;
        e1 += charWeights[w + 1]!;
        e2 += charWeights[w + 2]!;
        e3 += charWeights[w + 3]!;
        e4 += charWeights[w + 4]!;
        e5 += charWeights[w + 5]!;
        e6 += charWeights[w + 6]!;
        e7 += charWeights[w + 7]!;
        e8 += charWeights[w + 8]!;
        e9 += charWeights[w + 9]!;
        e10 += charWeights[w + 10]!;
        e11 += charWeights[w + 11]!;
        e12 += charWeights[w + 12]!;
      }
      // The templates with few values, from their tables.
      const d = (i - from) * DENSE_SLOTS;
      for (let k = 0; k < DENSE_SLOTS; k++) {
        const table = k === 0 ? clsWeights : k === 1 ? wordPositionWeights : k === 2 ? posWeights : hintWeights;
        const w = dense[d + k]! * LABELS;
        e0 += table[w]!;
        e1 += table[w + 1]!;
        e2 += table[w + 2]!;
        e3 += table[w + 3]!;
        e4 += table[w + 4]!;
        e5 += table[w + 5]!;
        e6 += table[w + 6]!;
        e7 += table[w + 7]!;
        e8 += table[w + 8]!;
        e9 += table[w + 9]!;
        e10 += table[w + 10]!;
        e11 += table[w + 11]!;
        e12 += table[w + 12]!;
      }
      const f = (i - from) * SLOTS;
      for (let k = CHAR_SLOTS + 1; k < SLOTS; k++) {
        const h = feats[f + k]!;
        if (h === 0) continue;
        const id = h >>> shift;
        const at = (id >>> 5) << 1;
        const bits = present[at]!;
        const bit = 1 << (id & 31);
        if (!(bits & bit)) continue;
        const w = (present[at + 1]! + popcount(bits & (bit - 1))) * LABELS;
        e0 += weights[w]!;
        e1 += weights[w + 1]!;
        e2 += weights[w + 2]!;
        e3 += weights[w + 3]!;
        e4 += weights[w + 4]!;
        e5 += weights[w + 5]!;
        e6 += weights[w + 6]!;
        e7 += weights[w + 7]!;
        e8 += weights[w + 8]!;
        e9 += weights[w + 9]!;
        e10 += weights[w + 10]!;
        e11 += weights[w + 11]!;
        e12 += weights[w + 12]!;
      }
      const e = i * LABELS;
      emit[e] = e0;
      emit[e + 1] = e1;
      emit[e + 2] = e2;
      emit[e + 3] = e3;
      emit[e + 4] = e4;
      emit[e + 5] = e5;
      emit[e + 6] = e6;
      emit[e + 7] = e7;
      emit[e + 8] = e8;
      emit[e + 9] = e9;
      emit[e + 10] = e10;
      emit[e + 11] = e11;
      emit[e + 12] = e12;
    }
    }
    this.viterbi.decode(emit, n, this.transitions, this.labels, force);
    return decodeSpans(this.labels, n);
  }
}
