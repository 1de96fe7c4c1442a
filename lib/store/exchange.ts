/**
 * Clippings out of and into the extension: JSON (complete, versioned, re-importable, with the
 * reader's corrections of the recognizer if asked), Markdown (grouped by page), CSV and W3C Web
 * Annotation JSON-LD. Import reads only our JSON, checks the whole file before anything is
 * written, and names the first bad record. Pure, except {@link importClippings}, which writes
 * through the Dexie module.
 */
import { languageTag, t } from '../i18n';
import { IN_LANGUAGE } from '../i18n/zod';
import { formatValue, localTimestamp, typeLabel } from '../text/format-value';
import { clippingSchema, pageKey, type Clipping } from './clipping';
import { storageErrorMessage, toStored, type ClippingsDb } from './db';
import { addedEntrySchema, MAX_CORRECTIONS, rejectedEntrySchema, type Corrections } from './user-dictionary';

export const EXPORT_FORMAT = 'zwpz-clippings';
export const EXPORT_VERSION = 1;
/**
 * Largest export import accepts, in characters: about 400 MB of a UTF-8 file of Chinese clippings
 * (a 200 MB export holds ~130 M characters). V8's longest string is ~536 M characters.
 */
export const MAX_IMPORT_CHARS = 250_000_000;
/** Largest file the popup reads at all, in bytes (checked before reading it). */
export const MAX_IMPORT_BYTES = 750_000_000;

/**
 * Import failed; `message` says why in the UI's language (`t()`, zod's part too), naming the first
 * bad record and its field. Nothing was written.
 */
export class ImportError extends Error {
  override name = 'ImportError';
}

function byCreated(a: Clipping, b: Clipping): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The complete export: `{format, version, corrections?, clippings}` with the clippings oldest
 * first, every field in schema order. `corrections`, when given (the stored dictionary's
 * `rejected` and `added` lists), is written as `corrections: {rejected, added}`, each list oldest
 * first; without it the key is left out, as in files written before it existed. Deterministic:
 * exporting what was imported gives the same bytes. Throws (a zod error) only if a clipping or
 * a correction is not valid, which the stores never hold.
 */
export function toJson(clippings: readonly Clipping[], corrections?: Corrections | null): string {
  const rows = [...clippings].sort(byCreated).map((c) => clippingSchema.parse(c));
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    ...(corrections
      ? {
          corrections: {
            rejected: [...corrections.rejected].sort(byAt).map((e) => rejectedEntrySchema.parse(e)),
            added: [...corrections.added].sort(byAt).map((e) => addedEntrySchema.parse(e)),
          },
        }
      : {}),
    clippings: rows,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function byAt(a: { at: number; text: string }, b: { at: number; text: string }): number {
  return a.at - b.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/**
 * Characters of one import message at most: the browser's messages carry at most 64 MiB, and a
 * Chinese character is three bytes of it.
 */
export const IMPORT_MESSAGE_CHARS = 8_000_000;

/**
 * Clippings as export files of at most `maxChars` characters each (a clipping alone may exceed
 * it), in order, for a file too big for one message. `corrections`, if given, go in the first
 * file only (each file still parses with {@link parseExport}; the others have none). Never
 * throws.
 */
export function splitExport(clippings: readonly Clipping[], maxChars = IMPORT_MESSAGE_CHARS, corrections?: Corrections | null): string[] {
  const plain = `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"clippings":[`;
  let head = corrections
    ? `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"corrections":${JSON.stringify({ rejected: corrections.rejected, added: corrections.added })},"clippings":[`
    : plain;
  const out: string[] = [];
  let parts: string[] = [];
  let length = head.length + 2;
  for (const c of clippings) {
    const json = JSON.stringify(c);
    if (parts.length && length + json.length + 1 > maxChars) {
      out.push(`${head}${parts.join(',')}]}`);
      head = plain;
      parts = [];
      length = head.length + 2;
    }
    parts.push(json);
    length += json.length + 1;
  }
  if (parts.length || !out.length) out.push(`${head}${parts.join(',')}]}`);
  return out;
}

/** An export file's contents: its clippings, and its corrections (null if it has none). */
export interface ExportContents {
  clippings: Clipping[];
  corrections: Corrections | null;
}

/**
 * Reads an export file whole: its clippings and its corrections. Throws {@link ImportError} for
 * anything but a complete, valid file: bad JSON, another format or version, a record missing a
 * field or with a wrong type, an over-long string, a repeated id, a malformed `corrections`
 * block (naming the list, the entry and its field). A file without `corrections` (older
 * exports) gives `corrections: null`. Never returns part of a file.
 */
export function parseExport(text: string): ExportContents {
  const data = readExportHead(text);
  const clippings = readClippings(data.clippings);
  return { clippings, corrections: readCorrections(data.corrections) };
}

/**
 * Reads an export file's clippings. Throws {@link ImportError} as {@link parseExport} does, for
 * the whole file (a malformed `corrections` block too): never returns part of a file.
 */
export function parseImport(text: string): Clipping[] {
  return parseExport(text).clippings;
}

/**
 * Reads only an export file's corrections (its clippings are not checked): null if the file has
 * none. Throws {@link ImportError} for bad JSON, another format or version, or a malformed
 * `corrections` block, naming the list, the entry and its field.
 */
export function parseImportCorrections(text: string): Corrections | null {
  return readCorrections(readExportHead(text).corrections);
}

/** The parsed file, checked to be ours (format, version); its lists are checked by the callers. */
function readExportHead(text: string): { clippings?: unknown; corrections?: unknown } {
  if (text.length > MAX_IMPORT_CHARS) throw new ImportError(t('storeImportTooLarge', String(Math.round(text.length / 1e6)), String(MAX_IMPORT_CHARS / 1e6)));
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportError(t('storeImportNotJson', error instanceof Error ? error.message : String(error)));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new ImportError(t('storeImportNotExport'));
  }
  const { version } = data as { version?: unknown };
  if (version !== EXPORT_VERSION) {
    throw new ImportError(t('storeImportVersion', String(JSON.stringify(version)), String(EXPORT_VERSION)));
  }
  return data as { clippings?: unknown; corrections?: unknown };
}

function readClippings(clippings: unknown): Clipping[] {
  if (!Array.isArray(clippings)) throw new ImportError(t('storeImportNoList'));
  const out: Clipping[] = [];
  const ids = new Set<string>();
  clippings.forEach((record, i) => {
    // zod's messages in the UI's language, as of this parse (see lib/i18n/zod.ts).
    const parsed = clippingSchema.safeParse(record, IN_LANGUAGE);
    const id = typeof (record as { id?: unknown })?.id === 'string' ? (record as { id: string }).id : t('storeImportNoId');
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.length ? issue.path.join('.') : t('storeImportWholeRecord');
      throw new ImportError(t('storeImportInvalid', String(i + 1), id.slice(0, 40), path, issue.message));
    }
    if (ids.has(parsed.data.id)) throw new ImportError(t('storeImportDuplicateId', String(i + 1), id));
    ids.add(parsed.data.id);
    out.push(parsed.data);
  });
  return out;
}

/**
 * A file's `corrections` block, checked entry by entry: null when the file has none; a list
 * left out is empty. Throws {@link ImportError} naming the first bad entry (its list, number
 * from 1, text and field) or what is wrong with the block itself.
 */
function readCorrections(block: unknown): Corrections | null {
  if (block === undefined) return null;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) throw new ImportError(t('storeImportCorrectionsNotObject'));
  const lists = block as { rejected?: unknown; added?: unknown };
  return {
    rejected: readCorrectionList('rejected', lists.rejected, (entry) => rejectedEntrySchema.safeParse(entry, IN_LANGUAGE)),
    added: readCorrectionList('added', lists.added, (entry) => addedEntrySchema.safeParse(entry, IN_LANGUAGE)),
  };
}

type EntryParse<T> = { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };

function readCorrectionList<T>(kind: 'rejected' | 'added', list: unknown, parse: (entry: unknown) => EntryParse<T>): T[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ImportError(t('storeImportCorrectionsNoList', kind));
  if (list.length > MAX_CORRECTIONS) throw new ImportError(t('storeImportCorrectionsTooMany', kind, list.length.toLocaleString(languageTag()), MAX_CORRECTIONS.toLocaleString(languageTag())));
  return list.map((entry, i) => {
    const parsed = parse(entry);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const text = typeof (entry as { text?: unknown })?.text === 'string' && (entry as { text: string }).text ? (entry as { text: string }).text.slice(0, 40) : t('storeImportNoText');
    const path = issue.path.length ? issue.path.map(String).join('.') : t('storeImportWholeRecord');
    const label = t(kind === 'rejected' ? 'storeImportRejectedList' : 'storeImportAddedList');
    throw new ImportError(t('storeImportCorrectionInvalid', label, String(i + 1), text, path, issue.message));
  });
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * The clippings of an import that would change the library: ids it does not hold, or holds in
 * an older version (`updatedAt`). Read outside any transaction, so the caller can index only
 * these before writing ({@link importClippings} checks again as it writes). Rejects with a
 * message in the UI's language if the store cannot be read.
 */
export async function clippingsToWrite(db: ClippingsDb, clippings: readonly Clipping[]): Promise<Clipping[]> {
  try {
    const existing = await db.clippings.bulkGet(clippings.map((c) => c.id));
    return clippings.filter((c, i) => !existing[i] || existing[i]!.updatedAt < c.updatedAt);
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
}

/**
 * Writes parsed clippings in one transaction: new ids are added, known ids replaced only by a
 * newer version (`updatedAt`), so importing the same file twice changes nothing. `tokens[i]` are
 * the search tokens of `clippings[i]`. Rejects with a message in the UI's language on storage
 * errors, and then nothing was written.
 */
export async function importClippings(db: ClippingsDb, clippings: readonly Clipping[], tokens: readonly string[][]): Promise<ImportResult> {
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  const rows = clippings.map((c, i) => toStored(c, tokens[i] ?? []));
  try {
    await db.transaction('rw', db.clippings, async () => {
      const existing = await db.clippings.bulkGet(rows.map((r) => r.id));
      const writes = rows.filter((row, i) => {
        const old = existing[i];
        if (!old) result.added++;
        else if (old.updatedAt < row.updatedAt) result.updated++;
        else {
          result.unchanged++;
          return false;
        }
        return true;
      });
      await db.clippings.bulkPut(writes);
    });
  } catch (error) {
    throw new Error(storageErrorMessage(error));
  }
  return result;
}

const date = (ms: number) => new Date(ms).toISOString();

/** Markdown for reading: one section per page, each clipping as a quote with its note, tags and entities. */
export function toMarkdown(clippings: readonly Clipping[], offsetMinutes?: number): string {
  const pages = new Map<string, Clipping[]>();
  for (const c of [...clippings].sort(byCreated)) {
    const key = pageKey(c.canonicalUrl);
    const list = pages.get(key) ?? [];
    list.push(c);
    pages.set(key, list);
  }
  const out: string[] = [`# ${t('storeMdTitle')}`, ''];
  for (const list of pages.values()) {
    const first = list[0]!;
    const link = mdUrl(first.canonicalUrl);
    const heading = mdEscape(first.title || first.canonicalUrl);
    out.push(link ? `## [${heading}](${link})` : `## ${heading}`, '', `${mdEscape(first.site)} · ${t('storeMdClippingCount', list.length)}`, '');
    for (const c of list) {
      out.push(...c.quote.split('\n').map((line) => `> ${mdEscape(line)}`), '');
      if (c.note) out.push(...t('storeMdNote', c.note).split('\n').map(mdEscape), '');
      if (c.tags.length) out.push(t('storeMdTags', c.tags.map((tag) => `#${mdEscape(tag)}`).join(' ')), '');
      if (c.entities.length) {
        out.push(t('storeMdEntities'), '');
        for (const e of c.entities) {
          const value = formatValue(e);
          // A value that only repeats the words (31 个) is left out.
          const shown = value && value.replace(/\s/g, '') !== e.text.replace(/\s/g, '') ? value : '';
          out.push(`- ${t('storeMdEntity', typeLabel(e.type), mdEscape(e.text))}${shown ? ` → ${mdEscape(shown)}` : ''}`);
        }
        out.push('');
      }
      out.push(`<sub>${localTimestamp(c.createdAt, offsetMinutes).replace('T', ' ')}</sub>`, '');
    }
  }
  return out.join('\n');
}

/**
 * Text made inert in Markdown: HTML's `& < >` as entities (no raw HTML, no autolink), the
 * inline marks (`\\ \` * _ [ ] | ~ !`) escaped, and a line's leading block mark (`#`, `-`,
 * `+`, `>`, `1.`) escaped so a quote's line cannot become a heading or a list.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~!])/g, '\\$1')
    .replace(/^(\s*)(#{1,6}|[+=-]+|\d+[.)])(?=\s|$)/gm, '$1\\$2');
}

/**
 * A link target for Markdown: an http(s) address with every character that could end or break
 * the link percent-encoded; null for any other scheme (the text is then shown without a link).
 */
export function mdUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.href.replace(/[()<>\s"'`\\[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * A CSV cell: a text a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises; then quoted per RFC 4180 where
 * needed.
 */
export function csvCell(value: string): string {
  // A plain number cannot be a formula: kept as a number (a negative value too).
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  const safe = /^[=+\-@\t\r＝＋－＠]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV (RFC 4180, UTF-8 with BOM so spreadsheet programs read the Chinese right), one row per
 * entity of a clipping (a clipping without entities: one row with those cells empty), times in
 * the reader's time zone with its offset (`offsetMinutes` east of UTC; the system's by default).
 */
export function toCsv(clippings: readonly Clipping[], offsetMinutes?: number): string {
  const header = ['id', 'created', 'updated', 'site', 'title', 'url', 'quote', 'note', 'tags', 'color', 'entity_type', 'entity_text', 'value', 'unit'];
  const lines = [header.join(',')];
  for (const c of [...clippings].sort(byCreated)) {
    const clipping = [c.id, localTimestamp(c.createdAt, offsetMinutes), localTimestamp(c.updatedAt, offsetMinutes), c.site, c.title, c.url, c.quote, c.note, c.tags.join('; '), c.color];
    const entities = c.entities.length ? c.entities : [null];
    for (const e of entities) {
      const [value, unit] = e ? csvValue(e) : ['', ''];
      lines.push([...clipping, e?.type ?? '', e?.text ?? '', value, unit].map(csvCell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A figure's value and unit as two CSV cells: a number a spreadsheet can sum and its unit, never
 * both in one cell. Percentages as percent (`82.3`, `%`), money in its currency (`1568000000`,
 * `CNY`), quantities in their unit as written, dates as ISO 8601 text (`date`); names give two
 * empty cells.
 */
function csvValue(e: { type: string; value?: number | string; unit?: string }): [string, string] {
  if (e.value === undefined) return ['', ''];
  if (e.type === 'DATE') return [String(e.value), 'date'];
  if (typeof e.value !== 'number' || !Number.isFinite(e.value)) return ['', ''];
  if (e.type === 'PERCENT') return [String(+(e.value * 100).toFixed(6)), '%'];
  return [String(e.value), e.unit ?? ''];
}

/** W3C Web Annotation Data Model JSON-LD: an AnnotationCollection of highlighting/commenting annotations. */
export function toJsonLd(clippings: readonly Clipping[]): string {
  const items = [...clippings].sort(byCreated).map((c) => {
    const body: unknown[] = [];
    if (c.note) body.push({ type: 'TextualBody', value: c.note, purpose: 'commenting', format: 'text/plain', language: 'zh' });
    for (const tag of c.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
    return {
      id: `urn:uuid:${c.id}`,
      type: 'Annotation',
      motivation: c.note ? 'commenting' : 'highlighting',
      created: date(c.createdAt),
      modified: date(c.updatedAt),
      ...(body.length ? { body } : {}),
      target: {
        source: c.canonicalUrl,
        ...(c.url !== c.canonicalUrl ? { via: c.url } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact: c.selectors.quote.exact, prefix: c.selectors.quote.prefix, suffix: c.selectors.quote.suffix },
          { type: 'TextPositionSelector', start: c.selectors.position.start, end: c.selectors.position.end },
        ],
      },
    };
  });
  return `${JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: t('storeJsonLdLabel'), total: items.length, first: { type: 'AnnotationPage', items } }, null, 2)}\n`;
}
