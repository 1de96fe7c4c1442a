/**
 * Search tokens for clippings: jieba's search-mode cut (`cut_for_search`: 知识产权局 gives 知识,
 * 产权, 知识产权 and 知识产权局), lower-cased, without punctuation and whitespace. A clipping is
 * indexed by the tokens of its quote, note, tags and entity names; a query matches when all its
 * tokens are among them. Pure; the cut itself comes from a `Segmenter` (or the offscreen one).
 */
import type { Token } from '../segment';

/** Cuts text the search way; rejects only if the segmenter does. */
export type SearchCut = (text: string) => Promise<Token[]>;

/** Longest text sent in one cut when many texts are tokenized together. */
const BATCH_CHARS = 100_000;

/** Whether a token carries meaning for search (not punctuation, space or a lone symbol). */
function meaningful(word: string): boolean {
  return /[\p{L}\p{N}]/u.test(word);
}

/** The distinct search tokens of `tokens`, lower-cased, in first-seen order. */
export function searchTokens(tokens: readonly Token[]): string[] {
  const out = new Set<string>();
  for (const t of tokens) {
    const w = t.word.trim().toLowerCase();
    if (w && meaningful(w)) out.add(w);
  }
  return [...out];
}

/**
 * Search tokens of many texts with few segmenter calls: texts are joined by newlines into
 * batches and the tokens split back by offset. Returns one token list per text, in order.
 */
export async function tokenizeMany(texts: readonly string[], cut: SearchCut): Promise<string[][]> {
  const out: string[][] = texts.map(() => []);
  let batch: number[] = [];
  let length = 0;
  const flush = async () => {
    if (!batch.length) return;
    const starts: number[] = [];
    let at = 0;
    for (const i of batch) {
      starts.push(at);
      at += texts[i]!.length + 1;
    }
    const tokens = await cut(batch.map((i) => texts[i]!.replace(/\n/g, ' ')).join('\n'));
    let k = 0;
    const perText: Token[][] = batch.map(() => []);
    for (const token of tokens) {
      while (k + 1 < starts.length && starts[k + 1]! <= token.start) k++;
      perText[k]!.push(token);
    }
    batch.forEach((i, j) => (out[i] = searchTokens(perText[j]!)));
    batch = [];
    length = 0;
  };
  for (let i = 0; i < texts.length; i++) {
    if (length + texts[i]!.length > BATCH_CHARS) await flush();
    batch.push(i);
    length += texts[i]!.length + 1;
  }
  await flush();
  return out;
}

/** The text a clipping is indexed by: quote, note, tags and entity names. */
export function indexText(c: { quote: string; note: string; tags: readonly string[]; entities: ReadonlyArray<{ text: string }> }): string {
  return [c.quote, c.note, c.tags.join(' '), c.entities.map((e) => e.text).join(' ')].join(' ');
}
