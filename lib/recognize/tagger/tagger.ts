/**
 * The name tagger at run time: a trained model (see `model-file.ts`), the feature extractor and
 * Viterbi. Takes a text and its jieba segmentation, returns PERSON/PLACE/ORG spans. Pure: runs in
 * Node and in the extension's offscreen document (or Firefox's background page).
 *
 * Hot path without allocations per character: emissions and Viterbi buffers are kept between
 * calls and grown when a longer text comes; feature codes are computed and scored a block of
 * characters at a time. A character's score is the bias, the five characters around it (per
 * character code, one table block), the templates with few values (small tables: classes, word
 * position, jieba's tag, the rules' label, the word lists), the four bigrams (per pair of
 * characters, one cache slot of a 64-byte line holding the pair's four rows), the word and its
 * neighbours (per word, one cache slot) and the rules' label with the character (the model's
 * rows, by a presence bitmap). The caches are filled from the model's rows on first use, so a
 * page's memory waits are one line per pair and per word instead of two per template (the
 * bitmap's word, then the row). Characters that never belong to a name are not scored.
 */
import { LINE_BREAK, Viterbi } from './decode';
import { BOUNDARY_CODE, CHAR_SLOTS, CLS, DENSE, DENSE_SLOTS, FeatureExtractor, HINT_CHAR_SLOT, lexiconHash, PAD, SLOTS, T_BI, T_BIAS, T_CLS, T_HINT, T_POS, T_UNI, T_WNEXT, T_WORD, T_WPOS, T_WPREV, type WordBounds } from './features';
import { featureHash, stringHash } from './hash';
import { decodeSpans, LABELS, type LabeledSpan } from './labels';
import type { LexiconIndex } from './lexicon-index';
import type { ModelData } from './model-file';

/** Characters whose features are hashed and scored at a time. */
const BLOCK = 256;

/** A character whose block is not gathered yet. */
const UNSEEN = -2;

/**
 * The caches of the bigram and word templates (see {@link NameTagger}): direct-mapped, a slot
 * per key, each slot one key (4 bytes) and the key's rows. A pair of characters has four
 * templates (its place left of, or right of, the character scored), 52 bytes: one 64-byte line.
 * A word has six (begin, middle, end, single; as the previous word; as the next word), 82 bytes:
 * two lines. Slot counts are powers of two, from 512 kB each at first up to 16 MB each as the
 * reading goes on (see `grow`). Key 0 marks an empty slot: no word has hash 0, and the pair of two U+0000
 * (key 0) is looked up every time.
 */
const PAIR_BITS = 18;
/** The caches start this small (their memory is taken as they grow, see `grow`). */
const FIRST_PAIR_BITS = 13;
const PAIR_SLOT = 64;
const WORD_BITS = 17;
const FIRST_WORD_BITS = 12;
/**
 * The share of a cache's slots holding keys past which it grows: a direct-mapped cache fuller
 * than this loses keys to each other often (measured on 1.2M characters of news with 55K distinct
 * pairs: 0.5 → 241K pair fills, 0.25 → 157K).
 */
const FULL_SHARE = 0.25;
const WORD_SLOT = 128;
/** Rows of a pair's slot: templates T_BI … T_BI + 3. */
const PAIR_ROWS = 4;
/** Rows of a word's slot: its four positions (`wordPositions` 1–4 at rows 0–3), then these two. */
const ROW_AS_PREVIOUS = 4;
const ROW_AS_NEXT = 5;
const WORD_ROWS = 6;
/** The index of jieba's tags' table among the dense tables (the extractor's dense code 2). */
const POS_TABLE = 2;
/** The key of the pair of edge codes (the template's view beyond a line break). */
const EDGE_PAIR = (BOUNDARY_CODE << 16) | BOUNDARY_CODE;
/** The slot of a cache key (any 32-bit integer) in a cache of 2^bits slots. */
const slotOf = (key: number, bits: number): number => Math.imul(key, 0x9e3779b1) >>> (32 - bits);

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

/**
 * A cache of 2^bits slots of `slotBytes` each holding the keys of `old` (half as many slots) and
 * their rows, each moved to its slot in the larger cache (see `NameTagger.grow`). Empty slots
 * (key 0) are left empty.
 */
function moveSlots(old: Int32Array, slotBytes: number, bits: number): Int32Array<ArrayBuffer> {
  const keys = new Int32Array((slotBytes << bits) >> 2);
  const ints = slotBytes >> 2;
  const bytes = new Uint8Array(keys.buffer);
  const from = new Uint8Array(old.buffer);
  for (let at = 0; at < old.length; at += ints) {
    const key = old[at]!;
    if (key === 0) continue;
    const to = slotOf(key, bits) * slotBytes;
    bytes.set(from.subarray(at << 2, (at << 2) + slotBytes), to);
  }
  return keys;
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
  /** Per position of the padded text, its character's block (kept between calls, grown as needed). */
  private blockAt = new Int32Array(0);
  private charBlocks = 0;
  /** Per block, the weights of the five character templates (offset −2…+2), LABELS each. */
  private charWeights: Int8Array;
  private readonly shift: number;
  private readonly transitions: { trans: Float64Array; start: Float64Array; end: Float64Array };
  private readonly extractor: FeatureExtractor;
  /**
   * The weights of the templates of `DENSE` by their code, LABELS per code (zeros where the
   * model has no row), in the order of the extractor's dense codes: small tables that stay in
   * cache, looked up without hashing. The `pos` table ({@link POS_TABLE}) grows as the
   * extractor meets new tags: by `tag index × 8 + position`.
   */
  private readonly denseTables: Int8Array[];
  private posTags = 1;
  /**
   * The cache of character pairs: per slot, the key `first << 16 | second` (as Int32, in
   * {@link pairKeys}) then the four bigram templates' weights. 0 is the empty key; the pair
   * whose key is 0 (U+0000 twice) is looked up every time.
   */
  private pairKeys = new Int32Array(0);
  private pairWeights = new Int8Array(0);
  private pairBits = 0;
  /** The cache of words, keyed by the word's hash as the extractor gives it (never 0). */
  private wordKeys = new Int32Array(0);
  private wordWeights = new Int8Array(0);
  private wordBits = 0;
  /** Slots holding a key, per cache: past a share of its slots ({@link FULL_SHARE}), the cache grows (to its largest size). */
  private pairUsed = 0;
  private wordUsed = 0;
  /** A block's cache misses: each key, its slot's byte offset and its rows' feature hashes (then ranks). */
  private readonly missKey = new Int32Array(BLOCK + 2 * PAD);
  private readonly missAt = new Int32Array(BLOCK + 2 * PAD);
  private readonly missRows = new Int32Array((BLOCK + 2 * PAD) * WORD_ROWS);
  private readonly viterbi = new Viterbi();
  /** The hashes of one block of characters ({@link BLOCK}). */
  private readonly feats = new Int32Array(BLOCK * SLOTS);
  /** One block's emissions, LABELS per character: Viterbi takes them block by block. */
  private readonly emit = new Int32Array(BLOCK * LABELS);
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
    this.denseTables = [
      table(DENSE.cls.values, (code) => featureHash(T_CLS, Math.floor(code / 144), Math.floor(code / 12) % 12, code % 12)),
      table(DENSE.wordPosition.values, (code) => featureHash(T_WPOS, code >> 3, code & 7)),
      new Int8Array(64 * 8 * LABELS), // POS_TABLE, filled by fillPosTags
      table(DENSE.hint.values, (code) => featureHash(T_HINT, code)),
    ];
    // The word lists' codes (0: no match, a zero row): `(value << 2 | list) + 1`.
    const { cover, edge, groups } = DENSE.lexicon;
    for (let g = 0; g < groups; g++) for (let kind = 0; kind < 3; kind++) this.denseTables.push(table(kind ? edge : cover, (code) => lexiconHash(g, kind, code)));
    this.grow();
  }

  /**
   * Sizes the caches: at first small (a reader's first page fills them at little cost), then
   * twice as large each time {@link FULL_SHARE} of a cache's slots hold keys, up to
   * {@link PAIR_BITS} and {@link WORD_BITS} (the reading goes on; a larger cache keeps more of
   * it). The keys held move to the larger cache: a slot's index is the top bits of the key's
   * hash, so slot `s` becomes `2s` or `2s + 1` and no two keys meet there.
   */
  private grow(): void {
    if (!this.pairBits || (this.pairUsed > (1 << this.pairBits) * FULL_SHARE && this.pairBits < PAIR_BITS)) {
      this.pairBits = this.pairBits ? this.pairBits + 1 : FIRST_PAIR_BITS;
      this.pairKeys = moveSlots(this.pairKeys, PAIR_SLOT, this.pairBits);
      this.pairWeights = new Int8Array(this.pairKeys.buffer);
    }
    if (!this.wordBits || (this.wordUsed > (1 << this.wordBits) * FULL_SHARE && this.wordBits < WORD_BITS)) {
      this.wordBits = this.wordBits ? this.wordBits + 1 : FIRST_WORD_BITS;
      this.wordKeys = moveSlots(this.wordKeys, WORD_SLOT, this.wordBits);
      this.wordWeights = new Int8Array(this.wordKeys.buffer);
    }
  }

  /** Writes the feature hashes of the pair `key`'s rows (`first << 16 | second`) into {@link missRows} from `at`. */
  private pairRowHashes(key: number, at: number): void {
    const a = key >>> 16;
    const b = key & 0xffff;
    for (let k = 0; k < PAIR_ROWS; k++) this.missRows[at + k] = featureHash(T_BI + k, a, b);
  }

  /** Writes the feature hashes of the rows of the word whose hash is `key` into {@link missRows} from `at`. */
  private wordRowHashes(key: number, at: number): void {
    const rows = this.missRows;
    for (let position = 1; position <= 4; position++) rows[at + position - 1] = featureHash(T_WORD, key, position);
    rows[at + ROW_AS_PREVIOUS] = featureHash(T_WPREV, key);
    rows[at + ROW_AS_NEXT] = featureHash(T_WNEXT, key);
  }

  /** Fills slot `s` of the pair cache with the rows of the pair `key` (a key that lost its slot to another of the same block). */
  private gatherPair(s: number, key: number): void {
    this.pairRowHashes(key, 0);
    this.missAt[0] = s * PAIR_SLOT;
    this.missKey[0] = key;
    this.pairUsed += this.fillMissing(this.pairKeys, this.pairWeights, PAIR_ROWS, 1);
  }

  /** Fills slot `s` of the word cache with the rows of the word whose hash is `key` (likewise). */
  private gatherWord(s: number, key: number): void {
    this.wordRowHashes(key, 0);
    this.missAt[0] = s * WORD_SLOT;
    this.missKey[0] = key;
    this.wordUsed += this.fillMissing(this.wordKeys, this.wordWeights, WORD_ROWS, 1);
  }

  /**
   * Fills the cache slots of the `count` keys in {@link missKey} (slot byte offsets in
   * {@link missAt}, `rowsPerKey` feature hashes each in {@link missRows}) from the model's rows:
   * first every row's rank (independent reads of the bitmap, whose waits overlap), then the
   * copies (likewise for the rows). A slot named twice ends with the later key. Returns how many
   * of the slots were empty before (the cache's new keys, see `grow`).
   */
  private fillMissing(keys: Int32Array, cache: Int8Array, rowsPerKey: number, count: number): number {
    const { missRows, missAt, missKey, rowOf, weights } = this;
    let taken = 0;
    const total = count * rowsPerKey;
    for (let j = 0; j < total; j++) missRows[j] = rowOf(missRows[j]!);
    for (let m = 0; m < count; m++) {
      const slot = missAt[m]!;
      for (let k = 0; k < rowsPerKey; k++) {
        const row = missRows[m * rowsPerKey + k]!;
        const o = slot + 4 + k * LABELS;
        if (row < 0) for (let l = 0; l < LABELS; l++) cache[o + l] = 0;
        else for (let l = 0; l < LABELS; l++) cache[o + l] = weights[row * LABELS + l]!;
      }
      if (keys[slot >> 2] === 0) taken++;
      keys[slot >> 2] = missKey[m]!;
    }
    return taken;
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
    let pos = this.denseTables[POS_TABLE]!;
    if (names.length * 8 * LABELS > pos.length) {
      const grown = new Int8Array(Math.max(names.length * 8 * LABELS, pos.length * 2));
      grown.set(pos);
      this.denseTables[POS_TABLE] = pos = grown;
    }
    for (let t = this.posTags; t < names.length; t++) {
      const th = stringHash(names[t]!, 0, names[t]!.length);
      for (let position = 1; position < 8; position++) this.copyRow(featureHash(T_POS, th, position), pos, t * 8 + position);
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
    if (this.labels.length < n) {
      this.labels = new Uint8Array(Math.max(n, this.labels.length * 2));
      this.force = new Uint8Array(this.labels.length);
    }
    const { force, charBlock } = this;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Astral characters (emoji, rare ideographs) stay out of names, so no span splits a pair.
      force[i] = c === 10 || c === 13 || c === 0x2028 || c === 0x2029 ? LINE_BREAK : breaksNames(c) || (c >= 0xd800 && c <= 0xdfff) ? 1 : 0;
    }
    // A character forced to O needs no features: every path has O there, so its scores change none.
    const extractor = this.extractor;
    extractor.prepare(text, words, { charSlots: false, hints, skip: force, dense: true, cached: true });
    this.fillPosTags();
    const codes = extractor.featureCodes;
    // Blocks of characters met for the first time, gathered before the loop reads them.
    // Each position's block, read once here (the five windows around a character read them in
    // turn), and the edge code's for windows that stop at a line break.
    if (this.blockAt.length < n + 2 * PAD) this.blockAt = new Int32Array(Math.max(n + 2 * PAD, this.blockAt.length * 2));
    const blockAt = this.blockAt;
    for (let p = 0; p < n + 2 * PAD; p++) {
      const c = codes[p]!;
      if (charBlock[c] === UNSEEN) this.gatherChar(c);
      blockAt[p] = charBlock[c]!;
    }
    if (charBlock[BOUNDARY_CODE] === UNSEEN) this.gatherChar(BOUNDARY_CODE);
    const edgeBlock = charBlock[BOUNDARY_CODE]!;
    this.grow();
    // A block of characters at a time: its hashes and emissions stay in cache from where they
    // are computed to where they are read (a page's would be a megabyte, pushing the caches out).
    // The block is scored by a method of its own: called a few dozen times per page, it is
    // optimized with what every block has shown it, where a loop inside this call would be
    // compiled in the middle of the first page (on-stack replacement) and thrown away again
    // at the first path that page had not taken yet.
    const viterbi = this.viterbi;
    viterbi.begin(n, this.transitions, force);
    for (let from = 0; from < n; from += BLOCK) {
      const to = Math.min(n, from + BLOCK);
      this.scoreBlock(from, to, edgeBlock);
      viterbi.advance(this.emit, from, from, to);
    }
    viterbi.end(this.labels);
    return decodeSpans(this.labels, n);
  }

  /** The emissions of characters `from` to `to` (one block, after `tag`'s preparation) into {@link emit}. */
  private scoreBlock(from: number, to: number, edgeBlock: number): void {
    const { feats, emit, present, weights, shift, force, bias, denseTables, blockAt } = this;
    const extractor = this.extractor;
    const codes = extractor.featureCodes;
    const charWeights = this.charWeights;
    const cls = extractor.featureClasses;
    const { pairKeys, pairWeights, wordKeys, wordWeights, missAt, missKey, pairBits, wordBits } = this;
    const wordHashes = extractor.wordHashes;
    const wordPositions = extractor.wordPositions;
    const previousWords = extractor.previousWords;
    const nextWords = extractor.nextWords;
    extractor.hashRange(from, to, feats);
    const dense = extractor.denseCodes;
    // Bring the block's cache slots in first, in a short loop: the scoring loop below is too long
    // per character for the processor to overlap one character's memory waits with the next's,
    // and here a dozen wait at once. Keys missing from their cache are filled together
    // (fillMissing), so those waits overlap too. The scoring loop checks each key again (a later
    // key of the block may have taken a slot), now from a near cache.
    let misses = 0;
    for (let q = from + PAD - 2; q <= to + PAD; q++) {
      const key = (codes[q]! << 16) | codes[q + 1]!;
      const s = slotOf(key, pairBits);
      if (pairKeys[(s * PAIR_SLOT) >> 2] !== key || key === 0) {
        this.pairRowHashes(key, misses * PAIR_ROWS);
        missAt[misses] = s * PAIR_SLOT;
        missKey[misses++] = key;
      }
    }
    if (misses) this.pairUsed += this.fillMissing(pairKeys, pairWeights, PAIR_ROWS, misses);
    misses = 0;
    for (let i = from; i < to; i++) {
      const key = wordHashes[i]!;
      if (i > from && key === wordHashes[i - 1]) continue;
      const s = slotOf(key, wordBits);
      if (wordKeys[(s * WORD_SLOT) >> 2] !== key || key === 0) {
        this.wordRowHashes(key, misses * WORD_ROWS);
        missAt[misses] = s * WORD_SLOT;
        missKey[misses++] = key;
      }
    }
    if (misses) this.wordUsed += this.fillMissing(wordKeys, wordWeights, WORD_ROWS, misses);
    for (let i = from; i < to; i++) {
      if (force[i]) {
        emit.fill(0, (i - from) * LABELS, (i - from + 1) * LABELS);
        continue;
      }
      // The 13 label scores of this character stay in locals (registers), written once.
      let e0 = bias[0]!, e1 = bias[1]!, e2 = bias[2]!, e3 = bias[3]!, e4 = bias[4]!, e5 = bias[5]!, e6 = bias[6]!;
      let e7 = bias[7]!, e8 = bias[8]!, e9 = bias[9]!, e10 = bias[10]!, e11 = bias[11]!, e12 = bias[12]!;
      // Characters −2…+2: template k of the character at offset k − 2.
      const p = i + PAD;
      for (let k = 0; k < CHAR_SLOTS; k++) {
        // A window stops at a line break (the class of the character next to it is BOUNDARY).
        const block = (k === 0 && cls[p - 1] === CLS.BOUNDARY) || (k === 4 && cls[p + 1] === CLS.BOUNDARY) ? edgeBlock : blockAt[p + k - 2]!;
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
      // Bigrams, from the pair cache: the pairs at −2, −1, 0 and +1, template k of the pair at
      // k − 2 (a pair beyond a line break is the edge's, as for a paragraph alone).
      for (let k = 0; k < 4; k++) {
        const key = (k === 0 && cls[p - 1] === CLS.BOUNDARY) || (k === 3 && cls[p + 1] === CLS.BOUNDARY) ? EDGE_PAIR : (codes[p + k - 2]! << 16) | codes[p + k - 1]!;
        const s = slotOf(key, pairBits);
        if (pairKeys[(s * PAIR_SLOT) >> 2] !== key || key === 0) this.gatherPair(s, key);
        const w = s * PAIR_SLOT + 4 + k * LABELS;
        e0 += pairWeights[w]!;
        e1 += pairWeights[w + 1]!;
        e2 += pairWeights[w + 2]!;
        e3 += pairWeights[w + 3]!;
        e4 += pairWeights[w + 4]!;
        e5 += pairWeights[w + 5]!;
        e6 += pairWeights[w + 6]!;
        e7 += pairWeights[w + 7]!;
        e8 += pairWeights[w + 8]!;
        e9 += pairWeights[w + 9]!;
        e10 += pairWeights[w + 10]!;
        e11 += pairWeights[w + 11]!;
        e12 += pairWeights[w + 12]!;
      }
      // The word, and the neighbour words at its edges, from the word cache.
      for (let k = 0; k < 3; k++) {
        const key = k === 0 ? wordHashes[i]! : k === 1 ? previousWords[i]! : nextWords[i]!;
        if (k > 0 && key === 0) continue;
        const s = slotOf(key, wordBits);
        if (wordKeys[(s * WORD_SLOT) >> 2] !== key || key === 0) this.gatherWord(s, key);
        const w = s * WORD_SLOT + 4 + (k === 0 ? wordPositions[i]! - 1 : k === 1 ? ROW_AS_PREVIOUS : ROW_AS_NEXT) * LABELS;
        e0 += wordWeights[w]!;
        e1 += wordWeights[w + 1]!;
        e2 += wordWeights[w + 2]!;
        e3 += wordWeights[w + 3]!;
        e4 += wordWeights[w + 4]!;
        e5 += wordWeights[w + 5]!;
        e6 += wordWeights[w + 6]!;
        e7 += wordWeights[w + 7]!;
        e8 += wordWeights[w + 8]!;
        e9 += wordWeights[w + 9]!;
        e10 += wordWeights[w + 10]!;
        e11 += wordWeights[w + 11]!;
        e12 += wordWeights[w + 12]!;
      }
      // The templates with few values, from their tables (a word list's code 0: no match).
      const d = (i - from) * DENSE_SLOTS;
      for (let k = 0; k < DENSE_SLOTS; k++) {
        const code = dense[d + k]!;
        if (k >= 4 && code === 0) continue;
        const table = denseTables[k]!;
        const w = code * LABELS;
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
      // The one hashed template (the rules' label with the character), from the model's rows
      // (rowOf, written out: this is the scoring loop).
      const h = feats[(i - from) * SLOTS + HINT_CHAR_SLOT]!;
      if (h !== 0) {
        const id = h >>> shift;
        const at = (id >>> 5) << 1;
        const bits = present[at]!;
        const bit = 1 << (id & 31);
        if (bits & bit) {
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
      }
      const e = (i - from) * LABELS;
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
}
