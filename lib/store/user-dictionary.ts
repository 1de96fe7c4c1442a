/**
 * The user's dictionary as kept in extension storage: names rejected from highlighting and
 * names added as entities.
 * (Words added as entities, and the Dexie store, come with the clippings issue.) Checked with
 * zod whenever it is read or written.
 */
import * as z from 'zod/mini';
import { IN_LANGUAGE } from '../i18n/zod';
import { lazy } from '../lazy';
import { SPAN_TYPE_NAMES } from '../messaging/protocol';

export const USER_DICTIONARY_KEY = 'userDictionary.v1';

export const userDictionarySchema = lazy(() => z.object({
  version: z.literal(1),
  rejected: z.array(z.object({ text: z.string().check(z.minLength(1), z.maxLength(200)), type: z.enum(SPAN_TYPE_NAMES), at: z.number() })).check(z.maxLength(20_000)),
  added: z._default(
    z
      .array(z.object({ text: z.string().check(z.minLength(2), z.maxLength(200)), type: z.enum(['PERSON', 'PLACE', 'ORG', 'DOC']), at: z.number() }))
      .check(z.maxLength(20_000)),
    [],
  ),
}));
export type UserDictionary = z.infer<typeof userDictionarySchema>;

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
