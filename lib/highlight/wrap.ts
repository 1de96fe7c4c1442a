/**
 * The fallback painter for browsers without the CSS Custom Highlight API: each span's text is
 * wrapped in `<mark data-zwpz-type="TYPE">`, as mark.js does. The flat text of the page stays the
 * same (marks are inline), but text nodes are split, so a `TextMap` must be rebuilt after each
 * `add`. `destroy` unwraps every mark and joins the text nodes it split.
 */
import { rangeFor, type TextMap } from '../anchor/text-map';
import type { Painter, PaintSpan } from './painter';

/** Attribute on every mark this painter inserts; its value is the span type. */
export const MARK_ATTRIBUTE = 'data-zwpz-type';

/** Wraps [from, to) of a text node in a mark; returns the mark. */
function wrapText(doc: Document, node: Text, from: number, to: number, type: string): HTMLElement {
  let middle = node;
  if (to < middle.data.length) middle.splitText(to);
  if (from > 0) middle = middle.splitText(from);
  const mark = doc.createElement('mark');
  mark.setAttribute(MARK_ATTRIBUTE, type);
  middle.parentNode!.insertBefore(mark, middle);
  mark.appendChild(middle);
  return mark;
}

/** The text nodes a range covers, each with the part of it inside the range. */
function textPieces(range: Range): Array<{ node: Text; from: number; to: number }> {
  const out: Array<{ node: Text; from: number; to: number }> = [];
  const { startContainer, endContainer, startOffset, endOffset } = range;
  if (startContainer === endContainer && startContainer.nodeType === 3) {
    return [{ node: startContainer as Text, from: startOffset, to: endOffset }];
  }
  const doc = startContainer.ownerDocument!;
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(n)) continue;
    const from = n === startContainer ? startOffset : 0;
    const to = n === endContainer ? endOffset : n.data.length;
    if (to > from) out.push({ node: n, from, to });
  }
  return out;
}

/** A painter that wraps spans in elements; see the module comment. Never throws on stale spans. */
export function createWrapPainter(doc: Document = globalThis.document): Painter {
  const marks: HTMLElement[] = [];
  let count = 0;
  let destroyed = false;
  return {
    kind: 'wrap',
    mutatesDom: true,
    get count() {
      return count;
    },
    add(spans: ReadonlyArray<PaintSpan>, map: TextMap): number {
      if (destroyed) return 0;
      // All ranges first, from a map that matches the DOM; then wrap from the last to the first,
      // so splitting a node never moves a range not yet wrapped.
      const ranges: Array<{ range: Range; type: string; start: number }> = [];
      for (const span of spans) {
        const range = rangeFor(map, span.start, span.end);
        if (range) ranges.push({ range, type: span.type, start: span.start });
      }
      ranges.sort((a, b) => b.start - a.start);
      for (const { range, type } of ranges) {
        for (const piece of textPieces(range).reverse()) marks.push(wrapText(doc, piece.node, piece.from, piece.to, type));
      }
      count += ranges.length;
      return ranges.length;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const mark of marks.reverse()) {
        const parent = mark.parentNode;
        if (!parent) continue;
        const text = mark.firstChild;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        mark.remove();
        // Join the pieces this painter split, so the page ends with the nodes it had.
        if (text && text.nodeType === 3) {
          const t = text as Text;
          const next = t.nextSibling;
          if (next?.nodeType === 3) {
            t.data += (next as Text).data;
            next.remove();
          }
          const prev = t.previousSibling;
          if (prev?.nodeType === 3) {
            (prev as Text).data += t.data;
            t.remove();
          }
        }
      }
      marks.length = 0;
    },
  };
}
