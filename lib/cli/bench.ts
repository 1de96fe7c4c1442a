/**
 * `npm run bench`: the recognizer against raw jieba-wasm `tag()` on the same ~1M characters, in
 * one run, alternating so drift on a shared machine hits both alike. Prints the median of each,
 * characters per second, and the ratio (target: recognizer ≤ 1.5× raw tag).
 *
 * Text: the People's Daily dev sentences and the seeds (`../shared`), repeated to 1M chars; the
 * seeds alone if the shared folder is missing. `--chars N` and `--runs N` change the size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as jieba from 'jieba-wasm/node';
import { recognize } from '../recognize';
import { nodeSegmenter } from '../segment/node';

const ROOT = resolve(import.meta.dirname, '../..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function corpus(size: number): string {
  const parts: string[] = [];
  const pd = resolve(ROOT, '../shared/eval/pd98-dev.jsonl');
  if (existsSync(pd)) {
    for (const line of readFileSync(pd, 'utf8').split('\n')) if (line.trim()) parts.push((JSON.parse(line) as { text: string }).text);
  }
  const seeds = join(ROOT, 'seeds');
  for (const f of readdirSync(seeds)) if (f.endsWith('.txt')) parts.push(readFileSync(join(seeds, f), 'utf8'));
  const base = parts.join('\n');
  let text = base;
  while (text.length < size) text += `\n${base}`;
  return text.slice(0, size);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const size = arg('--chars', 1_000_000);
const runs = arg('--runs', 5);
const text = corpus(size);
// Recognize per paragraph, as the extension does with page blocks.
const paragraphs = text.split('\n');
const segmenter = nodeSegmenter();

jieba.tag('预热', true);
await recognize('预热：青海省西宁市2024年4月', segmenter);

const raw: number[] = [];
const rec: number[] = [];
let spans = 0;
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  for (const p of paragraphs) jieba.tag(p, true);
  raw.push(performance.now() - t);
  t = performance.now();
  spans = 0;
  for (const p of paragraphs) spans += (await recognize(p, segmenter)).length;
  rec.push(performance.now() - t);
}
const rawMs = median(raw);
const recMs = median(rec);
const cps = (ms: number) => Math.round((text.length / ms) * 1000).toLocaleString('en-US');
console.log(`text: ${text.length.toLocaleString('en-US')} chars in ${paragraphs.length} paragraphs, ${runs} runs (median)`);
console.log(`jieba-wasm tag():  ${rawMs.toFixed(0)} ms  ${cps(rawMs)} chars/s`);
console.log(`recognize():       ${recMs.toFixed(0)} ms  ${cps(recMs)} chars/s  (${spans} spans)`);
console.log(`ratio recognize/tag: ${(recMs / rawMs).toFixed(2)}× (target ≤ 1.50×)`);
