/**
 * The fallback painter for browsers without the CSS Custom Highlight API: each span's text is
 * wrapped in `<mark data-zwpz-type="TYPE">`, as mark.js does. The flat text of the page stays the
 * same (marks are inline), but text nodes are split, so a `TextMap` must be rebuilt after each
 * `add`. `destroy` unwraps every mark and joins the text nodes it split.
 */
import { piecesFor, type TextMap } from '../anchor/text-map';
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
      // All positions first, from a map that matches the DOM; then wrap from the last to the
      // first, so splitting a node (it keeps its first part) never moves a position still to wrap.
      const found: Array<{ pieces: Array<{ node: Text; from: number; to: number }>; type: string; start: number }> = [];
      for (const span of spans) {
        const pieces = piecesFor(map, span.start, span.end);
        if (pieces?.length) found.push({ pieces, type: span.type, start: span.start });
      }
      found.sort((a, b) => b.start - a.start);
      for (const { pieces, type } of found) {
        for (let i = pieces.length - 1; i >= 0; i--) marks.push(wrapText(doc, pieces[i]!.node, pieces[i]!.from, pieces[i]!.to, type));
      }
      count += found.length;
      return found.length;
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
