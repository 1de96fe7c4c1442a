import { browser, type PublicPath } from 'wxt/browser';
import { createHandler, toRuntimeListener } from '@/lib/messaging';
import { offscreenProtocol } from '@/lib/messaging/protocol';
import { recognizeWithNames, warmRecognizer } from '@/lib/recognize/host';
import { createSegmenterService } from '@/lib/segment/service';
import { JIEBA_WASM_PATH } from '@/lib/segment/wasm-path';
import { loadWebSegmenter } from '@/lib/segment/web';
import { fetchTagger } from '@/lib/recognize/tagger/load';
import { NAME_MODEL_PATH } from '@/lib/recognize/tagger/model-path';
import { createTaggerService } from '@/lib/recognize/tagger/service';

// The one jieba-wasm instance and name model of the extension in Chromium.
const service = createSegmenterService('offscreen', () =>
  loadWebSegmenter(browser.runtime.getURL(`/${JIEBA_WASM_PATH}` as PublicPath)),
);
const names = createTaggerService(() => fetchTagger(browser.runtime.getURL(`/${NAME_MODEL_PATH}` as PublicPath)));

browser.runtime.onMessage.addListener(
  toRuntimeListener(
    createHandler('offscreen', offscreenProtocol, {
      segment: (request) => service.segment(request),
      async recognize({ text, rejected, added }) {
        const segmenter = await service.segmenter();
        const answer = await recognizeWithNames(text, segmenter, names, { rejected, added });
        return { ...answer, host: 'offscreen' as const };
      },
      'segmenter/status': () => ({ ...service.status(), names: names.status() }),
    }),
  ),
);

// Everything the first page needs, loaded while nothing asks yet (a request that comes meanwhile
// waits for the same work, no longer).
void service
  .segmenter()
  .then((segmenter) => warmRecognizer(segmenter, names))
  .catch((error: unknown) => console.error('[segmenter] failed to load', error));
