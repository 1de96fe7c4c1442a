/**
 * Painting spans with the CSS Custom Highlight API: one `Highlight` per type, registered as
 * `zwpz-<TYPE>` in `CSS.highlights`, so the page's DOM is not changed at all. Colors come from
 * the content script's stylesheet (`::highlight(zwpz-PERSON)` …).
 */
import { rangeFor, type TextMap } from '../anchor/text-map';

export const HIGHLIGHT_PREFIX = 'zwpz-';

export interface PaintedHighlights {
  /** Spans painted (those whose range could be built). */
  count: number;
  /** Removes every highlight this call registered. */
  destroy(): void;
}

type HighlightCtor = new (...ranges: Range[]) => { add(range: Range): void; size: number };

/**
 * Paints `spans` (offsets into `map.text`). Returns `count: 0` and paints nothing where the
 * browser has no CSS Custom Highlight API; the element-wrapping fallback is not built yet.
 */
export function paintHighlights(
  spans: ReadonlyArray<{ start: number; end: number; type: string }>,
  map: TextMap,
  win: Window & typeof globalThis = globalThis.window,
): PaintedHighlights {
  const registry = (win.CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!registry || !Ctor) return { count: 0, destroy() {} };
  const byType = new Map<string, InstanceType<HighlightCtor>>();
  let count = 0;
  for (const span of spans) {
    const range = rangeFor(map, span.start, span.end);
    if (!range) continue;
    let highlight = byType.get(span.type);
    if (!highlight) byType.set(span.type, (highlight = new Ctor()));
    highlight.add(range);
    count++;
  }
  for (const [type, highlight] of byType) registry.set(`${HIGHLIGHT_PREFIX}${type}`, highlight);
  return {
    count,
    destroy() {
      for (const type of byType.keys()) registry.delete(`${HIGHLIGHT_PREFIX}${type}`);
    },
  };
}
