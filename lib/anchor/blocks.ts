/**
 * A page's flat text (see `text-map.ts`) as blocks, and blocks grouped into requests for the
 * recognizer. Blocks are the lines of the flat text: paragraphs, cells, headings. The recognizer
 * marks a block the same whether it is sent alone or with others (tested in
 * `tests/unit/recognize.test.ts`), so results can be kept per block and only new or changed
 * blocks sent again.
 */

export interface Block {
  /** Offset of the block's first character in the flat text. */
  start: number;
  text: string;
}

/**
 * The non-blank lines of `text` with their offsets, in order. A line longer than `maxChars`
 * is cut into pieces of at most `maxChars`, after a sentence end (。！？；) where there is one in
 * the second half of the piece, and never inside a surrogate pair. Never throws.
 */
export function splitBlocks(text: string, maxChars: number): Block[] {
  const max = Math.max(2, Math.floor(maxChars));
  const out: Block[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let at = lineStart;
    while (lineEnd - at > max) {
      let cut = at + max;
      const window = text.slice(at + (max >> 1), cut);
      const sentenceEnd = Math.max(window.lastIndexOf('。'), window.lastIndexOf('！'), window.lastIndexOf('？'), window.lastIndexOf('；'));
      if (sentenceEnd >= 0) cut = at + (max >> 1) + sentenceEnd + 1;
      else if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
      pushBlock(out, text, at, cut);
      at = cut;
    }
    pushBlock(out, text, at, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function pushBlock(out: Block[], text: string, start: number, end: number): void {
  const piece = text.slice(start, end);
  if (piece.trim()) out.push({ start, text: piece });
}

/**
 * Groups blocks, in the given order, into batches whose joined text (blocks separated by `\n`)
 * stays within `maxChars` (`firstMaxChars` for the first batch, so the first answer comes
 * quickly); a batch holds at least one block. Each batch's text is what one recognizer request
 * carries; `offsets[i]` is where block `i` of the batch starts in it.
 */
export function batchBlocks(
  blocks: readonly Block[],
  maxChars: number,
  firstMaxChars = maxChars,
): Array<{ blocks: Block[]; text: string; offsets: number[] }> {
  const out: Array<{ blocks: Block[]; text: string; offsets: number[] }> = [];
  let current: Block[] = [];
  let length = 0;
  const flush = () => {
    if (!current.length) return;
    const offsets: number[] = [];
    let at = 0;
    for (const b of current) {
      offsets.push(at);
      at += b.text.length + 1;
    }
    out.push({ blocks: current, text: current.map((b) => b.text).join('\n'), offsets });
    current = [];
    length = 0;
  };
  for (const block of blocks) {
    if (current.length && length + 1 + block.text.length > (out.length ? maxChars : firstMaxChars)) flush();
    length += (current.length ? 1 : 0) + block.text.length;
    current.push(block);
  }
  flush();
  return out;
}

/**
 * Index of the block holding flat offset `at` (the last block starting at or before it), or -1
 * before the first block. `blocks` must be sorted by start.
 */
export function blockIndexAt(blocks: readonly Block[], at: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The blocks in reading priority: those from `first` to `last` (what is on screen) first, then
 * the rest of the page below, then what lies above. Indices are clamped to the list.
 */
export function visibleFirst<T>(blocks: readonly T[], first: number, last: number): T[] {
  if (!blocks.length) return [];
  const a = Math.max(0, Math.min(first, blocks.length - 1));
  const b = Math.max(a, Math.min(last, blocks.length - 1));
  return [...blocks.slice(a, b + 1), ...blocks.slice(b + 1), ...blocks.slice(0, a)];
}
