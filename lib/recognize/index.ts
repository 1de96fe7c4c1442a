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
import { SEED_ENTITIES } from './data/seed-entities';
import { SEGMENTER_WORDS } from './lexicon';
import type { Span, SpanType } from './types';

export type { Span, SpanType } from './types';

export interface RecognizeOptions {
  /** Surface strings the user rejected ("不是实体"): never returned, whatever the rules say. */
  rejected?: ReadonlySet<string>;
  /** Names the user added as entities ("添加为实体"): loaded into the segmenter (once each) and marked. */
  added?: ReadonlyArray<{ text: string; type: SpanType }>;
  /**
   * Load the seed corpus's own entity names into the segmenter first (default true); only the
   * script that builds that list turns it off.
   */
  seedWords?: boolean;
}

/** Whether `a` beats `b` when they overlap: longer first, then higher priority, then earlier. */
function beats(a: Candidate, b: Candidate): boolean {
  const la = a.end - a.start;
  const lb = b.end - b.start;
  return la !== lb ? la > lb : a.priority !== b.priority ? a.priority > b.priority : a.start < b.start;
}

function toSpan(c: Candidate): Span {
  const span: Span = { start: c.start, end: c.end, type: c.type, text: c.text };
  if (c.value !== undefined) span.value = c.value;
  if (c.unit !== undefined) span.unit = c.unit;
  return span;
}

/**
 * Keeps the best of overlapping candidates (longer first, then priority) and returns them as
 * spans sorted by start. Works cluster by cluster: most candidates overlap nothing.
 */
function resolve(candidates: Candidate[]): Span[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
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
      out.push(toSpan(candidates[i]!));
    } else {
      const cluster = candidates.slice(i, j).sort((a, b) => (beats(a, b) ? -1 : beats(b, a) ? 1 : 0));
      const kept: Candidate[] = [];
      for (const c of cluster) if (kept.every((k) => c.end <= k.start || k.end <= c.start)) kept.push(c);
      kept.sort((a, b) => a.start - b.start);
      for (const c of kept) out.push(toSpan(c));
    }
    i = j;
  }
  return out;
}

/** Segmenters that already hold {@link SEGMENTER_WORDS}. */
const prepared = new WeakMap<Segmenter, Promise<unknown>>();

/**
 * Loads the recognizer's own words into the segmenter, once per segmenter: department names
 * and titles jieba cuts badly, and the entity names found in the seed corpus (so the corpus's
 * own names are always cut whole). Called by {@link recognize}; call it earlier to take the
 * cost at start. Rejects only if the segmenter does (and then the next call tries again).
 */
export function prepareSegmenter(segmenter: Segmenter, seedWords = true): Promise<unknown> {
  let ready = prepared.get(segmenter);
  if (!ready) {
    ready = (async () => {
      await segmenter.addWords(SEGMENTER_WORDS.map((word) => ({ word, tag: 'n' })));
      if (seedWords) await addEntityWords(segmenter, SEED_ENTITIES.map(([text, type]) => ({ text, type })));
    })();
    ready.catch(() => prepared.delete(segmenter));
    prepared.set(segmenter, ready);
  }
  return ready;
}

/**
 * Takes the recognizer's first-call costs now, so that the first page does not wait for them:
 * jieba's dictionary (built by the segmenter on first use), this module's words
 * ({@link prepareSegmenter}) and the gazetteer's index, about 0.5 s together on a slow machine.
 * Rejects only if the segmenter does.
 */
export async function warmRecognizer(segmenter: Segmenter): Promise<void> {
  await recognize('青海省西宁市人民政府2024年4月24日发布', segmenter);
}

/**
 * Recognizes entities and figures in `text`.
 *
 * Returns spans sorted by start, non-overlapping, each with `text === input.slice(start, end)`;
 * never splits a surrogate pair. Rejects only if the segmenter does.
 */
export async function recognize(text: string, segmenter: Segmenter, options: RecognizeOptions = {}): Promise<Span[]> {
  if (!text) return [];
  await prepareSegmenter(segmenter, options.seedWords ?? true);
  if (options.added?.length) await addEntityWords(segmenter, options.added);
  const tokens = await segmenter.tag(text);
  const docs = findDocs(text);
  const candidates: Candidate[] = docs.map((d) => Object.assign(d, { priority: 100 }));
  for (const f of findFigures(text)) candidates.push(Object.assign(f, { priority: 3 }));
  for (const c of findNameCandidates(text, tokens)) candidates.push(c);
  // Words of the entity dictionary (the seed corpus's names, the user's additions) are whole
  // tokens now; they are what they were added as.
  const known = entityWords.get(segmenter);
  if (known?.size) {
    for (const tok of tokens) {
      // Added words carry the tag of their type (nr, ns, nt, nz); others need no look-up.
      if (tok.tag !== 'nr' && tok.tag !== 'ns' && tok.tag !== 'nt' && tok.tag !== 'nz') continue;
      const type = known.get(tok.word);
      if (type) candidates.push({ start: tok.start, end: tok.end, type, text: tok.word, priority: 6 });
    }
  }
  // Documents are fixed first: nothing is marked inside a document's name.
  const free = docs.length
    ? candidates.filter((c) => c.priority >= 100 || !docs.some((d) => c.start < d.end && d.start < c.end))
    : candidates;
  let spans = resolve(free);
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
  const known = entityWordsOf(segmenter);
  for (const e of entities) {
    const tag = TAG_OF[e.type];
    if (!tag || known.has(e.text) || e.text.length < 2) continue;
    known.set(e.text, e.type);
    words.push({ word: e.text, tag });
  }
  return segmenter.addWords(words);
}

/** Entity words added to each segmenter: they come back as whole words, and are marked as such. */
const entityWords = new WeakMap<Segmenter, Map<string, SpanType>>();

function entityWordsOf(segmenter: Segmenter): Map<string, SpanType> {
  let words = entityWords.get(segmenter);
  if (!words) entityWords.set(segmenter, (words = new Map()));
  return words;
}
