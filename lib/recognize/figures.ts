/**
 * FIGURES: MONEY, PERCENT, QUANTITY and DATE spans with normalized values, as the annotation guide
 * (README.md in this folder) defines them.
 *
 * A single left-to-right scan over a width-normalized copy of the text (same length, so offsets carry
 * over): at each number it tries, in order, a calendar date, a share, then an amount with its unit.
 * Pure and synchronous; no Node or DOM APIs.
 */
import {
  CHINESE_DIGITS,
  parseArabicNumber,
  parseChineseNumeral,
  parseMagnitude,
  parseNumber,
  roundFloat,
  roundShare,
  toHalfWidth,
} from '../text/numerals';
import {
  ARABIC_ONLY_UNITS,
  CURRENCIES,
  CURRENCY_SCALE,
  NUMERAL_IDIOMS,
  PM_TIME_OF_DAY,
  TIME_OF_DAY,
  UNIT_BLOCKERS,
  unitAlternation,
} from './figure-units';
import type { FigureType, Span } from './types';

interface Hit {
  end: number;
  type: FigureType;
  value: number | string;
  unit?: string;
}

// ---------------------------------------------------------------------------------------------
// Character classes and regular expressions (all compiled once).

const CN_DIGIT = '零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
const CN_MAG = '十百千万亿拾佰仟';
const CN_NUM_CLASS = `[${CN_DIGIT}${CN_MAG}]`;
/** Layout spaces that may sit inside a figure (`30 万元`, `2023 年`); U+3000 is already a space here. */
const SP = '[ \\t\\u00a0]{0,3}';
/** Range connectors between two numbers (`3至5个`, `4—9月`, `1-2名`). */
const CONN = `${SP}(?:[-—–~〜]{1,2}|至|到)${SP}`;
const AR_NUM = '(?:\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:[.·]\\d+)?';

/** Where a figure may start: a digit, a Chinese numeral, or a vague 数/几/上 before a magnitude. */
const START_RE = new RegExp(`\\d|${CN_NUM_CLASS}|[数几上](?=[十百千万亿])`, 'g');
const AR_RE = new RegExp(AR_NUM, 'y');
const CN_RE = new RegExp(`${CN_NUM_CLASS}+(?:点[${CN_DIGIT}]+)?`, 'y');
const CN_RUN_RE = new RegExp(`${CN_NUM_CLASS}+`, 'y');
const DIGITS_RUN_RE = /[\d.,·]+/y;
const SP_RE = new RegExp(SP, 'y');
const CONN_RE = new RegExp(CONN, 'y');
const APPROX_RE = new RegExp(`${SP}([多余])`, 'y');
const MAG_RE = new RegExp(`${SP}([十百千万亿]{1,3})`, 'y');
const VAGUE_RE = /(?:数|几)([十百千万亿]{1,3})|上([百千万亿][十百千万亿]{0,2})/y;

const UNITS = unitAlternation();
const UNIT_RE = new RegExp(
  `(?:个[多余](?:月|小时|星期|工作日|季度)|分[多余]钟|${UNITS.map(escapeRe).join('|')})`,
  'y',
);

// Dates
const ISO_DATE_RE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d.])(?:(?:[ ]{1,2}|T)(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d))?/y;
const YEAR_AR_RE = new RegExp(`(\\d{4})${SP}年`, 'y');
const YEAR_CN_RE = /([零〇○一二三四五六七八九]{4})年/y;
const YEAR_RANGE_RE = new RegExp(`(\\d{4})${CONN}(\\d{4})${SP}年`, 'y');
const MONTH_AR_RE = new RegExp(`(\\d{1,2})${SP}月`, 'y');
const MONTH_CN_RE = /(十[一二]?|[一二三四五六七八九])月/y;
const MONTH_RANGE_RE = new RegExp(`(\\d{1,2})${CONN}(\\d{1,2})${SP}月`, 'y');
const DAY_AR_RE = new RegExp(`(\\d{1,2})${SP}([日号])`, 'y');
const DAY_CN_RE = /(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]/y;
const DAY_RANGE_RE = new RegExp(`(\\d{1,2})${CONN}(\\d{1,2})${SP}日`, 'y');
const YEAR_SUFFIX_RE = /度|底|末|初(?![步中期心衷级始次])|年底|年末|年初|上半年|下半年|前三季度|(?:第)?[一二三四1-4]季度/y;
const MONTH_SUFFIX_RE = /份|上旬|中旬|下旬|中下旬|上中旬|初(?![步中期心衷级始次])|底|末/y;
/** A time of day after a date; a bare 晚 only where it does not begin a word (晚会, 晚报). */
const TOD_RE = new RegExp(
  `(?:${[...TIME_OF_DAY].filter((w) => w.length > 1).sort((a, b) => b.length - a.length).join('|')}|晚(?![会宴报餐饭霞年期辈间点]))`,
  'y',
);
const TIME_RE = new RegExp(`${SP}(?:(\\d{1,2}):(\\d{2})(?::\\d{2})?(?!\\d)|(\\d{1,2})${SP}[时点](?:${SP}(\\d{1,2})${SP}分|(半))?)`, 'y');
/** Before a year-like number, words that make `2000年` a span of years. */
const DURATION_BEFORE_RE = /(?:近|约|逾|距今|长达|历经|历时|持续|有|上|数|用了|花了)\s*$/;
const DURATION_AFTER_RE = /历史|之久|以上/y;

// Shares
const PERCENT_RE = new RegExp(`(${AR_NUM})${SP}([%‰])`, 'y');
const PERCENT_RANGE_RE = new RegExp(`(${AR_NUM})${CONN}(${AR_NUM})${SP}%`, 'y');
const FRACTION_CN_RE = new RegExp(`(\\d+|${CN_NUM_CLASS}+)分之(${AR_NUM}|${CN_NUM_CLASS}+(?:点[${CN_DIGIT}]+)?)`, 'y');
const TENTHS_RE = /(10|[1-9]|[一二两三四五六七八九十])成(?!不变|群|就|立|功|绩|果|员|本|熟|交|长|都|年|人|品|效|型|套|批|片|风|真|灾|形|活|材|器|家|名|才|语|全|书|文|像|分|份|事|败|因|婚|亲|千|百|万)/y;
const SLASH_FRACTION_RE = /(\d{1,3})[ ]?\/[ ]?(\d{1,3})(?![\d/.])(?!赛)/y;

// Zones where nothing is a figure
const TITLE_RE = /《[^《》\n]{0,120}》/g;
const DOC_NUMBER_RE = /[〔［【[(]\s*(?:19|20)\d{2}\s*[〕］】\])]\s*(?:第\s*)?\d+\s*号|〔\s*\d{4}\s*〕/g;
const IDIOM_RE = new RegExp(NUMERAL_IDIOMS.map(escapeRe).join('|'), 'g');

/** Longer runs of digits or numerals are codes or noise, never figures (and would cost time). */
const MAX_TOKEN = 24;
/** Units of temperature, which may take a minus sign (`-20℃`). */
const TEMPERATURE_UNITS = new Set(['℃', '摄氏度', '华氏度']);

/** Before a number, context that makes it an ordinal, a code or part of another token. */
const ORDINAL_BEFORE_RE = /第[ \t]{0,2}$/;
/** Nouns ending in 数 (人数, 次数 …): a following magnitude is not a vague number. */
const SHU_NOUN_BEFORE = '人次总户件位岁倍分指函变参基约多少半无负正整小系点级天年票字名得';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function execAt(re: RegExp, s: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(s);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z]/.test(ch);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// ---------------------------------------------------------------------------------------------
// Context guards

/** True when the number starting at `i` is glued to something that makes it not a figure. */
function blockedBefore(s: string, i: number): boolean {
  const prev = s[i - 1];
  if (prev === undefined) return false;
  if (ORDINAL_BEFORE_RE.test(s.slice(Math.max(0, i - 3), i))) return true;
  if (isLatin(prev) || prev === '_' || prev === '#' || prev === '@' || prev === '&') return true;
  const prev2 = s[i - 2];
  if ((prev === '.' || prev === '·' || prev === ':' || prev === '-' || prev === '/' || prev === '\\') && (isDigit(prev2) || isLatin(prev2)))
    return true;
  // The second number of a screen size or a dimension (1920*1080分辨率, 1280×1024).
  if ((prev === '*' || prev === '×' || prev === 'x' || prev === 'X') && isDigit(prev2)) return true;
  // Minutes and seconds of a clock time (10时30分, 2分27秒).
  if ((prev === '时' || prev === '点' || prev === '分') && isDigit(prev2)) return true;
  if (isDigit(prev)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Dates

interface DatePoint {
  y?: number;
  m?: number;
  d?: number;
  hh?: number;
  mi?: number;
  end: number;
}

type DateLevel = 0 | 1 | 2;

function topLevel(p: DatePoint): DateLevel {
  return p.y !== undefined ? 0 : p.m !== undefined ? 1 : 2;
}

function bottomLevel(p: DatePoint): DateLevel {
  return p.d !== undefined ? 2 : p.m !== undefined ? 1 : 0;
}

function formatDate(p: DatePoint): string {
  let out: string;
  if (p.y !== undefined) {
    out = String(p.y).padStart(4, '0');
    if (p.m !== undefined) out += `-${pad2(p.m)}`;
    if (p.m !== undefined && p.d !== undefined) out += `-${pad2(p.d)}`;
  } else if (p.m !== undefined) {
    out = `--${pad2(p.m)}`;
    if (p.d !== undefined) out += `-${pad2(p.d)}`;
  } else {
    out = `---${pad2(p.d ?? 1)}`;
  }
  if (p.d !== undefined && p.hh !== undefined) out += `T${pad2(p.hh)}:${pad2(p.mi ?? 0)}`;
  return out;
}

function validDay(y: number | undefined, m: number | undefined, d: number): boolean {
  if (d < 1 || d > 31) return false;
  if (m === undefined) return true;
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 31;
  if (d > days) return false;
  if (m === 2 && d === 29 && y !== undefined && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return false;
  return true;
}

function cnSmall(str: string): number {
  return parseChineseNumeral(str) ?? -1;
}

/** A year written as 4 digits followed by 年, read as a calendar year (not a span of years). */
function yearAt(s: string, pos: number, start: number): { y: number; end: number } | null {
  let m = execAt(YEAR_AR_RE, s, pos);
  if (m) {
    const y = Number(m[1]);
    if (y < 1000 || y > 2100) return null;
    const end = pos + m[0].length;
    if (s[end] === '级' || s[end] === '代') return null;
    if (pos === start && DURATION_BEFORE_RE.test(s.slice(Math.max(0, start - 4), start))) return null;
    if (execAt(DURATION_AFTER_RE, s, end)) return null;
    return { y, end };
  }
  m = execAt(YEAR_CN_RE, s, pos);
  if (m) {
    const y = parseChineseNumeral(m[1]!);
    if (y === null || y < 1000 || y > 2100) return null;
    return { y, end: pos + m[0].length };
  }
  return null;
}

/**
 * A date point at `pos`: year, month and day, contiguous and in that order, with what may follow
 * (年底, 月中旬, a time of day, a clock time). Also returns a short range written at the lowest
 * level (`4—9月`, `24—26日`, `2021-2025年`) as `to`.
 */
function datePointAt(s: string, pos: number, start: number): { p: DatePoint; to?: DatePoint } | null {
  const p: DatePoint = { end: pos };
  let to: DatePoint | undefined;
  let cur = pos;
  let chineseOnly = true;

  // Year, or a range of years.
  const yr = execAt(YEAR_RANGE_RE, s, cur);
  if (yr) {
    const y1 = Number(yr[1]);
    const y2 = Number(yr[2]);
    if (y1 >= 1000 && y2 <= 2100 && y1 < y2 && !(cur === start && DURATION_BEFORE_RE.test(s.slice(Math.max(0, start - 4), start)))) {
      p.y = y1;
      p.end = cur + yr[0].length;
      to = { y: y2, end: p.end };
      const suf = execAt(YEAR_SUFFIX_RE, s, p.end);
      if (suf && suf[0] === '度') p.end = to.end = p.end + 1;
      return { p, to };
    }
  }
  const y = yearAt(s, cur, start);
  if (y) {
    p.y = y.y;
    cur = p.end = y.end;
    chineseOnly = false;
    SP_RE.lastIndex = cur;
    SP_RE.exec(s);
    cur = SP_RE.lastIndex;
  }

  // Month, or a range of months.
  const mr = execAt(MONTH_RANGE_RE, s, cur);
  if (mr && (p.y !== undefined || cur === start)) {
    const m1 = Number(mr[1]);
    const m2 = Number(mr[2]);
    if (m1 >= 1 && m2 <= 12 && m1 < m2) {
      p.m = m1;
      p.end = cur + mr[0].length;
      to = { y: p.y, m: m2, end: p.end };
      const suf = execAt(MONTH_SUFFIX_RE, s, p.end);
      if (suf && suf[0] === '份') p.end = to.end = p.end + 1;
      return { p, to };
    }
  }
  let mo = execAt(MONTH_AR_RE, s, cur);
  let month: number | undefined;
  let monthEnd = cur;
  if (mo && (p.y !== undefined || cur === start)) {
    month = Number(mo[1]);
    monthEnd = cur + mo[0].length;
    chineseOnly = false;
  } else if ((mo = execAt(MONTH_CN_RE, s, cur)) && (p.y !== undefined || cur === start)) {
    month = cnSmall(mo[1]!);
    monthEnd = cur + mo[0].length;
  }
  if (month !== undefined && month >= 1 && month <= 12) {
    p.m = month;
    p.end = monthEnd;
    cur = monthEnd;
    // A month in Chinese numerals alone (一月一公开) is not taken without a year or a day.
    const cnMonthAlone = p.y === undefined && chineseOnly;
    SP_RE.lastIndex = cur;
    SP_RE.exec(s);
    const dayPos = SP_RE.lastIndex;

    // Day, or a range of days.
    const dr = execAt(DAY_RANGE_RE, s, dayPos);
    if (dr) {
      const d1 = Number(dr[1]);
      const d2 = Number(dr[2]);
      if (validDay(p.y, p.m, d1) && validDay(p.y, p.m, d2) && d1 < d2) {
        p.d = d1;
        p.end = dayPos + dr[0].length;
        to = { y: p.y, m: p.m, d: d2, end: p.end };
        return { p, to };
      }
    }
    let dm = execAt(DAY_AR_RE, s, dayPos);
    let day: number | undefined;
    if (dm) day = Number(dm[1]);
    else if ((dm = execAt(DAY_CN_RE, s, dayPos))) day = cnSmall(dm[1]!);
    if (dm && day !== undefined && validDay(p.y, p.m, day)) {
      p.d = day;
      p.end = dayPos + dm[0].length;
      afterDay(s, p);
      return { p };
    }
    if (cnMonthAlone) return null;
    const suf = execAt(MONTH_SUFFIX_RE, s, p.end);
    if (suf) p.end += suf[0].length;
    return { p };
  }

  if (p.y !== undefined) {
    const suf = execAt(YEAR_SUFFIX_RE, s, p.end);
    if (suf) p.end += suf[0].length;
    return { p };
  }

  // A day alone: Arabic digits and 日 only (25日, 18日14时14分), and not a span of days (3日内).
  if (cur !== start) return null;
  const dr = execAt(DAY_RANGE_RE, s, cur);
  if (dr) {
    const d1 = Number(dr[1]);
    const d2 = Number(dr[2]);
    if (d1 >= 1 && d2 <= 31 && d1 < d2) {
      p.d = d1;
      p.end = cur + dr[0].length;
      return { p, to: { d: d2, end: p.end } };
    }
  }
  const dm = execAt(DAY_AR_RE, s, cur);
  if (dm && dm[2] === '日') {
    const d = Number(dm[1]);
    const end = cur + dm[0].length;
    if (d < 1 || d > 31 || /^(?:(?:以|之)?内|游)/.test(s.slice(end, end + 2))) return null;
    p.d = d;
    p.end = end;
    afterDay(s, p);
    return { p };
  }
  return null;
}

/** After a day: a time of day (上午, 晚) and a clock time (14时14分, 08:18) belong to the date. */
function afterDay(s: string, p: DatePoint): void {
  let cur = p.end;
  let pm = false;
  const tod = execAt(TOD_RE, s, cur);
  if (tod) {
    cur += tod[0].length;
    p.end = cur;
    pm = PM_TIME_OF_DAY.has(tod[0]);
  }
  const t = execAt(TIME_RE, s, cur);
  if (!t) return;
  let hh = Number(t[1] ?? t[3]);
  const mi = t[2] !== undefined ? Number(t[2]) : t[4] !== undefined ? Number(t[4]) : t[5] ? 30 : 0;
  if (hh > 24 || mi > 59) return;
  if (pm && hh < 12) hh += 12;
  p.hh = hh;
  p.mi = mi;
  p.end = cur + t[0].length;
}

/**
 * Fill the fields of `b` above its top level from `a` (`2024年4月至9月`: 9月 is 2024-09); a range
 * that would run backwards crosses into the next year or month (`2024年12月30日至1月2日`).
 */
function inherit(a: DatePoint, b: DatePoint): DatePoint {
  const out = { ...b };
  const top = topLevel(b);
  if (top >= 1 && out.y === undefined && a.y !== undefined) {
    out.y = a.y;
    if (top === 1 && (out.m ?? 0) * 100 + (out.d ?? 0) < (a.m ?? 0) * 100 + (a.d ?? 0)) out.y += 1;
  }
  if (top >= 2 && out.m === undefined && a.m !== undefined) {
    out.m = a.m;
    if ((out.d ?? 0) < (a.d ?? 0)) {
      out.m += 1;
      if (out.m > 12) {
        out.m = 1;
        if (out.y !== undefined) out.y += 1;
      }
    }
  }
  return out;
}

function dateAt(s: string, i: number): Hit | null {
  const iso = execAt(ISO_DATE_RE, s, i);
  if (iso) {
    const y = Number(iso[1]);
    const m = Number(iso[3]);
    const d = Number(iso[4]);
    if (y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && validDay(y, m, d)) {
      const p: DatePoint = { y, m, d, end: i + iso[1]!.length + iso[3]!.length + iso[4]!.length + 2 };
      if (iso[5] !== undefined) {
        const hh = Number(iso[5]);
        const mi = Number(iso[6]);
        if (hh <= 24 && mi <= 59) {
          p.hh = hh;
          p.mi = mi;
          p.end = i + iso[0].length;
        }
      }
      return { end: p.end, type: 'DATE', value: formatDate(p) };
    }
  }
  const first = datePointAt(s, i, i);
  if (!first) return null;
  const { p } = first;
  let to = first.to ? inherit(p, first.to) : undefined;
  if (!to) {
    // A range written in full on both sides: 4月24日至5月1日, 2024年4月至9月.
    const c = execAt(CONN_RE, s, p.end);
    if (c) {
      const second = datePointAt(s, p.end + c[0].length, p.end + c[0].length);
      if (second && !second.to) {
        const q = second.p;
        if (topLevel(q) >= topLevel(p) && bottomLevel(q) === bottomLevel(p)) {
          to = inherit(p, q);
        }
      }
    }
  }
  if (to) {
    const value = `${formatDate(p)}/${formatDate(to)}`;
    return { end: to.end, type: 'DATE', value };
  }
  return { end: p.end, type: 'DATE', value: formatDate(p) };
}

// ---------------------------------------------------------------------------------------------
// Shares

function percentAt(s: string, i: number): Hit | null {
  let m = execAt(PERCENT_RE, s, i);
  if (m) {
    const n = parseArabicNumber(m[1]!);
    if (n !== null) return { end: i + m[0].length, type: 'PERCENT', value: roundFloat(n / (m[2] === '%' ? 100 : 1000)), unit: '%' };
  }
  m = execAt(PERCENT_RANGE_RE, s, i);
  if (m) {
    const n = parseArabicNumber(m[1]!);
    if (n !== null) return { end: i + m[0].length, type: 'PERCENT', value: roundFloat(n / 100), unit: '%' };
  }
  m = execAt(FRACTION_CN_RE, s, i);
  if (m) {
    const den = parseNumber(m[1]!);
    const num = parseNumber(m[2]!);
    if (den !== null && num !== null && den > 0) return { end: i + m[0].length, type: 'PERCENT', value: roundShare(num / den), unit: '%' };
  }
  m = execAt(TENTHS_RE, s, i);
  if (m) {
    const n = isDigit(m[1]![0]) ? Number(m[1]) : parseChineseNumeral(m[1]!);
    if (n !== null && n >= 1 && n <= 10) return { end: i + m[0].length, type: 'PERCENT', value: roundFloat(n / 10), unit: '%' };
  }
  m = execAt(SLASH_FRACTION_RE, s, i);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 0 && a < b && b <= 10) return { end: i + m[0].length, type: 'PERCENT', value: roundShare(a / b), unit: '%' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Amounts: a number, its magnitude and a unit

/** A place where a unit may begin, and the number's value if it does. */
interface Cut {
  pos: number;
  value: number;
  chinese: boolean;
  hasMag: boolean;
}

/** A Chinese numeral fit to count with: several characters with a magnitude (三百, 二十, 两万). */
function chineseCount(str: string): number | null {
  if (str.length < 2) return null;
  if (!/[十百千万亿拾佰仟]/.test(str)) return null;
  const first = str[0]!;
  if (CHINESE_DIGITS[first] === undefined && first !== '十' && first !== '拾') return null;
  return parseChineseNumeral(str);
}

/**
 * The cuts after the number at `i`: after the bare number, after each prefix of a following run
 * of magnitudes, and after an inner 多/余 (`120余件`, `20多万`, `2.8万余件`). `end` is the furthest
 * position read, for ranges.
 */
function cutsAt(s: string, i: number): { cuts: Cut[]; end: number } | null {
  const cuts: Cut[] = [];
  let base: number | null = null;
  let cur: number;
  let chinese = false;
  const v = execAt(VAGUE_RE, s, i);
  if (v) {
    if (s[i] === '数' && SHU_NOUN_BEFORE.includes(s[i - 1] ?? '')) return null;
    const mag = parseMagnitude(v[1] ?? v[2]!);
    if (mag === null) return null;
    cur = i + v[0].length;
    cuts.push({ pos: cur, value: mag, chinese: false, hasMag: true });
    const a = execAt(APPROX_RE, s, cur);
    if (a) cuts.push({ pos: cur + a[0].length, value: mag, chinese: false, hasMag: true });
    return { cuts, end: cur };
  }
  const ar = execAt(AR_RE, s, i);
  if (ar) {
    if (ar[0].length > MAX_TOKEN) return null;
    base = parseArabicNumber(ar[0]);
    cur = i + ar[0].length;
  } else {
    const cn = execAt(CN_RE, s, i);
    if (!cn) return null;
    chinese = true;
    const tok = cn[0];
    cur = i + tok.length;
    // Trailing magnitudes may belong to the unit (五万千瓦): offer each shorter prefix as well.
    if (!tok.includes('点') && tok.length <= MAX_TOKEN) {
      let k = tok.length;
      while (k > 1 && '十百千万亿'.includes(tok[k - 1]!)) {
        k--;
        const val = chineseCount(tok.slice(0, k));
        if (val !== null) cuts.push({ pos: i + k, value: val, chinese: true, hasMag: true });
      }
    }
    if (tok.length > MAX_TOKEN) return null;
    base = tok.includes('点') ? parseChineseNumeral(tok) : chineseCount(tok);
    if (base !== null && tok.includes('点')) {
      // 三点五, 十二点五十分 read as clock times; a decimal takes 万 or 亿 after it (三点五亿).
      const mg = execAt(MAG_RE, s, cur);
      if (!mg || !/^[万亿]/.test(mg[1]!)) base = null;
    }
  }
  if (base === null) return cuts.length ? { cuts, end: cur } : null;
  cuts.push({ pos: cur, value: base, chinese, hasMag: chinese });
  let end = cur;
  let approx = false;
  const a1 = execAt(APPROX_RE, s, cur);
  if (a1) {
    approx = true;
    cur += a1[0].length;
    cuts.push({ pos: cur, value: base, chinese, hasMag: chinese });
    end = cur;
  }
  const mg = execAt(MAG_RE, s, cur);
  if (mg) {
    const run = mg[1]!;
    const runStart = cur + mg[0].length - run.length;
    for (let k = 1; k <= run.length; k++) {
      const mag = parseMagnitude(run.slice(0, k));
      if (mag === null) break;
      const value = roundFloat(base * mag);
      cuts.push({ pos: runStart + k, value, chinese, hasMag: true });
      if (k === run.length) {
        end = runStart + k;
        if (!approx) {
          const a2 = execAt(APPROX_RE, s, end);
          if (a2) {
            end += a2[0].length;
            cuts.push({ pos: end, value, chinese, hasMag: true });
          }
        }
      }
    }
  }
  return { cuts, end };
}

interface UnitMatch {
  unit: string;
  end: number;
}

/** The unit right after `pos` (layout spaces allowed), if it is one in this context. */
function unitAt(s: string, pos: number, chinese: boolean): UnitMatch | null {
  SP_RE.lastIndex = pos;
  SP_RE.exec(s);
  const at = SP_RE.lastIndex;
  const m = execAt(UNIT_RE, s, at);
  if (!m) return null;
  let unit = m[0];
  const end = at + unit.length;
  const next = s[end];
  if (/^(?:个|分)[多余]/.test(unit)) unit = unit[0]! + unit.slice(2);
  if (chinese && ARABIC_ONLY_UNITS.has(unit)) return null;
  const blockers = UNIT_BLOCKERS[unit];
  if (blockers && next !== undefined && blockers.includes(next)) return null;
  if (/[A-Za-z²³]$/.test(unit) && (isLatin(next) || isDigit(next))) return null;
  if (unit === '分' && (isDigit(next) || /^\s*\d/.test(s.slice(end, end + 2)))) return null;
  return { unit, end };
}

/** The best unit over the cuts: the longest unit, then the larger magnitude (6 万千瓦 → 千瓦). */
function bestUnit(s: string, cuts: Cut[]): { cut: Cut; u: UnitMatch } | null {
  let best: { cut: Cut; u: UnitMatch } | null = null;
  for (const cut of cuts) {
    const u = unitAt(s, cut.pos, cut.chinese);
    if (!u) continue;
    if (!best || u.unit.length > best.u.unit.length || (u.unit.length === best.u.unit.length && u.end > best.u.end)) best = { cut, u };
  }
  return best;
}

function amountHit(value: number, u: UnitMatch): Hit {
  const code = CURRENCIES[u.unit];
  if (code) return { end: u.end, type: 'MONEY', value: roundFloat(value * (CURRENCY_SCALE[u.unit] ?? 1)), unit: code };
  return { end: u.end, type: 'QUANTITY', value: roundFloat(value), unit: u.unit };
}

function amountAt(s: string, i: number): Hit | null {
  const first = cutsAt(s, i);
  if (!first) return null;
  const b1 = bestUnit(s, first.cuts);
  if (b1) {
    // Year-like digits with 年 not read as a date (guards above) stay durations only when plain.
    return amountHit(b1.cut.value, b1.u);
  }
  // A range sharing one unit: 3至5个, 1-2名, 3至5万元 (value: the lower bound).
  const c = execAt(CONN_RE, s, first.end);
  if (!c) return null;
  const j = first.end + c[0].length;
  if (s[i] === '数' || s[i] === '几' || s[i] === '上') return null;
  const second = cutsAt(s, j);
  if (!second) return null;
  const firstChinese = first.cuts[0]?.chinese ?? false;
  const b2 = bestUnit(s, second.cuts.filter((x) => x.chinese === firstChinese));
  if (!b2) return null;
  const lowCut = first.cuts.reduce((a, x) => (x.pos > a.pos ? x : a), first.cuts[0]!);
  let low = lowCut.value;
  if (!lowCut.hasMag && b2.cut.hasMag && !b2.cut.chinese) {
    const base2 = parseArabicNumber(execAt(AR_RE, s, j)?.[0] ?? '');
    if (base2) low = roundFloat(low * (b2.cut.value / base2));
  }
  return amountHit(low, b2.u);
}

// ---------------------------------------------------------------------------------------------
// Driver

/** Sorted, merged zones where no figure may start or end: titles in 《》, document numbers, idioms. */
function blockedZones(s: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  for (const re of [TITLE_RE, DOC_NUMBER_RE, IDIOM_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) zones.push([m.index, m.index + m[0].length]);
  }
  zones.sort((a, b) => a[0] - b[0]);
  return zones;
}

function overlapsZone(zones: Array<[number, number]>, start: number, end: number): boolean {
  // Binary search for the last zone starting before `end`; zones may overlap each other, so scan back a little.
  let lo = 0;
  let hi = zones.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (zones[mid]![0] < end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && k >= lo - 8; k--) {
    if (zones[k]![1] > start) return true;
  }
  return false;
}

/** End of the numeral token at `i`, so a failed number is skipped whole (12345热线 is not 2345…). */
function tokenEnd(s: string, i: number): number {
  const re = isDigit(s[i]) ? DIGITS_RUN_RE : CN_RUN_RE;
  re.lastIndex = i;
  const m = re.exec(s);
  return m && m[0].length > 0 ? i + m[0].length : i + 1;
}

/**
 * Finds the figures of `text`: MONEY, PERCENT, QUANTITY and DATE spans with normalized `value`
 * (a number, PERCENT as a fraction, DATE as ISO 8601 text) and `unit` (ISO currency code, `%`, or
 * the measure word as written), following the annotation guide in README.md.
 *
 * Returns spans sorted by start, non-overlapping, with `text === input.slice(start, end)`; offsets
 * are UTF-16 indices and never split a surrogate pair. Never throws; an empty string gives `[]`.
 */
export function findFigures(text: string): Span[] {
  if (!text) return [];
  const s = toHalfWidth(text, { keep: '，' });
  const zones = blockedZones(s);
  const spans: Span[] = [];
  const re = new RegExp(START_RE.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const i = m.index;
    const hit = blockedBefore(s, i) ? null : (dateAt(s, i) ?? percentAt(s, i) ?? amountAt(s, i));
    if (hit && hit.end > i && !overlapsZone(zones, i, hit.end)) {
      let start = i;
      const prevEnd = spans.length ? spans[spans.length - 1]!.end : 0;
      if (i - 1 >= prevEnd && hit.unit !== undefined && TEMPERATURE_UNITS.has(hit.unit) && typeof hit.value === 'number' && (s[i - 1] === '-' || s[i - 1] === '−')) {
        const before = s[i - 2];
        if (!isDigit(before) && !isLatin(before)) {
          start = i - 1;
          hit.value = -hit.value;
        }
      }
      const span: Span = { start, end: hit.end, type: hit.type, text: text.slice(start, hit.end), value: hit.value };
      if (hit.unit !== undefined) span.unit = hit.unit;
      spans.push(span);
      re.lastIndex = hit.end;
    } else {
      re.lastIndex = Math.max(tokenEnd(s, i), i + 1);
    }
  }
  return spans;
}
