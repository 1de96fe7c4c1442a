import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { nextTask } from '@/lib/anchor/text-map';
import { DEFAULT_SITE_PATTERNS } from '@/lib/sites';
import { followLanguage } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';
import './highlights.css';
import { startHoverCard } from './hover-card';
import { startPageAnnotations } from './page-annotations';
import { startPageClippings } from './page-clippings';
import { startPageCrossChecks } from './page-crosscheck';
import { startPageHistory } from './page-history';
import { startPageSegmentation } from './page-segmentation';
import { startSelectionNotices } from './page-text';

/**
 * WXT stops an older copy of this script when a newer one starts in the same page (an
 * injection after an update), on an event dispatched on the document, which the page can forge
 * (the extension's id and the script's name are no secret). Only an announcement made while a
 * copy of this script is starting in this world (this extension's isolated world, which the
 * page cannot reach) is let through; the page's forgeries are stopped before WXT sees them.
 */
function guardScriptStarts(): void {
  const world = globalThis as { __zwpzStarting?: number; __zwpzStartGuard?: boolean };
  world.__zwpzStarting = (world.__zwpzStarting ?? 0) + 1;
  if (world.__zwpzStartGuard) return;
  world.__zwpzStartGuard = true;
  // WXT's name for it (`getUniqueEventName` in wxt/utils/internal/custom-events).
  const name = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  window.addEventListener(
    name,
    (event) => {
      if (world.__zwpzStarting) world.__zwpzStarting--;
      else event.stopImmediatePropagation();
    },
    true,
  );
}
guardScriptStarts();

export default defineContentScript({
  matches: DEFAULT_SITE_PATTERNS,
  runAt: 'document_idle',
  // Articles inside same-origin frames (special-topic pages) are read too, each frame on its own.
  allFrames: true,
  // Nothing is posted to the page when the script starts: the page could answer it and make the
  // script stop (it announced the extension's id with a message the page could send back).
  noScriptStartedPostMessage: true,
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
  // The cards speak the reader's language (read once now, again when the setting changes).
  void followLanguage(storageAreaStore(browser.storage.local), browser.storage.onChanged, navigator.language);
  const annotations = startPageAnnotations(ctx, loadedAt);
  const clippings = startPageClippings(ctx);
  annotations.onRead((map) => clippings.onRead(map));
  const checks = startPageCrossChecks(ctx, annotations);
  const card = startHoverCard(ctx, annotations, clippings, undefined, checks);
  startPageSegmentation(ctx, annotations, clippings, (id, quote) => card.showSaved(id, quote), checks);
  startSelectionNotices(ctx);
  startPageHistory(ctx, annotations);
}
