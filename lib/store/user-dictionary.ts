/**
 * The user's dictionary as kept in extension storage: names rejected from highlighting and
 * names added as entities (the reader's corrections, listed in the options page's 纠错记录 and
 * carried by the JSON export). Checked with zod whenever it is read or written. The background
 * is its one writer in practice (the card's corrections and the options page's undo go there as
 * messages), each change through {@link serialized}.
 */
import * as z from 'zod/mini';
import { IN_LANGUAGE } from '../i18n/zod';
import { lazy } from '../lazy';
import { SPAN_TYPE_NAMES } from '../messaging/protocol';

export const USER_DICTIONARY_KEY = 'userDictionary.v1';

/** The types a reader can add a name as (添加为实体). */
export const ADDED_TYPES = ['PERSON', 'PLACE', 'ORG', 'DOC'] as const;
export type AddedType = (typeof ADDED_TYPES)[number];

/** Most entries of each list (rejected, added). */
export const MAX_CORRECTIONS = 20_000;

/** One name the reader rejected (不是实体): the type it was highlighted as, and when. */
export const rejectedEntrySchema = lazy(() => z.object({ text: z.string().check(z.minLength(1), z.maxLength(200)), type: z.enum(SPAN_TYPE_NAMES), at: z.number() }));
/** One name the reader added as an entity (添加为实体): its type, and when it was added or last retyped. */
export const addedEntrySchema = lazy(() => z.object({ text: z.string().check(z.minLength(2), z.maxLength(200)), type: z.enum(ADDED_TYPES), at: z.number() }));

export const userDictionarySchema = lazy(() => z.object({
  version: z.literal(1),
  rejected: z.array(rejectedEntrySchema).check(z.maxLength(MAX_CORRECTIONS)),
  added: z._default(z.array(addedEntrySchema).check(z.maxLength(MAX_CORRECTIONS)), []),
}));
export type UserDictionary = z.infer<typeof userDictionarySchema>;
export type RejectedEntry = UserDictionary['rejected'][number];
export type AddedEntry = UserDictionary['added'][number];

/**
 * The reader's corrections: the two lists of the dictionary, as stored and as they travel in a
 * JSON export (`corrections` of `lib/store/exchange.ts`).
 */
export type Corrections = Pick<UserDictionary, 'rejected' | 'added'>;
export type CorrectionKind = keyof Corrections;

/** One correction of either list, with the list it is on. */
export type Correction = ({ kind: 'rejected' } & RejectedEntry) | ({ kind: 'added' } & AddedEntry);

export const EMPTY_USER_DICTIONARY: UserDictionary = { version: 1, rejected: [], added: [] };

/** The part of `browser.storage.local` this needs (tests pass a fake). */
export interface KeyValueStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * Reads the dictionary. A missing entry is an empty dictionary; a malformed one is reported on
 * the console and read as empty rather than breaking highlighting (it is not overwritten until
 * the user changes the dictionary).
 */
export async function readUserDictionary(store: KeyValueStore): Promise<UserDictionary> {
  const raw = (await store.get(USER_DICTIONARY_KEY))[USER_DICTIONARY_KEY];
  if (raw === undefined) return EMPTY_USER_DICTIONARY;
  const parsed = userDictionarySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.error('[user dictionary] stored value is malformed; using an empty one', parsed.error.issues[0]);
  return EMPTY_USER_DICTIONARY;
}

/** Read-modify-write changes of one realm, one after another (see {@link serialized}). */
let writes: Promise<unknown> = Promise.resolve();

/**
 * Runs `change` after every change queued before it in this realm has finished, so concurrent
 * read-modify-write updates of a stored value never overwrite each other (20 corrections sent
 * at once are 20 corrections stored). The background is the one writer of the dictionary;
 * settings are written by the extension's pages, each through this queue. Resolves or rejects
 * as `change` does; a failed change does not stop the next.
 */
export function serialized<T>(change: () => Promise<T>): Promise<T> {
  const run = writes.then(change, change);
  writes = run.catch(() => undefined);
  return run;
}

/**
 * Adds a rejected name (once) and writes the dictionary back; resolves with the number of
 * rejected names. Rejects if storage does (e.g. quota), leaving the stored value as it was.
 */
export function rejectName(store: KeyValueStore, text: string, type: UserDictionary['rejected'][number]['type'], now = Date.now()): Promise<number> {
  return serialized(async () => {
    const dictionary = await readUserDictionary(store);
    if (dictionary.rejected.some((r) => r.text === text)) return dictionary.rejected.length;
    const next = userDictionarySchema.parse({ ...dictionary, rejected: [...dictionary.rejected, { text, type, at: now }] }, IN_LANGUAGE);
    await store.set({ [USER_DICTIONARY_KEY]: next });
    return next.rejected.length;
  });
}

/**
 * Adds a name as an entity of `type` (replacing an earlier type for it, and taking it off the
 * rejected list) and writes the dictionary back; resolves with the number of added names.
 * Rejects if storage does or the name is not a valid entry, leaving the stored value as it was.
 */
export function addName(store: KeyValueStore, text: string, type: UserDictionary['added'][number]['type'], now = Date.now()): Promise<number> {
  return serialized(async () => {
    const dictionary = await readUserDictionary(store);
    const next = userDictionarySchema.parse({
      ...dictionary,
      rejected: dictionary.rejected.filter((r) => r.text !== text),
      added: [...dictionary.added.filter((a) => a.text !== text), { text, type, at: now }],
    }, IN_LANGUAGE);
    await store.set({ [USER_DICTIONARY_KEY]: next });
    return next.added.length;
  });
}

/**
 * Takes back one correction: the name `text` leaves the `added` or the `rejected` list, and
 * is recognized as the recognizer reads it again. Resolves with whether it was there. Rejects
 * if storage does, leaving the stored value as it was.
 */
export function removeCorrection(store: KeyValueStore, kind: 'added' | 'rejected', text: string): Promise<boolean> {
  return serialized(async () => {
    const dictionary = await readUserDictionary(store);
    const list = dictionary[kind] as ReadonlyArray<{ text: string }>;
    if (!list.some((entry) => entry.text === text)) return false;
    const next = userDictionarySchema.parse({ ...dictionary, [kind]: list.filter((entry) => entry.text !== text) }, IN_LANGUAGE);
    await store.set({ [USER_DICTIONARY_KEY]: next });
    return true;
  });
}

/** Adapts an extension storage area (`browser.storage.local`) to {@link KeyValueStore}. */
export function storageAreaStore(area: {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}): KeyValueStore {
  return { get: (key) => area.get(key), set: (items) => area.set(items) };
}

/**
 * Both lists as one, newest first (by `at`; a tie by text, so the order is stable). Pure, never
 * throws; for the options page's list of corrections.
 */
export function listCorrections(corrections: Corrections): Correction[] {
  const all: Correction[] = [
    ...corrections.rejected.map((entry) => ({ kind: 'rejected' as const, ...entry })),
    ...corrections.added.map((entry) => ({ kind: 'added' as const, ...entry })),
  ];
  return all.sort((a, b) => b.at - a.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : a.kind < b.kind ? -1 : 1));
}

/** What {@link mergeCorrections} did: names new to the dictionary, names it corrected anew, names it left. */
export interface CorrectionsMergeResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merges corrections from an import into the stored dictionary: the union of both, by name.
 * A name the store already holds keeps the newer correction (larger `at`; a tie keeps the
 * stored one), and a newer imported correction replaces the stored one on either list (a name
 * added after it was rejected is no longer rejected, as {@link addName} does). Names the import
 * does not mention are left as they are. Writes only if something changed, through
 * {@link serialized}; resolves with counts of the imported names (each counted once).
 *
 * Rejects, leaving the stored value as it was, if storage does (e.g. quota) or if the result
 * is not a valid dictionary (a list over {@link MAX_CORRECTIONS}, an invalid entry: the caller
 * should pass corrections checked by `parseExport`/`parseImportCorrections` of exchange.ts);
 * the zod message is then in the UI's language.
 */
export function mergeCorrections(store: KeyValueStore, corrections: Corrections): Promise<CorrectionsMergeResult> {
  return serialized(async () => {
    const dictionary = await readUserDictionary(store);
    // The newest correction the store holds for each name (a name may be on both lists).
    const stored = new Map<string, number>();
    for (const entry of [...dictionary.rejected, ...dictionary.added]) stored.set(entry.text, Math.max(entry.at, stored.get(entry.text) ?? -Infinity));
    // The newest imported correction of each name, where it is newer than the stored ones.
    const fresh: Correction[] = [];
    const seen = new Set<string>();
    for (const entry of listCorrections(corrections)) {
      if (seen.has(entry.text)) continue; // newest first: a name's first entry is its newest
      seen.add(entry.text);
      const held = stored.get(entry.text);
      if (held === undefined || entry.at > held) fresh.push(entry);
    }
    fresh.sort((a, b) => a.at - b.at);
    const result: CorrectionsMergeResult = { added: 0, updated: 0, unchanged: seen.size - fresh.length };
    if (!fresh.length) return result;
    for (const w of fresh) result[stored.has(w.text) ? 'updated' : 'added']++;
    const replaced = new Set(fresh.map((w) => w.text));
    const strip = ({ kind: _kind, ...entry }: Correction) => entry;
    const next = userDictionarySchema.parse({
      ...dictionary,
      rejected: [...dictionary.rejected.filter((r) => !replaced.has(r.text)), ...fresh.filter((w) => w.kind === 'rejected').map(strip)],
      added: [...dictionary.added.filter((a) => !replaced.has(a.text)), ...fresh.filter((w) => w.kind === 'added').map(strip)],
    }, IN_LANGUAGE);
    await store.set({ [USER_DICTIONARY_KEY]: next });
    return result;
  });
}
