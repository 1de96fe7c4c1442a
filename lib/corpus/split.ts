/**
 * Splits a seed document (a newspaper page or a notice as extracted from PDF) into its
 * articles, repairing the layout on the way.
 *
 * How such pages come out of a PDF, and what each step undoes:
 * - lines are broken at the column width, mid-word (`…日` / `前，…`): lines are joined into
 *   paragraphs until one ends a sentence;
 * - several articles share a page: an article starts at a dateline or lead byline
 *   (`本报讯（记者 张金凤）`, `人民日报北京2月25日电(记者谷业凯)`, `□ 记者 汤红红`), at a
 *   continuation mark (`（上接一版）`, `(接一版)`), or under a `#` headline; it ends at a closing
 *   byline (`（特约记者 苏烽 闻皓）`, a reporter's name alone on a line);
 * - headlines trail elsewhere on the page, sometimes all together, sometimes set mid-paragraph,
 *   sometimes broken over two lines, sometimes printed twice (bold text extracted as
 *   `优化营商环境护航经济发展优化营商环境护航经济发展`): each headline goes to the article whose
 *   text repeats it best, with a preference for the article right after it;
 * - a subheading after an article's end continues an earlier article when its section is
 *   about the same thing (`## 协商式治理 让治理更民主`), otherwise it starts a new one;
 * - the tail of an article can be set before its continuation (`…帮助农` … `户拓展线上销售渠道`):
 *   an article left mid-sentence takes back the trailing paragraphs of another article that
 *   are about its topic rather than their host's.
 *
 * Pure: no segmenter, no DOM. Runs at build time (`npm run corpus`) and in tests.
 */

import { SURNAMES_DOUBLE, SURNAMES_SINGLE } from '../recognize/lexicon';
import { bigrams, containment } from './similarity';

/** A piece of the seed file, as JavaScript string offsets (end exclusive). */
export type SeedRange = [start: number, end: number];

/** One article found in a seed file, before recognition. */
export interface SplitArticle {
  /** 1-based order of the article in its seed file (by its first character). */
  n: number;
  title: string;
  /** `headline`: a headline printed on the page; `lead`: none was found, the first words stand in. */
  titleFrom: 'headline' | 'lead';
  /** The line printed above the headline (引题), if any. */
  kicker?: string;
  /** The line printed under the headline (副题), if any. */
  subtitle?: string;
  /** The byline as printed, e.g. `本报讯（记者 张金凤）`, `□ 记者 汤红红`, `高吉楠`. */
  byline?: string;
  /** Reporters' names from the byline, in order. */
  reporters: string[];
  /** The newspaper or the issuing body, when the page says so (`人民日报`, `青海新闻网`, `青海省市场监督管理局`). */
  source?: string;
  /** Document numbers printed on the page for this article (`青市监函〔2024〕144号`). */
  docNumbers: string[];
  /** The repaired text: paragraphs separated by `\n`, subheadings as their own lines. */
  text: string;
  /** Where the article's lines sit in the seed file, in order; more than one when it was split up. */
  ranges: SeedRange[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

type Marker = { kind: 'dateline' | 'xun' | 'continued' | 'square'; source?: string; byline?: string; reporters: string[] };

type Block =
  | { kind: 'para'; text: string; ranges: SeedRange[]; marker?: Marker; terminated: boolean; lines: Line[] }
  | { kind: 'heading'; text: string; level: number; ranges: SeedRange[]; displaced?: boolean }
  | { kind: 'byline'; text: string; reporters: string[]; ranges: SeedRange[]; opens: boolean }
  | { kind: 'credit'; text: string; ranges: SeedRange[] }
  | { kind: 'docno'; text: string; ranges: SeedRange[] }
  | { kind: 'date'; text: string; ranges: SeedRange[] };

// ---------------------------------------------------------------------------------------
// Lines and their kinds

const TERMINAL = /[。！？!?；;…：:]["”’』」)）】]*$|[。！？!?][”’」』]?\s*[（(][^）)]{1,40}[）)]$/;
const BYLINE_ROLE = '(?:本报)?(?:特约|见习|实习)?(?:记者|通讯员|实习生)';
const PAREN_BYLINE = new RegExp(`^[（(]\\s*(${BYLINE_ROLE}[^）)]*)[）)]$`);
const SQUARE_BYLINE = new RegExp(`^□\\s*(${BYLINE_ROLE})\\s*(.+)$`);
const XUN = /^((?:本报|[\u4e00-\u9fff]{2,10}?(?:网|社|台|报|新闻)))讯\s*(?:[（(]([^）)]{1,40})[）)])?/;
const DATELINE = /^((?:新华社|中新社|人民日报|经济日报|光明日报|[\u4e00-\u9fff]{2,6}(?:日报|晚报|社|网|台))?)([\u4e00-\u9fff]{2,8}?)(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日电\s*(?:[（(]([^）)]{1,40})[）)])?/;
const CONTINUED = /^[（(]\s*(?:上接|接|紧接)[^）)]{1,4}版\s*[）)]/;
const CREDIT = /(?:摄影?|供图|制图)\s*(?:[（(][^）)]*[）)])?$|^图片来源[:：]|^(?:本版)?(?:责任)?编辑[:：]/;
const DOC_NUMBER = /^[\u4e00-\u9fff]{1,10}[〔［\[【(（]\d{4}[〕］\]】)）]\s*\d{1,5}\s*号$/;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九○]{4})年\d{1,2}月\d{1,2}日$/;
const ENUMERATED = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]{1,3}[章节条部分])/;
const ORG_TAIL = /(?:局|委员会|委|厅|部|政府|办公室|办公厅|院|署|会|中心)$/;

/**
 * Undoes bold text extracted twice (`加大纾困解难力度加大纾困解难力度，，政务服务更加高效政务服务更加高效`
 * → `加大纾困解难力度，政务服务更加高效`). Returns the line unchanged when it is not doubled.
 */
export function undouble(line: string): string {
  const parts = line.split(/([，、：。！？；,.!?;:])\1/);
  // parts alternates text, punctuation, text…
  let changed = false;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      out.push(part);
      changed = true;
      continue;
    }
    const half = part.length / 2;
    if (part.length >= 4 && Number.isInteger(half) && part.slice(0, half) === part.slice(half)) {
      out.push(part.slice(0, half));
      changed = true;
    } else {
      out.push(part);
    }
  }
  if (!changed) return line;
  // Only a line whose every text part was doubled counts; else the doubled punctuation was a typo.
  const textParts = parts.filter((_, i) => i % 2 === 0 && parts[i]!.length > 0);
  const allDoubled = textParts.every((p) => p.length >= 4 && p.length % 2 === 0 && p.slice(0, p.length / 2) === p.slice(p.length / 2));
  return allDoubled ? out.join('') : line;
}

/** Common surnames as set in traditional characters (Hong Kong, Taiwan and some bylines). */
const TRADITIONAL_SURNAMES: Readonly<Record<string, string>> = {
  鄧: '邓', 劉: '刘', 陳: '陈', 張: '张', 黃: '黄', 趙: '赵', 吳: '吴', 楊: '杨', 孫: '孙', 鄭: '郑',
  馮: '冯', 許: '许', 韓: '韩', 蕭: '萧', 謝: '谢', 羅: '罗', 葉: '叶', 蘇: '苏', 盧: '卢', 錢: '钱',
  鍾: '钟', 龍: '龙', 賴: '赖', 魯: '鲁', 閻: '阎', 萬: '万', 湯: '汤', 陸: '陆', 華: '华', 喬: '乔',
  賈: '贾', 聶: '聂', 韋: '韦', 譚: '谭', 顧: '顾', 鄒: '邹', 紀: '纪', 閔: '闵', 歐陽: '欧阳',
};

/**
 * Whether `s` reads as a person's name in a byline: 2–4 Chinese characters starting with a
 * known surname (simplified or traditional). Bylines name people, so the given name is not
 * checked against common name characters (`苏烽`, `闻皓`).
 */
function isBylineName(s: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s)) return false;
  const two = s.slice(0, 2);
  if (s.length >= 3 && (SURNAMES_DOUBLE.has(two) || TRADITIONAL_SURNAMES[two])) return true;
  const first = s[0]!;
  return s.length <= 3 && (SURNAMES_SINGLE.has(first) || TRADITIONAL_SURNAMES[first] !== undefined);
}

/** Names on a line by themselves (`吴高鑫`, `鄧小山 廖承雄`), or null when the line is not that. */
function bareNames(line: string): string[] | null {
  if (!/^[\u4e00-\u9fff]{2,4}(?:[\s　、]+[\u4e00-\u9fff]{2,4}){0,3}$/.test(line)) return null;
  const names = line.split(/[\s　、]+/);
  return names.every(isBylineName) ? names : null;
}

/** Reporters' names inside a byline's parentheses: `特约记者 苏烽 闻皓` → [苏烽, 闻皓]. */
function reportersIn(byline: string): string[] {
  const body = byline.replace(new RegExp(BYLINE_ROLE, 'g'), ' ').replace(/[（()）□:：]/g, ' ');
  return body
    .split(/[\s　、，,]+/)
    .map((s) => s.trim())
    .filter(isBylineName);
}

function startMarker(text: string): Marker | undefined {
  let m = XUN.exec(text);
  if (m) {
    const byline = m[0].trim();
    return { kind: 'xun', source: m[1] === '本报' ? undefined : m[1], byline, reporters: m[2] ? reportersIn(m[2]) : [] };
  }
  m = DATELINE.exec(text);
  if (m && (m[1] || m[5])) {
    return { kind: 'dateline', source: m[1] || undefined, byline: m[0].trim(), reporters: m[5] ? reportersIn(m[5]) : [] };
  }
  if (CONTINUED.test(text)) return { kind: 'continued', reporters: [] };
  return undefined;
}

function linesOf(seed: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(seed); m; m = re.exec(seed)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    out.push({ text, start: m.index + lead, end: m.index + lead + text.length });
  }
  return out;
}

/**
 * Removes layout whitespace from body text: any run of spaces goes unless it sits between
 * two Latin letters or digits (`LED 屏幕` → `LED屏幕`, `等 9 个` → `等9个`, `IPC 8` kept).
 */
export function repairSpaces(text: string): string {
  return text.replace(/[ \t\u3000\u00a0]+/g, (run, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + run.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/** Headline text: markup gone, runs of spaces become one (they separate the headline's parts). */
function headingText(raw: string): string {
  const text = undouble(raw.replace(/^#{1,6}\s*/, '').replace(/\*\*/g, '').trim())
    .replace(/[ \t\u3000\u00a0]+/g, ' ')
    .replace(/(?<=[\u4e00-\u9fff]) (?=[:：，、])|(?<=[:：，、]) /g, '')
    .trim();
  // A long one-sentence title (a notice's) has no parts: its spaces are line-break leftovers.
  return [...text].length > 36 ? repairSpaces(text) : text;
}

/** Joins wrapped lines: nothing between Chinese characters, a space between Latin words. */
function joinLines(lines: readonly Line[]): string {
  let out = '';
  for (const l of lines) {
    if (out && /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(l.text)) out += ' ';
    out += l.text;
  }
  return repairSpaces(out);
}

const rangeOf = (l: Line): SeedRange => [l.start, l.end];

/** Headline candidates: short unterminated lines standing between paragraphs. */
const HEADLINE_MAX = 32;

function toBlocks(seed: string): Block[] {
  const lines = linesOf(seed);
  const blocks: Block[] = [];
  let buf: Line[] = [];

  const flush = () => {
    if (buf.length === 0) return;
    const text = joinLines(buf);
    const terminated = TERMINAL.test(text);
    // Markers are read before layout spaces go: `（特约记者 吴婷婷 青普力）` needs them.
    const marker = startMarker(buf.map((l) => l.text).join(''));
    const headlineLike = (l: Line) => [...l.text].length <= HEADLINE_MAX && (l.text.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 5;
    if (!terminated && !marker && buf.length <= 6 && buf.every(headlineLike)) {
      // A run of short unterminated lines: headlines, each line on its own for now (a
      // headline broken over two lines is put together again when both go to one article).
      for (const l of buf) blocks.push({ kind: 'heading', text: headingText(l.text), level: 0, ranges: [rangeOf(l)] });
    } else {
      blocks.push({ kind: 'para', text, ranges: buf.map(rangeOf), marker, terminated, lines: buf });
    }
    buf = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text;
    const heading = /^#{1,6}\s/.exec(t) ?? (/^\*\*[^*]+\*\*$/.test(t) ? ['**'] : null);
    const doubled = undouble(t) !== t;
    if (heading || (doubled && !TERMINAL.test(undouble(t)))) {
      const level = heading ? (heading[0] === '**' ? 3 : heading[0].trim().length) : 2;
      // A headline set in the middle of a paragraph: the paragraph goes on after it.
      const next = lines[i + 1];
      const displaced =
        buf.length > 0 && !TERMINAL.test(buf[buf.length - 1]!.text) && next !== undefined && !startMarker(next.text) && !/^#/.test(next.text) &&
        [...buf.map((l) => l.text).join('')].length > HEADLINE_MAX;
      if (!displaced) flush();
      blocks.push({ kind: 'heading', text: headingText(t), level, ranges: [rangeOf(line)], displaced });
      continue;
    }
    if (doubled) {
      // A caption printed twice (`联防巡逻联防巡逻。。`): page furniture, not article text.
      flush();
      blocks.push({ kind: 'credit', text: undouble(t), ranges: [rangeOf(line)] });
      continue;
    }
    const paren = PAREN_BYLINE.exec(t);
    const square = SQUARE_BYLINE.exec(t);
    // A name alone on a line signs the article above it; the paragraph before it may have been
    // cut short by the page (then the line after the name is a headline or a new article).
    const nextLine = lines[i + 1]?.text;
    const breakAfter = nextLine === undefined || /^#/.test(nextLine) || startMarker(nextLine) !== undefined;
    const names = bufferEnded(buf) || breakAfter ? bareNames(t) : null;
    if (paren || square || names) {
      flush();
      const reporters = paren ? reportersIn(paren[1]!) : square ? reportersIn(square[2]!) : names!;
      blocks.push({ kind: 'byline', text: t, reporters, ranges: [rangeOf(line)], opens: Boolean(square) });
      continue;
    }
    if (CREDIT.test(t) && [...t].length <= 40) {
      flush();
      blocks.push({ kind: 'credit', text: repairSpaces(t), ranges: [rangeOf(line)] });
      continue;
    }
    if (DOC_NUMBER.test(t)) {
      flush();
      blocks.push({ kind: 'docno', text: t.replace(/\s+/g, ''), ranges: [rangeOf(line)] });
      continue;
    }
    if (DATE_LINE.test(t)) {
      // A signature block: the issuer's name on the line before belongs with the date.
      if (buf.length === 1 && ORG_TAIL.test(buf[0]!.text.trim())) {
        const org = buf[0]!;
        buf = [];
        blocks.push({ kind: 'para', text: repairSpaces(org.text), ranges: [rangeOf(org)], terminated: true, lines: [org] });
      } else {
        flush();
      }
      blocks.push({ kind: 'date', text: t, ranges: [rangeOf(line)] });
      continue;
    }
    // A dateline or a continuation mark always opens a new paragraph.
    if (buf.length > 0 && (startMarker(t) || TERMINAL.test(buf[buf.length - 1]!.text))) flush();
    buf.push(line);
  }
  flush();
  return blocks;
}

function bufferEnded(buf: readonly Line[]): boolean {
  return buf.length === 0 || TERMINAL.test(buf[buf.length - 1]!.text);
}

// ---------------------------------------------------------------------------------------
// Articles

interface Draft {
  paras: Array<{ text: string; ranges: SeedRange[]; terminated: boolean }>;
  byline?: string;
  reporters: string[];
  source?: string;
  docNumbers: string[];
  closed: boolean;
  /** Set when the article began at a dateline or byline (it cannot be the tail of another). */
  marked: boolean;
  /** Set when a `#` headline opened it: `##` subheads under it are its sections. */
  headed?: boolean;
}

interface Floating {
  text: string;
  level: number;
  ranges: SeedRange[];
  /** Index of the run of headlines it was printed in. */
  run: number;
  /** The article printed right after the run (or around it, for a headline set mid-paragraph). */
  next?: Draft;
  /** How many headlines were printed together: in a block of many, position says little. */
  runSize: number;
  /** The headline opened `next`: it is that article's, without matching. */
  fixed?: boolean;
}

/** Least share of a headline's bigrams its article must repeat. */
const TITLE_MIN = 0.34;
/** What being printed right above an article is worth, in containment. */
const ADJACENT_BONUS = 0.25;
/** A captioned paragraph sharing less than this with the article around it is a photo story of its own. */
const PHOTO_STORY_MAX = 0.2;
/** Least share for a headline no article repeats well to still title an untitled article. */
const LEFTOVER_MIN = 0.05;
/** Least relatedness for a subhead inside an article that is still open to be its section. */
const SECTION_OPEN_MIN = 0.03;
/** Least share of a section's bigrams that its article must share to be continued by it. */
const SECTION_MIN = 0.12;

const bodyOf = (d: Draft) => d.paras.map((p) => p.text).join('\n');

/**
 * How much a section and an article are about the same thing: the larger of the two
 * containments, so a long section under a short lead still counts.
 */
function related(section: string, article: string): number {
  const a = bigrams(section.slice(0, 600));
  const b = bigrams(article);
  return Math.max(containment(a, b), containment(b, a));
}

/**
 * Splits one seed file into articles. Never throws: a file with no recognizable structure
 * becomes one article titled by its first words; an empty file gives no article.
 */
export function splitSeed(seed: string): SplitArticle[] {
  const blocks = toBlocks(seed);
  const drafts: Draft[] = [];
  const floating: Floating[] = [];
  let cur: Draft | undefined;
  let issuer: string | undefined;
  let pendingDocNumbers: string[] = [];
  let runIndex = 0;
  /** A run of headlines printed right before the article that starts at block `awaiting.at`. */
  let awaiting: { at: number; run: Floating[] } | undefined;

  const open = (init: Partial<Draft> = {}): Draft => {
    if (cur && !cur.closed) cur.closed = true;
    const d: Draft = { paras: [], reporters: [], docNumbers: pendingDocNumbers, closed: false, marked: false, source: issuer, ...init };
    pendingDocNumbers = [];
    drafts.push(d);
    cur = d;
    return d;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    switch (b.kind) {
      case 'para': {
        if (b.marker && b.marker.kind !== 'continued') {
          const pendingByline = cur && cur.paras.length === 0 && !cur.closed ? cur : undefined;
          const d = pendingByline ?? open();
          d.marked = true;
          d.byline ??= b.marker.byline;
          if (d.reporters.length === 0) d.reporters = b.marker.reporters;
          d.source = b.marker.source ?? d.source;
        } else if (b.marker) {
          open({ marked: true });
        } else if (!cur || cur.closed) {
          open();
        } else if (blocks[i + 1]?.kind === 'credit' && /图为/.test(b.text) && containment(bigrams(b.text), bigrams(bodyOf(cur))) < PHOTO_STORY_MAX) {
          // A photo story (a paragraph ending `图为…。` over a photographer's credit) set
          // inside another article's column, about something else.
          open();
        }
        cur!.paras.push({ text: b.text, ranges: b.ranges, terminated: b.terminated });
        break;
      }
      case 'byline': {
        if (b.opens || !cur || cur.closed || cur.paras.length === 0) {
          const d = cur && !cur.closed && cur.paras.length === 0 ? cur : open();
          d.byline = b.text;
          d.reporters = b.reporters;
          d.marked = true;
        } else {
          cur.byline ??= b.text;
          if (cur.reporters.length === 0) cur.reporters = b.reporters;
          cur.closed = true;
        }
        break;
      }
      case 'credit':
        if (cur && !cur.closed && !/^联防|。$/.test(b.text)) cur.paras.push({ text: b.text, ranges: b.ranges, terminated: true });
        break;
      case 'docno':
        if (cur && !cur.closed && cur.paras.length > 0) cur.docNumbers.push(b.text);
        else pendingDocNumbers.push(b.text);
        break;
      case 'date':
        if (cur && !cur.closed) cur.paras.push({ text: b.text, ranges: b.ranges, terminated: true });
        break;
      case 'heading': {
        if (b.displaced) {
          floating.push({ text: b.text, level: b.level, ranges: b.ranges, run: runIndex++, runSize: 1, next: cur });
          break;
        }
        // Gather the run of headlines (credits and captions in between are page furniture).
        const run: Extract<Block, { kind: 'heading' }>[] = [b];
        let j = i + 1;
        for (; j < blocks.length; j++) {
          const n = blocks[j]!;
          if (n.kind === 'heading' && !n.displaced) run.push(n);
          else if (n.kind !== 'credit') break;
        }
        const after = blocks[j];
        // The issuing body's name over a document number is a letterhead, not a headline.
        if (after?.kind === 'docno' && run.length === 1 && ORG_TAIL.test(b.text)) {
          issuer = b.text;
          if (cur) cur.closed = true;
          i = j - 1;
          break;
        }
        const followedByStart =
          after === undefined ||
          (after.kind === 'para' && after.marker !== undefined) ||
          (after.kind === 'byline' && after.opens) ||
          after.kind === 'docno';
        const topLevel = run.some((h) => h.level === 1);
        const enumerated = run.some((h) => h.level > 0 && ENUMERATED.test(h.text));
        const subheads = run.every((h) => h.level >= 2);
        const sectionText = run.map((h) => h.text).join(' ') + sectionBody(blocks, j);
        const runNo = runIndex++;
        // Headlines that open the article printed under them belong to it, whatever they say.
        const float = (next?: Draft) => {
          for (const h of run) floating.push({ text: h.text, level: h.level, ranges: h.ranges, run: runNo, runSize: run.length, next, fixed: next !== undefined });
          if (next && topLevel) next.headed = true;
        };

        if (followedByStart) {
          if (cur) cur.closed = true;
          if (after === undefined) {
            float();
          } else {
            // The article that starts next is created by its own block; remember the run.
            const pending: Floating[] = run.map((h) => ({ text: h.text, level: h.level, ranges: h.ranges, run: runNo, runSize: run.length }));
            floating.push(...pending);
            awaiting = { at: j, run: pending };
          }
        } else if (topLevel && !(cur && !cur.closed && enumerated)) {
          float(open());
        } else if (cur && !cur.closed && (enumerated || (subheads && cur.headed) || related(sectionText, bodyOf(cur)) >= SECTION_OPEN_MIN)) {
          // A subhead inside an open article is one of its sections unless what follows it
          // shares nothing with the article (a photo story set between two articles).
          for (const h of run) cur.paras.push({ text: h.text, ranges: h.ranges, terminated: true });
        } else {
          // After an article's end: a section of an earlier article (clearly the one it is
          // about), or a new article.
          let best: Draft | undefined;
          if (subheads) {
            const ranked = drafts.map((d) => ({ d, s: related(sectionText, bodyOf(d)) })).sort((a, b) => b.s - a.s);
            const [first, second] = ranked;
            if (first && first.s >= SECTION_MIN && first.s >= 2 * (second?.s ?? 0)) best = first.d;
          }
          if (best) {
            if (cur) cur.closed = true;
            best.closed = false;
            cur = best;
            for (const h of run) best.paras.push({ text: h.text, ranges: h.ranges, terminated: true });
          } else {
            float(open());
          }
        }
        i = j - 1;
        break;
      }
    }
    // A run printed right before a starting article: now that the article exists, link them.
    if (awaiting && awaiting.at === i) {
      for (const f of awaiting.run) f.next = cur;
      awaiting = undefined;
    }
  }

  const live = drafts.filter((d) => d.paras.some((p) => p.text.length > 0));
  moveMisplacedTails(live);
  const titles = assignHeadlines(floating, live);

  const articles = live.map((d) => {
    const text = d.paras.map((p) => p.text).join('\n');
    const ranges = mergeRanges(d.paras.flatMap((p) => p.ranges));
    const headline = titles.get(d);
    const article: SplitArticle = {
      n: 0,
      title: headline?.title ?? leadTitle(text),
      titleFrom: headline ? 'headline' : 'lead',
      reporters: d.reporters,
      docNumbers: d.docNumbers,
      text,
      ranges,
    };
    if (headline?.kicker) article.kicker = headline.kicker;
    if (headline?.subtitle) article.subtitle = headline.subtitle;
    if (d.byline) article.byline = d.byline;
    if (d.source) article.source = d.source;
    if (headline) article.ranges = mergeRanges([...ranges, ...headline.ranges]);
    return article;
  });
  articles.sort((a, b) => a.ranges[0]![0] - b.ranges[0]![0]);
  articles.forEach((a, k) => (a.n = k + 1));
  return articles;
}

/** The text of the paragraphs that follow a headline, up to the next headline or article start. */
function sectionBody(blocks: readonly Block[], from: number): string {
  let out = '';
  for (let k = from; k < blocks.length && out.length < 600; k++) {
    const b = blocks[k]!;
    if (b.kind === 'heading' || (b.kind === 'para' && b.marker) || b.kind === 'byline') break;
    if (b.kind === 'para') out += b.text;
  }
  return out;
}

function mergeRanges(ranges: readonly SeedRange[]): SeedRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: SeedRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    // Pieces separated by whitespace only (blank lines between wrapped lines) are one piece.
    if (last && r[0] <= last[1] + 4) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** A title from the first words of the text when the page printed none: its first clause. */
function leadTitle(text: string): string {
  const first = text.split('\n')[0] ?? '';
  const body = first
    .replace(XUN, '')
    .replace(DATELINE, '')
    .replace(CONTINUED, '')
    .replace(/^[，,\s]+/, '');
  const clause = /^[^。！？；]{4,30}/.exec(body)?.[0] ?? body.slice(0, 24);
  return clause.length < body.length ? `${clause}…` : clause || '（无标题）';
}

/**
 * An article left mid-sentence (its last paragraph does not end a sentence) takes back the
 * trailing paragraphs of another article when they share more with it than with their host.
 */
function moveMisplacedTails(drafts: Draft[]): void {
  for (const d of drafts) {
    const last = d.paras[d.paras.length - 1];
    if (!last || last.terminated) continue;
    const mine = bigrams(bodyOf(d));
    let best: { host: Draft; k: number; margin: number } | undefined;
    for (const host of drafts) {
      if (host === d) continue;
      for (let k = 1; k <= Math.min(3, host.paras.length - 1); k++) {
        const tail = host.paras.slice(-k);
        const rest = host.paras.slice(0, -k);
        const tb = bigrams(tail.map((p) => p.text).join(''));
        const margin = containment(tb, mine) - containment(tb, bigrams(rest.map((p) => p.text).join('')));
        // The longest tail that still fits: the first paragraphs moved are the ones that continue.
        if (margin > 0.15 && (!best || k > best.k || (k === best.k && margin > best.margin))) best = { host, k, margin };
      }
    }
    if (best) {
      const moved = best.host.paras.splice(-best.k, best.k);
      const [head, ...restMoved] = moved;
      last.text += head!.text;
      last.ranges.push(...head!.ranges);
      last.terminated = head!.terminated;
      d.paras.push(...restMoved);
    }
  }
}

interface Headline {
  title: string;
  kicker?: string;
  subtitle?: string;
  ranges: SeedRange[];
}

/**
 * Gives each floating headline to the article that repeats it best (a bonus for the article
 * printed right after it); an article's headlines from one run make its kicker, title and
 * subtitle (`#` levels), or one title put together from lines broken at the column edge.
 */
function assignHeadlines(floating: readonly Floating[], drafts: readonly Draft[]): Map<Draft, Headline> {
  const bodies = new Map(drafts.map((d) => [d, bigrams(bodyOf(d))] as const));
  const byArticle = new Map<Draft, Array<Floating & { score: number }>>();
  const leftover: Floating[] = [];
  for (const f of floating) {
    if (f.fixed && f.next && drafts.includes(f.next)) {
      const list = byArticle.get(f.next) ?? [];
      list.push({ ...f, score: 1 });
      byArticle.set(f.next, list);
      continue;
    }
    const hb = bigrams(f.text);
    let best: Draft | undefined;
    let bestScore = TITLE_MIN;
    for (const d of drafts) {
      const s = containment(hb, bodies.get(d)!) + (f.next === d && f.runSize <= 3 ? ADJACENT_BONUS : 0);
      if (s > bestScore) [best, bestScore] = [d, s];
    }
    if (!best && f.next && f.runSize <= 3 && drafts.includes(f.next)) [best, bestScore] = [f.next, ADJACENT_BONUS];
    if (!best) {
      leftover.push(f);
      continue;
    }
    const list = byArticle.get(best) ?? [];
    list.push({ ...f, score: bestScore });
    byArticle.set(best, list);
  }

  // A headline nothing repeats well goes to the untitled article that repeats it most.
  for (const f of leftover) {
    const hb = bigrams(f.text);
    const ranked = drafts
      .filter((d) => !byArticle.has(d))
      .map((d) => ({ d, s: containment(hb, bodies.get(d)!) }))
      .sort((a, b) => b.s - a.s);
    const [first, second] = ranked;
    // Clearly the best of the untitled ones, or nobody's.
    if (first && first.s >= LEFTOVER_MIN && first.s >= 2 * (second?.s ?? 0)) byArticle.set(first.d, [{ ...f, score: first.s }]);
  }

  const out = new Map<Draft, Headline>();
  for (const [d, list] of byArticle) {
    // The run whose headlines match best carries the title.
    const runs = new Map<number, typeof list>();
    for (const f of list) runs.set(f.run, [...(runs.get(f.run) ?? []), f]);
    const ranked = [...runs.values()].sort(
      (a, b) => Math.max(...b.map((f) => f.score)) - Math.max(...a.map((f) => f.score)) || b.length - a.length,
    );
    const run = ranked[0]!.sort((a, b) => a.ranges[0]![0] - b.ranges[0]![0]);
    const leveled = run.filter((f) => f.level > 0);
    const ranges = run.flatMap((f) => f.ranges);
    if (leveled.length === 0) {
      out.set(d, { title: run.map((f) => f.text).join(''), ranges });
      continue;
    }
    const top = Math.min(...leveled.map((f) => f.level));
    const main = leveled.find((f) => f.level === top)!;
    const at = run.indexOf(main);
    const headline: Headline = { title: main.text, ranges };
    const before = run.slice(0, at).map((f) => f.text);
    const afterMain = run.slice(at + 1).filter((f) => f.level > 0).map((f) => f.text);
    if (before.length) headline.kicker = before.join(' ');
    if (afterMain.length) headline.subtitle = afterMain.join(' ');
    out.set(d, headline);
  }
  return out;
}
