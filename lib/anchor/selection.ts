/**
 * A DOM selection as offsets into a page's flat text (`text-map.ts`), whatever its ends point
 * at: a text node, an element boundary (a triple click ends at the next paragraph's start), or
 * text the map leaves out.
 */
import { offsetOf, type TextMap } from './text-map';

/**
 * Flat offset of a DOM boundary point. `side` says which way to look when the point is not in
 * mapped text: forward for a start, backward for an end. -1 if no mapped text lies that way.
 */
export function boundaryOffset(map: TextMap, node: Node, offset: number, side: 'start' | 'end'): number {
  if (node.nodeType === 3) {
    const at = offsetOf(map, node, offset);
    if (at >= 0) return at;
  }
  const doc = node.ownerDocument ?? (node as Document);
  const root = doc.body ?? doc.documentElement;
  if (!root) return -1;
  // The boundary as a range, to compare text nodes with it.
  const point = doc.createRange();
  try {
    point.setStart(node, offset);
  } catch {
    return -1;
  }
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  let best = -1;
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    const start = offsetOf(map, t, 0);
    if (start < 0) continue;
    // comparePoint: -1 when the text's position is before the boundary, 0 at it, 1 after it.
    if (side === 'start') {
      if (point.comparePoint(t, 0) >= 0) return start; // the first mapped text from here on
    } else {
      if (point.comparePoint(t, 0) > 0) break; // past the boundary
      if (point.comparePoint(t, t.data.length) <= 0) best = start + t.data.length;
    }
  }
  return best;
}

/**
 * The flat offsets of a range, trimmed of whitespace at both ends; null when it holds no mapped
 * text (a selection in an input, in the extension's UI, or only spaces).
 */
export function rangeOffsets(map: TextMap, range: Range): { start: number; end: number } | null {
  let start = boundaryOffset(map, range.startContainer, range.startOffset, 'start');
  let end = boundaryOffset(map, range.endContainer, range.endOffset, 'end');
  if (start < 0 || end < 0 || end <= start) return null;
  while (start < end && /\s/.test(map.text[start]!)) start++;
  while (end > start && /\s/.test(map.text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** A CSS selector for an element: its id if it has one, else a `tag:nth-of-type(n)` path from the body. */
export function cssPath(el: Element | null): string {
  const parts: string[] = [];
  for (let e = el; e && e.tagName !== 'BODY' && e.tagName !== 'HTML'; e = e.parentElement) {
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id)) {
      parts.unshift(`#${e.id}`);
      return parts.join(' > ');
    }
    let n = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) n++;
    parts.unshift(`${e.tagName.toLowerCase()}:nth-of-type(${n})`);
  }
  parts.unshift('body');
  return parts.join(' > ');
}
