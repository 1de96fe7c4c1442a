/**
 * How a figure's normalized value is shown to a reader, in words of the UI's language, with the
 * machine value beside it for a tooltip: `15.68亿元` → 「15.68 亿元（¥1,568,000,000）」 or
 * "¥1.568 billion (15.68 亿元)"; `9日上午` → 「9日上午」 or "the 9th, morning"; `82.3%` → "82.3%".
 * Pure, for the hover card, the popup and exports.
 */

import { language, t, type Language, type MessageKey } from '../i18n';

/** The languages of the UI. */
export type UiLanguage = Language;

const CURRENCY: Record<string, { sign: string; zh: string }> = {
  CNY: { sign: '¥', zh: '元' },
  USD: { sign: 'US$', zh: '美元' },
  EUR: { sign: '€', zh: '欧元' },
  JPY: { sign: 'JP¥', zh: '日元' },
  HKD: { sign: 'HK$', zh: '港元' },
  GBP: { sign: '£', zh: '英镑' },
};

/** The span types in the order of the annotation guide. */
export const TYPE_ORDER = ['PERSON', 'PLACE', 'ORG', 'DOC', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;

/** A span type's name in the UI's language (人名 / Person); an unknown type as it is. */
export function typeLabel(type: string): string {
  return (TYPE_ORDER as readonly string[]).includes(type) ? t(`type${type}` as MessageKey) : type;
}

function grouped(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** A number as written: at most 4 decimals, no trailing zeros. */
function plain(n: number): string {
  return String(+n.toFixed(4));
}

/** The amount in 万 or 亿 as Chinese news writes it (`15.68 亿`), or null under 10,000. */
function inChineseUnits(n: number): string | null {
  const abs = Math.abs(n);
  if (abs >= 1e8) return `${plain(n / 1e8)} 亿`;
  if (abs >= 1e4) return `${plain(n / 1e4)} 万`;
  return null;
}

/** The amount with an English scale word from a million on (`1.568 billion`), else grouped. */
function inEnglishUnits(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${plain(n / 1e12)} trillion`;
  if (abs >= 1e9) return `${plain(n / 1e9)} billion`;
  if (abs >= 1e6) return `${plain(n / 1e6)} million`;
  return grouped(n);
}

/** Parts of a normalized DATE value (ISO 8601 as ANNOTATION.md writes it), or null. */
interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  time?: string;
}

function dateParts(iso: string): DateParts | null {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(iso);
  if (m) return { year: +m[1]!, month: m[2] ? +m[2] : undefined, day: m[3] ? +m[3] : undefined, time: m[4] };
  m = /^--(\d{2})(?:-(\d{2}))?(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(iso);
  if (m) return { month: +m[1]!, day: m[2] ? +m[2] : undefined, time: m[3] };
  m = /^---(\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?$/.exec(iso);
  if (m) return { day: +m[1]!, time: m[2] };
  return null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function dateWords(d: DateParts, lang: UiLanguage, withYear = true): string {
  if (lang === 'zh') {
    const text = `${withYear && d.year !== undefined ? `${d.year}年` : ''}${d.month !== undefined ? `${d.month}月` : ''}${d.day !== undefined ? `${d.day}日` : ''}`;
    return d.time ? `${text} ${d.time}` : text;
  }
  const month = d.month !== undefined ? MONTHS[d.month - 1] : undefined;
  let text: string;
  if (d.day !== undefined && month) text = `${d.day} ${month}`;
  else if (d.day !== undefined) text = `the ${ordinal(d.day)}`;
  else text = month ?? '';
  if (withYear && d.year !== undefined) text = text ? `${text} ${d.year}` : String(d.year);
  return d.time ? `${text}, ${d.time}` : text;
}

/** Parts of the day a date is written with in Chinese news, and their English words. */
const DAY_PARTS: ReadonlyArray<[string, string]> = [
  ['凌晨', 'early morning'],
  ['清晨', 'early morning'],
  ['早上', 'morning'],
  ['早晨', 'morning'],
  ['上午', 'morning'],
  ['中午', 'noon'],
  ['午后', 'afternoon'],
  ['下午', 'afternoon'],
  ['傍晚', 'evening'],
  ['晚上', 'evening'],
  ['晚间', 'evening'],
  ['夜间', 'night'],
  ['深夜', 'late night'],
];

/** A date value in words; `text` (the span as written) gives the part of the day (上午). */
function describeDate(value: string, text: string, lang: UiLanguage): string {
  const [from, to, extra] = value.split('/');
  const a = from !== undefined ? dateParts(from) : null;
  if (!a || extra !== undefined) return value;
  let words: string;
  if (to === undefined) words = dateWords(a, lang);
  else {
    const b = dateParts(to);
    if (!b) return value;
    // The year said once when both ends share it (2024年4月至9月, April – September 2024).
    const shared = a.year !== undefined && a.year === b.year;
    words =
      lang === 'zh'
        ? `${dateWords(a, lang)}至${dateWords(b, lang, !shared)}`
        : `${dateWords(a, lang, !shared)} – ${dateWords(b, lang)}`;
  }
  const part = DAY_PARTS.find(([zh]) => text.includes(zh));
  if (part) words = lang === 'zh' ? `${words}${part[0]}` : `${words}, ${part[1]}`;
  return words;
}

/**
 * A date value (`2024-04-24`, `--02-25`, `2024-04`) in words of `lang`: 2024年4月24日 /
 * "24 April 2024"; the value itself when it is no such date. Never throws.
 */
export function dateInWords(value: string, lang: UiLanguage = language()): string {
  const d = dateParts(value);
  return d ? dateWords(d, lang) : value;
}

/** What a reader sees of a value: words in the UI's language, and the machine value for a tooltip. */
export interface ValueWords {
  /** The value in words, e.g. 「15.68 亿元（¥1,568,000,000）」 or "¥1.568 billion (15.68 亿元)". */
  words: string;
  /** The normalized value as stored, e.g. `1568000000 CNY`, `0.823`, `---09`. */
  machine: string;
}

/**
 * The value of a figure span in words of `lang`, with its machine form. Null for spans without
 * a value (names) or with a value of the wrong kind (a number for a DATE, text for a MONEY, a
 * non-finite number). Never throws.
 */
export function describeValue(
  span: { type: string; text?: string; value?: number | string; unit?: string },
  lang: UiLanguage = language(),
): ValueWords | null {
  const { type, value, unit } = span;
  if (value === undefined) return null;
  if (type === 'DATE') {
    if (typeof value !== 'string' || !value) return null;
    return { words: describeDate(value, span.text ?? '', lang), machine: value };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const machine = `${value}${unit ? ` ${unit}` : ''}`;
  if (type === 'MONEY') {
    const currency = CURRENCY[unit ?? 'CNY'];
    const sign = currency?.sign ?? `${unit} `;
    const name = currency?.zh ?? unit ?? '元';
    const chinese = inChineseUnits(value);
    const asWritten = `${chinese}${name}`;
    return lang === 'zh'
      ? { words: chinese ? `${asWritten}（${sign}${grouped(value)}）` : `${sign}${grouped(value)}`, machine }
      : { words: `${sign}${inEnglishUnits(value)}${chinese ? ` (${asWritten})` : ''}`, machine };
  }
  if (type === 'PERCENT') return { words: `${plain(value * 100)}%`, machine };
  if (type === 'QUANTITY') {
    const u = unit ?? '';
    const chinese = inChineseUnits(value);
    if (lang === 'zh') return { words: chinese ? `${chinese}${u}（${grouped(value)}${u ? ` ${u}` : ''}）` : `${grouped(value)}${u ? ` ${u}` : ''}`, machine };
    return { words: `${inEnglishUnits(value)}${u ? ` ${u}` : ''}`, machine };
  }
  return { words: String(value), machine };
}

/**
 * The value in words of the UI's language, or the empty string where {@link describeValue} has
 * none. Never throws.
 */
export function formatValue(span: { type: string; text?: string; value?: number | string; unit?: string }, lang: UiLanguage = language()): string {
  return describeValue(span, lang)?.words ?? '';
}

/**
 * A time stamp in a time zone, with its offset: `2026-12-06T11:08:19+08:00`. `offsetMinutes`
 * is east of UTC (China: 480); by default the running system's offset at that time. Returns
 * the empty string for a time that is not a finite number.
 */
export function localTimestamp(ms: number, offsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  if (!Number.isFinite(ms)) return '';
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
