/**
 * `npm run bench`: the recognizer against raw jieba-wasm `tag()` on the same ~1M characters, in
 * one run, alternating so drift on a shared machine hits both alike. Target: recognizer ≤ 1.5×
 * raw tag. Run bundled (`run-bundled.mjs`), as the extension runs it.
 *
 * Two ways of cutting the same text, each timed for both sides:
 * - `page`: paragraphs joined by newlines into ~10,000-character texts, the way the content
 *   script sends a page's text to the recognizer;
 * - `paragraph`: one call per paragraph, the way `annotate --jsonl` and `eval` call it per record.
 *
 * Text: the People's Daily dev sentences and the seeds (`../shared`), repeated to 1M chars; the
 * seeds alone if the shared folder is missing. `--chars N` and `--runs N` change the size.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as jieba from 'jieba-wasm/node';
import { recognize } from '../recognize';
import { benchCorpus } from './bench-corpus';
import { nodeSegmenter } from '../segment/node';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGE_CHARS = 10_000;

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

/** Joins paragraphs into texts of about `size` characters, never splitting one. */
function pages(paragraphs: string[], size: number): string[] {
  const out: string[] = [];
  let page: string[] = [];
  let length = 0;
  for (const p of paragraphs) {
    if (length + p.length > size && page.length) {
      out.push(page.join('\n'));
      page = [];
      length = 0;
    }
    page.push(p);
    length += p.length + 1;
  }
  if (page.length) out.push(page.join('\n'));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const size = arg('--chars', 1_000_000);
const runs = arg('--runs', 5);
const text = corpus(size);
const paragraphs = text.split('\n');
const modes: Array<[string, string[]]> = [
  [`page (~${PAGE_CHARS.toLocaleString('en-US')} chars per call, as the extension sends a page)`, pages(paragraphs, PAGE_CHARS)],
  ['paragraph (one call per paragraph, as annotate --jsonl and eval)', paragraphs],
];
const segmenter = nodeSegmenter();

jieba.tag('预热', true);
await recognize('预热：青海省西宁市2024年4月', segmenter);

const cps = (ms: number) => Math.round((text.length / ms) * 1000).toLocaleString('en-US');
console.log(`text: ${text.length.toLocaleString('en-US')} chars, ${paragraphs.length} paragraphs, ${runs} runs per mode (median)`);
const only = process.argv.includes('--corpus') ? 'corpus' : process.argv.includes('--recognizer') ? 'recognizer' : 'all';
for (const [name, inputs] of only === 'corpus' ? [] : modes) {
  const raw: number[] = [];
  const rec: number[] = [];
  let spans = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    for (const p of inputs) jieba.tag(p, true);
    raw.push(performance.now() - t);
    t = performance.now();
    spans = 0;
    for (const p of inputs) spans += (await recognize(p, segmenter)).length;
    rec.push(performance.now() - t);
  }
  const rawMs = median(raw);
  const recMs = median(rec);
  console.log(`\n${name}: ${inputs.length} calls`);
  console.log(`  jieba-wasm tag():  ${rawMs.toFixed(0)} ms  ${cps(rawMs)} chars/s`);
  console.log(`  recognize():       ${recMs.toFixed(0)} ms  ${cps(recMs)} chars/s  (${spans} spans)`);
  console.log(`  ratio recognize/tag: ${(recMs / rawMs).toFixed(2)}× (target ≤ 1.50×)`);
}

if (only !== 'recognizer') await benchCorpus({ added: arg('--added', 10_000), lookups: arg('--lookups', 300) });
