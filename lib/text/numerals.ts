/**
 * Numerals in Chinese text: width normalization, Arabic and Chinese number parsing, fractions,
 * and formatting integers as Chinese numerals.
 *
 * Every parser here is total: malformed input yields `null`, never an exception. Nothing here
 * touches Node or DOM APIs, so it runs unchanged in the browser and in Node.
 */

/** Options for {@link toHalfWidth}. */
export interface HalfWidthOptions {
  /** Full-width characters to leave as they are (e.g. `'，'` to keep the Chinese comma apart from `,`). */
  keep?: string;
}

/**
 * Map full-width ASCII variants (U+FF01–U+FF5E: `０-９`, `Ａ-Ｚ`, `％`, `．`, `：`, `／`, `－` …) to their
 * ASCII forms and the ideographic space U+3000 to a plain space.
 *
 * Each character maps to exactly one UTF-16 code unit, so the result has the same length as the
 * input and every offset into it is an offset into the original string. Never fails.
 */
export function toHalfWidth(text: string, options: HalfWidthOptions = {}): string {
  // Most texts have none: one scan, and the string itself back. (A loop over every character
  // with the mapping inline was optimized on long texts without any, then thrown away again at
  // each text that had one: thousands of deoptimizations in a CLI run.)
  if (!FULL_WIDTH.test(text)) return text;
  const keep = options.keep ?? '';
  return text.replace(FULL_WIDTH_ALL, (ch) => (keep.includes(ch) ? ch : ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const FULL_WIDTH_ALL = /[\uFF01-\uFF5E\u3000]/g;

/** Values of the Chinese digit characters (simple, formal and variant forms). */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  '零': 0, '〇': 0, '○': 0,
  '一': 1, '壹': 1, '幺': 1,
  '二': 2, '两': 2, '贰': 2, '貳': 2, '兩': 2,
  '三': 3, '叁': 3, '參': 3,
  '四': 4, '肆': 4,
  '五': 5, '伍': 5,
  '六': 6, '陆': 6, '陸': 6,
  '七': 7, '柒': 7,
  '八': 8, '捌': 8,
  '九': 9, '玖': 9,
};

/** Values of the Chinese magnitude characters below 万 (they scale within a four-digit section). */
const SMALL_UNITS: Readonly<Record<string, number>> = { '十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000 };
/** Values of the section magnitudes 万 and 亿. */
const BIG_UNITS: Readonly<Record<string, number>> = { '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8 };

/** Value of one magnitude character (十 百 千 万 亿 and their formal forms), or null. */
export function magnitudeValue(ch: string): number | null {
  return SMALL_UNITS[ch] ?? BIG_UNITS[ch] ?? null;
}

/**
 * The product of a run of magnitude characters: `万` → 1e4, `万亿` → 1e12, `千万` → 1e7.
 * Returns null for an empty string or any character that is not a magnitude.
 */
export function parseMagnitude(s: string): number | null {
  if (!s) return null;
  let m = 1;
  for (const ch of s) {
    const v = magnitudeValue(ch);
    if (v === null) return null;
    m *= v;
  }
  return m;
}

const ARABIC_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.·]\d+)?$/;

/**
 * Parse a number written in Arabic digits, half- or full-width: `42`, `１２３`, `3.14`, `1,234,567.5`,
 * `15·8` (the middle dot some papers print as a decimal point). Thousands separators must group by
 * threes. Returns null for anything else (empty, letters, misplaced commas, `1.2.3`).
 */
export function parseArabicNumber(s: string): number | null {
  const t = toHalfWidth(s.trim());
  if (!ARABIC_RE.test(t)) return null;
  const v = Number(t.replace(/,/g, '').replace('·', '.'));
  return Number.isFinite(v) ? v : null;
}

/**
 * Parse a Chinese numeral: `三百` → 300, `十五` → 15, `一千零五` → 1005, `两万` → 20000,
 * `三亿五千万` → 350000000, `一万亿` → 1e12, formal `壹佰贰拾` → 120; the colloquial tail `一万五` → 15000,
 * `三千五` → 3500; a decimal with 点 (`三点五` → 3.5, `十二点五` → 12.5); and a run of bare digits read
 * positionally (`二〇二四` → 2024, as in years).
 *
 * Returns null when the string is empty, holds any other character, or is malformed (`百千`,
 * `十四五` — a digit after a digit once magnitudes are in use, units out of order).
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  const dot = s.indexOf('点');
  if (dot >= 0) {
    const intPart = parseChineseNumeral(s.slice(0, dot));
    const frac = s.slice(dot + 1);
    if (intPart === null || !frac) return null;
    let digits = '';
    for (const ch of frac) {
      const d = CHINESE_DIGITS[ch];
      if (d === undefined) return null;
      digits += String(d);
    }
    return Number(`${intPart}.${digits}`);
  }
  let hasUnit = false;
  for (const ch of s) {
    if (CHINESE_DIGITS[ch] !== undefined) continue;
    if (magnitudeValue(ch) !== null) hasUnit = true;
    else return null;
  }
  if (!hasUnit) {
    // Positional digits: 二〇二四 → 2024.
    let v = 0;
    for (const ch of s) v = v * 10 + CHINESE_DIGITS[ch]!;
    return v;
  }
  let total = 0; // completed 万 and 亿 groups
  let section = 0; // the current four-digit section
  let num = -1; // pending digit, -1 when none
  let lastSmall = Infinity; // last small unit in this section (units must descend)
  let lastBig = 0; // last big unit applied
  let seenYi = false;
  let zeroSeen = false; // a 零 since the last unit
  let prevUnit = 0; // the unit just before the pending digit (for 一万五, 三千五)
  let prevWasDigit = false;
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      // Two digits in a row are malformed, except 零 + digit (一千零五).
      if (prevWasDigit && !(num === 0 && zeroSeen)) return null;
      if (d === 0) zeroSeen = true;
      num = d;
      prevWasDigit = true;
      continue;
    }
    prevWasDigit = false;
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return null;
      if (num < 0 && section !== 0) return null; // 三百十: write 三百一十
      section += (num <= 0 ? 1 : num) * small; // a bare 十 (十五) or 零十 means 一十
      lastSmall = small;
      num = -1;
      zeroSeen = false;
      prevUnit = small;
      continue;
    }
    const big = BIG_UNITS[ch]!;
    let part = section + (num > 0 ? num : 0);
    if (big === 1e8) {
      if (seenYi) return null; // 亿亿 and 一亿五亿 are malformed
      let base = total + part;
      if (base === 0) {
        if (num === 0) return null;
        base = 1; // a bare 亿 is one hundred million
      }
      total = base * big;
      seenYi = true;
    } else {
      if (lastBig === 1e4) return null; // 万万
      if (part === 0) {
        if (total !== 0 || num === 0) return null;
        part = 1; // a bare 万 is ten thousand
      }
      total += part * big;
    }
    lastBig = big;
    section = 0;
    num = -1;
    lastSmall = Infinity;
    zeroSeen = false;
    prevUnit = big;
  }
  if (num > 0) {
    // A digit right after a unit of a hundred or more is the colloquial tail: 一万五 = 15000.
    if (!zeroSeen && prevUnit >= 100) return total + section + (num * prevUnit) / 10;
    return total + section + num;
  }
  return total + section;
}

const CHINESE_NUMERAL_CHARS = new RegExp(
  `^[${Object.keys(CHINESE_DIGITS).join('')}${Object.keys(SMALL_UNITS).join('')}${Object.keys(BIG_UNITS).join('')}点點]+$`,
);

/**
 * Parse a number in any common news form: Arabic (`1,234.5`, `１２`), Chinese (`三百`, `两万`), or
 * Arabic with Chinese magnitudes (`15.68亿` → 1568000000, `2110万` → 21100000, `1.2万亿` → 1.2e12).
 * Returns null when the string is not one of these.
 */
export function parseNumber(s: string): number | null {
  const t = toHalfWidth(s.trim());
  if (!t) return null;
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.·]\d+)?)([十百千万亿拾佰仟萬億]*)$/.exec(t);
  if (m) {
    const base = parseArabicNumber(m[1]!);
    if (base === null) return null;
    if (!m[2]) return base;
    const mag = parseMagnitude(m[2]);
    return mag === null ? null : roundFloat(base * mag);
  }
  if (CHINESE_NUMERAL_CHARS.test(t)) return parseChineseNumeral(t.replace('點', '点'));
  return null;
}

/**
 * Parse a fraction or share and return it as a fraction of one:
 * `2/3` → 0.6667 (rounded to four decimals when not exact), `三分之二` → 0.6667, `百分之三十` → 0.3,
 * `千分之五` → 0.005, `七成` → 0.7, `7成` → 0.7, `83%` → 0.83, `5‰` → 0.005.
 * Returns null for anything else, or a zero denominator.
 */
export function parseFraction(s: string): number | null {
  const t = toHalfWidth(s.trim());
  let m = /^(.+?)\s*([%‰])$/.exec(t);
  if (m) {
    const n = parseNumber(m[1]!);
    if (n === null) return null;
    return roundFloat(n / (m[2] === '%' ? 100 : 1000));
  }
  m = /^(.+)成$/.exec(t);
  if (m) {
    const n = parseNumber(m[1]!);
    return n === null || n > 10 ? null : roundFloat(n / 10);
  }
  m = /^(.+?)分之(.+)$/.exec(t);
  let num: number | null;
  let den: number | null;
  if (m) {
    den = parseNumber(m[1]!);
    num = parseNumber(m[2]!);
  } else {
    m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
    if (!m) return null;
    num = parseArabicNumber(m[1]!);
    den = parseArabicNumber(m[2]!);
  }
  if (num === null || den === null || den === 0) return null;
  return roundShare(num / den);
}

/** Round away binary noise (0.994000000001 → 0.994) while keeping ordinary precision. */
export function roundFloat(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(12));
}

/**
 * Round a share: short decimals stay as they are (0.125), long or repeating ones are cut to four
 * places (2/3 → 0.6667). Never fails; non-finite input is returned as is.
 */
export function roundShare(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = roundFloat(x);
  const s = String(r);
  const dot = s.indexOf('.');
  return dot >= 0 && s.length - dot - 1 > 6 ? Math.round(x * 1e4) / 1e4 : r;
}

const FORMAT_DIGITS = '零一二三四五六七八九';
const FORMAT_SMALL = ['', '十', '百', '千'];

/** A four-digit section (1..9999) in Chinese, with 零 for inner gaps; `leadingOne` writes 十 as 一十. */
function formatSection(n: number, leadingOne: boolean): string {
  let out = '';
  let pendingZero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    if (!(p === 1 && d === 1 && !out && !leadingOne)) out += FORMAT_DIGITS[d];
    out += FORMAT_SMALL[p];
  }
  return out;
}

/**
 * Write a non-negative safe integer as a Chinese numeral: 0 → `零`, 15 → `十五`, 1005 → `一千零五`,
 * 20000 → `二万`, 100010 → `十万零一十`, 1e12 → `一万亿`. Magnitudes above 亿 are written as 万亿
 * (1e12) and 亿亿 is never produced: numbers ≥ 1e16 return null, as do negatives and non-integers.
 * {@link parseChineseNumeral} reads every output back to the same number.
 */
export function formatChineseNumeral(n: number): string | null {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e16) return null;
  if (n === 0) return '零';
  const yi = Math.floor(n / 1e8);
  const rest = n % 1e8;
  const wan = Math.floor(rest / 1e4);
  const low = rest % 1e4;
  let out = '';
  if (yi > 0) {
    // yi < 1e8: written as a number of 万 plus the rest, followed by 亿 (一万二千亿).
    const yiWan = Math.floor(yi / 1e4);
    const yiLow = yi % 1e4;
    if (yiWan > 0) out += formatSection(yiWan, false) + '万';
    if (yiLow > 0) out += (yiWan > 0 && yiLow < 1000 ? '零' : '') + formatSection(yiLow, yiWan > 0);
    out += '亿';
  }
  if (wan > 0) out += (out && wan < 1000 ? '零' : '') + formatSection(wan, out !== '') + '万';
  else if (out && low > 0) out += '零';
  if (low > 0) {
    const needZero = (wan > 0 && low < 1000) && !out.endsWith('零');
    out += (needZero ? '零' : '') + formatSection(low, out !== '');
  }
  return out;
}
