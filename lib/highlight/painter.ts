/**
 * How spans reach the screen: a `Painter` takes spans (offsets into a `TextMap`'s flat text)
 * in batches as the recognizer returns them, and removes them all at once.
 */
import type { TextMap } from '../anchor/text-map';
import { createCssPainter, hasCssHighlights } from './css-highlights';
import { createViewportPainter } from './viewport';
import { createWrapPainter } from './wrap';

export interface PaintSpan {
  start: number;
  end: number;
  type: string;
}

export interface Painter {
  /** `css`: CSS Custom Highlight API, the DOM untouched; `wrap`: spans wrapped in `<mark>`. */
  readonly kind: 'css' | 'wrap';
  /**
   * Whether painting changes the page's DOM (text nodes split, marks inserted). The flat text
   * stays the same, but a `TextMap` built before painting must be rebuilt before it is used again.
   */
  readonly mutatesDom: boolean;
  /** Spans painted so far. */
  readonly count: number;
  /**
   * Paints more spans, offsets into `map.text`; `map` must describe the page as it is now.
   * Spans whose text is gone (the page changed) are skipped. Returns how many were painted.
   */
  add(spans: ReadonlyArray<PaintSpan>, map: TextMap): number;
  /** Removes everything this painter painted. Idempotent. */
  destroy(): void;
}

/**
 * The best painter the window supports: CSS highlights where `CSS.highlights` exists (Chromium
 * 105+, Firefox 140+, Safari 17.2+), painting only what is near the screen (see
 * `createViewportPainter`) where `requestAnimationFrame` exists too; otherwise wrapping in
 * elements. `onPaint` is called when ranges reach the screen (the wrapping painter: at once).
 */
export function createPainter(win: Window & typeof globalThis = globalThis.window, onPaint?: (ranges: number) => void): Painter {
  if (hasCssHighlights(win)) {
    return typeof win.requestAnimationFrame === 'function' ? createViewportPainter(win, { onPaint }) : createCssPainter(win);
  }
  return createWrapPainter(win.document);
}
