/**
 * The segmenter for Node (CLIs, tests, build-time corpus step): jieba-wasm's Node build, which
 * loads its WASM synchronously from the package on import.
 */
import * as jieba from 'jieba-wasm/node';
import { createJiebaSegmenter, type Segmenter } from './index';

let instance: Segmenter | undefined;

/** The process-wide Node segmenter (one WASM instance per process). */
export function nodeSegmenter(): Segmenter {
  instance ??= createJiebaSegmenter(jieba);
  return instance;
}
