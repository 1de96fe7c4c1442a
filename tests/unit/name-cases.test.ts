/**
 * Hand-written sentences for each kind of naming error readers of official news met with the
 * rules alone (tests/gold/name-cases.jsonl: our own sentences in the style of such pages, with
 * what the annotation guide marks, and wrong spans that must not appear). Run through the
 * recognizer as the extension runs it: the trained tagger with the rules.
 *
 * The few cases it still gets wrong are listed in KNOWN_MISSES and run as `it.fails`: they
 * document the gap, and a fix turns them red so the list is kept true.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recognize } from '@/lib/recognize';
import { nodeTagger } from '@/lib/recognize/tagger/node';
import { nodeSegmenter } from '@/lib/segment/node';

interface NameCase {
  kind: string;
  text: string;
  expect: Array<{ text: string; type: string }>;
  reject?: Array<{ text: string; type: string }>;
  optional?: Array<{ text: string; type: string }>;
}

const cases = readFileSync(resolve(import.meta.dirname, '../gold/name-cases.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as NameCase);

/** Cases the recognizer still gets wrong (the start of their text), with why. */
const KNOWN_MISSES = new Map<string, string>([
  ['在塔什库尔干塔吉克自治县，', 'a border pass named by transliteration (红其拉甫) is no place to the tagger'],
  ['美国强生公司在上海设立的创', 'a foreign company named by a transliteration (强生) stays unmarked'],
  ['北京师范大学附属实验中学的', 'a national park (国家植物园) is no place to the tagger'],
  ['每次下乡，向局长总要先到困', 'a surname that is also a preposition (向) before a title'],
]);

describe('naming errors of official news, by kind', () => {
  const segmenter = nodeSegmenter();
  const { tagger } = nodeTagger();

  for (const kind of [...new Set(cases.map((c) => c.kind))]) {
    describe(kind, () => {
      for (const c of cases.filter((x) => x.kind === kind)) {
        const miss = [...KNOWN_MISSES].find(([start]) => c.text.startsWith(start))?.[1];
        const test = miss ? it.fails : it;
        test(`${c.text.replace(/\n/g, '⏎').slice(0, 40)}${miss ? ` (known miss: ${miss})` : ''}`, async () => {
          const spans = (await recognize(c.text, segmenter, { tagger })).map((s) => `${s.type} ${s.text}`);
          const pool = [...spans];
          for (const e of c.expect) {
            const at = pool.indexOf(`${e.type} ${e.text}`);
            expect(at, `${e.type} ${e.text} in ${JSON.stringify(spans)}`).toBeGreaterThanOrEqual(0);
            pool.splice(at, 1);
          }
          for (const r of c.reject ?? []) expect(spans).not.toContain(`${r.type} ${r.text}`);
        });
      }
    });
  }
});
