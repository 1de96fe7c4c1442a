/**
 * `npm run bench`: the recognizer against raw jieba-wasm `tag()` on the same ~1M characters, in
 * one run: each text goes through both (in turns, which first), then the rules alone and the
 * tagger alone, so drift on a shared machine hits all alike; ratios are taken per run, then
 * their median. Target: the whole recognizer (trained name tagger included) ≤ 2.0× raw tag.
 * Run bundled (`run-bundled.mjs`), as the extension runs it. Beside it: the rules alone (the fallback without a model) and the tagger
 * alone on jieba's words.
 *
 * Two ways of cutting the same text, each timed for both sides:
 * - `page`: paragraphs joined by newlines into ~10,000-character texts, the way the content
 *   script sends a page's text to the recognizer;
 * - `paragraph`: one call per paragraph, the way `eval` calls it per record.
 * Then a first reading: a new segmenter and tagger (their caches of tags and model rows empty)
 * over ~135K characters once, as a reader's first pages after a start.
 *
 * `--cli`: whole processes on ~1.2M characters in page-sized JSON Lines records:
 * `npm run -s annotate -- --jsonl` against a Node script that loads jieba-wasm and calls `tag()`
 * per record (`bench-jieba-baseline.mjs`), and annotate with `--threads 1` (no pipeline) beside it. Target ≤ 1.5×.
 * `--load`: the name model's load time.
 *
 * Text: the People's Daily dev sentences and the seeds (`../shared`), repeated to 1M chars; the
 * seeds alone if the shared folder is missing. `--chars N` and `--runs N` change the size.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as packageJieba from 'jieba-wasm/node';
import { prepareSegmenter, recognize, ruleHints } from '../recognize';
import { taggerFromBytes } from '../recognize/tagger/load';
import { NODE_MODEL_FILE, nodeTagger } from '../recognize/tagger/node';
import { createJiebaSegmenter } from '../segment';
import { benchCorpus } from './bench-corpus';
import { nodeJieba, nodeSegmenter } from '../segment/node';

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
// Raw tag() is the same module instance's the recognizer cuts with (as in the extension, one
// instance serves all), through our glue (lib/segment/jieba-wasm.ts); its tag() decodes as the
// package's glue does, which the line 'raw tag() through…' below measures on the same texts.
const jieba = nodeJieba();
await prepareSegmenter(segmenter);
// The model's memory: what loading it adds to the process (the gazetteer and jieba are there before, as in the offscreen document).
await recognize('预热：青海省西宁市', segmenter, { tagger: null });
globalThis.gc?.();
const before = process.memoryUsage();
const loaded = nodeTagger();
const { tagger } = loaded;
await recognize('预热：青海省西宁市人民政府2024年4月24日发布'.repeat(300), segmenter, { tagger });
globalThis.gc?.();
const after = process.memoryUsage();
// `external` includes the array buffers (Node counts them in both `arrayBuffers` and `external`).
const grownMb = (after.heapUsed + after.external - before.heapUsed - before.external) / 2 ** 20;

jieba.tag('预热', true);
await recognize('预热：青海省西宁市2024年4月', segmenter, { tagger });

const cps = (ms: number) => Math.round((text.length / ms) * 1000).toLocaleString('en-US');
const only = process.argv.includes('--corpus') ? 'corpus' : process.argv.includes('--recognizer') ? 'recognizer' : process.argv.includes('--cli') ? 'cli' : 'all';
console.log(`text: ${text.length.toLocaleString('en-US')} chars, ${paragraphs.length} paragraphs, ${runs} runs per mode (median)`);
console.log(
  `name model: ${loaded.status.bytes.toLocaleString('en-US')} bytes, ${loaded.status.rows.toLocaleString('en-US')} rows, ` +
    `loaded in ${loaded.status.loadMs.toFixed(0)} ms (first load in this process); memory grown by ${grownMb.toFixed(1)} MB once loaded and used (target ≤ 60 MB)`,
);
if (only === 'all' || only === 'recognizer') {
  // The baseline's glue: raw tag() through the package's own glue and through ours, the same
  // texts in turns (two module instances, each with its own dictionary in memory).
  const inputs = modes[0]![1];
  packageJieba.tag('预热', true);
  let ours = 0;
  let theirs = 0;
  for (let k = 0; k < inputs.length; k++) {
    for (const step of k % 2 ? [0, 1] : [1, 0]) {
      const t = performance.now();
      if (step) jieba.tag(inputs[k]!, true);
      else packageJieba.tag(inputs[k]!, true);
      if (step) ours += performance.now() - t;
      else theirs += performance.now() - t;
    }
  }
  console.log(`raw tag() through the package's glue ${theirs.toFixed(0)} ms, through ours ${ours.toFixed(0)} ms (pages, once): ${(ours / theirs).toFixed(2)}×`);
}
for (const [name, inputs] of only === 'all' || only === 'recognizer' ? modes : []) {
  const raw: number[] = [];
  const rec: number[] = [];
  const rules: number[] = [];
  const model: number[] = [];
  let spans = 0;
  // The tagger alone gets jieba's words and the rules' reading, computed before the clock starts.
  const prepared: Array<{ text: string; tokens: Awaited<ReturnType<typeof segmenter.tag>>; hints: Uint8Array }> = [];
  for (const p of inputs) {
    const tokens = await segmenter.tag(p);
    prepared.push({ text: p, tokens, hints: ruleHints(p, tokens, segmenter) });
  }
  // Each text goes through the four, one after another, so a machine that slows down for a
  // while (shared hosts do) slows all four alike; the sums are compared per run.
  for (let r = 0; r < runs; r++) {
    let rawMs = 0;
    let recMs = 0;
    let rulesMs = 0;
    let modelMs = 0;
    spans = 0;
    for (let k = 0; k < inputs.length; k++) {
      const p = inputs[k]!;
      // Raw tag() first on every other text and the recognizer first on the rest: whichever
      // comes second finds the text's words warm in jieba's caches.
      const rawFirst = k % 2 === 0;
      let t = 0;
      for (const step of rawFirst ? [0, 1] : [1, 0]) {
        t = performance.now();
        if (step === 0) {
          jieba.tag(p, true);
          rawMs += performance.now() - t;
        } else {
          spans += (await recognize(p, segmenter, { tagger })).length;
          recMs += performance.now() - t;
        }
      }
      t = performance.now();
      await recognize(p, segmenter, { tagger: null });
      rulesMs += performance.now() - t;
      t = performance.now();
      tagger.tag(prepared[k]!.text, prepared[k]!.tokens, prepared[k]!.hints);
      modelMs += performance.now() - t;
    }
    raw.push(rawMs);
    rec.push(recMs);
    rules.push(rulesMs);
    model.push(modelMs);
  }
  const rawMs = median(raw);
  const recMs = median(rec);
  const rulesMs = median(rules);
  const modelMs = median(model);
  // The ratio of each run, then their median (a run's four sums share its conditions).
  const ratio = (xs: number[]) => median(xs.map((x, r) => x / raw[r]!)).toFixed(2);
  const each = (xs: number[]) => xs.map((x, r) => (x / raw[r]!).toFixed(2)).join(' ');
  console.log(`\n${name}: ${inputs.length} calls; ratios are per run (median, then every run)`);
  console.log(`  jieba-wasm tag():           ${rawMs.toFixed(0)} ms  ${cps(rawMs)} chars/s`);
  console.log(`  recognize() with the model: ${recMs.toFixed(0)} ms  ${cps(recMs)} chars/s  (${spans} spans)  ${ratio(rec)}× tag (target ≤ 2.00×; runs ${each(rec)})`);
  console.log(`  recognize(), rules alone:   ${rulesMs.toFixed(0)} ms  ${cps(rulesMs)} chars/s  ${ratio(rules)}× tag (runs ${each(rules)})`);
  console.log(`  the tagger alone:           ${modelMs.toFixed(0)} ms  ${cps(modelMs)} chars/s  ${ratio(model)}× tag (runs ${each(model)})`);
}

if (only === 'all' || only === 'recognizer') {
  // The segmenter keeps the tags of the words it has seen and the tagger keeps rows of pairs and
  // words it has read; the runs above find them warm after their first run. A first reading:
  // a new segmenter and tagger (the caches empty) over text they have not seen, once.
  const fresh = createJiebaSegmenter(nodeJieba());
  await prepareSegmenter(fresh);
  const first = taggerFromBytes(readFileSync(NODE_MODEL_FILE)).tagger;
  const unseen = pages(paragraphs.slice(0, Math.min(paragraphs.length, 3000)), PAGE_CHARS);
  let rawMs = 0;
  let recMs = 0;
  let chars = 0;
  for (const p of unseen) {
    chars += p.length;
    let t = performance.now();
    jieba.tag(p, true);
    rawMs += performance.now() - t;
    t = performance.now();
    await recognize(p, fresh, { tagger: first });
    recMs += performance.now() - t;
  }
  console.log(`\nfirst reading (a new segmenter and tagger, caches empty, ${chars.toLocaleString('en-US')} chars in ${unseen.length} page-sized texts, once):`);
  console.log(`  jieba-wasm tag() ${rawMs.toFixed(0)} ms, recognize() with the model ${recMs.toFixed(0)} ms: ${(recMs / rawMs).toFixed(2)}× tag`);
}

if (only === 'all' || only === 'cli') {
  // ~1.2M characters in page-sized records, through whole processes.
  const records = pages(corpus(1_200_000).split('\n'), PAGE_CHARS).map((t, k) => JSON.stringify({ id: `p${k}`, text: t }));
  const dir = mkdtempSync(join(tmpdir(), 'zwpz-bench-'));
  const input = join(dir, 'pages.jsonl');
  writeFileSync(input, `${records.join('\n')}\n`);
  const time = (command: string, args: string[]) => {
    const t = performance.now();
    const result = spawnSync(command, args, { input: readFileSync(input), cwd: ROOT, maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.toString()}`);
    return performance.now() - t;
  };
  const annotate: number[] = [];
  const oneThread: number[] = [];
  const baseline: number[] = [];
  // Once first: the bundle is built if the sources changed, outside the clock.
  time('npm', ['run', '-s', 'annotate', '--', '--jsonl']);
  for (let r = 0; r < Math.min(runs, 5); r++) {
    baseline.push(time(process.execPath, [join(ROOT, 'lib/cli/bench-jieba-baseline.mjs')]));
    annotate.push(time('npm', ['run', '-s', 'annotate', '--', '--jsonl']));
    oneThread.push(time('npm', ['run', '-s', 'annotate', '--', '--jsonl', '--threads', '1']));
  }
  rmSync(dir, { recursive: true, force: true });
  const a = median(annotate);
  const b = median(baseline);
  console.log(`\nwhole processes on ${records.length} page-sized records (${(1_200_000).toLocaleString('en-US')} chars):`);
  console.log(`  node + jieba-wasm tag() per record:  ${b.toFixed(0)} ms`);
  const one = median(oneThread);
  console.log(`  npm run -s annotate -- --jsonl:      ${a.toFixed(0)} ms  ${(a / b).toFixed(2)}× (target ≤ 1.50×; ${Math.min(8, availableParallelism())} threads on this machine)`);
  console.log(`  the same with --threads 1:           ${one.toFixed(0)} ms  ${(one / b).toFixed(2)}×`);
}

if (only === 'all' || only === 'corpus') await benchCorpus({ added: arg('--added', 10_000), lookups: arg('--lookups', 300) });
