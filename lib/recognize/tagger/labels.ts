/**
 * The tagger's labels: BIOES over the three name types, plus O. A name of one character is S,
 * of two B E, longer B I… E. Label ids are small integers so that scores live in typed arrays.
 */

/** The name types the tagger learns, in label order. */
export const NAME_TYPES = ['PERSON', 'PLACE', 'ORG'] as const;
export type NameType = (typeof NAME_TYPES)[number];

/** Number of labels: O, then B I E S for each type. */
export const LABELS = 1 + 4 * NAME_TYPES.length;
export const O = 0;
export const B = 1;
export const I = 2;
export const E = 3;
export const S = 4;

/** The label id of `part` (B I E S) of type index `t`. */
export const label = (part: number, t: number): number => 1 + 4 * t + (part - 1);
/** The part (B I E S, or O) of a label. */
export const partOf = (l: number): number => (l === O ? O : ((l - 1) % 4) + 1);
/** The type index of a label (-1 for O). */
export const typeOf = (l: number): number => (l === O ? -1 : Math.floor((l - 1) / 4));

/** Whether a name may end before a label (the label begins no continuation): O, B, S. */
const OPENS = (l: number) => l === O || partOf(l) === B || partOf(l) === S;
/** Whether a name is closed after a label: O, E, S. */
const CLOSES = (l: number) => l === O || partOf(l) === E || partOf(l) === S;

/** `ALLOWED[p * LABELS + l]` is 1 when label `l` may follow label `p`. */
export const ALLOWED = (() => {
  const a = new Uint8Array(LABELS * LABELS);
  for (let p = 0; p < LABELS; p++) {
    for (let l = 0; l < LABELS; l++) {
      const ok = CLOSES(p)
        ? OPENS(l)
        : // p is B or I of a type: only I or E of the same type
          (partOf(l) === I || partOf(l) === E) && typeOf(l) === typeOf(p);
      a[p * LABELS + l] = ok ? 1 : 0;
    }
  }
  return a;
})();

/** Labels allowed at the start of a sequence (O, B, S) and at its end (O, E, S). */
export const MAY_START = Uint8Array.from({ length: LABELS }, (_, l) => (OPENS(l) ? 1 : 0));
export const MAY_END = Uint8Array.from({ length: LABELS }, (_, l) => (CLOSES(l) ? 1 : 0));

/** For each label, the labels that may precede it, as a flat list with offsets (for Viterbi). */
export const PREV = (() => {
  const offsets = new Int32Array(LABELS + 1);
  const list: number[] = [];
  for (let l = 0; l < LABELS; l++) {
    offsets[l] = list.length;
    for (let p = 0; p < LABELS; p++) if (ALLOWED[p * LABELS + l]) list.push(p);
  }
  offsets[LABELS] = list.length;
  return { offsets, list: Int32Array.from(list) };
})();

export interface LabeledSpan {
  start: number;
  end: number;
  type: NameType;
}

/**
 * Writes the labels of `spans` into `out` (length ≥ text length), O elsewhere. Spans must not
 * overlap; an overlapping or out-of-range span is skipped, not thrown on.
 */
export function encodeSpans(spans: readonly LabeledSpan[], length: number, out: Uint8Array): void {
  out.fill(O, 0, length);
  for (const s of spans) {
    const t = NAME_TYPES.indexOf(s.type);
    if (t < 0 || s.start < 0 || s.end > length || s.end <= s.start) continue;
    let free = true;
    for (let k = s.start; k < s.end; k++) if (out[k] !== O) free = false;
    if (!free) continue;
    if (s.end - s.start === 1) {
      out[s.start] = label(S, t);
      continue;
    }
    out[s.start] = label(B, t);
    for (let k = s.start + 1; k < s.end - 1; k++) out[k] = label(I, t);
    out[s.end - 1] = label(E, t);
  }
}

/** Reads spans back from a valid label sequence (as Viterbi returns it). */
export function decodeSpans(labels: ArrayLike<number>, length: number, offset = 0): LabeledSpan[] {
  const out: LabeledSpan[] = [];
  let start = -1;
  for (let k = 0; k < length; k++) {
    const l = labels[k]!;
    const part = partOf(l);
    if (part === S) out.push({ start: offset + k, end: offset + k + 1, type: NAME_TYPES[typeOf(l)]! });
    else if (part === B) start = k;
    else if (part === E && start >= 0) {
      out.push({ start: offset + start, end: offset + k + 1, type: NAME_TYPES[typeOf(l)]! });
      start = -1;
    } else if (part === O) start = -1;
  }
  return out;
}
