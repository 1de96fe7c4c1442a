/**
 * CSS highlights for long pages: only the spans near the screen are in the `Highlight` objects.
 * Chromium repaints every range of a highlight when one is added, so a page with thousands of
 * spans would stall for ~100 ms at each update; here spans are kept per element, and an
 * `IntersectionObserver` adds an element's ranges when it comes within a screen of the
 * viewport and takes them out when it leaves. The page's DOM is not changed.
 */
import { piecesFor, rangeFor, type TextMap } from '../anchor/text-map';
import { HIGHLIGHT_PREFIX, highlightApi, unregisterOwn, type HighlightLike } from './css-highlights';
import type { Painter, PaintSpan } from './painter';


interface ElementSpans {
  spans: PaintSpan[];
  /** The ranges now in the highlights, with their type; null while the element is far away. */
  ranges: Array<[string, Range]> | null;
  /** How many of `spans` have been turned into ranges while shown. */
  shown: number;
}

export interface ViewportPainterOptions {
  /** How far beyond the viewport spans are painted, as an `IntersectionObserver` root margin. */
  margin?: string;
  /** Called after ranges were added to the highlights (the first call is the first paint). */
  onPaint?: (ranges: number) => void;
}

/**
 * A painter on CSS highlights that paints only what is near the screen; see the module comment.
 * Throws if the window lacks the CSS Custom Highlight API or `IntersectionObserver`.
 */
export function createViewportPainter(win: Window & typeof globalThis = globalThis.window, options: ViewportPainterOptions = {}): Painter {
  const api = highlightApi(win);
  if (!api || typeof win.IntersectionObserver !== 'function') {
    throw new Error('CSS Custom Highlight API or IntersectionObserver unavailable');
  }
  const { registry, Highlight: Ctor } = api;
  const highlights = new Map<string, HighlightLike>();
  const byElement = new Map<Element, ElementSpans>();
  let map: TextMap | undefined;
  let count = 0;
  let destroyed = false;

  function highlightOf(type: string): HighlightLike {
    let h = highlights.get(type);
    if (!h) {
      highlights.set(type, (h = new Ctor()));
      registry.set(`${HIGHLIGHT_PREFIX}${type}`, h);
    }
    return h;
  }

  /** Adds the ranges of an element's spans not yet shown; returns how many were added. */
  function show(entry: ElementSpans): number {
    if (!map) return 0;
    entry.ranges ??= [];
    let added = 0;
    for (; entry.shown < entry.spans.length; entry.shown++) {
      const span = entry.spans[entry.shown]!;
      const range = rangeFor(map, span.start, span.end);
      if (!range) continue;
      highlightOf(span.type).add(range);
      entry.ranges.push([span.type, range]);
      added++;
    }
    return added;
  }

  function hide(entry: ElementSpans): void {
    for (const [type, range] of entry.ranges ?? []) highlights.get(type)?.delete(range);
    entry.ranges = null;
    entry.shown = 0;
  }

  const observer = new win.IntersectionObserver(
    (entries) => {
      if (destroyed) return;
      let added = 0;
      for (const e of entries) {
        const entry = byElement.get(e.target);
        if (!entry) continue;
        if (e.isIntersecting) added += show(entry);
        else if (entry.ranges) hide(entry);
      }
      if (added) options.onPaint?.(added);
    },
    { rootMargin: options.margin ?? '100% 0px 100% 0px' },
  );

  return {
    kind: 'css',
    mutatesDom: false,
    get count() {
      return count;
    },
    add(spans: ReadonlyArray<PaintSpan>, textMap: TextMap): number {
      if (destroyed) return 0;
      map = textMap;
      let accepted = 0;
      const grown = new Set<ElementSpans>();
      for (const span of spans) {
        const element = piecesFor(textMap, span.start, span.end)?.[0]?.node.parentElement;
        if (!element) continue;
        let entry = byElement.get(element);
        if (!entry) {
          byElement.set(element, (entry = { spans: [], ranges: null, shown: 0 }));
          observer.observe(element); // reports at once whether it is near the screen
        }
        entry.spans.push(span);
        if (entry.ranges) grown.add(entry);
        accepted++;
      }
      // Elements already on screen get their new spans now.
      let added = 0;
      for (const entry of grown) added += show(entry);
      if (added) options.onPaint?.(added);
      count += accepted;
      return accepted;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      unregisterOwn(registry, highlights);
      highlights.clear();
      byElement.clear();
    },
  };
}
