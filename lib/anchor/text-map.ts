/**
 * The page's visible text as one flat string with a map back to its text nodes, so that spans
 * found in the string become DOM ranges. Blocks (paragraphs, cells, headings, list items) are
 * separated by a line break that belongs to no node, so no span crosses a block.
 */

/** Elements whose text is not reading text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'BUTTON']);
/** Elements that start a new block of text. */
const BLOCK = new Set(['P', 'DIV', 'LI', 'TD', 'TH', 'TR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'MAIN', 'BLOCKQUOTE', 'DD', 'DT', 'DL', 'UL', 'OL', 'TABLE', 'FIGURE', 'FIGCAPTION', 'FORM', 'HR']);

/** The most text read from one page; beyond it the rest of a page is left unmarked. */
export const MAX_PAGE_CHARS = 3_000_000;

export interface TextSegment {
  node: Text;
  /** Offset of the node's first character in the flat text. */
  start: number;
}

export interface TextMap {
  text: string;
  /** Text nodes in document order with their offsets; gaps between them are block breaks. */
  segments: TextSegment[];
}

function skipped(el: Element): boolean {
  if (SKIP.has(el.tagName)) return true;
  const html = el as HTMLElement;
  // An editable element is skipped with its subtree, so its own attribute is enough (reading
  // `isContentEditable` instead would update the page's style for every element).
  const editable = el.getAttribute('contenteditable');
  if (html.hidden || (editable !== null && editable !== 'false') || el.getAttribute('aria-hidden') === 'true') return true;
  // The extension's own UI lives in shadow hosts marked so.
  return el.hasAttribute('data-zwpz-ui');
}

/**
 * Builds the flat text of `root`, at most `limit` characters (cut at a node boundary).
 * Never throws; an empty root gives an empty map.
 */
export function buildTextMap(root: Element, limit = 1_000_000): TextMap {
  const walk = walkText(root, limit);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

/** Resolves in a later task, giving the page's event loop a turn (input, rendering). Never rejects. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * {@link buildTextMap} in slices of about `sliceMs` of work, yielding to the page's event loop
 * between them, so a long page never blocks it. The page may change between slices; the map
 * then describes some nodes no longer there, which `rangeFor` and the painters skip. Never rejects.
 */
export async function buildTextMapSliced(root: Element, limit = 1_000_000, sliceMs = 8): Promise<TextMap> {
  const walk = walkText(root, limit);
  let sliceStart = performance.now();
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart > sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
}

/** Walks the text of `root`; yields every 64 nodes so a caller can pause, returns the map. */
function* walkText(root: Element, limit: number): Generator<void, TextMap> {
  const doc = root.ownerDocument;
  const segments: TextSegment[] = [];
  // Pieces joined once at the end: reading back a string built by `+=` (endsWith) flattens it
  // each time, which made this quadratic on long pages.
  const parts: string[] = [];
  let length = 0;
  let endsWithBreak = true;
  let visited = 0;
  const walker = doc.createTreeWalker(root, 1 | 4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode: (node) => (node.nodeType === 1 && skipped(node as Element) ? 2 /* FILTER_REJECT */ : 1 /* FILTER_ACCEPT */),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((++visited & 63) === 0) yield;
    if (node.nodeType === 1) {
      if (!endsWithBreak && BLOCK.has((node as Element).tagName)) {
        parts.push('\n');
        length++;
        endsWithBreak = true;
      }
      continue;
    }
    const data = (node as Text).data;
    if (!data.trim()) continue;
    if (length + data.length > limit) break;
    segments.push({ node: node as Text, start: length });
    parts.push(data);
    length += data.length;
    endsWithBreak = data.endsWith('\n');
  }
  return { text: parts.join(''), segments };
}

/** Index of the segment holding flat offset `at`, or -1. */
function segmentAt(map: TextMap, at: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = map.segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const seg = map.segments[mid]!;
    const end = seg.start + seg.node.data.length;
    if (at < seg.start || (preferEnd ? at > end : at >= end)) {
      if (at < seg.start) hi = mid - 1;
      else lo = mid + 1;
    } else return mid;
  }
  return -1;
}

/**
 * The DOM range of flat offsets [start, end). Returns null when either end falls outside the
 * text nodes (in a block break) or the nodes have changed since the map was built.
 */
export function rangeFor(map: TextMap, start: number, end: number): Range | null {
  const a = segmentAt(map, start, false);
  const b = segmentAt(map, end, true);
  if (a < 0 || b < 0) return null;
  const sa = map.segments[a]!;
  const sb = map.segments[b]!;
  if (!sa.node.isConnected || !sb.node.isConnected) return null;
  const range = sa.node.ownerDocument.createRange();
  try {
    range.setStart(sa.node, start - sa.start);
    range.setEnd(sb.node, end - sb.start);
  } catch {
    return null; // the node's text changed under us
  }
  return range;
}

/**
 * The text-node pieces of flat offsets [start, end): for each text node the span covers, the
 * node and the part of its data inside the span, in document order. Static positions, unlike a
 * live `Range`, cost nothing when the DOM changes. Null when either end falls in a block break,
 * or a node left the document or is shorter than the map says.
 */
export function piecesFor(map: TextMap, start: number, end: number): Array<{ node: Text; from: number; to: number }> | null {
  const a = segmentAt(map, start, false);
  const b = segmentAt(map, end, true);
  if (a < 0 || b < 0 || b < a) return null;
  const out: Array<{ node: Text; from: number; to: number }> = [];
  for (let i = a; i <= b; i++) {
    const seg = map.segments[i]!;
    const length = seg.node.data.length;
    const from = i === a ? start - seg.start : 0;
    const to = i === b ? end - seg.start : length;
    if (!seg.node.isConnected || to > length) return null;
    if (to > from) out.push({ node: seg.node, from, to });
  }
  return out;
}

/**
 * The flat offset of a DOM position (a text node and an offset in it), or -1 when the node is
 * not part of the map (outside the root, skipped, or added since).
 */
export function offsetOf(map: TextMap, node: Node, offset: number): number {
  // Maps are rebuilt per scan; a linear index on first use keeps the lookup O(1) afterwards.
  let index = nodeIndex.get(map);
  if (!index) {
    index = new Map(map.segments.map((s) => [s.node as Node, s.start]));
    nodeIndex.set(map, index);
  }
  const start = index.get(node);
  return start === undefined ? -1 : start + Math.min(offset, (node as Text).data.length);
}

const nodeIndex = new WeakMap<TextMap, Map<Node, number>>();

/**
 * Flat offsets of the text on screen now, `[first, last]`, found by probing points of the
 * viewport (`caretRangeFromPoint`, or Firefox's `caretPositionFromPoint`); null when no probe
 * lands on mapped text (an empty or scrolled-away page, or a browser with neither API).
 */
export function visibleOffsets(map: TextMap, win: Window = globalThis.window): [number, number] | null {
  const doc = win.document as Document & {
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const at = (x: number, y: number): { node: Node; offset: number } | null => {
    if (doc.caretPositionFromPoint) {
      const p = doc.caretPositionFromPoint(x, y);
      return p ? { node: p.offsetNode, offset: p.offset } : null;
    }
    const r = doc.caretRangeFromPoint?.(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  };
  let first = Infinity;
  let last = -Infinity;
  const w = win.innerWidth;
  const h = win.innerHeight;
  // Ten probes: each costs a hit test, ~0.5 ms on a long page.
  for (const fx of [0.35, 0.65]) {
    for (let fy = 0.1; fy < 1; fy += 0.2) {
      const p = at(w * fx, h * fy);
      if (!p || p.node.nodeType !== 3) continue;
      const offset = offsetOf(map, p.node, p.offset);
      if (offset < 0) continue;
      first = Math.min(first, offset);
      last = Math.max(last, offset);
    }
  }
  return first <= last ? [first, last] : null;
}
