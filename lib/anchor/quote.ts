/**
 * Describing a passage of a page's flat text so it can be found again, and finding it again
 * after the page changed: W3C TextPositionSelector and TextQuoteSelector (exact quote with ~32
 * characters of context each side), anchored by position, then by exact quote with context, then
 * by a fuzzy match (character-level edit distance, stricter for short quotes). Whitespace is
 * ignored when comparing: pages re-wrap and re-indent Chinese text freely. Pure: strings only.
 */

export interface QuoteSelectors {
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number };
}

export interface Anchor {
  start: number;
  end: number;
  /** How it was found: at its old position, by its exact text, or by a close match. */
  method: 'position' | 'quote' | 'fuzzy';
  /** Character edits between the quote and what was found (0 unless fuzzy). */
  distance: number;
}

/**
 * Selectors for `text.slice(start, end)` with `context` characters of prefix and suffix.
 * Offsets are clamped into the text, never splitting a surrogate pair.
 */
export function describeQuote(text: string, start: number, end: number, context = 32): QuoteSelectors {
  const s = snap(text, Math.max(0, Math.min(start, text.length)));
  const e = snap(text, Math.max(s, Math.min(end, text.length)));
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(snap(text, Math.max(0, s - context)), s),
      suffix: text.slice(e, snap(text, Math.min(text.length, e + context))),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}

/** Moves an offset off the second half of a surrogate pair. */
function snap(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return at > 0 && c >= 0xdc00 && c <= 0xdfff ? at - 1 : at;
}

/** `text` without whitespace, and for each kept character its offset in `text`. */
function stripWhitespace(text: string): { s: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  const kept: string[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12) continue;
    kept.push(text[i]!);
    map[n++] = i;
  }
  map[n] = text.length;
  return { s: kept.join(''), map: map.subarray(0, n + 1) };
}

/** The last page stripped: a page's clippings are anchored one after another on the same text. */
let lastPage: { text: string; stripped: { s: string; map: Int32Array } } | undefined;
function strippedPage(text: string): { s: string; map: Int32Array } {
  if (lastPage?.text !== text) lastPage = { text, stripped: stripWhitespace(text) };
  return lastPage.stripped;
}

/** Most edits a match of an `m`-character quote (whitespace left out) may have. */
export function maxEdits(m: number): number {
  if (m < 10) return 0; // a short quote found inexactly is more likely something else
  if (m < 30) return Math.floor(m * 0.1);
  return Math.min(400, Math.floor(m * 0.2));
}

/** Length of the common suffix of a and b. */
function commonSuffix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}
/** Length of the common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

/**
 * Finds the passage the selectors describe in `text` (the page's flat text now). Returns null
 * when it is gone (an orphan), never a guess beyond {@link maxEdits}. Never throws.
 */
export function anchorQuote(text: string, selectors: QuoteSelectors): Anchor | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (!exact) return null;
  // 1. Where it was.
  if (end <= text.length && text.slice(start, end) === exact) return { start, end, method: 'position', distance: 0 };

  const page = strippedPage(text);
  const q = exact.replace(/[\s\u3000\u00a0]+/g, '');
  if (!q) return null;
  const pre = prefix.replace(/[\s\u3000\u00a0]+/g, '');
  const suf = suffix.replace(/[\s\u3000\u00a0]+/g, '');
  // The old position, in stripped coordinates (for ties).
  const oldAt = lowerBound(page.map, start);
  const toAnchor = (s: number, e: number, method: Anchor['method'], distance: number): Anchor => ({
    start: page.map[s]!,
    end: page.map[e - 1]! + 1,
    method,
    distance,
  });

  // 2. The exact text (whitespace aside), the occurrence whose context matches best.
  let best = -1;
  let bestScore = -1;
  for (let at = page.s.indexOf(q); at >= 0; at = page.s.indexOf(q, at + 1)) {
    const score = commonSuffix(page.s.slice(Math.max(0, at - pre.length), at), pre) + commonPrefix(page.s.slice(at + q.length, at + q.length + suf.length), suf);
    if (score > bestScore || (score === bestScore && Math.abs(at - oldAt) < Math.abs(best - oldAt))) {
      best = at;
      bestScore = score;
    }
  }
  if (best >= 0) return toAnchor(best, best + q.length, 'quote', 0);

  // 3. A close match.
  const k = maxEdits(q.length);
  if (k === 0) return null;
  if (q.length > 2000) {
    // Long quotes: find the head and the tail, and take what lies between.
    const head = fuzzyFind(page.s, q.slice(0, 200), maxEdits(200), oldAt);
    const tail = fuzzyFind(page.s, q.slice(-200), maxEdits(200), oldAt + q.length - 200);
    if (!head || !tail || tail.end <= head.start) return null;
    const length = tail.end - head.start;
    if (Math.abs(length - q.length) > k) return null;
    return toAnchor(head.start, tail.end, 'fuzzy', head.distance + tail.distance + Math.abs(length - q.length));
  }
  const found = fuzzyFind(page.s, q, k, oldAt);
  return found ? toAnchor(found.start, found.end, 'fuzzy', found.distance) : null;
}

function lowerBound(map: Int32Array, value: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The best approximate occurrence of `q` in `s` with at most `k` edits: candidate windows come
 * from exact hits of k + 1 pieces of `q` (one piece survives any k edits), each window scored
 * by semi-global edit distance. Ties go to the occurrence nearest `near`.
 */
function fuzzyFind(s: string, q: string, k: number, near: number): { start: number; end: number; distance: number } | null {
  const pieces = Math.min(k + 1, Math.floor(q.length / 3));
  if (pieces < 1) return null;
  const size = Math.floor(q.length / pieces);
  const tried = new Set<number>();
  let best: { start: number; end: number; distance: number } | null = null;
  for (let p = 0; p < pieces; p++) {
    const offset = p * size;
    const piece = q.slice(offset, p === pieces - 1 ? q.length : offset + size);
    let hits = 0;
    for (let at = s.indexOf(piece); at >= 0 && hits < 50; at = s.indexOf(piece, at + 1), hits++) {
      const from = Math.max(0, at - offset - k);
      // Nearby hits give the same window.
      const bucket = Math.floor(from / Math.max(1, k));
      if (tried.has(bucket)) continue;
      tried.add(bucket);
      const windowEnd = Math.min(s.length, at - offset + q.length + k);
      const m = semiGlobal(q, s, from, windowEnd);
      if (m.distance > k) continue;
      if (!best || m.distance < best.distance || (m.distance === best.distance && Math.abs(m.start - near) < Math.abs(best.start - near))) best = m;
    }
  }
  return best;
}

/**
 * Edit distance between `q` and the best-matching substring of `s[from, to)` (Sellers'
 * algorithm), with that substring's bounds. O(|q| × (to − from)) time, O(to − from) memory.
 */
function semiGlobal(q: string, s: string, from: number, to: number): { start: number; end: number; distance: number } {
  const n = to - from;
  let prev = new Int32Array(n + 1); // row 0: a match may start anywhere
  let cur = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j;
  for (let i = 1; i <= q.length; i++) {
    const qc = q.charCodeAt(i - 1);
    cur[0] = i;
    curStart[0] = 0;
    for (let j = 1; j <= n; j++) {
      const sub = prev[j - 1]! + (s.charCodeAt(from + j - 1) === qc ? 0 : 1);
      const del = prev[j]! + 1; // a quote character missing from the page
      const ins = cur[j - 1]! + 1; // a page character not in the quote
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        curStart[j] = prevStart[j - 1]!;
      } else if (del <= ins) {
        cur[j] = del;
        curStart[j] = prevStart[j]!;
      } else {
        cur[j] = ins;
        curStart[j] = curStart[j - 1]!;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  // The lowest distance; among equals, the match whose length is closest to the quote's
  // (结对帮助 for 结对帮扶, not 结对帮 with the last character counted as deleted).
  let bestJ = 1;
  for (let j = 1; j <= n; j++) {
    const d = prev[j]!;
    const best = prev[bestJ]!;
    if (d < best || (d === best && Math.abs(j - prevStart[j]! - q.length) < Math.abs(bestJ - prevStart[bestJ]! - q.length))) bestJ = j;
  }
  return { start: from + prevStart[bestJ]!, end: from + bestJ, distance: prev[bestJ]! };
}
