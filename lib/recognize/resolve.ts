/**
 * Choosing among overlapping candidates: longer first, then higher priority, then earlier. The
 * recognizer's last step, and the rules' own choice before the combination looks at them.
 */
import type { Candidate } from './entities';
import type { Span } from './types';

/** Whether `a` beats `b` when they overlap: longer first, then higher priority, then earlier. */
function beats(a: Candidate, b: Candidate): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  return la !== lb ? la > lb : a.priority !== b.priority ? a.priority > b.priority : a.start < b.start;
}

export function toSpan(c: Candidate): Span {
  const span: Span = { start: c.start, end: c.end, type: c.type, text: c.text };
  if (c.value !== undefined) span.value = c.value;
  if (c.unit !== undefined) span.unit = c.unit;
  return span;
}

/**
 * Keeps the best of overlapping candidates (longer first, then priority) and returns them as
 * spans sorted by start. Works cluster by cluster: most candidates overlap nothing. Sorts
 * `candidates` in place.
 */
export function resolve(candidates: Candidate[]): Span[] {
  return resolveCandidates(candidates).map(toSpan);
}

/** {@link resolve}, keeping the candidates (with their priorities). */
export function resolveCandidates(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  let i = 0;
  while (i < candidates.length) {
    // A cluster: candidates chained by overlap.
    let j = i + 1;
    let clusterEnd = candidates[i]!.end;
    while (j < candidates.length && candidates[j]!.start < clusterEnd) {
      clusterEnd = Math.max(clusterEnd, candidates[j]!.end);
      j++;
    }
    if (j === i + 1) {
      out.push(candidates[i]!);
    } else {
      const cluster = candidates.slice(i, j).sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0));
      const kept: Candidate[] = [];
      for (const c of cluster) if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
      kept.sort((a, b) => a.start - b.start);
      for (const c of kept) out.push(c);
    }
    i = j;
  }
  return out;
}

