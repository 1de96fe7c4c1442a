/**
 * The `Segmenter` interface the recognizer is written against, and its jieba-wasm adapter.
 *
 * jieba works on Unicode scalar values; everything here speaks JavaScript string indices
 * (UTF-16 code units), so spans can be used with `String.prototype.slice` and DOM ranges.
 * jieba-wasm's module is loaded with our own glue (`jieba-wasm.ts`) in Node and in extension
 * pages alike; the adapter receives its functions as {@link JiebaBindings} (the package's own
 * glue has the same ones, but for `cutEnds`), so this module runs unchanged everywhere.
 */

/** One word of a segmentation, with offsets into the segmented text (UTF-16, end exclusive). */
export interface Token {
  word: string;
  /** jieba's part-of-speech tag (ICTCLAS set: `nr` person, `ns` place, `nt` org, `m` numeral, `x` other…). */
  tag: string;
  start: number;
  end: number;
}

/** A word for the user dictionary: added so it is always cut whole, with an optional POS tag. */
export interface UserWord {
  word: string;
  /** Frequency; higher wins over dictionary alternatives. Defaults to a value that keeps the word whole. */
  freq?: number;
  tag?: string;
}

export interface Segmenter {
  /**
   * Cuts `text` into words with POS tags (HMM on for unknown words). The tokens cover the text
   * without gaps or overlap, in order. Rejects only if the underlying engine fails.
   */
  tag(text: string): Promise<Token[]>;
  /** The finer, overlapping cut used for search indexing (`cut_for_search`); tags are `x`. */
  cutForSearch(text: string): Promise<Token[]>;
  /** Adds words to the dictionary of this instance; resolves with the number added. Empty words are skipped. */
  addWords(words: readonly UserWord[]): Promise<number>;
}

/** The functions the adapter needs from either build of jieba-wasm. */
export interface JiebaBindings {
  cut(text: string, hmm?: boolean | null): string[];
  tag(sentence: string, hmm?: boolean | null): Array<{ word: string; tag: string }>;
  tokenize(text: string, mode: string, hmm?: boolean | null): Array<{ word: string; start: number; end: number }>;
  add_word(word: string, freq?: number | null, tag?: string | null): number;
  /**
   * The cut as the UTF-16 offsets where its words end, without a string per word (our own glue,
   * `jieba-wasm.ts`, has it; the package's has not); `null` when it cannot say.
   */
  cutEnds?(text: string, hmm: boolean): Int32Array | null;
}

/** A frequency high enough that jieba keeps a user word whole against its own dictionary. */
export const USER_WORD_FREQ = 100_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces lone surrogates with U+FFFD. They cannot cross into WASM as UTF-8 (the encoder
 * would substitute them anyway); doing it here keeps every offset unchanged.
 */
export function replaceLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Gives each word its UTF-16 offsets in `text`, in order, as tokens. jieba's words concatenate to its
 * input; a word that does not appear where expected is searched forward so a disagreement
 * costs one token, not the alignment of the rest.
 *
 * @throws Error if a word cannot be found in the remaining text at all.
 */
export function alignWords(text: string, words: Array<{ word: string; tag?: string }>): Token[] {
  const tokens: Token[] = [];
  let cursor = 0;
  for (const w of words) {
    const word = w.word;
    if (!word) continue;
    const start = text.startsWith(word, cursor) ? cursor : text.indexOf(word, cursor);
    if (start < 0) throw new Error(`segmenter word not found in text at ${cursor}: ${JSON.stringify(word)}`);
    const end = start + word.length;
    // A fresh object of the one shape every token has (the cut's, the reading thread's): the
    // code that reads tokens then sees one hidden class, where jieba's objects with fields added
    // would be a second, and each function optimized for one would be thrown away and compiled
    // again when the other came (measured: a third of the CLI's compile time).
    tokens.push({ word, tag: w.tag ?? 'x', start, end });
    cursor = end;
  }
  return tokens;
}

/** Maps Unicode scalar offsets (as jieba's `tokenize` returns them) to UTF-16 offsets. */
function scalarToUtf16(text: string): (scalar: number) => number {
  // Fast path: no astral characters, the two index spaces coincide.
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[i] ?? u;
}

/**
 * Characters no block of jieba's cut crosses (whitespace and clause or bracket marks: none is in
 * any version's pattern of Han blocks, which takes Han characters, Latin letters, digits and
 * `+#&._%-`).
 */
const BLOCK_BREAK = /[\s，。；：！？、（）《》“”‘’【】「」,;:!?()"'\[\]{}<>]/;

/** The offsets of the text around `start`–`end` up to the nearest {@link BLOCK_BREAK} on each side. */
function stretchAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !BLOCK_BREAK.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !BLOCK_BREAK.test(text[to]!)) to++;
  return [from, to];
}

/**
 * See `newShare` in {@link createJiebaSegmenter}: the share of a text in new words above which
 * the next text goes through `tag()` whole (measured: on varied text with 3–5% new words, the cut
 * and the `tag()` of the new words and their stretches already cost about what `tag()` does).
 */
const WHOLE_TEXT_ABOVE = 0.03;

/** Words whose tags a segmenter keeps (about 8 MB; past this, plus one text's words, it starts again empty). */
export const TAG_CACHE_WORDS = 100_000;

/**
 * Wraps jieba-wasm's functions (Node or web build) as a {@link Segmenter}.
 *
 * `tag` gives what jieba's `tag()` gives, for about the price of its `cut()` (~0.6× of `tag()`):
 * jieba's `tag()` is its `cut()` followed, word by word, by a look-up that does not depend on
 * the context (the dictionary's tag of the word, else one guessed from its characters: `x`,
 * `m`, `eng`; see jieba-rs `Jieba::tag`). So a word's tag, once seen in any output of `tag()`,
 * stays known until the dictionary changes (`addWords` forgets them all). For a text, `cut()`
 * gives the words; the words not seen before go through `tag()` alone, one per line, then the
 * stretches of text around those that did not come back whole there (words jieba's HMM made
 * from their context); if one is still missing, the whole text goes through `tag()` as before.
 * At the start, and while texts bring many new words, texts go through `tag()` whole (their
 * words' tags kept), which costs less than a cut and a `tag()` of most of the words.
 */
export function createJiebaSegmenter(jieba: JiebaBindings): Segmenter {
  const tags = new Map<string, string>();
  /**
   * The length of the last text's new words (distinct, whose tags were not known before it) over
   * the text's length. Above {@link WHOLE_TEXT_ABOVE} (at the start, and on texts of another
   * kind), the next text goes through `tag()` whole: a `cut()` and then `tag()` of the new words
   * and their stretches would cost more.
   */
  let newShare = 1;
  /** Keeps the tags of `tagged`'s words; returns the length of those not known before. */
  const learn = (tagged: ReadonlyArray<{ word: string; tag?: string }>): number => {
    let fresh = 0;
    for (const t of tagged) {
      if (tags.has(t.word)) continue;
      fresh += t.word.length;
      tags.set(t.word, t.tag ?? 'x');
    }
    return fresh;
  };
  /** Gives the tokens of the cleaned text back the words of the original (lone surrogates and all). */
  const original = (text: string, clean: string, tokens: Token[]): Token[] => {
    if (clean !== text) for (const t of tokens) t.word = text.slice(t.start, t.end);
    return tokens;
  };
  /** The text through jieba's `tag()` whole, its words' tags kept. */
  const tagWhole = (text: string, clean: string): Token[] => {
    const tagged = jieba.tag(clean, true);
    newShare = learn(tagged) / clean.length;
    return original(text, clean, alignWords(clean, tagged));
  };
  return {
    async tag(text) {
      if (!text) return [];
      if (tags.size > TAG_CACHE_WORDS) {
        tags.clear();
        newShare = 1;
      }
      const clean = replaceLoneSurrogates(text);
      if (newShare > WHOLE_TEXT_ABOVE) return tagWhole(text, clean);
      // jieba's words are slices of its input, in order: their lengths give the offsets (checked
      // at the end; otherwise the text goes through tag() whole). With the glue's cutEnds, the
      // offsets come without the words, which are then sliced from the text.
      const ends = jieba.cutEnds?.(clean, true) ?? null;
      const words = ends ? undefined : jieba.cut(clean, true);
      const count = ends ? ends.length : words!.length;
      // Built by push, as alignWords' are: an array of one elements kind (packed), which the
      // recognizer's code sees alike from either path.
      const tokens: Token[] = [];
      let unseen: Set<string> | undefined;
      let cursor = 0;
      for (let k = 0; k < count; k++) {
        const start = cursor;
        let word: string;
        if (ends) {
          cursor = ends[k]!;
          word = clean.slice(start, cursor);
        } else {
          word = words![k]!;
          cursor += word.length;
        }
        if (!word) return tagWhole(text, clean);
        let tag = tags.get(word);
        if (tag === undefined) {
          (unseen ??= new Set()).add(word);
          tag = 'x';
        }
        tokens.push({ word, tag, start, end: cursor });
      }
      if (cursor !== clean.length) return tagWhole(text, clean);
      newShare = 0;
      if (unseen) {
        for (const w of unseen) newShare += w.length;
        newShare /= clean.length;
        learn(jieba.tag([...unseen].join('\n'), true));
        // A word jieba's HMM made from its neighbours may not come back alone (之家 from
        // 之 家): the stretch of text around it, between marks no jieba block crosses, is cut
        // as in the whole text.
        let stretches: Set<string> | undefined;
        let covered = 0; // the end of the last stretch taken: words before it are in it (each character is read about once)
        for (const t of tokens) {
          if (t.start < covered || tags.has(t.word)) continue;
          const [from, to] = stretchAround(clean, t.start, t.end);
          (stretches ??= new Set()).add(clean.slice(from, to));
          covered = to;
        }
        if (stretches) learn(jieba.tag([...stretches].join('\n'), true));
        for (const t of tokens) {
          const tag = tags.get(t.word);
          if (tag === undefined) return tagWhole(text, clean);
          t.tag = tag;
        }
      }
      return original(text, clean, tokens);
    },
    async cutForSearch(text) {
      if (!text) return [];
      const clean = replaceLoneSurrogates(text);
      const toUtf16 = scalarToUtf16(clean);
      return jieba.tokenize(clean, 'search', true).map((t) => {
        const start = toUtf16(t.start);
        const end = toUtf16(t.end);
        return { word: text.slice(start, end), tag: 'x', start, end };
      });
    },
    async addWords(words) {
      // Added words change how texts are cut and which words the dictionary tags.
      tags.clear();
      let added = 0;
      for (const { word, freq, tag } of words) {
        const w = word.trim();
        if (!w) continue;
        jieba.add_word(w, freq ?? USER_WORD_FREQ, tag ?? null);
        added++;
      }
      return added;
    },
  };
}
