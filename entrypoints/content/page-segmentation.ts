import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { readPageText } from '@/lib/anchor/page-text';
import { createClient, createHandler, toRuntimeListener } from '@/lib/messaging';
import { backgroundProtocol, contentProtocol, MAX_SEGMENT_CHARS, type PageSegmentation } from '@/lib/messaging/protocol';
import type { PageAnnotations } from './page-annotations';
import type { PageClippings } from './page-clippings';
import type { PageCrossChecks } from './page-crosscheck';
import { pageTextOf } from './page-text';

type State = { state: 'pending' } | { state: 'done'; result: PageSegmentation } | { state: 'failed'; error: string };

/**
 * Sends the page's visible text to the extension's one segmenter (never loading WASM into the
 * page) when first asked with `page/segmentation`, and keeps the answer for the popup, the side
 * panel and tests.
 * Everything is removed when the content script is invalidated (extension update or reload).
 */
export function startPageSegmentation(
  ctx: ContentScriptContext,
  annotations: PageAnnotations,
  clippings: PageClippings,
  onSaved?: (id: string, quote: string) => void,
  checks?: PageCrossChecks,
): void {
  let state: State = { state: 'pending' };
  let requested = false;
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));

  const listener = toRuntimeListener(
    createHandler('content', contentProtocol, {
      // Segmented on first request (the popup, the side panel), not at every page load: the
      // recognizer already runs the segmenter over the page for the highlights.
      'page/segmentation': () => {
        if (!requested) {
          requested = true;
          void segment();
        }
        return state;
      },
      'annotations/list': () => ({ url: location.href, entities: annotations.entities(), progress: annotations.progress() }),
      'annotations/reveal': ({ start, end }) => ({ found: annotations.reveal(start, end) }),
      'page/annotate-now': () => ({ started: annotations.runNow() }),
      'page/text': () => pageTextOf(document, window, annotations.read()),
      'page/crosscheck': () => checks?.current() ?? { state: 'none' as const },
      async 'clippings/save-selection'() {
        const captured = clippings.capture();
        if (typeof captured === 'string') throw new Error(captured);
        const id = await clippings.save(captured);
        onSaved?.(id, captured.quote);
        return { id };
      },
      'clippings/status': () => ({ url: location.href, items: clippings.status() }),
      'clippings/reveal': ({ id }) => ({ found: clippings.reveal(id) }),
    },
    // The asker checks each answer; a second check here would run on the page's main thread.
    { checkAnswers: false }),
  );
  // The top frame speaks for the tab (a message to a tab reaches every frame, and the first
  // answer wins); frames only paint their own text.
  if (window !== window.top) return;
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));

  async function segment(): Promise<void> {
    const { text } = readPageText(document, MAX_SEGMENT_CHARS, annotations.read());
    const started = performance.now();
    const answer = await background.call('segment', { text, mode: 'tag' });
    if (!ctx.isValid) return;
    state = answer.ok
      ? {
          state: 'done',
          result: {
            url: location.href,
            title: document.title,
            chars: text.length,
            tokens: answer.value.tokens.length,
            sample: answer.value.tokens.slice(0, 40),
            host: answer.value.host,
            ms: performance.now() - started,
          },
        }
      : { state: 'failed', error: answer.error };
    if (!answer.ok) console.warn('[政务新闻批注阅读] segmentation failed:', answer.error);
  }
}
