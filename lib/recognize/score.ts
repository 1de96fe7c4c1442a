/**
 * The scorer of the annotation guide, as `score.py` in the shared eval folder computes it: a
 * prediction counts when its start, end and type equal a required gold span's; optional gold
 * spans and predictions overlapping an `ignore` zone count neither way; figure values count
 * when equal (numbers within 0.1 %, dates as equal strings).
 */
import { FIGURE_TYPES, type Span, type SpanType } from './types';

export interface GoldSpan extends Span {
  optional?: boolean;
}

export interface GoldRecord {
  id: string;
  text: string;
  entities: GoldSpan[];
  ignore?: Array<[number, number]>;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export type ScoreError =
  | { kind: 'fp'; id: string; text: string; type: SpanType }
  | { kind: 'fn'; id: string; text: string; type: SpanType }
  | { kind: 'value'; id: string; text: string; gold: unknown; predicted: unknown };

export interface Score {
  types: Record<string, Prf>;
  /** Share of counted figures whose value is right; null if none counted. */
  valueAccuracy: number | null;
  errors: ScoreError[];
}

const FIGURES = new Set<string>(FIGURE_TYPES);

function sameValue(gold: unknown, predicted: unknown): boolean {
  if (gold === undefined || gold === null) return true;
  if (typeof gold === 'string' || typeof predicted === 'string') return String(gold) === String(predicted);
  const g = Number(gold);
  const p = Number(predicted);
  if (!Number.isFinite(g) || !Number.isFinite(p)) return false;
  return Math.abs(g - p) <= 1e-3 * Math.max(1, Math.abs(g));
}

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1, tp, fp, fn };
}

/** Scores predictions (by record id) against gold records, over `types` (all types if omitted). */
export function score(gold: readonly GoldRecord[], predicted: ReadonlyMap<string, readonly Span[]>, types?: ReadonlySet<string>): Score {
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  const inc = (o: Record<string, number>, t: string) => (o[t] = (o[t] ?? 0) + 1);
  const keep = (t: string) => !types || types.has(t);
  let values = 0;
  let valuesOk = 0;
  const errors: ScoreError[] = [];
  for (const g of gold) {
    const key = (s: Span) => `${s.start}:${s.end}:${s.type}`;
    const required = new Map<string, GoldSpan>();
    const optional = new Set<string>();
    for (const e of g.entities) {
      if (!keep(e.type)) continue;
      if (e.optional) optional.add(key(e));
      else required.set(key(e), e);
    }
    const seen = new Set<string>();
    for (const p of predicted.get(g.id) ?? []) {
      if (!keep(p.type)) continue;
      const k = key(p);
      if (seen.has(k)) continue;
      seen.add(k);
      const ge = required.get(k);
      if (ge) {
        inc(tp, p.type);
        if (FIGURES.has(p.type) && ge.value !== undefined) {
          values++;
          if (sameValue(ge.value, p.value)) valuesOk++;
          else errors.push({ kind: 'value', id: g.id, text: ge.text, gold: ge.value, predicted: p.value });
        }
      } else if (optional.has(k)) {
        continue;
      } else if ((g.ignore ?? []).some(([s, e]) => p.start < e && s < p.end)) {
        continue;
      } else {
        inc(fp, p.type);
        errors.push({ kind: 'fp', id: g.id, text: g.text.slice(p.start, p.end), type: p.type });
      }
    }
    for (const [k, e] of required) {
      if (!seen.has(k)) {
        inc(fn, e.type);
        errors.push({ kind: 'fn', id: g.id, text: e.text, type: e.type });
      }
    }
  }
  const all = new Set([...Object.keys(tp), ...Object.keys(fp), ...Object.keys(fn)]);
  const rows: Record<string, Prf> = {};
  for (const t of [...all].sort()) rows[t] = prf(tp[t] ?? 0, fp[t] ?? 0, fn[t] ?? 0);
  const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
  rows.ALL = prf(sum(tp), sum(fp), sum(fn));
  return { types: rows, valueAccuracy: values ? valuesOk / values : null, errors };
}
