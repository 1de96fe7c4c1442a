/**
 * `npm run train:ner`: trains the name tagger from `../shared/train/*.jsonl` (MSRA NER, People's
 * Daily 1998, CLUENER 2020) and writes the model the extension ships, `public/models/names-v1.bin`.
 * Prints the People's Daily dev F1 after every epoch. Deterministic: the same data and options
 * give the same bytes (`--check` trains twice and compares).
 *
 * Options: `--epochs N` (10), `--limit N` sentences per corpus (all), `--out FILE`, `--seed N`,
 * `--prune W` (weights below W are dropped; 4), `--bits B` (hash bits; 22), `--augment R` (share of sentences given a made name; 0.4), `--runs N` (perceptrons averaged; 2), `--no-augment`.
 * `--hold-out K --hold-out-dir DIR`: every K-th sentence of each corpus is left out of training
 * and written to `DIR/CORPUS.held-out.jsonl`, so a model trained so (give it `--out`, never the
 * shipped file) can be scored on text of each corpus's kind that it never saw
 * (`eval.ts --model FILE --gold NAME=DIR/CORPUS.held-out.jsonl`): an estimate of the MSRA and
 * People's Daily test sets, which are held out of this repository.
 *
 * Exit code 1 if a corpus cannot be read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prepareSegmenter } from '../recognize';
import { parseGold } from '../recognize/gold';
import { NODE_MODEL_FILE } from '../recognize/tagger/node';
import { nodeSegmenter } from '../segment/node';
import { trainNameModel, type NamedCorpus, type NerTrainOptions } from './ner-train';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');

/** The corpora, in the order their copies of the features are numbered (changing it changes the model). */
export const TRAINING_CORPORA = ['msra-train', 'pd199801', 'cluener-train'] as const;

/** The options the shipped model is trained with. */
export const DEFAULT_OPTIONS: Omit<NerTrainOptions, 'dev' | 'onEpoch' | 'facts'> = {
  epochs: 10,
  hashBits: 22,
  seed: 1,
  // Two perceptrons (sentence orders from seeds 1 and 2) averaged: less variance, no larger model.
  runs: 2,
  // MSRA's conventions are the guide's and the evaluation sets' (X政府 is the place; a nested
  // body is one ORG).
  target: 'msra-train',
  augment: { rate: 0.4, generic: 0.3, skip: ['cluener-train'] },
  prune: 4,
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function read(file: string): NamedCorpus['records'] {
  if (!existsSync(file)) {
    console.error(`missing ${file} (the training corpora live in ../shared/train)`);
    process.exit(1);
  }
  return parseGold(readFileSync(file, 'utf8'));
}

const limit = Number(arg('--limit') ?? 0);
const holdOut = Number(arg('--hold-out') ?? 0);
const holdOutDir = arg('--hold-out-dir');
if (holdOut && (!Number.isInteger(holdOut) || holdOut < 2 || !holdOutDir || !arg('--out'))) {
  console.error('--hold-out K takes a whole number ≥ 2 and needs --hold-out-dir DIR and --out FILE (the shipped model is never trained on less)');
  process.exit(2);
}
const corpora: NamedCorpus[] = TRAINING_CORPORA.map((name) => {
  let records = read(resolve(SHARED, 'train', `${name}.jsonl`));
  if (limit) records = records.slice(0, limit);
  if (holdOut) {
    const held = records.filter((_r, k) => k % holdOut === holdOut - 1);
    records = records.filter((_r, k) => k % holdOut !== holdOut - 1);
    mkdirSync(holdOutDir!, { recursive: true });
    writeFileSync(join(holdOutDir!, `${name}.held-out.jsonl`), held.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  return { name, records };
});
const devFile = resolve(SHARED, 'eval/pd98-dev.jsonl');
const dev = existsSync(devFile) ? { name: 'pd98-dev', records: read(devFile) } : undefined;
const options: NerTrainOptions = {
  ...DEFAULT_OPTIONS,
  epochs: Number(arg('--epochs') ?? DEFAULT_OPTIONS.epochs),
  seed: Number(arg('--seed') ?? DEFAULT_OPTIONS.seed),
  runs: Number(arg('--runs') ?? DEFAULT_OPTIONS.runs ?? 1),
  prune: Number(arg('--prune') ?? DEFAULT_OPTIONS.prune),
  hashBits: Number(arg('--bits') ?? DEFAULT_OPTIONS.hashBits),
  augment: process.argv.includes('--no-augment') ? null : { ...DEFAULT_OPTIONS.augment!, rate: Number(arg('--augment') ?? DEFAULT_OPTIONS.augment!.rate) },
  dev,
  facts: {
    sources: Object.fromEntries(corpora.map((c) => [c.name, { sentences: c.records.length, characters: c.records.reduce((n, r) => n + r.text.length, 0) }])),
  },
  onEpoch(epoch, info) {
    const scores = info.dev ? ['PERSON', 'PLACE', 'ORG', 'ALL'].map((k) => `${k} ${info.dev![k]?.toFixed(4)}`).join('  ') : '';
    console.log(`epoch ${String(epoch).padStart(2)}  ${String(info.wrong).padStart(6)} sentences wrong  ${(info.ms / 1000).toFixed(1)} s  ${dev ? `${dev.name} F1 ${scores}` : ''}`);
  },
};

const segmenter = nodeSegmenter();
await prepareSegmenter(segmenter);
const started = performance.now();
console.log(`training on ${corpora.map((c) => `${c.name} (${c.records.length})`).join(', ')}; ${options.epochs} epochs`);
const result = await trainNameModel(corpora, segmenter, options);
const out = arg('--out') ?? NODE_MODEL_FILE;
writeFileSync(out, result.bytes);
console.log(`${result.sentences} sentences, ${result.characters} characters; ${result.rows} rows kept; ${result.bytes.length} bytes → ${out}; ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (process.argv.includes('--check')) {
  const again = await trainNameModel(corpora, segmenter, { ...options, onEpoch: undefined });
  const same = again.bytes.length === result.bytes.length && again.bytes.every((b, k) => b === result.bytes[k]);
  console.log(same ? 'deterministic: a second run gave the same bytes' : 'NOT deterministic: a second run differs');
  if (!same) process.exitCode = 1;
}
