/**
 * When an article was published, as Chinese news and notices say it: the dateline
 * (`人民日报北京2月25日电`, `新华社北京2024年2月25日电`), the issuer's signature date under a notice
 * (`2024年4月24日` on a line of its own, also `二〇二四年四月二十四日`), a web page's header line
 * (`发布时间：2024-04-24 10:23`, `2024-04-24 10:23 来源：…`) or its `<meta name="PubDate">`.
 *
 * Values are ISO dates (`2024-04-24`) or, for a dateline without a year, `--02-25`, the form
 * the recognizer's DATE values use (see `lib/text/format-value.ts` for words).
 */

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** `2024`, `二〇二四`, `12`, `十二`, `二十四` as a number; NaN for anything else. */
function numberOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零O一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return NaN;
  if (!m[2]) return m[1] || !m[3] ? NaN : CN_DIGITS[m[3]]!;
  return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? CN_DIGITS[m[3]]! : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO date from parts, or undefined when they are no calendar date (2024-02-30, month 13). */
function isoDate(year: number | undefined, month: number, day: number): string | undefined {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  if (year === undefined) {
    // February 29th is a date in some year.
    return day <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]! ? `--${pad(month)}-${pad(day)}` : undefined;
  }
  if (!(year >= 1900 && year <= 2100)) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NUM = '(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const YEAR = '(\\d{4}|[〇零O一二三四五六七八九]{4})';
const DATELINE = new RegExp(`(?:${YEAR}年)?${NUM}月${NUM}日(?:电|讯)`);
const SIGNATURE = new RegExp(`^[\\s　]*${YEAR}年${NUM}月${NUM}日[\\s　]*$`);
const HEADER = /(?:(?:发布|发稿|更新|印发|成文)?(?:时间|日期)\s*[:：]\s*)?(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?/;

/**
 * The publication date a byline or dateline states (`北京2月25日电`), else undefined.
 * Never throws.
 */
export function datelineDate(byline: string): string | undefined {
  const m = DATELINE.exec(byline);
  if (!m) return undefined;
  const year = m[1] ? numberOf(m[1]) : undefined;
  return isoDate(year !== undefined && Number.isNaN(year) ? undefined : year, numberOf(m[2]!), numberOf(m[3]!));
}

/**
 * The date a web page's `<meta>` gives (`2024-04-24 10:23:00`, `2024-04-24T10:23:00+08:00`,
 * `2024/4/24`, `2024年04月24日`), as an ISO date; undefined for anything else. Never throws.
 */
export function metaDate(content: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?:日|\b|T)/.exec(content);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * When an article's text says it was published: a dateline in its byline or first lines, a
 * header line within its first lines (`发布时间：2024-04-24`), a signature date on one of its last
 * lines. Dates inside sentences (what the article is about) are never taken. Undefined when
 * none is found. Never throws.
 */
export function publishedIn(text: string, byline?: string): string | undefined {
  if (byline) {
    const d = datelineDate(byline);
    if (d) return d;
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  for (const line of lines.slice(0, 3)) {
    const head = line.slice(0, 40);
    const d = datelineDate(head);
    if (d && /^[^，。；]{0,30}(?:电|讯)/.test(head)) return d;
  }
  for (const line of lines.slice(0, 5)) {
    // A header line is short and says little else: `2024-04-24 10:23 来源：青海新闻网`.
    if (line.length > 60) continue;
    const m = HEADER.exec(line);
    if (!m) continue;
    // Labeled (`发布时间：`), or a date opening a line of page furniture (time, 来源, 作者),
    // never a date opening a sentence (`2024年4月24日，省委…`).
    const rest = line.slice(m.index + m[0].length);
    if (!/时间|日期/.test(m[0]) && (m.index > 0 || /[，。,；;！？]/.test(rest))) continue;
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) return d;
  }
  for (const line of lines.slice(-3).reverse()) {
    const m = SIGNATURE.exec(line);
    if (!m) continue;
    const year = numberOf(m[1]!);
    const d = Number.isNaN(year) ? undefined : isoDate(year, numberOf(m[2]!), numberOf(m[3]!));
    if (d) return d;
  }
  return undefined;
}
