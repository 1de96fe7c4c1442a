import { browser, type PublicPath } from 'wxt/browser';
import { createHandler, toRuntimeListener } from '@/lib/messaging';
import { offscreenProtocol } from '@/lib/messaging/protocol';
import { recognize, warmRecognizer } from '@/lib/recognize';
import { createSegmenterService } from '@/lib/segment/service';
import { JIEBA_WASM_PATH } from '@/lib/segment/wasm-path';
import { loadWebSegmenter } from '@/lib/segment/web';

// The one jieba-wasm instance of the extension in Chromium.
const service = createSegmenterService('offscreen', () =>
  loadWebSegmenter(browser.runtime.getURL(`/${JIEBA_WASM_PATH}` as PublicPath)),
);

browser.runtime.onMessage.addListener(
  toRuntimeListener(
    createHandler('offscreen', offscreenProtocol, {
      segment: (request) => service.segment(request),
      async recognize({ text, rejected, added }) {
        const segmenter = await service.segmenter();
        const started = performance.now();
        const spans = await recognize(text, segmenter, {
          rejected: new Set(rejected),
          added: added.map((a) => ({ text: a.text, type: a.entityType })),
        });
        return { spans, host: 'offscreen' as const, ms: performance.now() - started };
      },
      'segmenter/status': () => service.status(),
    }),
  ),
);

// Everything the first page needs, loaded while nothing asks yet (a request that comes meanwhile
// waits for the same work, no longer).
void service
  .segmenter()
  .then(warmRecognizer)
  .catch((error: unknown) => console.error('[segmenter] failed to load', error));
