/**
 * The segmenter for extension pages (offscreen document, service worker fallback, Firefox's
 * background page): jieba-wasm's web build, instantiated from the one `.wasm` file the
 * extension ships as a public asset. Never imported by content scripts.
 */
import init, * as jieba from 'jieba-wasm/web';
import { createJiebaSegmenter, type Segmenter } from './index';

export interface LoadedSegmenter {
  segmenter: Segmenter;
  /** Time spent fetching and instantiating the module, ms. */
  loadMs: number;
}

/**
 * Fetches and instantiates jieba-wasm from `wasmUrl`.
 *
 * @throws (rejects) if the file cannot be fetched or the page's CSP forbids WebAssembly
 *   (extension pages need `'wasm-unsafe-eval'`).
 */
export async function loadWebSegmenter(wasmUrl: string): Promise<LoadedSegmenter> {
  const started = performance.now();
  await init({ module_or_path: wasmUrl });
  return { segmenter: createJiebaSegmenter(jieba), loadMs: performance.now() - started };
}
