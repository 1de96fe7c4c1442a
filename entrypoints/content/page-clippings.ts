import { browser } from 'wxt/browser';
import { articleTitle, findArticle } from '@/lib/anchor/article';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorQuote, describeQuote, type Anchor } from '@/lib/anchor/quote';
import { cssPath, rangeOffsets } from '@/lib/anchor/selection';
import { buildTextMap, buildTextMapSliced, offsetOf, rangeFor, MAX_PAGE_CHARS, type TextMap } from '@/lib/anchor/text-map';
import { createPainter, type Painter } from '@/lib/highlight/painter';
import { t } from '@/lib/i18n';
import { createClient, failureReason } from '@/lib/messaging';
import type { CapturedClipping, PageClipping } from '@/lib/messaging/clipping-protocol';
import { backgroundProtocol } from '@/lib/messaging/protocol';
import { MAX_QUOTE_CHARS, QUOTE_CONTEXT_CHARS } from '@/lib/store/clipping';
import { randomUuid } from '@/lib/store/uuid';

/** A saved clipping highlighted on the page, as the hover card shows it. */
export interface ClippingAt {
  id: string;
  quote: string;
  note: string;
  tags: readonly string[];
  /** Where it is on the page now. */
  range: Range;
}

export interface PageClippings {
  /**
   * What the current selection would be saved as, or an error message in the UI's language
   * (nothing selected, a selection in a form field…). Call it while the selection is there.
   */
  capture(): CapturedClipping | string;
  /** Saves a captured selection; resolves with its id, or rejects with a message in the UI's language. */
  save(captured: CapturedClipping, extra?: { note?: string; tags?: string[] }): Promise<string>;
  /** Changes a saved clipping's note and tags; resolves with an error message or null. */
  update(id: string, note: string, tags: string[]): Promise<string | null>;
  /** The page's clippings and whether each was found on the page. */
  status(): Array<{ id: string; anchored: boolean; method: Anchor['method'] | null }>;
  /** Scrolls to a clipping; false if it could not be found on the page. */
  reveal(id: string): boolean;
  /** The page's text was read again (by the entity highlighter): anchor and paint on it. */
  onRead(map: TextMap): void;
  /**
   * The saved clipping highlighted at a DOM position (a text node and an offset in it, as
   * `caretPositionFromPoint` gives), the shortest one where they nest; null if none.
   */
  at(node: Node, offset: number): ClippingAt | null;
}

/**
 * A page's clipping with its tags: `clippings/for-page` carries no tags (its schema has none), so
 * only those set on this page since it loaded are known; a `tags` field in the answer is read
 * if the protocol ever carries it.
 */
type KnownClipping = PageClipping & { tags?: readonly string[] };

/** The page's canonical address (`<link rel=canonical>`), or its address without fragment. */
function canonicalUrl(): string {
  const href = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  try {
    if (href && /^https?:/.test(href)) return new URL(href, location.href).href;
  } catch {
    // a malformed canonical link: the address itself
  }
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}

/**
 * The reader's clippings on this page: capturing and saving a selection, and highlighting the
 * page's saved clippings again on each visit (their own `zwpz-CLIP` style, over the entity
 * colors). Clippings that cannot be found are reported as orphans, never dropped.
 */
export function startPageClippings(ctx: ContentScriptContext): PageClippings {
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  let map: TextMap | undefined;
  let clippings: KnownClipping[] = [];
  const anchors = new Map<string, Anchor | null>();
  let painter: Painter | undefined;
  ctx.onInvalidated(() => painter?.destroy());

  function paint(): void {
    if (!map) return;
    anchors.clear();
    for (const c of clippings) anchors.set(c.id, anchorQuote(map.text, c.selectors));
    const next = createPainter(window);
    const spans = [...anchors.values()].flatMap((a) => (a ? [{ start: a.start, end: a.end, type: 'CLIP' }] : []));
    next.add(spans, map);
    painter?.destroy();
    painter = next;
  }

  async function load(): Promise<void> {
    const answer = await background.call('clippings/for-page', { url: location.href, canonicalUrl: canonicalUrl() });
    if (!answer.ok || !ctx.isValid) return;
    clippings = answer.value.clippings;
    if (!clippings.length) return;
    map ??= await buildTextMapSliced(document.body, MAX_PAGE_CHARS);
    paint();
    // Opened from the library for one clipping: scroll to it (the address's text fragment is
    // only the fallback where the extension does not run).
    const pending = await background.call('clippings/pending-reveal', {});
    if (pending.ok && pending.value.id && ctx.isValid) revealAnchored(pending.value.id);
  }

  function revealAnchored(id: string): boolean {
    const a = anchors.get(id);
    const range = a && map ? rangeFor(map, a.start, a.end) : null;
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    return true;
  }
  if (document.body) void load();

  return {
    capture() {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || !selection.rangeCount) return t('cardSelectFirst');
      const range = selection.getRangeAt(0);
      // A fresh read: the selection is in the page as it is now.
      map = buildTextMapSync();
      const offsets = rangeOffsets(map, range);
      if (!offsets) return t('cardNotPageText');
      // A selection longer than a clipping may be is cut at its start's first MAX_QUOTE_CHARS
      // characters (never inside a surrogate pair); the card says so.
      if (offsets.end - offsets.start > MAX_QUOTE_CHARS) {
        let end = offsets.start + MAX_QUOTE_CHARS;
        const code = map.text.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff) end--;
        offsets.end = end;
      }
      const selectors = describeQuote(map.text, offsets.start, offsets.end, QUOTE_CONTEXT_CHARS);
      const startEl = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
      const endEl = range.endContainer.nodeType === 1 ? (range.endContainer as Element) : range.endContainer.parentElement;
      return {
        quote: selectors.quote.exact,
        selectors: {
          ...selectors,
          range: {
            type: 'RangeSelector',
            startSelector: { type: 'CssSelector', value: cssPath(startEl).slice(0, 2000) },
            endSelector: { type: 'CssSelector', value: cssPath(endEl).slice(0, 2000) },
          },
        },
        url: location.href,
        canonicalUrl: canonicalUrl(),
        // The article's headline, not the site's name in the document's title.
        title: (articleTitle(document, findArticle(map)) || document.title).slice(0, 1000),
      };
    },
    async save(captured, extra = {}) {
      // One id for every try: a save the worker stored before it stopped is not stored twice,
      // and is not reported as failed.
      const request = { ...captured, ...extra, id: randomUuid() };
      let answer = await background.call('clippings/save', request);
      for (let attempt = 0; !answer.ok && answer.transport && attempt < 3 && ctx.isValid; attempt++) {
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        answer = await background.call('clippings/save', request);
      }
      if (!answer.ok) throw new Error(t('cardSaveFailed', failureReason(answer)));
      clippings.push({ id: answer.value.id, quote: captured.quote, selectors: captured.selectors, color: 'yellow', note: extra.note ?? '', tags: extra.tags ?? [] });
      paint();
      return answer.value.id;
    },
    async update(id, note, tags) {
      const answer = await background.call('clippings/update', { id, note, tags });
      if (!answer.ok) return t('cardSaveFailed', failureReason(answer));
      if (!answer.value.updated) return t('cardClippingDeleted');
      // Kept here too: hovering the clipping shows them at once.
      const known = clippings.find((c) => c.id === id);
      if (known) {
        known.note = note;
        known.tags = tags;
      }
      return null;
    },
    status() {
      return clippings.map((c) => {
        const a = anchors.get(c.id) ?? null;
        return { id: c.id, anchored: a !== null, method: a?.method ?? null };
      });
    },
    reveal: (id) => revealAnchored(id),
    onRead(next) {
      map = next;
      if (clippings.length) paint();
    },
    at(node, offset) {
      if (!map || !clippings.length) return null;
      const at = offsetOf(map, node, offset);
      if (at < 0) return null;
      let best: { clipping: KnownClipping; anchor: Anchor } | undefined;
      for (const clipping of clippings) {
        const anchor = anchors.get(clipping.id);
        if (!anchor || at < anchor.start || at >= anchor.end) continue;
        if (!best || anchor.end - anchor.start < best.anchor.end - best.anchor.start) best = { clipping, anchor };
      }
      const range = best && rangeFor(map, best.anchor.start, best.anchor.end);
      if (!best || !range) return null;
      const { id, quote, note, tags } = best.clipping;
      return { id, quote, note, tags: tags ?? [], range };
    },
  };

  function buildTextMapSync(): TextMap {
    // The selection is read at once; a long page costs tens of ms here, once per save.
    return buildTextMap(document.body, MAX_PAGE_CHARS);
  }
}
