/**
 * The `Segmenter` interface the recognizer is written against, and its jieba-wasm adapter.
 *
 * jieba works on Unicode scalar values; everything here speaks JavaScript string indices
 * (UTF-16 code units), so spans can be used with `String.prototype.slice` and DOM ranges.
 * Two builds of jieba-wasm exist (Node and web); both expose the same functions, which the
 * adapter receives as {@link JiebaBindings}, so this module runs unchanged everywhere.
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
  tag(sentence: string, hmm?: boolean | null): Array<{ word: string; tag: string }>;
  tokenize(text: string, mode: string, hmm?: boolean | null): Array<{ word: string; start: number; end: number }>;
  add_word(word: string, freq?: number | null, tag?: string | null): number;
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
 * Gives each word its UTF-16 offsets in `text`, in order, turning the word objects themselves
 * into tokens (they are modified). jieba's words concatenate to its
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
    // The word is the text's own slice (startsWith matched it), so jieba's string is kept, and
    // jieba's fresh object becomes the token: no copy per word on this hot path.
    const token = w as Token;
    token.tag = w.tag ?? 'x';
    token.start = start;
    token.end = end;
    tokens.push(token);
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

/** Wraps jieba-wasm's functions (Node or web build) as a {@link Segmenter}. */
export function createJiebaSegmenter(jieba: JiebaBindings): Segmenter {
  return {
    async tag(text) {
      if (!text) return [];
      const clean = replaceLoneSurrogates(text);
      const tokens = alignWords(clean, jieba.tag(clean, true));
      if (clean !== text) for (const t of tokens) t.word = text.slice(t.start, t.end);
      return tokens;
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
