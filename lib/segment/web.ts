/**
 * The segmenter for extension pages (offscreen document, service worker fallback, Firefox's
 * background page): jieba-wasm's module from the one `.wasm` file the extension ships as a
 * public asset, instantiated with our glue (`jieba-wasm.ts`). Never imported by content scripts.
 */
import { createJiebaSegmenter, type Segmenter } from './index';
import { instantiateJieba } from './jieba-wasm';

export interface LoadedSegmenter {
  segmenter: Segmenter;
  /** Time spent fetching and instantiating the module, ms. */
  loadMs: number;
}

/**
 * Fetches and instantiates jieba-wasm from `wasmUrl`.
 *
 * @throws (rejects) if the file cannot be fetched, is not jieba-wasm's module, or the page's
 *   CSP forbids WebAssembly (extension pages need `'wasm-unsafe-eval'`).
 */
export async function loadWebSegmenter(wasmUrl: string): Promise<LoadedSegmenter> {
  const started = performance.now();
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`jieba-wasm: ${wasmUrl} answered ${response.status}`);
  let module: WebAssembly.Module;
  try {
    // Compiled while it is read, where the file comes as application/wasm.
    module = await WebAssembly.compileStreaming(response.clone());
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    module = await WebAssembly.compile(await response.arrayBuffer());
  }
  const jieba = await instantiateJieba(module);
  return { segmenter: createJiebaSegmenter(jieba), loadMs: performance.now() - started };
}
