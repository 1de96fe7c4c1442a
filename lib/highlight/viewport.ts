/**
 * CSS highlights for long pages: only the spans near the screen are in the `Highlight` objects.
 * Chromium repaints every range of a highlight when one is added, so a page with thousands of
 * spans would stall for ~100 ms at each update; here spans are kept per element, and an
 * element's ranges are added when it comes within a screen of the viewport and taken out when
 * it leaves. The page's DOM is not changed.
 *
 * Where the elements are is measured once (their boxes in page coordinates, sorted by top) and
 * looked up by binary search at each scroll frame. An `IntersectionObserver` with one target per
 * paragraph would be simpler, but Chromium recomputes every target at every frame of a scroll:
 * with 3,000 paragraphs that doubled the main thread's work while scrolling a long report. The
 * boxes are measured again when they may have moved: the window or the page's body is resized,
 * fonts load, an inner scroller scrolls, the reader clicks (a tab or a "展开全文" button may show
 * hidden text without resizing the page), or a box checked at a frame is not where it was.
 * Boxes that move with the viewport (a sticky header, a fixed bar) are found when they are still
 * near the screen after a scroll away from where they were measured, and are measured at every
 * update from then on.
 *
 * Each change to a highlight costs Chromium a pre-paint walk of the whole page at the next frame,
 * so the highlights change as rarely as they can: what is painted reaches `margin` screens beyond
 * the viewport, and is moved only once the viewport comes within half a screen of its edge, at
 * most every {@link MIN_UPDATE_MS} while the page scrolls (a fast fling paints where it stops).
 */
import { piecesFor, rangeFor, type TextMap } from '../anchor/text-map';
import { HIGHLIGHT_PREFIX, highlightApi, unregisterOwn, type HighlightLike } from './css-highlights';
import type { Painter, PaintSpan } from './painter';

interface ElementSpans {
  element: Element;
  /** Which part of the element's text (see {@link CHUNK_CHARS}). */
  chunk: number;
  spans: PaintSpan[];
  /** The ranges now in the highlights, with their type; null while the element is far away. */
  ranges: Array<[string, Range]> | null;
  /** How many of `spans` have been turned into ranges while shown. */
  shown: number;
  /** The element's box in page coordinates when last measured; NaN while it has no box. */
  top: number;
  bottom: number;
}

export interface ViewportPainterOptions {
  /** How far beyond the viewport spans are painted, in viewport heights above and below (1.5). */
  margin?: number;
  /** Called after ranges were added to the highlights (the first call is the first paint). */
  onPaint?: (ranges: number) => void;
}

/**
 * Spans are kept per element and, in an element holding more text, per part of this many
 * characters of the page's text: a report appended as one text node of a million characters is
 * painted near the screen part by part, not all at once, and each part is measured by the box of
 * its own spans.
 */
const CHUNK_CHARS = 10_000;

/** How far a checked box may have moved before all boxes are measured again, px. */
const MOVED_PX = 2;
/** The shortest time between two changes of the highlights while the page scrolls, ms. */
export const MIN_UPDATE_MS = 100;
/** How close (in viewport heights) the viewport may come to the painted band's edge. */
const SLACK = 0.5;

/**
 * A painter on CSS highlights that paints only what is near the screen; see the module comment.
 * Throws if the window lacks the CSS Custom Highlight API or `requestAnimationFrame`.
 */
export function createViewportPainter(win: Window & typeof globalThis = globalThis.window, options: ViewportPainterOptions = {}): Painter {
  const api = highlightApi(win);
  if (!api || typeof win.requestAnimationFrame !== 'function') {
    throw new Error('CSS Custom Highlight API or requestAnimationFrame unavailable');
  }
  const { registry, Highlight: Ctor } = api;
  const doc = win.document;
  const margin = Math.max(options.margin ?? 1.5, SLACK);
  const highlights = new Map<string, HighlightLike>();
  const byElement = new Map<Element, Map<number, ElementSpans>>();
  const entries = () => [...byElement.values()].flatMap((parts) => [...parts.values()]);
  /** Entries with a box, by `top`; rebuilt when measured. */
  let sorted: ElementSpans[] = [];
  /** The tallest box, so a lookup by top finds boxes that start above the band. */
  let tallest = 0;
  /** Entries not measured yet (added since the last frame). */
  const unmeasured: ElementSpans[] = [];
  /** All boxes must be measured again. */
  let stale = true;
  /** Entries whose ranges are in the highlights. */
  const shownNow = new Set<ElementSpans>();
  /**
   * Entries that move with the viewport (in a fixed or sticky header, bar or sidebar): found
   * still near the screen when the page scrolled away from where they were measured. They are
   * measured at every update instead of looked up.
   */
  const floating = new Set<ElementSpans>();
  let map: TextMap | undefined;
  let count = 0;
  let destroyed = false;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The band painted at the last update, page coordinates; empty before the first. */
  let paintedFrom = 0;
  let paintedTo = -1;
  let updatedAt = -Infinity;

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
    shownNow.add(entry);
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
    shownNow.delete(entry);
  }

  /**
   * Measures an entry's box in page coordinates (NaN if the element has none: hidden, detached):
   * the element's box, or for a part of a long element, the box of the part's spans.
   */
  function measure(entry: ElementSpans): void {
    let box: DOMRect | null = null;
    if (entry.element.isConnected) {
      if ((byElement.get(entry.element)?.size ?? 1) <= 1 || !map || !entry.spans.length) box = entry.element.getBoundingClientRect();
      else {
        let start = Infinity;
        let end = -Infinity;
        for (const s of entry.spans) {
          if (s.start < start) start = s.start;
          if (s.end > end) end = s.end;
        }
        box = rangeFor(map, start, end)?.getBoundingClientRect() ?? entry.element.getBoundingClientRect();
      }
    }
    if (!box || (box.width === 0 && box.height === 0)) {
      entry.top = entry.bottom = Number.NaN;
      return;
    }
    entry.top = box.top + win.scrollY;
    entry.bottom = box.bottom + win.scrollY;
  }

  function measureAll(): void {
    for (const entry of entries()) measure(entry);
    unmeasured.length = 0;
    resort();
    stale = false;
  }

  function resort(): void {
    sorted = entries().filter((e) => !Number.isNaN(e.top)).sort((a, b) => a.top - b.top);
    tallest = sorted.reduce((h, e) => Math.max(h, e.bottom - e.top), 0);
  }

  /** The entries whose boxes meet [from, to] (page coordinates), by the last measurement. */
  function near(from: number, to: number): ElementSpans[] {
    // The first entry whose top may be in reach: top ≥ from − tallest.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.top < from - tallest) lo = mid + 1;
      else hi = mid;
    }
    const found: ElementSpans[] = [];
    for (let i = lo; i < sorted.length && sorted[i]!.top <= to; i++) {
      if (sorted[i]!.bottom >= from && !floating.has(sorted[i]!)) found.push(sorted[i]!);
    }
    return found;
  }

  /** Shows what is near the screen now and hides the rest; runs in an animation frame. */
  function update(): void {
    frame = 0;
    if (destroyed || !map) return;
    updatedAt = win.performance.now();
    if (stale) measureAll();
    else if (unmeasured.length) {
      for (const entry of unmeasured.splice(0)) measure(entry);
      resort();
    }
    const height = win.innerHeight;
    const from = win.scrollY - margin * height;
    const to = win.scrollY + height + margin * height;
    let wanted = near(from, to);
    // The boxes may have moved since they were measured (the page changed without resizing its
    // body, an element is sticky): check those found, and measure everything again if one moved.
    const moved = wanted.some((entry) => {
      const top = entry.top;
      measure(entry);
      return Number.isNaN(entry.top) || Math.abs(entry.top - top) > MOVED_PX;
    });
    if (moved) {
      measureAll();
      wanted = near(from, to);
    }
    paintedFrom = from;
    paintedTo = to;
    const within = (entry: ElementSpans) => !Number.isNaN(entry.top) && entry.bottom >= from && entry.top <= to;
    for (const entry of floating) {
      measure(entry);
      if (within(entry)) wanted.push(entry);
    }
    const keep = new Set(wanted);
    for (const entry of [...shownNow]) {
      if (keep.has(entry)) continue;
      // Leaving by its last measurement; if it is still near the screen now, it floats.
      measure(entry);
      if (within(entry)) {
        floating.add(entry);
        wanted.push(entry);
      } else hide(entry);
    }
    let added = 0;
    for (const entry of wanted) added += show(entry);
    if (added) options.onPaint?.(added);
  }

  function schedule(): void {
    if (!frame && !destroyed) frame = win.requestAnimationFrame(update);
  }
  function remeasure(): void {
    stale = true;
    schedule();
  }
  // Scrolls of the page (passive): an update once the viewport nears the painted band's edge, at
  // most every MIN_UPDATE_MS. An inner scroller moves the boxes inside it: measure them again.
  const onScroll = (event: Event) => {
    if (event.target !== doc && event.target !== doc.documentElement) stale = true;
    const height = win.innerHeight;
    const inside = win.scrollY - SLACK * height >= paintedFrom && win.scrollY + height + SLACK * height <= paintedTo;
    if ((inside && !stale) || frame || timer !== undefined) return;
    const wait = updatedAt + MIN_UPDATE_MS - win.performance.now();
    if (wait <= 0) schedule();
    else
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, wait);
  };
  doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
  win.addEventListener('resize', remeasure, { passive: true });
  // After the page's own click handlers (a tab panel shown, a section expanded).
  const onClick = () => setTimeout(remeasure, 0);
  doc.addEventListener('click', onClick, { capture: true, passive: true });
  doc.fonts?.addEventListener?.('loadingdone', remeasure);
  const resizes = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(remeasure) : null;
  if (doc.body) resizes?.observe(doc.body);

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
        let parts = byElement.get(element);
        if (!parts) byElement.set(element, (parts = new Map()));
        const chunk = Math.floor(span.start / CHUNK_CHARS);
        let entry = parts.get(chunk);
        if (!entry) {
          parts.set(chunk, (entry = { element, chunk, spans: [], ranges: null, shown: 0, top: Number.NaN, bottom: Number.NaN }));
          unmeasured.push(entry);
          // The element's first part is now measured by its spans, not by the element's box.
          if (parts.size === 2) unmeasured.push(parts.values().next().value!);
        }
        entry.spans.push(span);
        if (entry.ranges) grown.add(entry);
        accepted++;
      }
      // Elements already on screen get their new spans now; new elements at the next frame.
      let added = 0;
      for (const entry of grown) added += show(entry);
      if (added) options.onPaint?.(added);
      if (unmeasured.length) schedule();
      count += accepted;
      return accepted;
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (frame) win.cancelAnimationFrame(frame);
      clearTimeout(timer);
      doc.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', remeasure);
      doc.removeEventListener('click', onClick, { capture: true });
      doc.fonts?.removeEventListener?.('loadingdone', remeasure);
      resizes?.disconnect();
      unregisterOwn(registry, highlights);
      highlights.clear();
      byElement.clear();
      shownNow.clear();
      floating.clear();
      sorted = [];
    },
  };
}
