/**
 * The recognizer: from text to spans of the eight types of the annotation guide (README.md in
 * this folder), with normalized values for figures. Pure: it takes a `Segmenter`, so it runs
 * with jieba-wasm's Node build in CLIs and tests and against the offscreen segmenter in the
 * extension.
 */
import type { Segmenter, Token, UserWord } from '../segment';
import { findDocs } from './docs';
import { combineNames } from './combine';
import { findRuleCandidates, type Candidate, type RuleCandidates } from './entities';
import { findFigures } from './figures';
import { resolve, resolveCandidates } from './resolve';
import { encodeSpans, type LabeledSpan } from './tagger/labels';
import { SEED_ENTITIES } from './data/seed-entities';
import { KNOWN_MEDIA, KNOWN_ORGS, SEGMENTER_WORDS } from './lexicon';
import type { NameTagger } from './tagger/tagger';
import type { Span, SpanType } from './types';

export type { Span, SpanType } from './types';
export type { NameTagger } from './tagger/tagger';

/** Where names come from: the trained tagger combined with the rules (default), either alone. */
export type NameSource = 'combined' | 'model' | 'rules';

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
  /**
   * The trained name tagger. Without one (a missing or corrupt model), names come from the
   * rules alone.
   */
  tagger?: NameTagger | null;
  /** With a tagger: the combination (default), or the model or the rules alone (for evaluation). */
  names?: NameSource;
  /** Steps of the combination to run (a bit mask of `STEP` in combine.ts; all by default). */
  steps?: number;
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
      // Well-known bodies and media, then the seed corpus's own names.
      await addEntityWords(segmenter, [...KNOWN_ORGS, ...KNOWN_MEDIA].map((text) => ({ text, type: 'ORG' as const })));
      if (seedWords) await addEntityWords(segmenter, SEED_ENTITIES.map(([text, type]) => ({ text, type })));
    })();
    ready.catch(() => prepared.delete(segmenter));
    prepared.set(segmenter, ready);
  }
  return ready;
}

/** What the rules read in a text: their candidates, the known words, their own choice among them, and that choice as per-character labels. */
export interface RuleReading {
  rules: RuleCandidates;
  known: Candidate[];
  /** The rules' names as they choose alone (longest first), non-overlapping, sorted. */
  winners: Candidate[];
  /** Per character, the label (`tagger/labels.ts`) of the winner there, 0 where none: the tagger's hint features. */
  hints: Uint8Array;
}

/**
 * Runs the name rules over a text and its tokens (after {@link prepareSegmenter}), with the
 * segmenter's known words. Never throws.
 */
export function readByRules(text: string, tokens: readonly Token[], segmenter: Segmenter): RuleReading {
  const rules = findRuleCandidates(text, tokens);
  return { rules, ...weighRules(text, tokens, rules, segmenter) };
}

/**
 * The segmenter's known words among the tokens, the rules' own choice among their candidates
 * and those words, and that choice as per-character labels.
 */
function weighRules(text: string, tokens: readonly Token[], rules: RuleCandidates, segmenter: Segmenter): Omit<RuleReading, 'rules'> {
  // Words of the entity dictionary (the seed corpus's names, well-known bodies and media, the
  // reader's additions) are whole tokens now; they are what they were added as.
  const known = knownWords(tokens, segmenter);
  const all: Candidate[] = [];
  for (const list of Object.values(rules)) for (const c of list) all.push(c);
  for (const c of known) all.push(c);
  const winners = resolveCandidates(all);
  const hints = new Uint8Array(text.length);
  encodeSpans(winners as LabeledSpan[], text.length, hints);
  return { known, winners, hints };
}

/** The tagger's hint features of a text: {@link readByRules}' labels (the training uses this). */
export function ruleHints(text: string, tokens: readonly Token[], segmenter: Segmenter): Uint8Array {
  return readByRules(text, tokens, segmenter).hints;
}

/** Words of the entity dictionary found as whole tokens. */
function knownWords(tokens: readonly Token[], segmenter: Segmenter): Candidate[] {
  const known: Candidate[] = [];
  const dictionary = entityWords.get(segmenter);
  if (!dictionary?.size) return known;
  for (const tok of tokens) {
    // jieba keeps its own tag for a word it knew before (特斯拉/nrt): look every word up.
    if (tok.end - tok.start < 2) continue;
    const type = dictionary.get(tok.word);
    if (type) known.push({ start: tok.start, end: tok.end, type, text: tok.word, priority: 6 });
  }
  return known;
}

/**
 * What {@link recognize} reads from a text with the segmenter: its words and the name rules'
 * candidates over them. Depends only on the text and the segmenter's dictionary, and is plain
 * data (it survives a structured clone), so a CLI can compute it in another thread.
 */
export interface TextReading {
  tokens: Token[];
  rules: RuleCandidates;
}

/**
 * Reads `text` (see {@link TextReading}) with a segmenter whose words are in (see
 * {@link prepareSegmenter}). Rejects only if the segmenter does.
 */
export async function readText(text: string, segmenter: Segmenter): Promise<TextReading> {
  const tokens = await segmenter.tag(text);
  return { tokens, rules: findRuleCandidates(text, tokens) };
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
  if (options.added) await syncUserWords(segmenter, options.added);
  return recognizeReading(text, await readText(text, segmenter), segmenter, options);
}

/**
 * The rest of {@link recognize} given the text's reading (from {@link readText}, here or in
 * another thread, with the same dictionary): documents and figures found, names weighed and
 * combined, the reader's choices applied. `segmenter` names the dictionary of entity words
 * (after {@link prepareSegmenter} and {@link syncUserWords}); it is not called. Never throws.
 */
export function recognizeReading(text: string, reading: TextReading, segmenter: Segmenter, options: RecognizeOptions = {}): Span[] {
  if (!text) return [];
  const { tokens, rules } = reading;
  const docs = findDocs(text);
  const candidates: Candidate[] = docs.map((d) => Object.assign(d, { priority: 100 }));
  for (const f of findFigures(text)) candidates.push(Object.assign(f, { priority: 3 }));
  const source: NameSource = options.tagger ? (options.names ?? 'combined') : 'rules';
  const { known, winners, hints } = weighRules(text, tokens, rules, segmenter);
  if (source === 'model') {
    for (const s of options.tagger!.tag(text, tokens, hints)) candidates.push({ ...s, text: text.slice(s.start, s.end), priority: 3 });
  } else if (source === 'combined') {
    const model = options.tagger!.tag(text, tokens, hints);
    for (const c of combineNames(text, tokens, model, rules, { flags: options.steps, known, winners })) candidates.push(c);
  } else {
    for (const list of Object.values(rules)) for (const c of list) candidates.push(c);
    for (const c of known) candidates.push(c);
  }
  // Fixed first: nothing is marked inside a document's name, and a name the reader added is
  // marked wherever it occurs, whatever else was found there.
  const fixed: Array<{ start: number; end: number }> = [...docs];
  for (const a of options.added ?? []) {
    if (a.text.length < 2 || a.type === 'DOC') continue;
    for (let at = text.indexOf(a.text); at >= 0; at = text.indexOf(a.text, at + a.text.length)) {
      if (fixed.some((f) => at < f.end && f.start < at + a.text.length)) continue;
      const c: Candidate = { start: at, end: at + a.text.length, type: a.type, text: a.text, priority: 90 };
      fixed.push(c);
      candidates.push(c);
    }
  }
  const free = fixed.length
    ? candidates.filter((c) => c.priority >= 90 || !fixed.some((d) => c.start < d.end && d.start < c.end))
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

/** The reader's words loaded into each segmenter (not the seed corpus's), with their type. */
const userWords = new WeakMap<Segmenter, Set<string>>();

/**
 * Makes the segmenter's entity words follow the reader's added list: new words are loaded with
 * their type, a changed type is loaded again, and a word taken back (撤销, the corrections
 * manager) is loaded as a plain noun and is no entity any more. Words of the seed corpus are
 * left as they are. Rejects only if the segmenter does.
 */
export async function syncUserWords(segmenter: Segmenter, added: ReadonlyArray<{ text: string; type: SpanType }>): Promise<void> {
  let mine = userWords.get(segmenter);
  if (!mine) userWords.set(segmenter, (mine = new Set()));
  const known = entityWordsOf(segmenter);
  const wanted = new Map<string, SpanType>();
  for (const a of added) if (TAG_OF[a.type] && a.text.length >= 2) wanted.set(a.text, a.type);
  const words: UserWord[] = [];
  for (const text of mine) {
    if (wanted.has(text)) continue;
    mine.delete(text);
    known.delete(text);
    words.push({ word: text, tag: 'n' });
  }
  for (const [text, type] of wanted) {
    if (known.has(text) && !mine.has(text)) continue; // a seed corpus word
    if (known.get(text) === type) continue;
    known.set(text, type);
    mine.add(text);
    words.push({ word: text, tag: TAG_OF[type]! });
  }
  if (words.length) await segmenter.addWords(words);
}

/** Entity words added to each segmenter: they come back as whole words, and are marked as such. */
const entityWords = new WeakMap<Segmenter, Map<string, SpanType>>();

function entityWordsOf(segmenter: Segmenter): Map<string, SpanType> {
  let words = entityWords.get(segmenter);
  if (!words) entityWords.set(segmenter, (words = new Map()));
  return words;
}
