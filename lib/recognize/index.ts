/**
 * The recognizer: from text to spans of the eight types of the annotation guide (README.md in
 * this folder), with normalized values for figures. Pure: it takes a `Segmenter`, so it runs
 * with jieba-wasm's Node build in CLIs and tests and against the offscreen segmenter in the
 * extension.
 */
import type { Segmenter, UserWord } from '../segment';
import { findDocs } from './docs';
import { findNameCandidates, type Candidate } from './entities';
import { findFigures } from './figures';
import type { Span, SpanType } from './types';

export type { Span, SpanType } from './types';

export interface RecognizeOptions {
  /** Surface strings the user rejected ("不是实体"): never returned, whatever the rules say. */
  rejected?: ReadonlySet<string>;
}

/** Sorts spans by start and keeps the best of overlapping ones (longer first, then priority). */
function resolve(candidates: Candidate[]): Span[] {
  const order = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  );
  const taken: Candidate[] = [];
  // Occupied ranges kept sorted for an O(log n) overlap test.
  const starts: number[] = [];
  const ends: number[] = [];
  for (const c of order) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < c.start) lo = mid + 1;
      else hi = mid;
    }
    const overlapsNext = lo < starts.length && starts[lo]! < c.end;
    const overlapsPrev = lo > 0 && ends[lo - 1]! > c.start;
    if (overlapsNext || overlapsPrev) continue;
    starts.splice(lo, 0, c.start);
    ends.splice(lo, 0, c.end);
    taken.push(c);
  }
  taken.sort((a, b) => a.start - b.start);
  return taken.map(({ priority: _p, ...s }) => s);
}

/**
 * Recognizes entities and figures in `text`.
 *
 * Returns spans sorted by start, non-overlapping, each with `text === input.slice(start, end)`;
 * never splits a surrogate pair. Rejects only if the segmenter does.
 */
export async function recognize(text: string, segmenter: Segmenter, options: RecognizeOptions = {}): Promise<Span[]> {
  if (!text) return [];
  const tokens = await segmenter.tag(text);
  const docs = findDocs(text);
  const candidates: Candidate[] = docs.map((d) => ({ ...d, priority: 100 }));
  for (const f of findFigures(text)) candidates.push({ ...f, priority: 3 });
  for (const c of findNameCandidates(text, tokens)) candidates.push(c);
  // Documents are fixed first: nothing is marked inside a document's name.
  const inDoc = (c: Candidate) => c.priority < 100 && docs.some((d) => c.start < d.end && d.start < c.end);
  let spans = resolve(candidates.filter((c) => !inDoc(c)));
  if (options.rejected?.size) spans = spans.filter((s) => !options.rejected!.has(s.text));
  return spans;
}

/** Types of user-dictionary words, as jieba POS tags, so a word added as a PLACE is tagged `ns`. */
const TAG_OF: Partial<Record<SpanType, string>> = { PERSON: 'nr', PLACE: 'ns', ORG: 'nt', DOC: 'nz' };

/**
 * Loads entity names into the segmenter's user dictionary, so they are always cut whole: the
 * entities of the seed corpus at start, and the words a user added. Resolves with the number
 * of words added; rejects only if the segmenter does.
 */
export async function addEntityWords(segmenter: Segmenter, entities: ReadonlyArray<{ text: string; type: SpanType }>): Promise<number> {
  const words: UserWord[] = [];
  const seen = new Set<string>();
  for (const e of entities) {
    const tag = TAG_OF[e.type];
    if (!tag || seen.has(e.text) || e.text.length < 2) continue;
    seen.add(e.text);
    words.push({ word: e.text, tag });
  }
  return segmenter.addWords(words);
}
