import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { nextTask } from '@/lib/anchor/text-map';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';
import './highlights.css';
import { startHoverCard } from './hover-card';
import { startPageAnnotations } from './page-annotations';
import { startPageClippings } from './page-clippings';
import { startPageSegmentation } from './page-segmentation';
import { startSelectionNotices } from './page-text';

export default defineContentScript({
  matches: DEFAULT_SITE_PATTERNS,
  runAt: 'document_idle',
  // Articles inside same-origin frames (special-topic pages) are read too, each frame on its own.
  allFrames: true,
  main(ctx) {
    // Injected again on demand (popup, keyboard command) where it already runs: one is enough.
    const marker = globalThis as { __zwpzContentScript?: boolean };
    if (marker.__zwpzContentScript) return;
    marker.__zwpzContentScript = true;
    ctx.onInvalidated(() => delete marker.__zwpzContentScript);
    const loadedAt = performance.now();
    // The rest in a task of its own: loading this script is already one task on the page's
    // main thread (compiling and running the bundle), and a long page needs no longer one.
    void nextTask().then(() => {
      if (ctx.isValid) start(ctx, loadedAt);
    });
  },
});

function start(ctx: ContentScriptContext, loadedAt: number): void {
  const annotations = startPageAnnotations(ctx, loadedAt);
  const clippings = startPageClippings(ctx);
  annotations.onRead((map) => clippings.onRead(map));
  const card = startHoverCard(ctx, annotations, clippings);
  startPageSegmentation(ctx, annotations, clippings, (id, quote) => card.showSaved(id, quote));
  startSelectionNotices(ctx);
}
