import { browser } from 'wxt/browser';
import { MAX_QUOTE_CHARS } from '@/lib/store/clipping';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { offsetOf, rangeFor, visibleOffsets, type TextMap } from '@/lib/anchor/text-map';
import { occurrencesOf, spanAt } from '@/lib/highlight/spans';
import { createClient, failureReason, type Client } from '@/lib/messaging';
import { backgroundProtocol, sidePanelOpenProtocol, type WireSpan } from '@/lib/messaging/protocol';
import { languageTag, t } from '@/lib/i18n';
import { describeValue, typeLabel } from '@/lib/text/format-value';
import type { ClippingAt, PageClippings } from './page-clippings';
import type { PageCrossChecks } from './page-crosscheck';
import type { WireCrossCheckMatch, WireCrossCheckResult } from '@/lib/messaging/insight-protocol';
import { differenceInWords, reasonInWords, VERDICT_ORDER, verdictWord } from '@/lib/text/check-words';

const CARD_CSS = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; min-width: 180px; box-sizing: border-box;
  font: 13px/1.5 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #d0d7de; border-radius: 8px;
  box-shadow: 0 6px 18px rgba(0,0,0,.18); padding: 8px 10px; overflow-wrap: anywhere; }
.card[hidden] { display: none; }
.type { font-size: 12px; color: #59636e; }
.name { font-size: 15px; font-weight: 600; margin: 2px 0; word-break: break-all; }
.value { font-variant-numeric: tabular-nums; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; font-size: 12px; color: #59636e; white-space: nowrap; }
.pos { color: #1f2328; font-variant-numeric: tabular-nums; }
button { font: inherit; color: inherit; background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 5px;
  padding: 0 6px; cursor: pointer; white-space: nowrap; }
button:focus-visible { outline: 2px solid #b3261e; outline-offset: 1px; }
.close { margin-left: auto; }
.status { font-size: 12px; color: #b3261e; }
.status.info { color: #59636e; }
.notice { font-size: 14px; font-weight: 600; margin: 2px 0; word-break: break-all; }
button.primary { background: #b3261e; border-color: #b3261e; color: #fff; }
textarea, input { display: block; box-sizing: border-box; width: 100%; margin-top: 6px; font: inherit; color: inherit;
  background: transparent; border: 1px solid #d0d7de; border-radius: 5px; padding: 4px 6px; }
.corpus { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d7de; font-size: 12px; color: #59636e; }
.corpus .hit { display: block; box-sizing: border-box; width: 100%; margin: 1px 0; padding: 0; border: 0; background: none;
  text-align: start; color: #0b57d0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.corpus .hit:hover { text-decoration: underline; }
.check { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d7de; font-size: 12px; color: #59636e; }
.check .verdict { font-weight: 600; border-radius: 4px; padding: 0 5px; margin-right: 4px; }
.check .same { color: #1a7f37; background: #dafbe1; }
.check .different { color: #b3261e; background: #ffebe9; }
.check .compatible { color: #7d4e00; background: #fff8c5; }
.check .hit { display: block; box-sizing: border-box; width: 100%; margin: 1px 0; padding: 0; border: 0; background: none;
  text-align: start; color: #0b57d0; white-space: normal; }
.clip { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d7de; }
.note { white-space: pre-wrap; max-height: 9em; overflow: auto; }
.tags { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 4px; font-size: 12px; color: #59636e; }
.tag { color: #1f2328; background: #fff1a8; border-radius: 9px; padding: 0 7px; }
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #3d444d; }
  .corpus .hit { color: #79b8ff; }
  .pos, .tag { color: #e6edf3; }
  .tag { background: #5a4a00; }
  .type, .row, .tags, .status.info { color: #9198a1; }
  button { background: #21262d; border-color: #3d444d; }
}`;

/** Space kept between the card and the window's edges, and between the card and what it describes, px. */
const MARGIN = 8;
const GAP = 6;
/** How long the card stays after the pointer left its highlight (time to reach the card), ms. */
const LEAVE_DELAY_MS = 300;
/** How long a confirmation with 撤销 stays (longer while the pointer is on it), ms. */
const NOTICE_MS = 8_000;
/** How long “已撤销” stays, ms. */
const UNDONE_MS = 2_500;
/** Longest note shown on the card (the popup shows all of it). */
const NOTE_SHOWN_CHARS = 500;

type EntityType = 'PERSON' | 'PLACE' | 'ORG' | 'DOC';

export interface HoverCardSource {
  /** Spans painted now (sorted by start) and the text map they index, or null before the first paint. */
  current(): { spans: readonly WireSpan[]; map: TextMap } | null;
  /** Scrolls to and selects a span. */
  reveal(start: number, end: number): boolean;
  /** Marks the span's name as not an entity; resolves with an error message or null. */
  reject(span: WireSpan): Promise<string | null>;
  /** Adds a name as an entity of a type and reads the page again; resolves with an error message or null. */
  add(text: string, type: EntityType): Promise<string | null>;
  /**
   * Takes back an `add` or a `reject` (the card's 撤销) and reads the page again; resolves with
   * an error message or null. Without it the card offers no 撤销.
   */
  undo?(kind: 'added' | 'rejected', text: string): Promise<string | null>;
}

/** Corpus articles mentioning a span, most mentions first, or an error message (in the UI's language). */
export type CorpusMentions = (span: WireSpan) => Promise<Array<{ articleId: string; title: string; count: number }> | string>;

/** Names, which have a profile (实体档案). */
const ENTITY_TYPES = new Set(['PERSON', 'PLACE', 'ORG', 'DOC']);
/** Figures the cross-check compares (数字核对). */
const CHECKED_TYPES = new Set(['MONEY', 'PERCENT', 'QUANTITY']);
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
 * What the card is showing: an entity (`span`), a saved clipping's note (`clip`), the selection
 * toolbar or the note form after a save (`adding`), a confirmation with 撤销 (`notice`).
 */
type Mode = 'none' | 'span' | 'clip' | 'adding' | 'notice';

/** The rectangles the card must leave uncovered, preferred first; recomputed as the page scrolls. */
type Anchor = () => DOMRect[];

/**
 * The card shown over a highlighted entity or figure: its type in the UI's language, its value, how often
 * it occurs on the page (which occurrence this is) with buttons to the previous and next occurrence,
 * the corpus articles mentioning it (each opens in the side panel's reader). Over a saved
 * clipping it shows the clipping's note and tags. Lives in a closed
 * shadow root on one host element, built with DOM APIs only (page text is set as text, never as
 * HTML); it opens and acts only on trusted input (the reader's pointer and keys), so a page's
 * script can neither open it, read it (the reader's own article titles) nor click it.
 * It is placed beside what it describes, never over it: below, else above, else to a side,
 * always inside the window; it follows its highlight as the page scrolls.
 * Alt+Shift+E opens it from the keyboard with focus on its buttons; Esc closes it and gives
 * focus back. Removed when the content script is invalidated.
 */
export function startHoverCard(
  ctx: ContentScriptContext,
  source: HoverCardSource,
  clips: PageClippings,
  mentions: CorpusMentions = backgroundMentions(),
  checks?: PageCrossChecks,
): { showSaved(id: string, quote: string): void } {
  let host: HTMLElement | undefined;
  /** The card's shadow root: closed, so the page's scripts can neither read nor click into it. */
  let shadow: ShadowRoot | undefined;
  let card: HTMLElement | undefined;
  let mode: Mode = 'none';
  let shown: WireSpan | undefined;
  /** The clipping whose note the card shows (alone, or under an entity), if any. */
  let shownClip: string | undefined;
  let anchor: Anchor | undefined;
  /**
   * Opened from the keyboard or moved by ‹ ›: the card stays when the pointer wanders off (it
   * goes with Esc, ×, a click elsewhere, or when the pointer shows another highlight).
   */
  let pinned = false;
  let frame = 0;
  let placeFrame = 0;
  let leaveTimer: ReturnType<typeof setTimeout> | undefined;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  let noticeLeft = 0;
  /** The confirmation has 撤销: it waits while the pointer is on it. */
  let noticeWaits = false;
  let pointerInside = false;
  let panel: Client<typeof sidePanelOpenProtocol> | undefined;
  /** Refills the shown figure's 数字核对 line when the page's cross-check changes (one listener for the card). */
  let refreshCheck: (() => void) | undefined;
  checks?.onChange(() => refreshCheck?.());

  function ensureCard(): HTMLElement {
    if (card) return card;
    host = document.createElement('zwpz-ui');
    host.setAttribute('data-zwpz-ui', '');
    const root = host.attachShadow({ mode: 'closed' });
    shadow = root;
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    const el = document.createElement('div');
    card = el;
    el.className = 'card';
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-label', t('cardDialogLabel'));
    el.hidden = true;
    // A confirmation waits while the pointer is on it (the reader is about to press 撤销).
    el.addEventListener('pointerenter', (event) => {
      if (!event.isTrusted) return;
      pointerInside = true;
      stayOpen();
      if (mode === 'notice' && noticeWaits) clearTimeout(noticeTimer);
    });
    el.addEventListener('pointerleave', (event) => {
      if (!event.isTrusted) return;
      pointerInside = false;
      if (mode === 'notice' && noticeWaits) noticeTimer = setTimeout(hide, noticeLeft);
    });
    root.append(style, el);
    document.documentElement.append(host);
    return el;
  }

  /** Where focus was before the keyboard opened the card; it goes back there on Esc. */
  let returnFocus: HTMLElement | null = null;

  function hide(): void {
    const focused = shadow?.activeElement as HTMLElement | null | undefined;
    if (card) card.hidden = true;
    mode = 'none';
    shown = undefined;
    shownClip = undefined;
    anchor = undefined;
    pinned = false;
    pointerInside = false;
    stayOpen();
    clearTimeout(noticeTimer);
    cancelAnimationFrame(placeFrame);
    if (focused) {
      // Focus leaves the card at once (not when the browser notices it is hidden), back to
      // where it was if that can hold it.
      focused.blur();
      if (returnFocus && returnFocus !== document.body && returnFocus.isConnected) returnFocus.focus({ preventScroll: true });
    }
    returnFocus = null;
  }

  /** Shows the card in a mode, with its content, placed beside `where`. */
  function open(next: Mode, where: Anchor | undefined, children: Node[]): HTMLElement {
    const el = ensureCard();
    stayOpen();
    clearTimeout(noticeTimer);
    mode = next;
    anchor = where;
    if (next !== 'span') shown = undefined;
    if (next !== 'span' && next !== 'clip') shownClip = undefined;
    el.replaceChildren(...children);
    el.hidden = false;
    place();
    return el;
  }

  /** The window's size without its scroll bars. */
  function viewport(): { width: number; height: number } {
    const root = document.scrollingElement ?? document.documentElement;
    const width = root?.clientWidth || window.innerWidth;
    const height = root?.clientHeight || window.innerHeight;
    return { width: Math.min(width, window.innerWidth), height: Math.min(height, window.innerHeight) };
  }

  /**
   * Puts the card next to its anchor without covering it: below the first rectangle with room,
   * else above it, else beside the last one; clamped to the window. A hover card whose
   * highlight scrolled out of sight goes (a pinned one waits, hidden, for it to come back).
   */
  function place(): void {
    const el = card;
    if (!el || el.hidden) return;
    const { width: vw, height: vh } = viewport();
    el.style.maxWidth = `${Math.max(120, Math.min(320, vw - 2 * MARGIN))}px`;
    el.style.maxHeight = '';
    el.style.overflowY = '';
    const rects = anchor?.().filter((r) => r.width > 0 || r.height > 0) ?? [];
    const last = rects.at(-1);
    const w = el.offsetWidth;
    let h = el.offsetHeight;
    const put = (x: number, y: number) => {
      el.style.left = `${Math.round(Math.max(MARGIN, Math.min(x, vw - MARGIN - w)))}px`;
      el.style.top = `${Math.round(Math.max(MARGIN, Math.min(y, vh - MARGIN - h)))}px`;
    };
    if (!last) {
      // Nothing to stay clear of (a save from the keyboard command): the top right corner.
      el.style.visibility = '';
      put(vw - w - 24, 24);
      return;
    }
    const away = last.bottom <= 0 || last.top >= vh || last.right <= 0 || last.left >= vw;
    if (away && (mode === 'span' || mode === 'clip')) {
      if (!pinned) return hide();
      el.style.visibility = 'hidden';
      return;
    }
    el.style.visibility = '';
    const clampX = (x: number) => Math.max(MARGIN, Math.min(x, vw - MARGIN - w));
    for (const r of rects) {
      if (vh - MARGIN - (r.bottom + GAP) >= h) return put(clampX(r.left), r.bottom + GAP);
      if (r.top - GAP - MARGIN >= h) return put(clampX(r.left), r.top - GAP - h);
    }
    const top = Math.max(MARGIN, Math.min(last.top, vh - MARGIN - h));
    if (vw - MARGIN - (last.right + GAP) >= w) return put(last.right + GAP, top);
    if (last.left - GAP - MARGIN >= w) return put(last.left - GAP - w, top);
    // Room nowhere for all of it: on the roomier side of the line, scrolling inside itself.
    const below = vh - MARGIN - (last.bottom + GAP);
    const above = last.top - GAP - MARGIN;
    el.style.maxHeight = `${Math.max(48, Math.max(below, above))}px`;
    el.style.overflowY = 'auto';
    h = el.offsetHeight;
    put(clampX(last.left), below >= above ? last.bottom + GAP : last.top - GAP - h);
  }

  function placeSoon(): void {
    if (!card || card.hidden) return;
    cancelAnimationFrame(placeFrame);
    placeFrame = requestAnimationFrame(place);
  }

  /** A range's box, or a small box around a point where there is no range. */
  function rangeAnchor(range: Range | null | undefined, x: number, y: number): Anchor {
    return range ? () => [range.getBoundingClientRect()] : () => [new DOMRect(x - 1, y - 8, 2, 16)];
  }

  /**
   * A clipping's box, else (a long one) the line of it under the pointer: the card stays clear
   * of the whole clipping when it can.
   */
  function clipAnchor(range: Range, x: number, y: number): Anchor {
    const lines = [...range.getClientRects()];
    let line = lines.findIndex((r) => x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2);
    if (line < 0) line = 0;
    return () => {
      const now = range.getClientRects()[line];
      return [range.getBoundingClientRect(), now ?? new DOMRect(x - 1, y - 8, 2, 16)];
    };
  }

  /** The clipping at a DOM position, when it has a note or tags to show. */
  function clipAt(node: Node, offset: number): ClippingAt | null {
    if (typeof clips.at !== 'function') return null;
    const clip = clips.at(node, offset);
    return clip && (clip.note.trim() || clip.tags.length) ? clip : null;
  }

  /** A clipping's note and tags, as text. */
  function clipLines(clip: ClippingAt): HTMLElement[] {
    const out: HTMLElement[] = [];
    const note = clip.note.trim();
    if (note) out.push(div('note', note.length > NOTE_SHOWN_CHARS ? `${note.slice(0, NOTE_SHOWN_CHARS)}…` : note));
    if (clip.tags.length) {
      const tags = div('tags', t('cardClippingTags'));
      for (const tag of clip.tags.slice(0, 20)) {
        const chip = document.createElement('span');
        chip.className = 'tag';
        chip.textContent = tag;
        tags.append(chip);
      }
      out.push(tags);
    }
    return out;
  }

  function show(
    span: WireSpan,
    spans: readonly WireSpan[],
    where: Anchor,
    options: { focus?: boolean; pin?: boolean; clip?: ClippingAt | null } = {},
  ): void {
    shown = span;
    shownClip = options.clip?.id;
    pinned = options.pin ?? false;
    const all = occurrencesOf(spans, span);
    const index = all.findIndex((s) => s.start === span.start);
    const line = div;
    const go = (step: number) => {
      const next = all[(index + step + all.length) % all.length]!;
      // The card follows to the occurrence (beside it, as the page scrolls there), focus on the
      // same button when it was on one (read first: selecting the occurrence may move it).
      const label = (shadow?.activeElement as HTMLElement | null | undefined)?.getAttribute('aria-label');
      if (!source.reveal(next.start, next.end)) return;
      const now = source.current();
      const range = now && rangeFor(now.map, next.start, next.end);
      const rect = card?.getBoundingClientRect();
      const clip = range ? clipAt(range.startContainer, range.startOffset) : null;
      show(next, now?.spans ?? spans, rangeAnchor(range, rect?.left ?? 0, rect?.top ?? 0), { pin: true, clip });
      if (label) [...card!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label)?.focus({ preventScroll: true });
    };
    const row = document.createElement('div');
    row.className = 'row';
    row.append(all.length === 1 ? t('cardSeenOnce') : t('cardSeenTimes', all.length));
    if (all.length > 1) {
      const pos = document.createElement('span');
      pos.className = 'pos';
      pos.textContent = t('cardOccurrence', index + 1, all.length);
      pos.title = t('cardOccurrenceLabel', index + 1, all.length);
      row.append(button('‹', t('cardPrevious'), () => go(-1)), pos, button('›', t('cardNext'), () => go(1)));
    }
    row.append(button('×', t('cardClose'), hide));
    const children: HTMLElement[] = [line('type', typeLabel(span.type)), line('name', span.text)];
    // The value in words; the normalized value one hover away.
    const value = describeValue(span);
    if (value) {
      const shownValue = line('value', value.words);
      shownValue.title = value.machine;
      children.push(shownValue);
    }
    const actions = document.createElement('div');
    actions.className = 'row';
    const status = line('status', '');
    actions.append(
      button(t('cardNotEntity'), t('cardNotEntityTitle'), () => {
        void source.reject(span).then((error) => {
          if (error) status.textContent = error;
          else if (shown === span) notice(t('cardRejected', span.text), { kind: 'rejected', text: span.text });
        });
      }),
    );
    if (ENTITY_TYPES.has(span.type)) {
      actions.append(button(t('cardProfile'), t('cardProfileTitle', span.text), () => openProfile(span, status)));
    }
    const corpus = line('corpus', t('cardCorpusSearching'));
    const extra: HTMLElement[] = [];
    if (checks && CHECKED_TYPES.has(span.type)) {
      const check = line('check', '');
      const fill = () => {
        if (shown !== span || !check.isConnected) return;
        const state = checks.current();
        if (state.state === 'pending') check.textContent = t('cardCheckPending');
        else if (state.state === 'failed') check.textContent = t('cardCheckFailed', state.error);
        else if (state.state === 'done') fillCheck(check, checks.forSpan(span), status);
        check.hidden = !check.textContent;
        place();
      };
      refreshCheck = fill;
      extra.push(check);
      queueMicrotask(fill);
    }
    if (options.clip) {
      const box = div('clip');
      box.append(div('type', t('cardClippingNote')), ...clipLines(options.clip));
      extra.push(box);
    }
    const el = open('span', where, [...children, row, actions, status, corpus, ...extra]);
    void mentions(span).then((found) => {
      if (shown !== span || !corpus.isConnected) return; // the card moved on
      fillMentions(corpus, found, span, status);
      // Kept beside its span, inside the window, as it grows.
      place();
    });
    if (options.focus) (el.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  /** The card over a saved clipping that has a note or tags: the quote's start, the note, the tags. */
  function showClip(clip: ClippingAt, where: Anchor): void {
    const quote = clip.quote.length > 60 ? `${clip.quote.slice(0, 60)}…` : clip.quote;
    const row = div('row');
    row.append(button('×', t('cardClose'), hide));
    open('clip', where, [div('type', t('cardClipping')), div('name', quote), ...clipLines(clip), row]);
    pinned = false;
    shownClip = clip.id;
  }

  /**
   * 数字核对 on the card: the statements of the corpus about the same subject and quantity, a
   * different one first (with both values and the difference), then agreeing and compatible
   * ones (with why); each opens its article at that sentence. Nothing when none is about it.
   */
  function fillCheck(line: HTMLElement, result: WireCrossCheckResult | null, status: HTMLElement): void {
    const matches = [...(result?.matches ?? [])].sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict]).slice(0, 3);
    if (!matches.length) {
      line.replaceChildren();
      return;
    }
    line.replaceChildren(t('cardCheckHeading'), ...matches.map((m) => checkHit(m, status)));
  }

  function checkHit(m: WireCrossCheckMatch, status: HTMLElement): HTMLElement {
    const badge = document.createElement('span');
    badge.className = `verdict ${m.verdict}`;
    badge.textContent = verdictWord(m.verdict);
    const difference = m.verdict === 'different' && m.difference ? differenceInWords(m.figure, m.difference) : null;
    const said = difference ? t('cardCheckDifference', m.figure.text, difference.amount, difference.share) : m.verdict === 'compatible' ? t('cardCheckBecause', m.figure.text, reasonInWords(m.reason)) : m.figure.text;
    const hit = button('', t('cardOpenArticle', m.title), () => openArticle({ articleId: m.articleId, title: m.title }, m.figure.text, status));
    hit.className = 'hit';
    hit.replaceChildren(badge, `${t('cardCheckIn', m.title)}${said}`);
    return hit;
  }

  /** Opens the entity profile (实体档案) of a span in the side panel; sent at once, in the click. */
  function openProfile(span: WireSpan, status: HTMLElement): void {
    panel ??= createClient('background', sidePanelOpenProtocol, (m) => browser.runtime.sendMessage(m));
    const places = [...new Set((source.current()?.spans ?? []).filter((s) => s.type === 'PLACE').map((s) => s.text.slice(0, 100)))].slice(0, 20);
    const asked = panel.call('sidepanel/open-profile', { name: span.text.slice(0, 200), entityType: span.type as 'PERSON' | 'PLACE' | 'ORG' | 'DOC', places });
    reportOpening(asked, status, t('cardOpeningProfile'), t('cardProfileOpened', span.text), t('cardOpenPanelForProfile', span.text));
  }

  /** Says on the card how a request to open the side panel went: opening, opened, or waiting for the reader to open it. */
  function reportOpening(asked: ReturnType<Client<typeof sidePanelOpenProtocol>['call']>, status: HTMLElement, opening: string, opened: string, waiting: string): void {
    status.className = 'status info';
    status.textContent = opening;
    void asked.then((answer) => {
      if (!status.isConnected) return;
      if (!answer.ok) {
        status.className = 'status';
        status.textContent = t('cardCannotOpenArticle', failureReason(answer));
      } else status.textContent = answer.value.opened ? opened : waiting;
    });
  }

  /** The corpus line: the articles mentioning the span (titles as text, with their counts), each opening in the side panel. */
  function fillMentions(corpus: HTMLElement, found: Awaited<ReturnType<CorpusMentions>>, span: WireSpan, status: HTMLElement): void {
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
      // The reader's own added articles and reading history are searched with the seeds; say which they are.
      const mine = a.articleId.startsWith('user:') ? ` · ${t('cardAddedByMe')}` : a.articleId.startsWith('history:') ? ` · ${t('cardFromHistory')}` : '';
      const hit = button(`${t('cardMention', a.title, a.count)}${mine}`, t('cardOpenArticle', a.title), () => openArticle(a, span.text, status));
      hit.classList.add('hit');
      return hit;
    });
    corpus.replaceChildren(t('cardCorpusFound', total), ...lines);
    if (found.length > MENTIONS_SHOWN) {
      const more = found.length - MENTIONS_SHOWN;
      corpus.append(div('', found.length >= MENTIONS_ASKED ? t('cardMoreArticlesAtLeast', more) : t('cardMoreArticles', more)));
    }
  }

  /**
   * Asks the background to open an article in the side panel's reader. Called from the reader's
   * click and sent at once (no await before it): the browser opens the panel only while the
   * click still counts as a user gesture.
   */
  function openArticle(article: { articleId: string; title: string }, mention: string, status: HTMLElement): void {
    panel ??= createClient('background', sidePanelOpenProtocol, (m) => browser.runtime.sendMessage(m));
    const title = article.title.slice(0, 1000);
    const asked = panel.call('sidepanel/open-article', { articleId: article.articleId, title, mention: mention.slice(0, 200) });
    reportOpening(asked, status, t('cardOpeningArticle'), t('cardArticleOpened', title), t('cardOpenPanelToRead', title));
  }

  /**
   * A confirmation in the card, where it is: “已添加为机构：…” or “已标为非实体：…” with 撤销,
   * for a few seconds (longer while the pointer is on it); “已撤销” after.
   */
  function notice(message: string, undo?: { kind: 'added' | 'rejected'; text: string }): void {
    const hadFocus = Boolean(shadow?.activeElement);
    const text = div('notice', message);
    text.setAttribute('role', 'status');
    const status = div('status');
    const row = div('row');
    const undoFn = source.undo?.bind(source);
    let undoButton: HTMLButtonElement | undefined;
    if (undo && undoFn) {
      undoButton = button(t('cardUndo'), undo.kind === 'added' ? t('cardUndoAddTitle') : t('cardUndoRejectTitle'), () => {
        if (mode !== 'notice') return;
        clearTimeout(noticeTimer);
        undoButton!.disabled = true;
        status.className = 'status info';
        status.textContent = t('cardUndoing');
        void undoFn(undo.kind, undo.text).then((error) => {
          if (!status.isConnected) return;
          if (error) {
            undoButton!.disabled = false;
            status.className = 'status';
            status.textContent = error;
          } else notice(t('cardUndone', undo.text));
        });
      });
      row.append(undoButton);
    }
    const close = button('×', t('cardClose'), hide);
    close.classList.add('close');
    row.append(close);
    open('notice', anchor, [text, row, status]);
    noticeWaits = Boolean(undoButton);
    noticeLeft = noticeWaits ? NOTICE_MS : UNDONE_MS;
    if (!pointerInside || !noticeWaits) noticeTimer = setTimeout(hide, noticeLeft);
    if (hadFocus) (undoButton ?? close).focus({ preventScroll: true });
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
    show(span, now.spans, rangeAnchor(range, 0, 0), { focus: true, pin: true, clip: clipAt(range.startContainer, range.startOffset) });
  }

  function positionAt(x: number, y: number): { node: Node; offset: number } | null {
    const doc = document as Document & { caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null };
    const pos = doc.caretPositionFromPoint?.(x, y);
    if (pos) return { node: pos.offsetNode, offset: pos.offset };
    const range = document.caretRangeFromPoint?.(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }

  /** The pointer left every highlight: a hover card goes after a moment (time to reach it). */
  function leaveSoon(): void {
    if ((mode !== 'span' && mode !== 'clip') || pinned || leaveTimer !== undefined) return;
    leaveTimer = setTimeout(() => {
      leaveTimer = undefined;
      if ((mode === 'span' || mode === 'clip') && !pinned && !pointerInside) hide();
    }, LEAVE_DELAY_MS);
  }

  function stayOpen(): void {
    clearTimeout(leaveTimer);
    leaveTimer = undefined;
  }

  function onMove(event: MouseEvent): void {
    if (!event.isTrusted) return; // the page's synthetic events open nothing
    if (host && event.composedPath().includes(host)) {
      stayOpen(); // over the card itself
      return;
    }
    cancelAnimationFrame(frame);
    const { clientX: x, clientY: y } = event;
    frame = requestAnimationFrame(() => {
      if (mode === 'adding') return; // the add card stays until used or closed
      const now = source.current();
      const pos = positionAt(x, y);
      const at = pos && now ? offsetOf(now.map, pos.node, pos.offset) : -1;
      const span = now && at >= 0 ? spanAt(now.spans, at) : undefined;
      let clip = pos ? clipAt(pos.node, pos.offset) : null;
      // Only where the point is really on the clipping's text (the caret snaps to the nearest character).
      if (clip && pos && !isOnText(pos, x, y)) clip = null;
      if (span && now) {
        stayOpen();
        if (span !== shown || clip?.id !== shownClip) {
          const range = rangeFor(now.map, span.start, span.end);
          show(span, now.spans, rangeAnchor(range, x, y), { clip });
        }
        return;
      }
      if (clip) {
        stayOpen();
        if (mode !== 'clip' || clip.id !== shownClip) showClip(clip, clipAnchor(clip.range, x, y));
        return;
      }
      leaveSoon();
    });
  }

  /** Whether a caret position found from a point is on a character at that point (not the nearest one off to a side). */
  function isOnText(pos: { node: Node; offset: number }, x: number, y: number): boolean {
    if (pos.node.nodeType !== Node.TEXT_NODE) return false;
    const length = (pos.node as Text).data.length;
    const range = document.createRange();
    for (const at of [pos.offset - 1, pos.offset]) {
      if (at < 0 || at >= length) continue;
      range.setStart(pos.node, at);
      range.setEnd(pos.node, at + 1);
      const r = range.getBoundingClientRect();
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
    }
    return false;
  }

  function onKey(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyE') {
      event.preventDefault();
      openFromKeyboard();
      return;
    }
    if (event.key === 'Escape' && mode !== 'none') hide();
  }

  /** A click elsewhere on the page closes a pinned card (a hover card goes by itself). */
  function onDown(event: MouseEvent): void {
    if (!event.isTrusted) return;
    if (host && event.composedPath().includes(host)) return;
    if ((mode === 'span' || mode === 'clip') && pinned) hide();
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
  function showSelection(text: string, where: Anchor): void {
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
            status.className = 'status info';
            status.textContent = t('cardAdding');
            void source.add(text, type).then((error) => {
              if (error) {
                status.className = 'status';
                status.textContent = error;
              } else if (mode === 'adding' && status.isConnected) notice(t('cardAdded', typeLabel(type), text), { kind: 'added', text });
            });
          }),
        );
      }
      children.push(row);
    }
    open('adding', where, [...children, status]);
  }

  /** After a save: the note and tags can be added at once (or later, in the popup). */
  function showSaved(id: string, quote: string): void {
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
          else hide();
        });
      }, true),
      button(t('cardDone'), t('cardDone'), hide),
    );
    // Beside the selection it was saved from, if the card was over it (else the top right corner).
    const where = mode === 'adding' ? anchor : undefined;
    open('adding', where, [div('type', t('cardSaved')), div('name', quote.length > 60 ? `${quote.slice(0, 60)}…` : quote), note, tags, row, status]);
    // A selection longer than a clipping may be was cut: say so.
    if (quote.length >= MAX_QUOTE_CHARS - 1) status.textContent = t('cardQuoteCut', MAX_QUOTE_CHARS.toLocaleString(languageTag()));
    note.focus({ preventScroll: true });
  }

  function onMouseUp(event: MouseEvent): void {
    if (!event.isTrusted) return;
    if (host && event.composedPath().includes(host)) return;
    const selection = window.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || selection.isCollapsed || text.length < 2) {
      if (mode === 'adding') hide();
      return;
    }
    const range = selection.getRangeAt(0).cloneRange();
    showSelection(text, () => [range.getBoundingClientRect()]);
  }

  ctx.addEventListener(document, 'mousemove', onMove, { passive: true });
  ctx.addEventListener(document, 'mousedown', onDown, { passive: true });
  ctx.addEventListener(document, 'keydown', onKey);
  ctx.addEventListener(document, 'mouseup', onMouseUp);
  // The card follows what it describes as the page (or a box in it) scrolls, and the window resizes.
  ctx.addEventListener(document, 'scroll', placeSoon, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', placeSoon, { passive: true });
  ctx.onInvalidated(() => {
    cancelAnimationFrame(frame);
    cancelAnimationFrame(placeFrame);
    clearTimeout(leaveTimer);
    clearTimeout(noticeTimer);
    host?.remove();
  });
  return { showSaved };
}
