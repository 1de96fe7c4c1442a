/**
 * Painting spans with the CSS Custom Highlight API: one `Highlight` per type, registered as
 * `zwpz-<TYPE>` in `CSS.highlights`, so the page's DOM is not changed at all. Colors come from
 * the content script's stylesheet (`::highlight(zwpz-PERSON)` …).
 */
import { rangeFor, type TextMap } from '../anchor/text-map';
import type { Painter, PaintSpan } from './painter';

export const HIGHLIGHT_PREFIX = 'zwpz-';

export type HighlightLike = { add(range: Range): void; delete(range: Range): boolean; size: number };
type HighlightCtor = new (...ranges: Range[]) => HighlightLike;

/** The window's `CSS.highlights` registry and `Highlight` constructor, or null without the API. */
export function highlightApi(win: Window & typeof globalThis = globalThis.window): { registry: Map<string, unknown>; Highlight: HighlightCtor } | null {
  const registry = (win.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return registry && typeof Highlight === 'function' ? { registry, Highlight } : null;
}

/** Whether the window has the CSS Custom Highlight API. */
export function hasCssHighlights(win: Window & typeof globalThis = globalThis.window): boolean {
  return highlightApi(win) !== null;
}

/**
 * Removes the given highlights (by type) from the registry, each only if it is still the one
 * registered under its name: a newer painter may have replaced it.
 */
export function unregisterOwn(registry: Map<string, unknown>, highlights: ReadonlyMap<string, HighlightLike>): void {
  for (const [type, highlight] of highlights) {
    if (registry.get(`${HIGHLIGHT_PREFIX}${type}`) === highlight) registry.delete(`${HIGHLIGHT_PREFIX}${type}`);
  }
}

/**
 * A painter on CSS highlights. Its `Highlight` objects are registered on first use and replace
 * any registered under the same names (an older painter's), so a page is repainted without a
 * flash. Throws if the window has no CSS Custom Highlight API (check {@link hasCssHighlights}).
 */
export function createCssPainter(win: Window & typeof globalThis = globalThis.window): Painter {
  const api = highlightApi(win);
  if (!api) throw new Error('CSS Custom Highlight API unavailable');
  const { registry, Highlight: Ctor } = api;
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
      unregisterOwn(registry, byType);
      byType.clear();
    },
  };
}
