import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createClient } from '@/lib/messaging';
import type { WireCrossCheckResult } from '@/lib/messaging/insight-protocol';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import type { WireSpan } from '@/lib/messaging/span';
import { articleRead } from './article-read';
import type { PageAnnotations } from './page-annotations';

/** The cross-check of the page's figures, offsets into the page's flat text. */
export type PageCrossCheck = { state: 'none' } | { state: 'pending' } | { state: 'done'; results: WireCrossCheckResult[] } | { state: 'failed'; error: string };

export interface PageCrossChecks {
  /** The page's cross-check as it stands. */
  current(): PageCrossCheck;
  /** The result for one figure of the page (by its offsets), or null when it has none (yet). */
  forSpan(span: Pick<WireSpan, 'start' | 'end'>): WireCrossCheckResult | null;
  /** Calls `listener` whenever the page's cross-check changes. */
  onChange(listener: () => void): void;
}

const FIGURE_TYPES = new Set(['MONEY', 'PERCENT', 'QUANTITY']);

/**
 * 数字核对 of a page: once a read with figures is done, its article (or the page read) goes with
 * its spans to the background, which compares each figure with what the corpus states about the
 * same subject; the answer is kept for the hover card and the side panel. One request per read
 * (a page that grows asks again); a failure is kept as such, never shown on the page itself.
 */
export function startPageCrossChecks(ctx: ContentScriptContext, annotations: PageAnnotations): PageCrossChecks {
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  let state: PageCrossCheck = { state: 'none' };
  let generation = 0;
  const listeners: Array<() => void> = [];
  const set = (next: PageCrossCheck) => {
    state = next;
    for (const l of listeners) l();
  };

  annotations.onDone((done) => {
    if (!ctx.isValid || window !== window.top) return;
    const { from, text, spans, marks } = articleRead(done);
    if (!spans.some((s) => FIGURE_TYPES.has(s.type))) {
      set({ state: 'none' });
      return;
    }
    const mine = ++generation;
    set({ state: 'pending' });
    void background.call('insight/crosscheck', { text, marks, url: location.href }).then((answer) => {
      if (mine !== generation || !ctx.isValid) return;
      if (!answer.ok) {
        set({ state: 'failed', error: answer.error });
        return;
      }
      // Back to page offsets.
      set({
        state: 'done',
        results: answer.value.results.map((r) => ({ ...r, figure: { ...r.figure, start: r.figure.start + from, end: r.figure.end + from } })),
      });
    });
  });

  return {
    current: () => state,
    forSpan(span) {
      if (state.state !== 'done') return null;
      return state.results.find((r) => r.figure.start <= span.start && span.end <= r.figure.end) ?? null;
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
