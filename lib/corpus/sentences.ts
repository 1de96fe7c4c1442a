/** Sentences of Chinese news text, cut where `related.ts` cuts them (pure, no dependencies). */

/** A sentence reaches at most this far on each side of a mention (text without stops). */
const MAX_SENTENCE_SIDE = 300;

/** 。！？!?；; — the stops that end a sentence (as in `related.ts`). */
function isStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b || c === 0x3b;
}
/** A stop or a line break. */
const isTerminator = (c: number) => c === 0x0a || isStop(c);
/** ” ’ 」 』 */
const isClosingQuote = (c: number) => c === 0x201d || c === 0x2019 || c === 0x300d || c === 0x300f;
/** White space as `String.prototype.trim` removes it (the common cases). */
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);

/**
 * The sentence around `[start, end)` of `text`: from after the previous stop (。！？!?；;) or line
 * break to the next stop, with the stops and one closing quote that follow it, trimmed — the
 * sentence `related.ts` would cut there; at most 300 characters on each side of the span (a text
 * without stops is cut there). Offsets into `text`, end exclusive. Never throws; offsets outside
 * the text are clamped.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  let b = start;
  while (b > 0 && !isTerminator(text.charCodeAt(b - 1)) && start - b < MAX_SENTENCE_SIDE) b--;
  // A closing quote right after a stop ends the sentence before.
  if (b > 0 && b < start && isStop(text.charCodeAt(b - 1)) && isClosingQuote(text.charCodeAt(b))) b++;
  let e = end;
  while (e < text.length && !isTerminator(text.charCodeAt(e)) && e - end < MAX_SENTENCE_SIDE) e++;
  if (e < text.length && isStop(text.charCodeAt(e))) {
    while (e < text.length && isStop(text.charCodeAt(e))) e++;
    if (e < text.length && isClosingQuote(text.charCodeAt(e))) e++;
  }
  while (b < start && isSpace(text.charCodeAt(b))) b++;
  while (e > end && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: b, end: e };
}
