/**
 * Viterbi decoding over the tagger's labels with the BIOES constraints built in: only label
 * paths that spell well-formed names are considered. Written for the label set of `labels.ts`:
 * a label that opens (O, B, S) may follow only one that closes (O, E, S); I and E of a type
 * follow only B or I of the same type. Allocation-free after the first call of a given length.
 */
import { LABELS, MAY_END, MAY_START, NAME_TYPES, O } from './labels';

export interface Transitions {
  /** `trans[p * LABELS + l]`: score of label `l` after label `p`. */
  readonly trans: ArrayLike<number>;
  /** Score of each label at the start and at the end of a sequence. */
  readonly start: ArrayLike<number>;
  readonly end: ArrayLike<number>;
}

const NEG = -1e30;
/** A value of `forceO`: O here, and the edge of a text (a line break). Any other non-zero value: O here. */
export const LINE_BREAK = 2;
const TYPES = NAME_TYPES.length;
/** Labels that close a name (or are outside one): O, then E and S of each type. */
const CLOSING = Int32Array.from([O, ...NAME_TYPES.flatMap((_t, k) => [3 + 4 * k, 4 + 4 * k])]);
/** Labels that open (O, then B and S of each type). */
const OPENING = Int32Array.from([O, ...NAME_TYPES.flatMap((_t, k) => [1 + 4 * k, 4 + 4 * k])]);
const C = CLOSING.length;

export class Viterbi {
  private back = new Uint8Array(0);
  private score = new Float64Array(2 * LABELS);
  /** Transition columns: `cols[o * C + j]` = score of OPENING[o] after CLOSING[j]. */
  private cols = new Float64Array(OPENING.length * C);

  /**
   * Writes the best label path for emissions `emit` (`n × LABELS`, row per character) into
   * `out`. Where `forceO[i]` is non-zero the label is O (no name crosses it); where it is
   * {@link LINE_BREAK}, the text is decoded as two texts meeting there.
   * Never throws; `n = 0` writes nothing.
   */
  decode(emit: ArrayLike<number>, n: number, t: Transitions, out: Uint8Array, forceO?: ArrayLike<number>): void {
    if (n === 0) return;
    this.begin(n, t, forceO);
    this.advance(emit, 0, 0, n);
    this.end(out);
  }

  private n = 0;
  private cur = 0;
  private t: Transitions | undefined;
  private forceO: ArrayLike<number> | undefined;

  /**
   * Starts a decoding of `n` characters (as {@link decode}) whose emissions come a block at a
   * time through {@link advance}, so a caller needs no emission buffer for the whole text.
   */
  begin(n: number, t: Transitions, forceO?: ArrayLike<number>): void {
    this.n = n;
    this.t = t;
    this.forceO = forceO;
    this.cur = 0;
    if (this.back.length < n * LABELS) this.back = new Uint8Array(Math.max(n * LABELS, this.back.length * 2));
    const trans = t.trans;
    // Read each call: training changes the transitions between calls.
    for (let o = 0; o < OPENING.length; o++) for (let j = 0; j < C; j++) this.cols[o * C + j] = trans[CLOSING[j]! * LABELS + OPENING[o]!]!;
  }

  /**
   * Takes characters `from` to `to` (exclusive, in order, continuing the last call): the row of
   * character i is at `(i − base) × LABELS` in `emit`.
   */
  advance(emit: ArrayLike<number>, base: number, from: number, to: number): void {
    const { back, score, n } = this;
    const t = this.t!;
    const forceO = this.forceO;
    const trans = t.trans;
    const cols = this.cols;
    let cur = this.cur;
    if (to > n) to = n;
    if (from === 0 && to > 0) {
      const x = -base * LABELS;
      for (let l = 0; l < LABELS; l++) {
        const ok = MAY_START[l] && (!forceO || !forceO[0] || l === O);
        score[l] = ok ? t.start[l]! + emit[x + l]! : NEG;
      }
      from = 1;
    }
    for (let i = from; i < to; i++) {
      const prev = cur;
      cur = LABELS - cur;
      const e = i * LABELS;
      const x = (i - base) * LABELS;
      if (forceO !== undefined && (forceO[i] === LINE_BREAK || forceO[i - 1] === LINE_BREAK)) {
        // A line break is the edge of a text: the paragraph before ends as a text ends (its end
        // scores), the one after starts as a text starts, so a paragraph is decoded the same
        // alone or inside a page.
        for (let l = 0; l < LABELS; l++) {
          score[cur + l] = NEG;
          back[e + l] = O;
        }
        if (forceO[i] === LINE_BREAK) {
          let best = NEG;
          let arg = O;
          for (let j = 0; j < C; j++) {
            const p = CLOSING[j]!;
            const s = score[prev + p]! + t.end[p]!;
            if (s > best) {
              best = s;
              arg = p;
            }
          }
          score[cur + O] = best + emit[x + O]!;
          back[e + O] = arg;
        } else {
          const before = score[prev + O]!;
          for (let o = 0; o < OPENING.length; o++) {
            const l = OPENING[o]!;
            if (forceO[i] !== 0 && l !== O) continue;
            score[cur + l] = before + t.start[l]! + emit[x + l]!;
          }
        }
        continue;
      }
      // Unrolled: the scores of the 7 closing labels, then each opening label's best predecessor.
      const c0 = score[prev + 0]!;
      const c1 = score[prev + 3]!;
      const c2 = score[prev + 4]!;
      const c3 = score[prev + 7]!;
      const c4 = score[prev + 8]!;
      const c5 = score[prev + 11]!;
      const c6 = score[prev + 12]!;
      const forced = forceO !== undefined && forceO[i] !== 0;
      { // label 0
        {
          let best = c0 + cols[0]!;
          let arg = 0;
          const s1 = c1 + cols[1]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[2]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[3]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[4]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[5]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[6]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 0] = best + emit[x + 0]!;
          back[e + 0] = arg;
        }
      }
      { // label 1
        if (forced) { score[cur + 1] = NEG; back[e + 1] = O; } else {
          let best = c0 + cols[7]!;
          let arg = 0;
          const s1 = c1 + cols[8]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[9]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[10]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[11]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[12]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[13]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 1] = best + emit[x + 1]!;
          back[e + 1] = arg;
        }
      }
      { // label 4
        if (forced) { score[cur + 4] = NEG; back[e + 4] = O; } else {
          let best = c0 + cols[14]!;
          let arg = 0;
          const s1 = c1 + cols[15]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[16]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[17]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[18]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[19]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[20]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 4] = best + emit[x + 4]!;
          back[e + 4] = arg;
        }
      }
      { // label 5
        if (forced) { score[cur + 5] = NEG; back[e + 5] = O; } else {
          let best = c0 + cols[21]!;
          let arg = 0;
          const s1 = c1 + cols[22]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[23]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[24]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[25]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[26]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[27]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 5] = best + emit[x + 5]!;
          back[e + 5] = arg;
        }
      }
      { // label 8
        if (forced) { score[cur + 8] = NEG; back[e + 8] = O; } else {
          let best = c0 + cols[28]!;
          let arg = 0;
          const s1 = c1 + cols[29]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[30]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[31]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[32]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[33]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[34]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 8] = best + emit[x + 8]!;
          back[e + 8] = arg;
        }
      }
      { // label 9
        if (forced) { score[cur + 9] = NEG; back[e + 9] = O; } else {
          let best = c0 + cols[35]!;
          let arg = 0;
          const s1 = c1 + cols[36]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[37]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[38]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[39]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[40]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[41]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 9] = best + emit[x + 9]!;
          back[e + 9] = arg;
        }
      }
      { // label 12
        if (forced) { score[cur + 12] = NEG; back[e + 12] = O; } else {
          let best = c0 + cols[42]!;
          let arg = 0;
          const s1 = c1 + cols[43]!;
          if (s1 > best) { best = s1; arg = 3; }
          const s2 = c2 + cols[44]!;
          if (s2 > best) { best = s2; arg = 4; }
          const s3 = c3 + cols[45]!;
          if (s3 > best) { best = s3; arg = 7; }
          const s4 = c4 + cols[46]!;
          if (s4 > best) { best = s4; arg = 8; }
          const s5 = c5 + cols[47]!;
          if (s5 > best) { best = s5; arg = 11; }
          const s6 = c6 + cols[48]!;
          if (s6 > best) { best = s6; arg = 12; }
          score[cur + 12] = best + emit[x + 12]!;
          back[e + 12] = arg;
        }
      }
      // I and E of each type: after B or I of the same type.
      for (let k = 0; k < TYPES; k++) {
        const b = 1 + 4 * k;
        const inner = b + 1;
        const end = b + 2;
        if (forced) {
          score[cur + inner] = NEG;
          score[cur + end] = NEG;
          back[e + inner] = b;
          back[e + end] = b;
          continue;
        }
        const fromB = score[prev + b]!;
        const fromI = score[prev + inner]!;
        let s1 = fromB + trans[b * LABELS + inner]!;
        let s2 = fromI + trans[inner * LABELS + inner]!;
        if (s1 >= s2) {
          score[cur + inner] = s1 + emit[x + inner]!;
          back[e + inner] = b;
        } else {
          score[cur + inner] = s2 + emit[x + inner]!;
          back[e + inner] = inner;
        }
        s1 = fromB + trans[b * LABELS + end]!;
        s2 = fromI + trans[inner * LABELS + end]!;
        if (s1 >= s2) {
          score[cur + end] = s1 + emit[x + end]!;
          back[e + end] = b;
        } else {
          score[cur + end] = s2 + emit[x + end]!;
          back[e + end] = inner;
        }
      }
    }
    this.cur = cur;
  }

  /** Ends the decoding begun by {@link begin}: writes the best path into `out`. */
  end(out: Uint8Array): void {
    const { back, score, n, cur } = this;
    const t = this.t!;
    let best = NEG;
    let arg = O;
    for (let l = 0; l < LABELS; l++) {
      if (!MAY_END[l]) continue;
      const s = score[cur + l]! + t.end[l]!;
      if (s > best) {
        best = s;
        arg = l;
      }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) {
      arg = back[i * LABELS + arg]!;
      out[i - 1] = arg;
    }
  }
}
