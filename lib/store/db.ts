/**
 * The one IndexedDB database of the extension (Dexie): the reader's clippings and the articles
 * the reader added to the corpus. Schema versions
 * are named constants with dated comments and named upgrade functions; a version is never
 * edited once shipped, only followed by a new one. Every row is checked with zod before it is
 * written. Opened by the background (which saves, so a closed tab loses nothing) and by the
 * popup (which reads live and edits).
 */
import Dexie, { type Table } from 'dexie';
import * as z from 'zod/mini';
import { $ZodError } from 'zod/v4/core';
import { t } from '../i18n';
import { IN_LANGUAGE } from '../i18n/zod';
import { lazy } from '../lazy';
import { corpusArticleSchema, type CorpusArticle } from '../corpus/article';
import { clippingSchema, pageKey, type Clipping } from './clipping';

export const DB_NAME = 'zwpz';

/**
 * v1 (2026-11-22, first release): clippings by id; newest first (`createdAt`), by page
 * (`pageKeys`: its canonical address and the address it was read at), site, tag, entity type;
 * `tokens` is the search index (jieba search mode).
 */
export const SCHEMA_V1 = {
  clippings: 'id, createdAt, updatedAt, *pageKeys, site, *tags, *entityTypes, *tokens',
} as const;

/**
 * v2 (2026-11-22, the corpus): `articles`, the articles the reader added to the corpus (a page,
 * files), by id (`user:<uuid>`), newest first (`addedAt`) and by address (`url`). The seed
 * articles ship as a file and are never stored. Clippings unchanged; no upgrade function: the
 * new table starts empty.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  articles: 'id, addedAt, url',
} as const;

/** Every schema, oldest first; the last one is current. */
export const SCHEMA_VERSIONS = [
  { version: 1, stores: SCHEMA_V1, upgrade: undefined },
  { version: 2, stores: SCHEMA_V2, upgrade: undefined },
] as const;
export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/** A clipping as stored: the clipping and the fields derived from it for the indexes. */
export interface StoredClipping extends Clipping {
  /** {@link pageKey} of the canonical address and of the address (one entry if they agree). */
  pageKeys: string[];
  entityTypes: string[];
  tokens: string[];
}

const storedSchema = z.object({
  pageKeys: z.array(z.string().check(z.maxLength(4000))).check(z.minLength(1), z.maxLength(2)),
  entityTypes: z.array(z.string().check(z.maxLength(20))).check(z.maxLength(8)),
  tokens: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20_000)),
});

export class ClippingsDb extends Dexie {
  clippings!: Table<StoredClipping, string>;
  /** Articles the reader added to the corpus (see {@link putArticles}). */
  articles!: Table<CorpusArticle, string>;

  /** `options.indexedDB`/`IDBKeyRange` for tests (fake-indexeddb); the browser's otherwise. */
  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

/**
 * A storage error as a sentence in the UI's language (`t()`): quota, a blocked or closed
 * database, anything else (with the browser's own message, which is often English).
 */
export function storageErrorMessage(error: unknown): string {
  const name = (error as { name?: string; inner?: { name?: string } })?.inner?.name ?? (error as { name?: string })?.name ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (/QuotaExceeded/i.test(name) || /quota/i.test(message)) return t('storeStorageFull');
  if (/DatabaseClosed|InvalidState/i.test(name)) return t('storeStorageClosed');
  if (/Version|Upgrade/i.test(name)) return t('storeStorageUpgrading');
  return t('storeStorageFailed', message);
}

/**
 * The row to store for a clipping: validated, with its index fields. Throws a zod error if
 * invalid (its messages in the UI's language).
 */
export function toStored(clipping: Clipping, tokens: readonly string[]): StoredClipping {
  const valid = clippingSchema.parse(clipping, IN_LANGUAGE);
  const derived = storedSchema.parse(
    {
      pageKeys: [...new Set([pageKey(valid.canonicalUrl), pageKey(valid.url)])],
      entityTypes: [...new Set(valid.entities.map((e) => e.type))],
      tokens: [...new Set(tokens)],
    },
    IN_LANGUAGE,
  );
  return { ...valid, ...derived };
}

/** The clipping of a stored row (without index fields). */
export function fromStored(row: StoredClipping): Clipping {
  const { pageKeys: _p, entityTypes: _e, tokens: _t, ...clipping } = row;
  return clipping;
}

/**
 * Writes a clipping (new or replacing the row with its id) after validating it. Rejects with
 * a message in the UI's language ({@link storageErrorMessage}) on storage errors and with a zod error on
 * an invalid clipping; nothing is written then.
 */
export async function putClipping(db: ClippingsDb, clipping: Clipping, tokens: readonly string[]): Promise<StoredClipping> {
  const row = toStored(clipping, tokens);
  try {
    await db.clippings.put(row);
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
  return row;
}

/** What may change in a clipping after it is saved. */
export interface ClippingPatch {
  note?: string;
  tags?: string[];
  color?: Clipping['color'];
  entities?: Clipping['entities'];
  related?: Clipping['related'];
}

/**
 * Changes a clipping in one transaction (concurrent edits from several views do not overwrite
 * each other's fields); `tokens` replaces the search tokens when given; `updatedAt` moves to
 * `now` unless `touch` is false. Resolves with the new
 * row, or null if the clipping is gone. Rejects like {@link putClipping}.
 */
export async function updateClipping(
  db: ClippingsDb,
  id: string,
  patch: ClippingPatch,
  tokens?: readonly string[],
  options: { now?: number; touch?: boolean } = {},
): Promise<StoredClipping | null> {
  const { now = Date.now(), touch = true } = options;
  try {
    return await db.transaction('rw', db.clippings, async () => {
      const row = await db.clippings.get(id);
      if (!row) return null;
      // `touch: false` for what the extension adds by itself (entities, related articles).
      const updatedAt = touch ? Math.max(now, row.createdAt) : row.updatedAt;
      const next = toStored({ ...fromStored(row), ...patch, updatedAt }, tokens ?? row.tokens);
      await db.clippings.put(next);
      return next;
    });
  } catch (error) {
    if (error instanceof $ZodError) throw error;
    throw new Error(storageErrorMessage(error));
  }
}

/** Deletes a clipping; resolves with the row (to undo with {@link restoreClipping}) or null. */
export async function deleteClipping(db: ClippingsDb, id: string): Promise<StoredClipping | null> {
  try {
    return await db.transaction('rw', db.clippings, async () => {
      const row = await db.clippings.get(id);
      if (row) await db.clippings.delete(id);
      return row ?? null;
    });
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
}

/** Puts back a deleted row as it was. */
export async function restoreClipping(db: ClippingsDb, row: StoredClipping): Promise<void> {
  try {
    await db.clippings.put(toStored(fromStored(row), row.tokens));
  } catch (error) {
    if (error instanceof $ZodError) throw error;
    throw new Error(storageErrorMessage(error));
  }
}

/** The clippings of a page (by its canonical address or its address), oldest first. */
export async function clippingsForPage(db: ClippingsDb, url: string, canonicalUrl?: string): Promise<StoredClipping[]> {
  const keys = [...new Set([pageKey(url), ...(canonicalUrl ? [pageKey(canonicalUrl)] : [])])];
  const rows = await db.clippings.where('pageKeys').anyOf(keys).distinct().toArray();
  return rows.sort((a, b) => a.createdAt - b.createdAt);
}

export interface ClippingFilter {
  /** Search tokens of the query (same cut as the rows'); the raw query for a substring check. */
  tokens?: readonly string[];
  query?: string;
  /** Other forms of the query to look for as substrings (its simplified form when typed in traditional characters). */
  alternatives?: readonly string[];
  site?: string;
  tag?: string;
  entityType?: string;
  /** Created at or after / before (ms). */
  from?: number;
  to?: number;
}

/** Whether a row matches the filter (see {@link searchClippings}). */
export function matches(row: StoredClipping, f: ClippingFilter): boolean {
  if (f.site && row.site !== f.site) return false;
  if (f.tag && !row.tags.includes(f.tag)) return false;
  if (f.entityType && !row.entityTypes.includes(f.entityType)) return false;
  if (f.from !== undefined && row.createdAt < f.from) return false;
  if (f.to !== undefined && row.createdAt >= f.to) return false;
  const query = f.query?.trim().toLowerCase();
  if (query) {
    const tokens = f.tokens ?? [];
    const byTokens = tokens.length > 0 && tokens.every((t) => row.tokens.includes(t));
    if (!byTokens && !holdsQuery(row, f)) return false;
  }
  return true;
}

/** Whether a row's quote, note or tags hold the query or one of its other forms. */
function holdsQuery(row: StoredClipping, f: ClippingFilter): boolean {
  const text = `${row.quote}\n${row.note}\n${row.tags.join(' ')}`.toLowerCase();
  for (const q of [f.query ?? '', ...(f.alternatives ?? [])]) {
    const wanted = q.trim().toLowerCase();
    if (wanted && text.includes(wanted)) return true;
  }
  return false;
}

/**
 * Clippings matching the filter, newest first, at most `limit`. A query matches a clipping when
 * all its search tokens are in the clipping's (知识产权 finds 知识产权局), or when it is a
 * substring of its quote, note or tags. Uses the token index where it can.
 */
export async function searchClippings(db: ClippingsDb, filter: ClippingFilter, limit = 200): Promise<StoredClipping[]> {
  const tokens = filter.tokens?.filter(Boolean) ?? [];
  let rows: StoredClipping[];
  if (filter.query?.trim() && tokens.length) {
    // Candidates from the index by the rarest-looking (longest) token, and by substring.
    const longest = [...tokens].sort((a, b) => b.length - a.length)[0]!;
    const byIndex = await db.clippings.where('tokens').equals(longest).toArray();
    const seen = new Set(byIndex.map((r) => r.id));
    const bySubstring = await db.clippings.filter((r) => !seen.has(r.id) && holdsQuery(r, filter)).toArray();
    rows = [...byIndex, ...bySubstring];
  } else if (filter.tag) {
    rows = await db.clippings.where('tags').equals(filter.tag).toArray();
  } else if (filter.site) {
    rows = await db.clippings.where('site').equals(filter.site).toArray();
  } else if (filter.entityType === undefined && filter.from === undefined && filter.to === undefined) {
    // Nothing to filter: the newest straight from the index.
    return db.clippings.orderBy('createdAt').reverse().limit(limit).toArray();
  } else {
    return await db.clippings.orderBy('createdAt').reverse().filter((r) => matches(r, filter)).limit(limit).toArray();
  }
  return rows
    .filter((r) => matches(r, filter))
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
}

/**
 * An added article as stored: a corpus article of origin `user` (id `user:…`) or `history`
 * (id `history:…`, the reading history), with `addedAt`.
 */
export const userArticleSchema = lazy(() =>
  corpusArticleSchema.check(
    z.refine((a) => a.origin !== 'seed' && a.id.startsWith(`${a.origin}:`) && a.addedAt !== undefined, {
      error: () => t('storeArticleNotUser'),
    }),
  ),
);

/**
 * Writes added articles (new or replacing rows with their ids), all or nothing: every article is
 * validated first ({@link userArticleSchema}; a zod error, nothing written, if one is invalid),
 * then all are written in one transaction. Rejects with a message in the
 * UI's language ({@link storageErrorMessage}) on storage errors (the quota); nothing is written then.
 */
export async function putArticles(db: ClippingsDb, articles: readonly CorpusArticle[]): Promise<CorpusArticle[]> {
  const rows = articles.map((a) => userArticleSchema.parse(a, IN_LANGUAGE));
  try {
    await db.transaction('rw', db.articles, () => db.articles.bulkPut(rows));
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
  return rows;
}

/** Deletes added articles by id, in one transaction; resolves with how many there were. */
export async function deleteArticles(db: ClippingsDb, ids: readonly string[]): Promise<number> {
  try {
    return await db.transaction('rw', db.articles, async () => {
      const found = (await db.articles.bulkGet([...ids])).filter(Boolean).length;
      await db.articles.bulkDelete([...ids]);
      return found;
    });
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
}

/**
 * Every added article, oldest first, each checked with {@link userArticleSchema}. A row that
 * fails the check is left in the database and skipped (reported to `onInvalid`), so one bad row
 * neither hides the others nor is lost. Rejects like {@link putArticles} on storage errors.
 */
export async function allArticles(db: ClippingsDb, onInvalid?: (id: unknown, error: $ZodError) => void): Promise<CorpusArticle[]> {
  let rows: unknown[];
  try {
    rows = await db.articles.toArray();
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
  const out: CorpusArticle[] = [];
  for (const row of rows) {
    const parsed = userArticleSchema.safeParse(row, IN_LANGUAGE);
    if (parsed.success) out.push(parsed.data);
    else onInvalid?.((row as { id?: unknown } | null)?.id, parsed.error);
  }
  return out.sort((a, b) => a.addedAt! - b.addedAt! || (a.id < b.id ? -1 : 1));
}
