/**
 * Painting spans with the CSS Custom Highlight API: one `Highlight` per type, registered as
 * `zwpz-<TYPE>` in `CSS.highlights`, so the page's DOM is not changed at all. Colors come from
 * the content script's stylesheet (`::highlight(zwpz-PERSON)` …).
 */
import { rangeFor, type TextMap } from '../anchor/text-map';
import type { Painter, PaintSpan } from './painter';

export const HIGHLIGHT_PREFIX = 'zwpz-';

type HighlightLike = { add(range: Range): void; size: number };
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;

function registryOf(win: Window & typeof globalThis): Map<string, unknown> | undefined {
  return (win.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
}

/** Whether the window has the CSS Custom Highlight API. */
export function hasCssHighlights(win: Window & typeof globalThis = globalThis.window): boolean {
  return !!registryOf(win) && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

/**
 * A painter on CSS highlights. Its `Highlight` objects are registered on first use and replace
 * any registered under the same names (an older painter's), so a page is repainted without a
 * flash. Throws if the window has no CSS Custom Highlight API (check {@link hasCssHighlights}).
 */
export function createCssPainter(win: Window & typeof globalThis = globalThis.window): Painter {
  const registry = registryOf(win);
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Ctor) throw new Error('CSS Custom Highlight API unavailable');
  const byType = new Map<string, HighlightLike>();
  let count = 0;
  let destroyed = false;
  return {
    kind: 'css',
    mutatesDom: false,
    get count() {
      return count;
    },
    add(spans: ReadonlyArray<PaintSpan>, map: TextMap): number {
      if (destroyed) return 0;
      let painted = 0;
      for (const span of spans) {
        const range = rangeFor(map, span.start, span.end);
        if (!range) continue;
        let highlight = byType.get(span.type);
        if (!highlight) {
          byType.set(span.type, (highlight = new Ctor()));
          registry.set(`${HIGHLIGHT_PREFIX}${span.type}`, highlight);
        }
        highlight.add(range);
        painted++;
      }
      count += painted;
      return painted;
    },
    destroy() {
      destroyed = true;
      for (const [type, highlight] of byType) {
        // Only ours: a newer painter may have registered this name since.
        if (registry.get(`${HIGHLIGHT_PREFIX}${type}`) === highlight) registry.delete(`${HIGHLIGHT_PREFIX}${type}`);
      }
      byType.clear();
    },
  };
}

/**
 * Paints `spans` (offsets into `map.text`) in one go; see {@link createCssPainter}. Returns a
 * painter with `count: 0` that paints nothing where the API is missing.
 */
export function paintHighlights(
  spans: ReadonlyArray<PaintSpan>,
  map: TextMap,
  win: Window & typeof globalThis = globalThis.window,
): Pick<Painter, 'count' | 'destroy'> {
  if (!hasCssHighlights(win)) return { count: 0, destroy() {} };
  const painter = createCssPainter(win);
  painter.add(spans, map);
  return painter;
}
