/**
 * Training the name tagger, from annotated corpora to the model file the extension ships.
 *
 * 1. Each sentence is segmented and tagged by jieba (the recognizer's own prepared segmenter,
 *    as at run time) and turned into feature rows (`lib/recognize/tagger/features.ts`, hashes
 *    folded to `hashBits` bits).
 * 2. Domain adaptation by feature augmentation (Daumé 2007): every feature also has a copy per
 *    corpus, so a corpus's own conventions (People's Daily 1998 marks 中国政府 as one ORG, MSRA
 *    the place only; CLUENER's addresses run over whole streets) are learned apart from what the
 *    corpora agree on. The shipped model is the shared weights plus the copies of the `target`
 *    corpus, whose conventions the evaluation sets and the annotation guide follow.
 * 3. Names of today's local news the corpora seldom hold are added by replacing names in
 *    training sentences (`ner-augment.ts`), counted in the target corpus.
 * 4. An averaged structured perceptron (`ner-perceptron.ts`), sentences in a seeded order.
 * 5. Rows whose largest weight is under `prune` are dropped; weights are stored as int8.
 *
 * Deterministic: the same corpora and options give the same bytes. Runs in Node only.
 */
import { encodeSpans, LABELS, NAME_TYPES, decodeSpans, type LabeledSpan } from '../recognize/tagger/labels';
import { FEATURE_VERSION, FeatureExtractor, SLOTS } from '../recognize/tagger/features';
import { featureHash } from '../recognize/tagger/hash';
import { buildLexicons } from '../recognize/tagger/lexicons';
import { writeModelFile } from '../recognize/tagger/model-file';
import { breaksNames } from '../recognize/tagger/tagger';
import { Viterbi } from '../recognize/tagger/decode';
import { ruleHints } from '../recognize';
import { score, type GoldRecord } from '../recognize/score';
import type { Segmenter } from '../segment';
import { augmentRecords } from './ner-augment';
import { emissions, seededRandom, trainPerceptron, type TrainingSet, type Weights } from './ner-perceptron';

export interface NamedCorpus {
  name: string;
  records: readonly GoldRecord[];
}

export interface NerTrainOptions {
  epochs: number;
  /** Bits a feature hash is folded to (the training table has 2^hashBits rows). */
  hashBits: number;
  seed: number;
  /**
   * Perceptrons trained with sentence orders from seeds `seed`, `seed + 1`, …, whose weights are
   * averaged (less variance from the order of the sentences); 1 by default.
   */
  runs?: number;
  /** The corpus whose conventions the shipped model follows. */
  target: string;
  /** Made names in the target's conventions (see `ner-augment.ts`); null for none. */
  augment: { rate: number; generic: number; skip: readonly string[] } | null;
  /** Rows whose largest weight is below this are left out of the model. */
  prune: number;
  /** Scored after every epoch (PERSON/PLACE/ORG F1). */
  dev?: NamedCorpus;
  onEpoch?(epoch: number, info: { wrong: number; ms: number; dev?: Record<string, number> }): void;
  /** Facts about the data to record in the model's metadata. */
  facts?: Record<string, unknown>;
}

export interface NerTrainResult {
  bytes: Uint8Array;
  rows: number;
  /** Dev F1 per type after the last epoch, of the averaged weights before pruning. */
  dev?: Record<string, number>;
  sentences: number;
  characters: number;
}

const NAME_SET = new Set<string>(NAME_TYPES);

/** Features and labels of a list of sentences, with a copy of each feature for the sentence's corpus. */
async function buildSet(
  records: readonly GoldRecord[],
  domains: ArrayLike<number>,
  segmenter: Segmenter,
  extractor: FeatureExtractor,
  hashBits: number,
): Promise<TrainingSet> {
  const stride = 2 * SLOTS;
  let total = 0;
  for (const r of records) total += r.text.length;
  const offsets = new Int32Array(records.length + 1);
  const rows = new Int32Array(total * stride);
  const labels = new Uint8Array(total);
  const forceO = new Uint8Array(total);
  let buf = new Int32Array(1024 * SLOTS);
  let lab = new Uint8Array(1024);
  const shift = 32 - hashBits;
  let at = 0;
  for (let s = 0; s < records.length; s++) {
    const r = records[s]!;
    offsets[s] = at;
    const n = r.text.length;
    if (buf.length < n * SLOTS) buf = new Int32Array(n * SLOTS * 2);
    if (lab.length < n) lab = new Uint8Array(n * 2);
    const words = await segmenter.tag(r.text);
    extractor.extract(r.text, words, buf, { hints: ruleHints(r.text, words, segmenter) });
    const d = domains[s]!;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < SLOTS; k++) {
        const h = buf[i * SLOTS + k]!;
        const row = h === 0 ? -1 : h >>> shift;
        rows[(at + i) * stride + k] = row;
        rows[(at + i) * stride + SLOTS + k] = row < 0 ? -1 : domainRow(row, d, hashBits);
      }
      if (breaksNames(r.text.charCodeAt(i))) forceO[at + i] = 1;
    }
    // A gold name holding a character no name may hold (a comma of a messy source) is left out.
    const spans = r.entities.filter((e) => NAME_SET.has(e.type) && ![...e.text].some((ch) => breaksNames(ch.charCodeAt(0)))) as LabeledSpan[];
    encodeSpans(spans, n, lab);
    labels.set(lab.subarray(0, n), at);
    at += n;
  }
  offsets[records.length] = at;
  return { slots: stride, offsets, rows, labels, forceO };
}

/** The row of a feature's copy for corpus `d` (1-based). */
function domainRow(row: number, d: number, hashBits: number): number {
  return featureHash(97, row, d) >>> (32 - hashBits);
}

/** PERSON/PLACE/ORG F1 of weights on a built set. */
function scoreSet(set: TrainingSet, records: readonly GoldRecord[], weights: Weights): Record<string, number> {
  const viterbi = new Viterbi();
  const preds = new Map<string, Array<LabeledSpan & { text: string }>>();
  let emit = new Float64Array(1024 * LABELS);
  let out = new Uint8Array(1024);
  records.forEach((r, s) => {
    const from = set.offsets[s]!;
    const n = set.offsets[s + 1]! - from;
    if (emit.length < n * LABELS) emit = new Float64Array(n * LABELS * 2);
    if (out.length < n) out = new Uint8Array(n * 2);
    emissions(set, from, n, weights.emission, emit);
    viterbi.decode(emit, n, weights, out, set.forceO!.subarray(from, from + n));
    preds.set(r.id, decodeSpans(out, n).map((x) => ({ ...x, text: r.text.slice(x.start, x.end) })));
  });
  const sc = score(records as GoldRecord[], preds, NAME_SET);
  return Object.fromEntries(Object.entries(sc.types).map(([k, v]) => [k, v.f1]));
}

/**
 * Trains a model on `corpora` and returns the model file's bytes. `segmenter` must be prepared
 * as the recognizer prepares it (`prepareSegmenter`), so the words match those at run time.
 *
 * @throws Error if `options.target` names no corpus.
 */
export async function trainNameModel(corpora: readonly NamedCorpus[], segmenter: Segmenter, options: NerTrainOptions): Promise<NerTrainResult> {
  const target = corpora.findIndex((c) => c.name === options.target) + 1;
  if (!target) throw new Error(`train: no corpus named ${options.target}`);
  const records: GoldRecord[] = [];
  const domains: number[] = [];
  corpora.forEach((c, k) => {
    for (const r of c.records) {
      records.push(r);
      domains.push(k + 1);
    }
  });
  if (options.augment) {
    const skip = new Set(options.augment.skip);
    const sources = corpora.filter((c) => !skip.has(c.name)).flatMap((c) => c.records);
    for (const r of augmentRecords(sources, seededRandom(options.seed + 6), options.augment)) {
      records.push(r);
      domains.push(target);
    }
  }
  const extractor = new FeatureExtractor(buildLexicons());
  const set = await buildSet(records, domains, segmenter, extractor, options.hashBits);
  const dev = options.dev
    ? { corpus: options.dev, set: await buildSet(options.dev.records, new Int32Array(options.dev.records.length).fill(target), segmenter, extractor, options.hashBits) }
    : undefined;
  let lastDev: Record<string, number> | undefined;
  const runs = options.runs ?? 1;
  let weights: Weights | undefined;
  for (let run = 0; run < runs; run++) {
    const trained = trainPerceptron(set, {
      rows: 2 ** options.hashBits,
      epochs: options.epochs,
      seed: options.seed + run,
      onEpoch(epoch, averaged, stats) {
        lastDev = dev ? scoreSet(dev.set, dev.corpus.records, averaged) : undefined;
        options.onEpoch?.(epoch + run * options.epochs, { wrong: stats.errors, ms: stats.ms, dev: lastDev });
      },
    });
    if (!weights) weights = trained;
    else {
      // A running mean of the runs' weights.
      const mix = (a: Float32Array | Float64Array, b: Float32Array | Float64Array) => {
        for (let k = 0; k < a.length; k++) a[k] = (a[k]! * run + b[k]!) / (run + 1);
      };
      mix(weights.emission, trained.emission);
      mix(weights.trans, trained.trans);
      mix(weights.start, trained.start);
      mix(weights.end, trained.end);
    }
  }
  if (runs > 1 && dev) lastDev = scoreSet(dev.set, dev.corpus.records, weights!);
  // The shipped rows: each feature seen in training, its shared weights plus the target's copy.
  if (!weights) throw new Error('train: no run');
  const R = weights.rows;
  const seen = new Uint8Array(R);
  for (let i = 0; i < set.labels.length; i++) {
    for (let k = 0; k < SLOTS; k++) {
      const r = set.rows[i * set.slots + k]!;
      if (r >= 0) seen[r] = 1;
    }
  }
  const w = weights.emission;
  const keep: number[] = [];
  const folded: number[] = [];
  let top = 0;
  for (let r = 0; r < R; r++) {
    if (!seen[r]) continue;
    const d = domainRow(r, target, options.hashBits);
    let m = 0;
    const row: number[] = [];
    for (let l = 0; l < LABELS; l++) {
      const v = w[r * LABELS + l]! + w[d * LABELS + l]!;
      row.push(v);
      m = Math.max(m, Math.abs(v));
    }
    if (m < options.prune) continue;
    keep.push(r);
    folded.push(...row);
    top = Math.max(top, m);
  }
  const scale = top / 127;
  const quantized = Int8Array.from(folded, (v) => Math.max(-127, Math.min(127, Math.round(v / scale))));
  const bytes = writeModelFile({
    meta: {
      featureVersion: FEATURE_VERSION,
      hashBits: options.hashBits,
      scale,
      training: {
        ...options.facts,
        epochs: options.epochs,
        seed: options.seed,
        runs,
        target: options.target,
        augment: options.augment,
        prune: options.prune,
        sentences: records.length,
        characters: set.labels.length,
        ...(lastDev ? { dev: { [dev!.corpus.name]: Object.fromEntries(Object.entries(lastDev).map(([k, v]) => [k, Math.round(v * 10000) / 10000])) } } : {}),
      },
    },
    trans: Float32Array.from(weights.trans),
    start: Float32Array.from(weights.start),
    end: Float32Array.from(weights.end),
    rowIds: Int32Array.from(keep),
    weights: quantized,
  });
  return { bytes, rows: keep.length, dev: lastDev, sentences: records.length, characters: set.labels.length };
}
