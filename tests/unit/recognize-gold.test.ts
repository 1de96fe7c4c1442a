/**
 * The recognizer against our seed gold (a copy of ../shared/eval/seeds.gold.jsonl), scored with
 * the rules of score.py: as the extension runs it (the trained name tagger with the rules), and
 * the rules alone (what runs when the model cannot be loaded). The thresholds guard against
 * regressions: they sit just under what each reaches now (with the tagger, overall 0.939; the
 * rules alone, which were tuned on these pages, 0.957); raise them as it improves. The issue's
 * target with the tagger is overall ≥ 0.96, figures and values unchanged.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recognize } from '@/lib/recognize';
import { parseGold } from '@/lib/recognize/gold';
import { score, type Score } from '@/lib/recognize/score';
import type { Span } from '@/lib/recognize/types';
import { nodeTagger } from '@/lib/recognize/tagger/node';
import { nodeSegmenter } from '@/lib/segment/node';

const GOLD = resolve(import.meta.dirname, '../gold/seeds.gold.jsonl');

let result: Score;
let rulesAlone: Score;

beforeAll(async () => {
  const gold = parseGold(readFileSync(GOLD, 'utf8'));
  expect(gold.length).toBe(231);
  const { tagger } = nodeTagger();
  const predicted = new Map<string, Span[]>();
  const byRules = new Map<string, Span[]>();
  for (const r of gold) {
    predicted.set(r.id, await recognize(r.text, nodeSegmenter(), { tagger }));
    byRules.set(r.id, await recognize(r.text, nodeSegmenter(), { tagger: null }));
  }
  result = score(gold, predicted);
  rulesAlone = score(gold, byRules);
}, 120_000);

describe('seed gold, rules alone (no model)', () => {
  it('overall F1 ≥ 0.95', () => {
    expect(rulesAlone.types.ALL!.f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe('seed gold', () => {
  it('overall F1', () => {
    expect(result.types.ALL!.f1).toBeGreaterThanOrEqual(0.935);
  });

  it.each(['MONEY', 'PERCENT', 'QUANTITY', 'DATE'])('%s F1 ≥ 0.97', (type) => {
    expect(result.types[type]!.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('figure values ≥ 0.99', () => {
    expect(result.valueAccuracy).toBeGreaterThanOrEqual(0.99);
  });

  it.each([
    ['PLACE', 0.9],
    ['ORG', 0.85],
    ['PERSON', 0.92],
    ['DOC', 0.95],
  ] as const)('%s F1 ≥ %s', (type, min) => {
    expect(result.types[type]!.f1).toBeGreaterThanOrEqual(min);
  });
});

describe('scorer', () => {
  it('counts optional spans and ignore zones neither way, and checks values', () => {
    const gold = [
      {
        id: 'a',
        text: '青海省西宁市30万元',
        entities: [
          { start: 0, end: 3, type: 'PLACE' as const, text: '青海省' },
          { start: 3, end: 6, type: 'PLACE' as const, text: '西宁市', optional: true },
          { start: 6, end: 10, type: 'MONEY' as const, text: '30万元', value: 300000, unit: 'CNY' },
        ],
        ignore: [[0, 1]] as Array<[number, number]>,
      },
    ];
    const predicted = new Map<string, Span[]>([
      [
        'a',
        [
          { start: 0, end: 3, type: 'PLACE', text: '青海省' },
          { start: 3, end: 6, type: 'PLACE', text: '西宁市' },
          { start: 6, end: 10, type: 'MONEY', text: '30万元', value: 300001 },
          { start: 0, end: 2, type: 'ORG', text: '青海' },
        ],
      ],
    ]);
    const s = score(gold, predicted);
    expect(s.types.ALL).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    expect(s.valueAccuracy).toBe(1);
  });
});
