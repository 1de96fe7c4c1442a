/**
 * A clippings export file of a given size, shaped like a reader's: quotes of a few hundred to a
 * few thousand characters cut from the seed texts, with their quote and position selectors, a
 * CSS range selector, entity spans at the density the recognizer marks news (one every ~25
 * characters), a note on every third, tags on some, written by the extension's own `toJson`
 * (pretty-printed, as 导出 JSON writes it). For the import bench and the e2e test of files too big
 * for one message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clipping } from '../../lib/store/clipping';
import { toJson } from '../../lib/store/exchange';

const TYPES = ['PERSON', 'PLACE', 'ORG', 'DOC', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;

/** The seed texts joined, the source of quotes. */
function seedText(root: string): string {
  return readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(root, 'seeds', f), 'utf8'))
    .join('\n');
}

/** A deterministic id (a valid version 4 UUID) for clipping `i`. */
function idOf(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `b0000000-0000-4000-8000-${hex}`;
}

/**
 * Builds an export of about `targetBytes` bytes of UTF-8 (it stops at the first clipping past
 * the target). Deterministic. Returns the file's text and how many clippings it holds.
 */
export function bigExport(root: string, targetBytes: number): { text: string; count: number; bytes: number } {
  const source = seedText(root).replace(/\s+/g, '');
  const clippings: Clipping[] = [];
  // Bytes written so far: each clipping pretty-printed two levels deep (four more spaces a line).
  let bytes = 0;
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; bytes < targetBytes; i++) {
    const length = 300 + ((i * 7919) % 2700);
    const from = (i * 104_729) % Math.max(1, source.length - length);
    const quote = source.slice(from, from + length);
    const entities = [];
    for (let at = 3; at + 4 <= quote.length; at += 25) {
      entities.push({ start: at, end: at + 4, type: TYPES[(i + at) % TYPES.length]!, text: quote.slice(at, at + 4) });
    }
    const createdAt = start + i * 60_000;
    clippings.push({
      id: idOf(i),
      quote,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: source.slice(Math.max(0, from - 32), from), suffix: source.slice(from + length, from + length + 32) },
        position: { type: 'TextPositionSelector', start: from, end: from + length },
        range: {
          type: 'RangeSelector',
          startSelector: { type: 'CssSelector', value: `html > body > div.main > div.content > article > p:nth-of-type(${1 + (i % 40)})` },
          endSelector: { type: 'CssSelector', value: `html > body > div.main > div.content > article > p:nth-of-type(${2 + (i % 40)})` },
        },
      },
      url: `https://www.qhnews.com/system/2026/01/${String(1 + (i % 28)).padStart(2, '0')}/${10_000_000 + i}.shtml`,
      canonicalUrl: `https://www.qhnews.com/system/2026/01/${String(1 + (i % 28)).padStart(2, '0')}/${10_000_000 + i}.shtml`,
      title: `${source.slice(from, from + 20)}（第${i}篇）`,
      site: 'www.qhnews.com',
      createdAt,
      updatedAt: createdAt + (i % 3) * 1000,
      note: i % 3 ? '' : `要点：${source.slice(from + 40, from + 200)}`,
      tags: i % 5 ? [] : ['专利', '知识产权'],
      color: 'yellow',
      entities,
      related: [],
    });
    const json = JSON.stringify(clippings[i], null, 2);
    bytes += Buffer.byteLength(json) + 4 * (json.split('\n').length) + 2;
  }
  const text = toJson(clippings);
  return { text, count: clippings.length, bytes: Buffer.byteLength(text) };
}
