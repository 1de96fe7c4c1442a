import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesOf, spanAt } from '@/lib/highlight/spans';

const spans = [
  { start: 0, end: 3, type: 'PLACE', text: '青海省' },
  { start: 5, end: 8, type: 'PERSON', text: '崔永焘' },
  { start: 10, end: 13, type: 'PLACE', text: '青海省' },
];

describe('spanAt', () => {
  it.each([
    [0, '青海省'],
    [2, '青海省'],
    [3, undefined],
    [7, '崔永焘'],
    [12, '青海省'],
    [13, undefined],
    [-1, undefined],
  ])('at %i → %s', (at, text) => {
    expect(spanAt(spans, at)?.text).toBe(text);
  });

  it('agrees with a linear scan (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }), fc.integer({ min: 0, max: 200 }), (lengths, at) => {
        let pos = 0;
        const list = lengths.map((l, k) => {
          const s = { start: pos + (k % 2), end: pos + (k % 2) + l, type: 'X', text: String(k) };
          pos = s.end;
          return s;
        });
        expect(spanAt(list, at)).toBe(list.find((s) => s.start <= at && at < s.end));
      }),
    );
  });
});

describe('occurrencesOf', () => {
  it('finds every span with the same name and type, in order', () => {
    expect(occurrencesOf(spans, spans[0]!).map((s) => s.start)).toEqual([0, 10]);
    expect(occurrencesOf(spans, { start: 0, end: 3, type: 'ORG', text: '青海省' })).toEqual([]);
  });
});
