/**
 * The segmenter for Node (CLIs, tests, build-time corpus step): jieba-wasm's module from the
 * package's Node build, compiled and instantiated synchronously on first use with our glue
 * (`jieba-wasm.ts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createJiebaSegmenter, type Segmenter } from './index';
import { instantiateJiebaSync, type JiebaInstance } from './jieba-wasm';

let compiled: WebAssembly.Module | undefined;
let jieba: JiebaInstance | undefined;
let instance: Segmenter | undefined;

/**
 * A new jieba-wasm instance with the package's own dictionary (its module compiled once per
 * process): for tests and benchmarks that need one the recognizer's words were not added to.
 *
 * @throws Error if the package's `.wasm` file is missing or does not instantiate.
 */
export function newNodeJieba(): JiebaInstance {
  if (!compiled) {
    const glue = createRequire(import.meta.url).resolve('jieba-wasm/node');
    compiled = new WebAssembly.Module(readFileSync(join(dirname(glue), 'jieba_rs_wasm_bg.wasm')));
  }
  return instantiateJiebaSync(compiled);
}

/** The process's jieba-wasm instance (one per process, or per worker thread). Throws as {@link newNodeJieba}. */
export function nodeJieba(): JiebaInstance {
  jieba ??= newNodeJieba();
  return jieba;
}

/** The process-wide Node segmenter (one WASM instance per process). Throws as {@link nodeJieba}. */
export function nodeSegmenter(): Segmenter {
  instance ??= createJiebaSegmenter(nodeJieba());
  return instance;
}
