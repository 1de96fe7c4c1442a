import { browser, type PublicPath } from 'wxt/browser';
import { createHandler, toRuntimeListener } from '@/lib/messaging';
import { offscreenProtocol } from '@/lib/messaging/protocol';
import { recognize } from '@/lib/recognize';
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

// Warm everything the first page needs while nothing asks yet: the WASM module, then jieba's
// dictionary and the gazetteer's index, which are built on first use (~0.5 s together on a
// slow machine). A request that comes meanwhile waits for the same work, no longer.
void (async () => {
  await recognize('青海省西宁市人民政府2024年4月24日发布', await service.segmenter());
})().catch((error: unknown) => console.error('[segmenter] failed to load', error));
