import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatChineseNumeral,
  parseArabicNumber,
  parseChineseNumeral,
  parseFraction,
  parseMagnitude,
  parseNumber,
  toHalfWidth,
} from '@/lib/text/numerals';

describe('toHalfWidth', () => {
  it.each([
    ['１２３', '123'],
    ['９９．４％', '99.4%'],
    ['２０１９－０９－２６', '2019-09-26'],
    ['ＡＢＣ：ｘｙｚ／', 'ABC:xyz/'],
    ['　三十　万元', ' 三十 万元'],
    ['（一）', '(一)'],
    ['already ascii 42', 'already ascii 42'],
    ['', ''],
    ['中文不变。、《》“”', '中文不变。、《》“”'],
  ])('toHalfWidth(%j) = %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  it('leaves the characters in `keep` alone', () => {
    expect(toHalfWidth('１，２３４', { keep: '，' })).toBe('1，234');
  });

  it('preserves the length of any string, emoji and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(toHalfWidth(s).length).toBe(s.length);
      }),
    );
  });
});

describe('parseArabicNumber', () => {
  it.each([
    ['42', 42],
    ['１２３', 123],
    ['3.14', 3.14],
    ['1,234', 1234],
    ['1,234,567.5', 1234567.5],
    ['15·8', 15.8],
    ['0', 0],
    ['-5', -5],
  ])('parseArabicNumber(%j) = %d', (input, expected) => {
    expect(parseArabicNumber(input)).toBe(expected);
  });

  it.each(['', 'abc', '1,23', '12,34,567', '1.2.3', '1.', '.5', '三', '1万'])('parseArabicNumber(%j) is null', (input) => {
    expect(parseArabicNumber(input)).toBeNull();
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['零', 0],
    ['一', 1],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一十五', 15],
    ['三百', 300],
    ['五千', 5000],
    ['两万', 20000],
    ['一千零五', 1005],
    ['一千零五十', 1050],
    ['一百一十五', 115],
    ['十万零一十', 100010],
    ['三亿五千万', 350000000],
    ['一万亿', 1e12],
    ['一万二千亿', 1.2e12],
    ['一亿零五万', 100050000],
    ['二千三百八十三', 2383],
    ['四万零七百', 40700],
    ['壹佰贰拾', 120],
    ['叁仟', 3000],
    ['一万五', 15000],
    ['三千五', 3500],
    ['两百五', 250],
    ['三点五', 3.5],
    ['十二点五', 12.5],
    ['二〇二四', 2024],
    ['一九九八', 1998],
    ['二○○八', 2008],
    ['万', 10000],
    ['亿', 1e8],
    ['百万', 1e6],
  ])('parseChineseNumeral(%j) = %d', (input, expected) => {
    expect(parseChineseNumeral(input)).toBe(expected);
  });

  it.each(['', '百千', '十四五', '十二五', '三百十', '万万', '一亿五亿', '三点', '点五', '五a', '第一', '三个'])(
    'parseChineseNumeral(%j) is null',
    (input) => {
      expect(parseChineseNumeral(input)).toBeNull();
    },
  );
});

describe('parseMagnitude', () => {
  it.each([
    ['万', 1e4],
    ['亿', 1e8],
    ['万亿', 1e12],
    ['千万', 1e7],
    ['百万', 1e6],
  ])('parseMagnitude(%j) = %d', (input, expected) => {
    expect(parseMagnitude(input)).toBe(expected);
  });

  it.each(['', '万元', '三'])('parseMagnitude(%j) is null', (input) => {
    expect(parseMagnitude(input)).toBeNull();
  });
});

describe('parseNumber', () => {
  it.each([
    ['15.68亿', 1568000000],
    ['2110万', 21100000],
    ['6029.25万', 60292500],
    ['9000亿', 900000000000],
    ['1.2万亿', 1.2e12],
    ['５２．２６万', 522600],
    ['三百', 300],
    ['五千', 5000],
    ['两万', 20000],
    ['1,234', 1234],
    ['8.69', 8.69],
  ])('parseNumber(%j) = %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each(['', '万元', '1万元', 'abc', '1,2', '十四五'])('parseNumber(%j) is null', (input) => {
    expect(parseNumber(input)).toBeNull();
  });
});

describe('parseFraction', () => {
  it.each([
    ['2/3', 0.6667],
    ['1/4', 0.25],
    ['三分之二', 0.6667],
    ['三分之一', 0.3333],
    ['四分之一', 0.25],
    ['百分之三十', 0.3],
    ['百分之百', 1],
    ['千分之五', 0.005],
    ['七成', 0.7],
    ['两成', 0.2],
    ['7成', 0.7],
    ['83%', 0.83],
    ['99.4%', 0.994],
    ['214%', 2.14],
    ['５‰', 0.005],
  ])('parseFraction(%j) = %d', (input, expected) => {
    expect(parseFraction(input)).toBe(expected);
  });

  it.each(['', '2/0', '零分之一', '十一成', '成', '%', 'abc'])('parseFraction(%j) is null', (input) => {
    expect(parseFraction(input)).toBeNull();
  });
});

describe('formatChineseNumeral', () => {
  it.each([
    [0, '零'],
    [7, '七'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [115, '一百一十五'],
    [1005, '一千零五'],
    [10005, '一万零五'],
    [20000, '二万'],
    [100010, '十万零一十'],
    [350000000, '三亿五千万'],
    [100050000, '一亿零五万'],
    [1e12, '一万亿'],
  ])('formatChineseNumeral(%d) = %j', (n, expected) => {
    expect(formatChineseNumeral(n)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Infinity, 1e16])('formatChineseNumeral(%d) is null', (n) => {
    expect(formatChineseNumeral(n)).toBeNull();
  });

  it('is read back by parseChineseNumeral for every integer 0..10^12', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }).map(Number), (n) => {
        const s = formatChineseNumeral(n);
        expect(s).not.toBeNull();
        expect(parseChineseNumeral(s!)).toBe(n);
        expect(parseNumber(s!)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips small integers exhaustively', () => {
    for (let n = 0; n <= 20000; n++) expect(parseChineseNumeral(formatChineseNumeral(n)!)).toBe(n);
  });
});

describe('parsers never throw', () => {
  it('on arbitrary strings, numeral soup included', () => {
    const soup = fc.string({ unit: fc.constantFrom(...'零〇一二两三四五六七八九十百千万亿点分之成%/.,·0123456789'.split('')) });
    for (const arb of [fc.string({ unit: 'binary' }), soup]) {
      fc.assert(
        fc.property(arb, (s) => {
          for (const f of [parseArabicNumber, parseChineseNumeral, parseNumber, parseFraction]) {
            const v = f(s);
            expect(v === null || Number.isFinite(v)).toBe(true);
          }
        }),
      );
    }
  });
});
