/**
 * Training of the tagger: an averaged structured perceptron (Collins 2002) over hashed
 * features, with the BIOES-constrained Viterbi of `decode.ts`. Deterministic: sentences are
 * visited in an order drawn from a seeded generator, and nothing else is random, so the same
 * data and options give the same weights, bit for bit.
 *
 * Runs in Node (the `train:ner` CLI and a unit test); never in the extension.
 */
import { Viterbi } from '../recognize/tagger/decode';
import { LABELS } from '../recognize/tagger/labels';

/** Training sentences as feature rows: `rows[(offsets[s] + i) * slots + k]` is the row of slot k of character i of sentence s, -1 for none. */
export interface TrainingSet {
  readonly slots: number;
  /** Start of each sentence in characters, and the total at the end (length = sentences + 1). */
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
  /** Gold label per character. */
  readonly labels: Uint8Array;
  /** Characters that must be labeled O (line breaks), 1 per character. */
  readonly forceO?: Uint8Array;
}

export interface TrainOptions {
  /** Rows of the weight table (each feature hash is folded into one). */
  rows: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the averaged weights so far (e.g. to score a dev set). */
  onEpoch?: (epoch: number, weights: Weights, stats: { errors: number; ms: number }) => void;
}

/** A trained (averaged) model's weights: emission rows and label transitions. */
export interface Weights {
  readonly rows: number;
  /** `emission[row * LABELS + label]`. */
  readonly emission: Float32Array;
  readonly trans: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
}

/** A small deterministic generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Emission scores of `n` characters starting at character `from` of the set. */
export function emissions(set: TrainingSet, from: number, n: number, weights: ArrayLike<number>, out: Float64Array): void {
  const { slots, rows } = set;
  out.fill(0, 0, n * LABELS);
  for (let i = 0; i < n; i++) {
    const base = (from + i) * slots;
    const o = i * LABELS;
    for (let k = 0; k < slots; k++) {
      const r = rows[base + k]!;
      if (r < 0) continue;
      const w = r * LABELS;
      for (let l = 0; l < LABELS; l++) out[o + l]! += weights[w + l]!;
    }
  }
}

/**
 * Trains on `set`. Returns the averaged weights. Throws only on inconsistent input (a row
 * index outside the table).
 */
export function trainPerceptron(set: TrainingSet, options: TrainOptions): Weights {
  const { slots, offsets, rows, labels } = set;
  const R = options.rows;
  const L = LABELS;
  for (let k = 0; k < rows.length; k++) if (rows[k]! >= R) throw new Error(`row ${rows[k]} outside the table of ${R}`);
  const w = new Float32Array(R * L);
  const u = new Float64Array(R * L); // sum of c × Δ, for averaging
  const tw = new Float64Array(L * L);
  const tu = new Float64Array(L * L);
  const sw = new Float64Array(L);
  const su = new Float64Array(L);
  const ew = new Float64Array(L);
  const eu = new Float64Array(L);
  const sentences = offsets.length - 1;
  let longest = 0;
  for (let s = 0; s < sentences; s++) longest = Math.max(longest, offsets[s + 1]! - offsets[s]!);
  const emit = new Float64Array(longest * L);
  const pred = new Uint8Array(longest);
  const viterbi = new Viterbi();
  const order = Int32Array.from({ length: sentences }, (_, k) => k);
  const random = seededRandom(options.seed);
  let c = 1;
  const live = { trans: tw, start: sw, end: ew };

  const average = (): Weights => {
    const emission = new Float32Array(R * L);
    for (let k = 0; k < emission.length; k++) emission[k] = w[k]! - u[k]! / c;
    const avg = (a: Float64Array, b: Float64Array) => a.map((x, k) => x - b[k]! / c);
    return { rows: R, emission, trans: avg(tw, tu), start: avg(sw, su), end: avg(ew, eu) };
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const started = performance.now();
    // Fisher–Yates with the seeded generator.
    for (let k = sentences - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    let errors = 0;
    for (let q = 0; q < sentences; q++) {
      const s = order[q]!;
      const from = offsets[s]!;
      const n = offsets[s + 1]! - from;
      if (n === 0) continue;
      emissions(set, from, n, w, emit);
      const force = set.forceO ? set.forceO.subarray(from, from + n) : undefined;
      viterbi.decode(emit, n, live, pred, force);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = labels[from + i]!;
        const p = pred[i]!;
        if (g === p) continue;
        wrong = true;
        const base = (from + i) * slots;
        for (let k = 0; k < slots; k++) {
          const r = rows[base + k]!;
          if (r < 0) continue;
          const o = r * L;
          w[o + g]! += 1;
          u[o + g]! += c;
          w[o + p]! -= 1;
          u[o + p]! -= c;
        }
      }
      if (wrong) {
        errors++;
        const g0 = labels[from]!;
        const p0 = pred[0]!;
        if (g0 !== p0) {
          sw[g0]! += 1;
          su[g0]! += c;
          sw[p0]! -= 1;
          su[p0]! -= c;
        }
        const gn = labels[from + n - 1]!;
        const pn = pred[n - 1]!;
        if (gn !== pn) {
          ew[gn]! += 1;
          eu[gn]! += c;
          ew[pn]! -= 1;
          eu[pn]! -= c;
        }
        for (let i = 1; i < n; i++) {
          const ga = labels[from + i - 1]!;
          const gb = labels[from + i]!;
          const pa = pred[i - 1]!;
          const pb = pred[i]!;
          if (ga === pa && gb === pb) continue;
          tw[ga * L + gb]! += 1;
          tu[ga * L + gb]! += c;
          tw[pa * L + pb]! -= 1;
          tu[pa * L + pb]! -= c;
        }
      }
      c++;
    }
    options.onEpoch?.(epoch, average(), { errors, ms: performance.now() - started });
  }
  return average();
}
