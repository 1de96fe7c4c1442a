import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findArticleSliced, isShortPlainPage, type ArticleRegion } from '@/lib/anchor/article';
import { batchBlocks, blockIndexAt, splitBlocks, visibleFirst, type Block } from '@/lib/anchor/blocks';
import { rangeOffsets } from '@/lib/anchor/selection';
import { buildTextMap, buildTextMapSliced, nextTask, rangeFor, visibleOffsets, MAX_PAGE_CHARS, type TextMap } from '@/lib/anchor/text-map';
import { createPainter, type Painter } from '@/lib/highlight/painter';
import { t } from '@/lib/i18n';
import { createClient, failureReason } from '@/lib/messaging';
import { readSettings, SETTINGS_KEY } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';
import { backgroundProtocol, type AnnotationProgress, type WireSpan } from '@/lib/messaging/protocol';

/** How long the page must stay still before changed text is read again, ms. */
const RESCAN_DELAY_MS = 400;
/** The shortest time between two reads of a page that keeps changing, ms. */
const RESCAN_MIN_INTERVAL_MS = 2000;

export interface PageAnnotations {
  /** What is painted now (offsets into the page's flat text). */
  entities(): WireSpan[];
  /** The painted spans and the text map they index, or null before the first paint. */
  current(): { spans: readonly WireSpan[]; map: TextMap } | null;
  /** The page's text map and the article found in it at the last read, or undefined before one. */
  read(): { map: TextMap; article: ArticleRegion | null } | undefined;
  /**
   * Annotates the page now, for this page load, even if its site is switched off (the reader
   * asked from the popup or the keyboard command). Returns false if the script is invalidated.
   */
  runNow(): boolean;
  /** Calls `listener` with the page's text map each time the page is read. */
  onRead(listener: (map: TextMap) => void): void;
  /**
   * Called when a read of the page is done: every span recognized (hidden types included), the
   * text map and the article it found (null for a whole page or light mode).
   */
  onDone(listener: (done: { map: TextMap; article: ArticleRegion | null; spans: readonly WireSpan[] }) => void): void;
  /** How far reading the page has come, with timings. */
  progress(): AnnotationProgress;
  /** Scrolls to the span at these offsets; false if it is no longer on the page. */
  reveal(start: number, end: number): boolean;
  /**
   * Stores the span's name as "not an entity" and removes its highlights at once. Resolves
   * with an error message (in the UI's language) if the name could not be stored (nothing changes then).
   */
  reject(span: WireSpan): Promise<string | null>;
  /** Adds a name as an entity and reads the page again; resolves with an error message or null. */
  add(text: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'): Promise<string | null>;
  /**
   * Takes back an `add` or a `reject` of a name (the card's 撤销) and reads the page again;
   * resolves with an error message (in the UI's language) or null.
   */
  undo(kind: 'added' | 'rejected', text: string): Promise<string | null>;
}

/** Characters of the first recognizer request: what is on screen, answered quickly. */
const FIRST_BATCH_CHARS = 4_000;
/**
 * Characters per later request: large enough that messaging costs little beside recognizing,
 * small enough that checking and painting one answer stays a short task (~400 spans).
 */
const BATCH_CHARS = 8_000;
/** Requests in flight at once, so the recognizer never waits for the next one to arrive. */
const IN_FLIGHT = 2;
/** Blocks whose spans are remembered between reads of a page that changes. */
const MAX_CACHED_BLOCKS = 50_000;
/**
 * Waits before asking again when a request found no receiver or lost its answer (the worker
 * starting with the browser, restarting after an update, the offscreen document replaced):
 * the text is asked for again, up to ~7 s in all, instead of leaving the page unmarked.
 */
const RETRY_DELAYS_MS = [300, 1_000, 2_000, 4_000];

/**
 * The blocks a read annotates: those of the article (cut at its edges), all of them for the
 * whole page, none in light mode.
 */
function blocksIn(blocks: Block[], scope: 'article' | 'page' | 'light', region: ArticleRegion | null): Block[] {
  if (scope === 'page') return blocks;
  if (scope === 'light' || !region) return [];
  const out: Block[] = [];
  for (const b of blocks) {
    const end = b.start + b.text.length;
    if (end <= region.start || b.start >= region.end) continue;
    const from = Math.max(b.start, region.start);
    const text = b.text.slice(from - b.start, Math.min(end, region.end) - b.start);
    if (text.trim()) out.push({ start: from, text });
  }
  return out;
}


/**
 * Recognizes the page's visible text in the extension's recognizer (never in the page) and
 * paints the spans as they arrive. The text goes in batches of blocks, those on screen first;
 * spans are kept per block, so when the page changes only new or changed blocks are sent again.
 * Everything is removed when the content script is invalidated.
 */
/**
 * `startedAt`: when the content script loaded (it starts a task later); progress times count
 * from it, as the budgets do.
 */
export function startPageAnnotations(ctx: ContentScriptContext, startedAt = performance.now()): PageAnnotations {
  /** Every span recognized on the page; `entities` is what is painted (hidden types left out). */
  let recognized: WireSpan[] = [];
  let entities: WireSpan[] = [];
  let hidden = new Set<string>();
  let painter: Painter | undefined;
  let current: TextMap | undefined;
  const storage = storageAreaStore(browser.storage.local);
  /** The article found at the last read (null: none, or not looked for with 整页标注). */
  let article: ArticleRegion | null = null;
  let fullPage = false;
  /** The address the last read was of, and whether the page's text changed since. */
  let readUrl = '';
  let dirty = false;
  /** Block text → its spans, offsets relative to the block. */
  const cache = new Map<string, WireSpan[]>();
  const progress: AnnotationProgress = { startedAt, scans: 0, pending: 0, sentChars: 0, recognizerMs: 0, firstPaintMs: null, doneMs: null, failed: 0, painter: 'css' };

  /** The painter of the previous read, kept until the new one has painted (no flash). */
  let retiring: Painter | undefined;
  let retireTimer: ReturnType<typeof setTimeout> | undefined;
  function retire(): void {
    clearTimeout(retireTimer);
    const old = retiring;
    retiring = undefined;
    if (old) withoutObserver(() => old.destroy());
  }

  function onPaint(): void {
    if (progress.firstPaintMs === null) progress.firstPaintMs = performance.now() - startedAt;
    retire();
  }

  /**
   * Paints spans: `fresh` starts a new painter for a new read of the page (the old one goes
   * once the new one has painted); otherwise adds to the current one. The DOM observer is
   * paused meanwhile: the fallback painter changes the DOM itself.
   */
  function paint(spans: WireSpan[], fresh: boolean): void {
    if (!current || !document.body) return;
    let next = painter;
    if (fresh || !next) {
      retire();
      retiring = painter;
      next = createPainter(window, onPaint);
      if (next.mutatesDom) {
        // Marks of two painters must not nest: the old ones go first, then the map is read again.
        retire();
        current = buildTextMap(document.body, MAX_PAGE_CHARS);
      } else {
        // Nothing near the screen to paint: the old highlights go anyway.
        retireTimer = setTimeout(retire, 300);
      }
    }
    progress.painter = next.kind;
    const target = next;
    withoutObserver(() => {
      painter = target;
      target.add(spans.filter((s) => !hidden.has(s.type)), current!);
      if (target.mutatesDom) {
        current = buildTextMap(document.body, MAX_PAGE_CHARS);
        if (spans.length) onPaint();
      }
    });
  }

  function repaint(): void {
    if (siteOff) return;
    entities = recognized.filter((s) => !hidden.has(s.type));
    paint(recognized, true);
  }

  function clearPaint(): void {
    retire();
    withoutObserver(() => painter?.destroy());
    painter = undefined;
    entities = [];
  }

  let siteOff = false;
  let started = false;
  /** The reader asked for this page: the per-site switch does not apply to it. */
  let forced = false;

  // The popup's switches (per type, per site): follow them live.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void readSettings(storage).then((settings) => {
      hidden = new Set(settings.hiddenTypes);
      siteOff = !forced && settings.disabledSites.includes(location.hostname);
      const scopeChanged = settings.fullPage !== fullPage;
      fullPage = settings.fullPage;
      if (siteOff) clearPaint();
      else if (!started) void annotate();
      else if (scopeChanged) void scan();
      else repaint();
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  /** `recognize` on a text, asked again after a transport failure (never after the worker's own error). */
  async function recognizeText(text: string) {
    let answer = await background.call('recognize', { text });
    for (const delay of RETRY_DELAYS_MS) {
      if (answer.ok || !answer.transport || !ctx.isValid) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      answer = await background.call('recognize', { text });
    }
    return answer;
  }
  ctx.onInvalidated(() => {
    stopped = true;
    clearPaint();
  });

  let generation = 0;
  let lastScan = 0;
  const readListeners: Array<(map: TextMap) => void> = [];
  const doneListeners: Array<(done: { map: TextMap; article: ArticleRegion | null; spans: readonly WireSpan[] }) => void> = [];
  let withoutObserver: (work: () => void) => void = (work) => work();

  /** Reads the page's text as it is now, recognizes what is new and paints the result. */
  async function scan(): Promise<void> {
    if (!document.body) return;
    lastScan = performance.now();
    const mine = ++generation;
    // A newer read started meanwhile, or the script or the site was switched off.
    const stale = () => !ctx.isValid || siteOff || mine !== generation;
    progress.scans++;
    progress.failed = 0;
    readUrl = location.href;
    dirty = false;
    selectedBlocks.clear();
    progress.doneMs = null;
    // The painter's marks (fallback) are inline and keep the flat text as it is.
    const map = await buildTextMapSliced(document.body, MAX_PAGE_CHARS);
    // The page's event loop gets a turn between the walk's last slice and splitting the text.
    await nextTask();
    if (stale()) return;
    // The article only, unless the reader wants the whole page (整页标注); a page without an
    // article is read whole when it is short plain text, else only when the reader asks for it
    // (the popup, the keyboard command).
    const stats = { busyMs: 0 };
    const region = fullPage ? null : await findArticleSliced(map, 8, stats);
    progress.articleMs = stats.busyMs;
    if (stale()) return;
    article = region;
    progress.scope = region ? 'article' : fullPage || forced || isShortPlainPage(map) ? 'page' : 'light';
    if (region) progress.article = { start: region.start, end: region.end, headline: region.headlineText.slice(0, 1000) };
    else delete progress.article;
    const blocks = blocksIn(splitBlocks(map.text, FIRST_BATCH_CHARS), progress.scope, region);
    current = map;
    for (const listener of readListeners) listener(map);
    recognized = [];
    // What is known already is painted at once (a page that changed keeps its highlights).
    const unknown: Block[] = [];
    for (const block of blocks) {
      const spans = cache.get(block.text);
      if (spans) for (const s of spans) recognized.push({ ...s, start: s.start + block.start, end: s.end + block.start });
      else unknown.push(block);
    }
    entities = recognized.filter((s) => !hidden.has(s.type));
    paint(recognized, true);
    await nextTask();
    if (stale()) return;
    // The rest in batches, what is on screen first.
    const seen = current && visibleOffsets(current);
    const ordered = seen ? visibleFirst(unknown, blockIndexAt(unknown, seen[0]), blockIndexAt(unknown, seen[1])) : unknown;
    const batches = batchBlocks(ordered, BATCH_CHARS, FIRST_BATCH_CHARS);
    progress.pending = batches.length;
    progress.sentChars = batches.reduce((n, b) => n + b.text.length, 0);
    const send = (i: number) => recognizeText(batches[i]!.text);
    const queue = batches.slice(0, IN_FLIGHT).map((_b, i) => send(i));
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i]!;
      const answer = await queue.shift()!;
      if (i + IN_FLIGHT < batches.length && mine === generation) queue.push(send(i + IN_FLIGHT));
      if (stale()) return;
      progress.pending--;
      if (!answer.ok) {
        progress.failed++;
        console.warn('[政务新闻批注阅读] recognition failed:', answer.error);
        continue;
      }
      progress.recognizerMs += answer.value.ms;
      progress.names = answer.value.names;
      const fresh: WireSpan[] = [];
      const perBlock: WireSpan[][] = batch.blocks.map(() => []);
      let k = 0;
      for (const span of answer.value.spans) {
        // Spans never cross a block: find the block by its start (spans come sorted).
        while (k + 1 < batch.offsets.length && batch.offsets[k + 1]! <= span.start) k++;
        const at = batch.offsets[k]!;
        perBlock[k]!.push({ ...span, start: span.start - at, end: span.end - at });
        const block = batch.blocks[k]!;
        fresh.push({ ...span, start: span.start - at + block.start, end: span.end - at + block.start });
      }
      if (cache.size + batch.blocks.length > MAX_CACHED_BLOCKS) cache.clear();
      batch.blocks.forEach((block, i) => cache.set(block.text, perBlock[i]!));
      recognized.push(...fresh);
      entities.push(...fresh.filter((s) => !hidden.has(s.type)));
      paint(fresh, false);
    }
    recognized.sort((a, b) => a.start - b.start);
    entities = recognized.filter((s) => !hidden.has(s.type));
    progress.doneMs = performance.now() - startedAt;
    for (const listener of doneListeners) listener({ map, article: region, spans: recognized });
  }

  /**
   * Light mode (a page without an article): what the reader selects is read, its paragraphs
   * recognized and painted, and kept painted while the page stays as it is.
   */
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  const selectedBlocks = new Set<number>();
  async function annotateSelection(): Promise<void> {
    const map = current;
    const selection = window.getSelection();
    if (!map || progress.scope !== 'light' || !selection || selection.isCollapsed || !selection.rangeCount) return;
    const offsets = rangeOffsets(map, selection.getRangeAt(0));
    if (!offsets) return;
    const mine = generation;
    const wanted = splitBlocks(map.text, FIRST_BATCH_CHARS).filter(
      (b) => b.start < offsets.end && b.start + b.text.length > offsets.start && !selectedBlocks.has(b.start),
    );
    for (const b of wanted) selectedBlocks.add(b.start);
    for (const batch of batchBlocks(wanted, BATCH_CHARS, FIRST_BATCH_CHARS)) {
      const answer = await recognizeText(batch.text);
      if (!ctx.isValid || mine !== generation || current !== map || progress.scope !== 'light') return;
      if (!answer.ok) {
        for (const b of batch.blocks) selectedBlocks.delete(b.start);
        continue;
      }
      const fresh: WireSpan[] = [];
      let k = 0;
      for (const span of answer.value.spans) {
        while (k + 1 < batch.offsets.length && batch.offsets[k + 1]! <= span.start) k++;
        const shift = batch.blocks[k]!.start - batch.offsets[k]!;
        fresh.push({ ...span, start: span.start + shift, end: span.end + shift });
      }
      recognized.push(...fresh);
      recognized.sort((a, b) => a.start - b.start);
      entities = recognized.filter((x) => !hidden.has(x.type));
      paint(fresh, false);
    }
  }
  const onSelection = () => {
    if (progress.scope !== 'light') return;
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => void annotateSelection(), 300);
  };
  document.addEventListener('selectionchange', onSelection);
  ctx.onInvalidated(() => {
    clearTimeout(selectionTimer);
    document.removeEventListener('selectionchange', onSelection);
  });

  async function annotate(): Promise<void> {
    const settings = await readSettings(storage);
    hidden = new Set(settings.hiddenTypes);
    fullPage = settings.fullPage;
    siteOff = !forced && settings.disabledSites.includes(location.hostname);
    if (siteOff || started) return;
    started = true;
    await scan();
  }
  void annotate();

  // Pages that change: text added or edited after load is read again, in one debounced scan.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  function onMutations(records: MutationRecord[]): void {
    if (siteOff || !started || stopped) return;
    const textChanged = records.some(
      (r) =>
        r.type === 'characterData' ||
        r.removedNodes.length > 0 ||
        [...r.addedNodes].some((n) => n.textContent?.trim()) ||
        // Text shown or hidden with the `hidden` attribute (the page walk skips hidden elements).
        (r.type === 'attributes' && Boolean(r.target.textContent?.trim())),
    );
    if (!textChanged) return;
    dirty = true;
    clearTimeout(timer);
    // Debounced, and at most one read every RESCAN_MIN_INTERVAL_MS on pages that keep changing
    // (tickers, clocks); a read sends only the blocks not seen before.
    const wait = Math.max(RESCAN_DELAY_MS, lastScan + RESCAN_MIN_INTERVAL_MS - performance.now());
    timer = setTimeout(() => void scan(), wait);
  }
  const observer = new MutationObserver(onMutations);
  const observe = () => {
    if (!stopped && document.body) {
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['hidden'] });
    }
  };
  observe();
  withoutObserver = (work) => {
    // Our own changes (the fallback painter's marks) must not look like the page changing; the
    // page's own changes queued so far are handled first.
    const queued = observer.takeRecords();
    if (queued.length) onMutations(queued);
    observer.disconnect();
    try {
      work();
    } finally {
      observe();
    }
  };
  // Single-page sites: a new address is a new article, read at once.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (!started || siteOff) return;
    clearTimeout(timer);
    void scan();
  });
  ctx.onInvalidated(() => {
    stopped = true;
    observer.disconnect();
    clearTimeout(timer);
  });

  return {
    entities: () => entities,
    current: () => (current ? { spans: entities, map: current } : null),
    // Only while it still describes the page (same address, no text changed since).
    read: () => (current && !dirty && readUrl === location.href ? { map: current, article } : undefined),
    progress: () => ({ ...progress }),
    onRead: (listener) => void readListeners.push(listener),
    onDone: (listener) => void doneListeners.push(listener),
    runNow() {
      if (!ctx.isValid) return false;
      forced = true;
      siteOff = false;
      if (started) void scan();
      else void annotate();
      return true;
    },
    async add(text, type) {
      const answer = await background.call('entities/add', { text, entityType: type });
      if (!answer.ok) return t('cardCannotStore', answer.error);
      // Every block may read differently now.
      cache.clear();
      await scan();
      return null;
    },
    async reject(span) {
      const answer = await background.call('entities/reject', { text: span.text, entityType: span.type });
      if (!answer.ok) return t('cardCannotStore', answer.error);
      recognized = recognized.filter((s) => s.text !== span.text);
      for (const [block, spans] of cache) cache.set(block, spans.filter((s) => s.text !== span.text));
      repaint();
      return null;
    },
    async undo(kind, text) {
      const answer = await background.call('entities/undo', { kind, text });
      if (!answer.ok) return t('cardCannotStore', failureReason(answer));
      // The name reads as it did before the correction: every block may differ again.
      cache.clear();
      await scan();
      return null;
    },
    reveal(start, end) {
      const range = current && rangeFor(current, start, end);
      const element = range?.startContainer.parentElement;
      if (!range || !element) return false;
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      // Select the words too, so the reader sees which of the paragraph's spans it was.
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return true;
    },
  };
}
