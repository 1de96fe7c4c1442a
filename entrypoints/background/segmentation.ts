import { browser, type Browser, type PublicPath } from 'wxt/browser';
import { createClient, createHandler, toRuntimeListener } from '@/lib/messaging';
import { annotateOnce } from './annotate-once';
import { clippingHandlers } from './clippings';
import { createCorpusService } from './corpus';
import { clippingsDb } from './clippings';
import { createInsightService } from './insight';
import { backgroundProtocol, offscreenProtocol } from '@/lib/messaging/protocol';
import { createSegmenterService, type SegmenterService } from '@/lib/segment/service';
import { recognizeWithNames, warmRecognizer } from '@/lib/recognize/host';
import { fetchTagger } from '@/lib/recognize/tagger/load';
import { NAME_MODEL_PATH } from '@/lib/recognize/tagger/model-path';
import { createTaggerService, type TaggerService } from '@/lib/recognize/tagger/service';
import { addName, readUserDictionary, rejectName, removeCorrection, storageAreaStore, USER_DICTIONARY_KEY } from '@/lib/store/user-dictionary';
import { JIEBA_WASM_PATH } from '@/lib/segment/wasm-path';
import { loadWebSegmenter } from '@/lib/segment/web';

const OFFSCREEN_PATH = '/offscreen.html';

const storage = storageAreaStore(browser.storage.local);

type SegmentRequest = { text: string; mode: 'tag' | 'search' };

/**
 * Answers `segment` and `segmenter/status` for content scripts and extension pages.
 *
 * Chromium: forwarded to the one offscreen document (created on demand, re-created if it is
 * gone). If the offscreen API is missing or the document cannot be created, the segmenter is
 * loaded in the service worker itself. Firefox (no offscreen API): in the background page.
 */
export function setupSegmentation(): void {
  let local: SegmenterService | undefined;
  const localService = () =>
    (local ??= createSegmenterService(import.meta.env.FIREFOX ? 'background-page' : 'service-worker', () =>
      loadWebSegmenter(browser.runtime.getURL(`/${JIEBA_WASM_PATH}` as PublicPath)),
    ));
  // The name model beside the local segmenter (Firefox, or Chromium without an offscreen document).
  let localNames: TaggerService | undefined;
  const localTagger = () =>
    (localNames ??= createTaggerService(() => fetchTagger(browser.runtime.getURL(`/${NAME_MODEL_PATH}` as PublicPath))));

  const offscreen = createClient('offscreen', offscreenProtocol, (m) => browser.runtime.sendMessage(m));
  const hasOffscreenApi = !import.meta.env.FIREFOX && typeof browser.offscreen?.createDocument === 'function';
  /** Whether the last call reached the offscreen document (so it is probably still there). */
  let offscreenAnswered = false;

  // The user dictionary goes with every recognize request: read once, then kept in step.
  let dictionary: ReturnType<typeof readUserDictionary> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && USER_DICTIONARY_KEY in changes) dictionary = undefined;
  });

  /**
   * Asks the offscreen document, creating it if needed. A document that exists but does not
   * answer yet (its script still starting) or went away is retried with backoff for ~3 s;
   * resolves null if it never answers, so the caller falls back to a local segmenter.
   */
  async function viaOffscreen<K extends 'segment' | 'recognize' | 'segmenter/status'>(
    type: K,
    request: K extends 'segment'
      ? SegmentRequest
      : K extends 'recognize'
        ? { text: string; rejected: string[]; added: Array<{ text: string; entityType: 'PERSON' | 'PLACE' | 'ORG' | 'DOC' }> }
        : Record<string, never>,
  ) {
    for (const delay of [0, 50, 100, 200, 400, 800, 1600]) {
      if (delay) await new Promise((r) => setTimeout(r, delay));
      // Asking first costs nothing when the document is there (most calls); only a failed call
      // checks for it and creates it.
      if (delay || !offscreenAnswered) {
        if (!(await ensureOffscreenDocument())) return null;
      }
      const result = await offscreen.call(type, request as never);
      offscreenAnswered = result.ok || !result.transport;
      if (result.ok) return result.value;
      // The document answered with an error of its own: that is the answer.
      if (!result.transport) throw new Error(result.error);
    }
    console.warn(`[segmenter] the offscreen document does not answer ${type}; using a local segmenter`);
    return null;
  }

  /** The recognizer on a text, with the user's dictionary: in the offscreen document, else here. */
  async function recognizeText(text: string) {
    // The user's rejected names travel with the request: the offscreen document has no storage.
    const current = (dictionary ??= readUserDictionary(storage));
    current.catch(() => (dictionary = undefined));
    const userDictionary = await current;
    const rejected = userDictionary.rejected.map((r) => r.text);
    const added = userDictionary.added.map((a) => ({ text: a.text, entityType: a.type }));
    if (hasOffscreenApi) {
      const value = await viaOffscreen('recognize', { text, rejected, added });
      if (value) return value;
    }
    const service = localService();
    const segmenter = await service.segmenter();
    const answer = await recognizeWithNames(text, segmenter, localTagger(), { rejected, added });
    return { ...answer, host: service.status().host };
  }

  /** Segments a text (tag or search mode) in the offscreen document, else here. */
  async function segmentText(request: SegmentRequest) {
    if (hasOffscreenApi) {
      const value = await viaOffscreen('segment', request);
      if (value) return value;
    }
    return localService().segment(request);
  }

  // Clippings and the corpus cut and recognize with the one segmenter, like pages.
  const analyzer = {
    cutForSearch: async (text: string) => (await segmentText({ text, mode: 'search' })).tokens,
    recognize: async (text: string) => (await recognizeText(text)).spans,
  };
  const corpus = createCorpusService(analyzer);
  const insight = createInsightService({ corpus: () => corpus.load(), db: clippingsDb });
  const handler = createHandler('background', backgroundProtocol, {
    ...clippingHandlers({ ...analyzer, related: (text) => corpus.related(text) }),
    ...corpus.handlers,
    ...insight.handlers,
    segment: (request) => segmentText(request),
    recognize: (request) => recognizeText(request.text),
    async 'entities/add'({ text, entityType }) {
      const added = await addName(storage, text, entityType);
      dictionary = undefined;
      return { added };
    },
    'page/annotate-once': ({ tabId }) => annotateOnce(tabId),
    async 'entities/reject'({ text, entityType }) {
      const rejected = await rejectName(storage, text, entityType);
      dictionary = undefined;
      return { rejected };
    },
    async 'entities/undo'({ kind, text }) {
      const removed = await removeCorrection(storage, kind, text);
      dictionary = undefined;
      return { removed };
    },
    async 'segmenter/status'() {
      if (hasOffscreenApi) {
        const value = await viaOffscreen('segmenter/status', {});
        if (value) return value;
      }
      return { ...localService().status(), names: localTagger().status() };
    },
  });
  browser.runtime.onMessage.addListener(toRuntimeListener(handler));

  // Open (and so warm) the segmenter as soon as the extension starts, not on the first page.
  if (hasOffscreenApi) {
    void ensureOffscreenDocument();
    // And again as a page of one of our sites starts loading, if the document was closed
    // meanwhile (Chromium may close it; an update restarts everything): it warms while the page
    // loads instead of after the content script asks. A tab's address is visible here only for
    // the hosts the extension may read, which are the pages its content script runs on.
    browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
      if (change.status === 'loading' && tab.url && /^https?:/.test(tab.url)) void ensureOffscreenDocument();
    });
  } else {
    void localService()
      .segmenter()
      .then((segmenter) => warmRecognizer(segmenter, localTagger()))
      .catch((e: unknown) => console.error('[segmenter] failed to load', e));
  }
}

async function hasOffscreenDocument(): Promise<boolean> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

let creating: Promise<void> | undefined;

/** Creates the offscreen document unless it exists; resolves `false` if it cannot be created. */
async function ensureOffscreenDocument(): Promise<boolean> {
  try {
    if (await hasOffscreenDocument()) return true;
    creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['WORKERS' as Browser.offscreen.Reason],
        justification: 'Hosts the one jieba WebAssembly segmenter shared by all tabs.',
      })
      .finally(() => {
        creating = undefined;
      });
    await creating;
    return true;
  } catch (error) {
    // A concurrent caller may have created it in between ("Only a single offscreen document").
    if (await hasOffscreenDocument().catch(() => false)) return true;
    console.error('[segmenter] cannot create the offscreen document', error);
    return false;
  }
}
