import { browser } from 'wxt/browser';
import { MAX_QUOTE_CHARS } from '@/lib/store/clipping';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { offsetOf, rangeFor, visibleOffsets, type TextMap } from '@/lib/anchor/text-map';
import { occurrencesOf, spanAt } from '@/lib/highlight/spans';
import { createClient, failureReason } from '@/lib/messaging';
import { backgroundProtocol, type WireSpan } from '@/lib/messaging/protocol';
import { languageTag, t } from '@/lib/i18n';
import { describeValue, typeLabel } from '@/lib/text/format-value';
import type { PageClippings } from './page-clippings';

const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; min-width: 180px; box-sizing: border-box;
  font: 13px/1.5 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 18px rgba(0,0,0,.18); padding: 8px 10px; }
.card[hidden] { display: none; }
.type { font-size: 12px; color: #59636e; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; word-break: break-all; }
.value { font-variant-numeric: tabular-nums; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; font-size: 12px; color: #59636e; white-space: nowrap; }
button { font: inherit; color: inherit; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 5px;
  padding: 0 6px; cursor: pointer; white-space: nowrap; }
button:focus-visible { outline: 2px solid #b3261e; outline-offset: 1px; }
.close { margin-left: auto; }
.status { font-size: 12px; color: #b3261e; }
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; }
textarea, input { display: block; box-sizing: border-box; width: 100%; margin-top: 6px; font: inherit; color: inherit;
  background: transparent; border: 1px solid #d0d7de; border-radius: 5px; padding: 4px 6px; }
.corpus { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d7de; font-size: 12px; color: #59636e; }
.corpus .hit { color: #1f2328; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #3d444d; }
  .corpus .hit { color: #e6edf3; }
  .type, .row { color: #9198a1; }
  button { background: #21262d; border-color: #3d444d; }
}`;

export interface HoverCardSource {
  /** Spans painted now (sorted by start) and the text map they index, or null before the first paint. */
  current(): { spans: readonly WireSpan[]; map: TextMap } | null;
  /** Scrolls to and selects a span. */
  reveal(start: number, end: number): boolean;
  /** Marks the span's name as not an entity; resolves with an error message or null. */
  reject(span: WireSpan): Promise<string | null>;
  /** Adds a name as an entity of a type and reads the page again; resolves with an error message or null. */
  add(text: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'): Promise<string | null>;
}

/** Corpus articles mentioning a span, most mentions first, or an error message (in the UI's language). */
export type CorpusMentions = (span: WireSpan) => Promise<Array<{ articleId: string; title: string; count: number }> | string>;

/** Most articles asked for per span (the card lists {@link MENTIONS_SHOWN} and counts the rest). */
const MENTIONS_ASKED = 20;
const MENTIONS_SHOWN = 5;

/**
 * `corpus/mentions` from the background, each span asked once per page (by type, text and
 * value; a failure is asked again next time).
 */
export function backgroundMentions(): CorpusMentions {
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  const cache = new Map<string, ReturnType<CorpusMentions>>();
  return (span) => {
    const key = `${span.type}\u0000${span.text}\u0000${span.value ?? ''}\u0000${span.unit ?? ''}`;
    let answer = cache.get(key);
    if (!answer) {
      const { type, text, value, unit } = span;
      answer = background.call('corpus/mentions', { span: { type, text, value, unit }, limit: MENTIONS_ASKED }).then((r) => {
        if (r.ok) return r.value.articles;
        cache.delete(key);
        return failureReason(r);
      });
      if (cache.size >= 500) cache.delete(cache.keys().next().value!);
      cache.set(key, answer);
    }
    return answer;
  };
}

/**
 * The card shown over a highlighted entity or figure: its type in the UI's language, its value, how often
 * it occurs on the page with buttons to the previous and next occurrence. Lives in a closed
 * shadow root on one host element, built with DOM APIs only (page text is set as text, never as
 * HTML); it opens and acts only on trusted input (the reader's pointer and keys), so a page's
 * script can neither open it, read it (the reader's own article titles) nor click it.
 * Alt+Shift+E opens it from the keyboard with focus on its buttons; Esc closes it and gives
 * focus back. Removed when the content script is invalidated.
 */
export function startHoverCard(
  ctx: ContentScriptContext,
  source: HoverCardSource,
  clips: PageClippings,
  mentions: CorpusMentions = backgroundMentions(),
): { showSaved(id: string, quote: string): void } {
  let host: HTMLElement | undefined;
  /** The card's shadow root: closed, so the page's scripts can neither read nor click into it. */
  let shadow: ShadowRoot | undefined;
  let card: HTMLElement | undefined;
  let shown: WireSpan | undefined;
  let frame = 0;

  function ensureCard(): HTMLElement {
    if (card) return card;
    host = document.createElement('zwpz-ui');
    host.setAttribute('data-zwpz-ui', '');
    const root = host.attachShadow({ mode: 'closed' });
    shadow = root;
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    card = document.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t('cardDialogLabel'));
    card.hidden = true;
    root.append(style, card);
    document.documentElement.append(host);
    return card;
  }

  /** Where focus was before the keyboard opened the card; it goes back there on Esc. */
  let returnFocus: HTMLElement | null = null;

  function hide(): void {
    const focused = shadow?.activeElement as HTMLElement | null | undefined;
    if (card) card.hidden = true;
    shown = undefined;
    if (focused) {
      // Focus leaves the card at once (not when the browser notices it is hidden), back to
      // where it was if that can hold it.
      focused.blur();
      if (returnFocus && returnFocus !== document.body && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    }
    returnFocus = null;
  }

  function show(span: WireSpan, spans: readonly WireSpan[], x: number, y: number, focus = false): void {
    const el = ensureCard();
    el.classList.remove('adding');
    shown = span;
    const all = occurrencesOf(spans, span);
    const index = all.findIndex((s) => s.start === span.start);
    const line = div;
    const go = (step: number) => {
      const next = all[(index + step + all.length) % all.length]!;
      source.reveal(next.start, next.end);
      // From the keyboard the card follows to the next occurrence, focus on the same button.
      const keyboard = host !== undefined && document.activeElement === host;
      if (!keyboard) {
        hide();
        return;
      }
      const label = (shadow?.activeElement as HTMLElement | null)?.getAttribute('aria-label');
      requestAnimationFrame(() => {
        const now = source.current();
        const range = now && rangeFor(now.map, next.start, next.end);
        const rect = range?.getBoundingClientRect();
        show(next, now?.spans ?? spans, rect?.left ?? x, rect?.bottom ?? y, true);
        if (label) [...card!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label)?.focus();
      });
    };
    const row = document.createElement('div');
    row.className = 'row';
    row.append(all.length === 1 ? t('cardSeenOnce') : t('cardSeenTimes', all.length));
    if (all.length > 1) row.append(button('‹', t('cardPrevious'), () => go(-1)), button('›', t('cardNext'), () => go(1)));
    row.append(button('×', t('cardClose'), hide));
    const children: HTMLElement[] = [line('type', typeLabel(span.type)), line('name', span.text)];
    // The value in words; the normalized value one hover away.
    const value = describeValue(span);
    if (value) {
      const shown = line('value', value.words);
      shown.title = value.machine;
      children.push(shown);
    }
    const actions = document.createElement('div');
    actions.className = 'row';
    const status = line('status', '');
    actions.append(
      button(t('cardNotEntity'), t('cardNotEntityTitle'), () => {
        void source.reject(span).then((error) => {
          if (error) status.textContent = error;
          else hide();
        });
      }),
    );
    const corpus = line('corpus', t('cardCorpusSearching'));
    el.replaceChildren(...children, row, actions, status, corpus);
    void mentions(span).then((found) => {
      if (shown !== span || !corpus.isConnected) return; // the card moved on
      fillMentions(corpus, found);
      // Kept inside the window as it grows.
      const bottom = el.getBoundingClientRect().bottom;
      if (bottom > window.innerHeight - 8) el.style.top = `${Math.max(8, window.innerHeight - el.offsetHeight - 8)}px`;
    });
    el.hidden = false;
    // Below and right of the pointer, kept inside the window.
    const left = Math.min(x + 12, window.innerWidth - el.offsetWidth - 8);
    const top = y + 16 + el.offsetHeight > window.innerHeight ? y - el.offsetHeight - 12 : y + 16;
    el.style.left = `${Math.max(8, left)}px`;
    el.style.top = `${Math.max(8, top)}px`;
    if (focus) (el.querySelector('button') as HTMLElement | null)?.focus();
  }

  /** The corpus line: the articles mentioning the span (titles as text, with their counts). */
  function fillMentions(corpus: HTMLElement, found: Awaited<ReturnType<CorpusMentions>>): void {
    if (typeof found === 'string') {
      corpus.textContent = t('cardCorpusUnavailable', found);
      return;
    }
    if (found.length === 0) {
      corpus.textContent = t('cardCorpusNone');
      return;
    }
    const total = found.length >= MENTIONS_ASKED ? t('cardAtLeast', MENTIONS_ASKED) : String(found.length);
    const lines = found.slice(0, MENTIONS_SHOWN).map((a) => {
      // The reader's own added articles are searched with the seeds; say which they are.
      const mine = a.articleId.startsWith('user:') ? ` · ${t('cardAddedByMe')}` : '';
      const hit = div('hit', `${t('cardMention', a.title, a.count)}${mine}`);
      hit.title = a.title;
      return hit;
    });
    corpus.replaceChildren(t('cardCorpusFound', total), ...lines);
    if (found.length > MENTIONS_SHOWN) {
      const more = found.length - MENTIONS_SHOWN;
      corpus.append(div('', found.length >= MENTIONS_ASKED ? t('cardMoreArticlesAtLeast', more) : t('cardMoreArticles', more)));
    }
  }

  /**
   * Alt+Shift+E opens the card from the keyboard: for the entity at the caret or selection, else
   * the next one after it, else the first on screen; focus goes to the card's first button.
   */
  function openFromKeyboard(): void {
    const now = source.current();
    if (!now || !now.spans.length) return;
    const selection = window.getSelection();
    let at = selection?.anchorNode ? offsetOf(now.map, selection.anchorNode, selection.anchorOffset) : -1;
    if (at < 0) {
      const seen = visibleOffsets(now.map);
      at = seen ? seen[0] : 0;
    }
    const span = spanAt(now.spans, at) ?? now.spans.find((s) => s.start >= at) ?? now.spans[0]!;
    const range = rangeFor(now.map, span.start, span.end);
    if (!range) return;
    if (!host || document.activeElement !== host) returnFocus = document.activeElement as HTMLElement | null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'nearest' });
    const rect = range.getBoundingClientRect();
    show(span, now.spans, rect.left, rect.bottom, true);
  }

  function positionAt(x: number, y: number): { node: Node; offset: number } | null {
    const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) return { node: pos.offsetNode, offset: pos.offset };
    const range = document.caretRangeFromPoint?.(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }

  function onMove(event: MouseEvent): void {
    if (!event.isTrusted) return; // the page's synthetic events open nothing
    if (host && event.composedPath().includes(host)) return; // over the card itself
    cancelAnimationFrame(frame);
    const { clientX: x, clientY: y } = event;
    frame = requestAnimationFrame(() => {
      if (card?.classList.contains('adding')) return; // the add card stays until used or closed
      const now = source.current();
      const pos = now && positionAt(x, y);
      const at = pos && now ? offsetOf(now.map, pos.node, pos.offset) : -1;
      const span = now && at >= 0 ? spanAt(now.spans, at) : undefined;
      if (!span || !now) {
        if (shown) hide();
        return;
      }

      if (span !== shown) show(span, now.spans, x, y);
    });
  }

  function onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyE') {
      event.preventDefault();
      openFromKeyboard();
      return;
    }
    if (event.key === 'Escape') {
      if (shown) hide();
      if (card && card.classList.contains('adding')) hideAdd();
    }
  }

  function hideAdd(): void {
    if (!card) return;
    card.classList.remove('adding');
    card.hidden = true;
  }

  function button(label: string, title: string, onClick: () => void, primary = false): HTMLButtonElement {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    b.setAttribute('aria-label', title);
    if (primary) b.className = 'primary';
    // Only the reader's own clicks and key presses act; a page script's synthetic click does not.
    b.addEventListener('click', (event) => {
      if (event.isTrusted) onClick();
    });
    return b;
  }

  function div(className: string, text = ''): HTMLDivElement {
    const d = document.createElement('div');
    d.className = className;
    d.textContent = text;
    return d;
  }

  /**
   * The selection toolbar: “保存摘录” for any selection, and “添加为实体” with a type for a
   * short one. What would be saved is captured now, while the selection is there.
   */
  function showSelection(text: string, x: number, y: number): void {
    const el = ensureCard();
    shown = undefined;
    el.classList.add('adding');
    const captured = clips.capture();
    const status = div('status');
    const children: HTMLElement[] = [div('type', t('cardSelectedText')), div('name', text.length > 60 ? `${text.slice(0, 60)}…` : text)];
    const saveRow = div('row');
    if (typeof captured === 'string') status.textContent = captured;
    else {
      saveRow.append(
        button(t('cardSaveClipping'), t('cardSaveClippingTitle'), () => {
          status.textContent = t('cardSaving');
          clips.save(captured).then(
            (id) => showSaved(id, captured.quote),
            (error: unknown) => (status.textContent = error instanceof Error ? error.message : String(error)),
          );
        }, true),
      );
    }
    children.push(saveRow);
    if (text.length >= 2 && text.length <= 40 && !/\n/.test(text)) {
      const row = div('row', t('cardAddAsEntity'));
      for (const type of ['PERSON', 'PLACE', 'ORG', 'DOC'] as const) {
        row.append(
          button(typeLabel(type), t('cardAddAs', typeLabel(type)), () => {
            void source.add(text, type).then((error) => {
              if (error) status.textContent = error;
              else hideAdd();
            });
          }),
        );
      }
      children.push(row);
    }
    el.replaceChildren(...children, status);
    el.hidden = false;
    el.style.left = `${Math.max(8, Math.min(x, window.innerWidth - el.offsetWidth - 8))}px`;
    el.style.top = `${Math.max(8, Math.min(y + 8, window.innerHeight - el.offsetHeight - 8))}px`;
  }

  /** After a save: the note and tags can be added at once (or later, in the popup). */
  function showSaved(id: string, quote: string): void {
    const el = ensureCard();
    shown = undefined;
    el.classList.add('adding');
    const note = document.createElement('textarea');
    note.placeholder = t('cardNotePlaceholder');
    note.rows = 3;
    note.setAttribute('aria-label', t('cardNote'));
    const tags = document.createElement('input');
    tags.placeholder = t('cardTagsPlaceholder');
    tags.setAttribute('aria-label', t('cardTags'));
    const status = div('status');
    const row = div('row');
    row.append(
      button(t('cardSaveNote'), t('cardSaveNoteTitle'), () => {
        const list = tags.value.split(/[\s,，]+/).filter(Boolean);
        void clips.update(id, note.value, list).then((error) => {
          if (error) status.textContent = error;
          else hideAdd();
        });
      }, true),
      button(t('cardDone'), t('cardDone'), hideAdd),
    );
    el.replaceChildren(div('type', t('cardSaved')), div('name', quote.length > 60 ? `${quote.slice(0, 60)}…` : quote), note, tags, row, status);
    // A selection longer than a clipping may be was cut: say so.
    if (quote.length >= MAX_QUOTE_CHARS - 1) status.textContent = t('cardQuoteCut', MAX_QUOTE_CHARS.toLocaleString(languageTag()));
    el.hidden = false;
    if (!el.style.left) {
      el.style.left = `${Math.max(8, window.innerWidth - el.offsetWidth - 24)}px`;
      el.style.top = '24px';
    }
    note.focus({ preventScroll: true });
  }

  function onMouseUp(event: MouseEvent): void {
    if (!event.isTrusted) return;
    if (host && event.composedPath().includes(host)) return;
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || selection.isCollapsed || text.length < 2) {
      if (card?.classList.contains('adding')) hideAdd();
      return;
    }
    const rect = selection.getRangeAt(0).getBoundingClientRect();
    showSelection(text, rect.left, rect.bottom);
  }

  ctx.addEventListener(document, 'mousemove', onMove, { passive: true });
  ctx.addEventListener(document, 'keydown', onKey);
  ctx.addEventListener(document, 'mouseup', onMouseUp);
  ctx.onInvalidated(() => {
    cancelAnimationFrame(frame);
    host?.remove();
  });
  return { showSaved };
}
