import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { buildTextMap, rangeFor, type TextMap } from '@/lib/anchor/text-map';
import { paintHighlights, type PaintedHighlights } from '@/lib/highlight/css-highlights';
import { createClient } from '@/lib/messaging';
import { readSettings, SETTINGS_KEY } from '@/lib/store/settings';
import { storageAreaStore } from '@/lib/store/user-dictionary';
import { backgroundProtocol, MAX_SEGMENT_CHARS, type WireSpan } from '@/lib/messaging/protocol';

/** How long the page must stay still before changed text is read again, ms. */
const RESCAN_DELAY_MS = 400;
/** The shortest time between two reads of a whole page that keeps changing, ms. */
const RESCAN_MIN_INTERVAL_MS = 2000;

export interface PageAnnotations {
  /** What is painted now (offsets into the page's flat text). */
  entities(): WireSpan[];
  /** The painted spans and the text map they index, or null before the first paint. */
  current(): { spans: readonly WireSpan[]; map: TextMap } | null;
  /** Scrolls to the span at these offsets; false if it is no longer on the page. */
  reveal(start: number, end: number): boolean;
  /**
   * Stores the span's name as "not an entity" and removes its highlights at once. Resolves
   * with an error message in Chinese if the name could not be stored (nothing changes then).
   */
  reject(span: WireSpan): Promise<string | null>;
  /** Adds a name as an entity and reads the page again; resolves with an error message or null. */
  add(text: string, type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'): Promise<string | null>;
}

/**
 * Recognizes the page's visible text in the extension's recognizer (never in the page) and
 * paints the spans with CSS highlights. Everything is removed when the content script is
 * invalidated. Long pages are cut at the message limit for now; reading them in chunks,
 * visible part first, comes with the highlighting issue.
 */
export function startPageAnnotations(ctx: ContentScriptContext): PageAnnotations {
  /** Every span recognized on the page; `entities` is what is painted (hidden types left out). */
  let recognized: WireSpan[] = [];
  let entities: WireSpan[] = [];
  let hidden = new Set<string>();
  let painted: PaintedHighlights | undefined;
  let current: TextMap | undefined;
  const storage = storageAreaStore(browser.storage.local);

  function repaint(): void {
    if (siteOff) return;
    entities = recognized.filter((s) => !hidden.has(s.type));
    painted?.destroy();
    if (current) painted = paintHighlights(entities, current);
  }

  let siteOff = false;
  let started = false;

  // The popup's switches (per type, per site): follow them live.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    void readSettings(storage).then((settings) => {
      hidden = new Set(settings.hiddenTypes);
      siteOff = settings.disabledSites.includes(location.hostname);
      if (siteOff) {
        painted?.destroy();
        painted = undefined;
        entities = [];
      } else if (!started) void annotate();
      else repaint();
    });
  };
  browser.storage.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));
  const background = createClient('background', backgroundProtocol, (m) => browser.runtime.sendMessage(m));
  ctx.onInvalidated(() => painted?.destroy());

  let generation = 0;

  /** Reads the page's text as it is now, recognizes it and paints the result. */
  let lastScan = 0;

  async function scan(): Promise<void> {
    if (!document.body) return;
    lastScan = performance.now();
    const mine = ++generation;
    const map = buildTextMap(document.body, MAX_SEGMENT_CHARS);
    if (!map.text.trim()) return;
    const answer = await background.call('recognize', { text: map.text });
    // A newer scan started meanwhile, or the script or the site was switched off.
    if (!ctx.isValid || siteOff || mine !== generation) return;
    if (!answer.ok) {
      console.warn('[政务新闻批注阅读] recognition failed:', answer.error);
      return;
    }
    recognized = answer.value.spans;
    current = map;
    repaint();
  }

  async function annotate(): Promise<void> {
    const settings = await readSettings(storage);
    hidden = new Set(settings.hiddenTypes);
    siteOff = settings.disabledSites.includes(location.hostname);
    if (siteOff || started) return;
    started = true;
    await scan();
  }
  void annotate();

  // Pages that change: text added or edited after load is read again, in one debounced scan.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (siteOff || !started) return;
    const textChanged = records.some(
      (r) => r.type === 'characterData' || r.removedNodes.length > 0 || [...r.addedNodes].some((n) => n.textContent?.trim()),
    );
    if (!textChanged) return;
    clearTimeout(timer);
    // Debounced, and at most one whole-page read every RESCAN_MIN_INTERVAL_MS on pages that keep
    // changing (tickers, clocks), until reading only the changed blocks comes.
    const wait = Math.max(RESCAN_DELAY_MS, lastScan + RESCAN_MIN_INTERVAL_MS - performance.now());
    timer = setTimeout(() => void scan(), wait);
  });
  if (document.body) observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    clearTimeout(timer);
  });

  return {
    entities: () => entities,
    current: () => (current ? { spans: entities, map: current } : null),
    async add(text, type) {
      const answer = await background.call('entities/add', { text, entityType: type });
      if (!answer.ok) return `无法保存：${answer.error}`;
      await scan();
      return null;
    },
    async reject(span) {
      const answer = await background.call('entities/reject', { text: span.text, entityType: span.type });
      if (!answer.ok) return `无法保存：${answer.error}`;
      recognized = recognized.filter((s) => s.text !== span.text);
      repaint();
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
