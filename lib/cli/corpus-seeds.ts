/**
 * The seed corpus built from `seeds/*.txt` in Node: for `npm run corpus`, `npm run related`,
 * `npm run eval:related`, the bench, and the build step that ships the corpus file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CorpusFile } from '../corpus/article';
import { buildCorpus } from '../corpus/build';
import { nodeAnalyzer } from './node-analyzer';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The seed files, by name. Throws if `seeds/` cannot be read. */
export function readSeeds(dir = join(ROOT, 'seeds')): Array<{ name: string; text: string }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}

/** Builds the corpus file from `seeds/` with jieba-wasm's Node build and the name model. */
export function buildSeedCorpus(dir?: string): Promise<CorpusFile> {
  return buildCorpus(readSeeds(dir), nodeAnalyzer());
}
