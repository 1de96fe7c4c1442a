/**
 * The word lists behind the tagger's list features, built from the recognizer's own data: the
 * place gazetteer (full names and short forms), organization suffixes, titles, and known names
 * (the seed corpus's entities and the reader's added ones, passed in).
 */
import { lookupPlace, placeNames, type PlaceEntry, type PlaceLevel } from '../gazetteer';
import { DEPARTMENTS, KNOWN_MEDIA, KNOWN_ORGS, ORG_SUFFIXES, PARTY_DEPARTMENTS, PERSON_TITLES, SEGMENTER_WORDS } from '../lexicon';
import { LEXICONS, foldCode, type LexiconName } from './features';
import { LexiconIndex } from './lexicon-index';

/** Folds a word as the features fold text (width, case), so it matches. */
export function foldWord(word: string): string {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (foldCode(c) !== c) return String.fromCharCode(...Array.from(word, (ch) => foldCode(ch.charCodeAt(0))));
  }
  return word;
}

const listIndex = (name: LexiconName) => LEXICONS.indexOf(name);

/** Levels whose names rarely mean anything else. */
const MAJOR_LEVELS: ReadonlySet<PlaceLevel> = new Set(['province', 'prefecture', 'country', 'region', 'geo']);

function* placeEntries(): Iterable<[string, PlaceEntry]> {
  for (const name of placeNames()) yield [name, lookupPlace(name)!];
}


/** Builds the index of the fixed lists ({@link LEXICONS}). */
export function buildLexicons(): LexiconIndex {
  // About 86,000 words and prefixes: a table of 2^18 slots (4 MB), a third full.
  const index = new LexiconIndex(LEXICONS.length, 100_000);
  for (const [name, entry] of placeEntries()) {
    const major = MAJOR_LEVELS.has(entry.level);
    const list: LexiconName = entry.short ? (major ? 'place-short-major' : 'place-short-minor') : major ? 'place-major' : 'place-minor';
    index.add(foldWord(name), listIndex(list));
  }
  for (const s of ORG_SUFFIXES) index.add(foldWord(s), listIndex('org-suffix'));
  // Government departments, full and short (市场监督管理局, 发改委), and party departments.
  for (const names of DEPARTMENTS) for (const s of names) index.add(foldWord(s), listIndex('department'));
  for (const s of [...PARTY_DEPARTMENTS, ...SEGMENTER_WORDS.filter((w) => !w.startsWith('副'))]) index.add(foldWord(s), listIndex('department'));
  // Well-known bodies and media (they are in the segmenter's dictionary too).
  for (const s of [...KNOWN_ORGS, ...KNOWN_MEDIA]) index.add(foldWord(s), listIndex('known-org'));
  for (const s of PERSON_TITLES) index.add(foldWord(s), listIndex('title'));
  return index;
}
