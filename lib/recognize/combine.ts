/**
 * Names from the trained tagger combined with the rules, in the decision order written down in
 * README.md ("How the tagger and the rules combine"). The tagger learned its names from news
 * corpora that cut some names differently from the annotation guide; the passes here apply the
 * guide's conventions to its spans, and let the rules speak where the corpora are silent
 * (bylines, short forms of bodies, zones and communities of today's local news). Pure: spans,
 * words and strings in, name candidates out.
 */
import type { Token } from '../segment';
import { chineseNameStrength, surnameLength, type Candidate, type RuleCandidates } from './entities';
import { COMMON_NR_WORDS, KNOWN_PERSON_WORDS } from './data/common-words';
import { longestPlaceAt, lookupPlace, placeMayStartAt } from './gazetteer';
import { DEPARTMENTS, DOTTED_NAME_CHARS, GENERIC_ORG, KNOWN_MEDIA, KNOWN_ORGS, NOT_GIVEN_NAME_CHARS, NOT_PERSON, NOT_PLACE, ORG_SUFFIXES, PARTY_DEPARTMENTS, SEGMENTER_WORDS, SURNAMES_DOUBLE, SURNAMES_SINGLE, TIBETAN_NAME_PARTS, MONGOLIAN_NAME_PARTS, TRANSLIT_CHARS, YI_SURNAMES } from './lexicon';
import { resolveCandidates } from './resolve';
import type { LabeledSpan } from './tagger/labels';

/** The passes of the combination, as bits (all on by default; `npm run eval -- --steps` switches them). */
export const STEP = {
  /** Bylines and credits are people, whatever the model says there. */
  BYLINES: 1,
  /** A place the model ran into the next one is cut at the administrative suffix (西合营镇 | 南大坪村). */
  SPLIT_PLACES: 2,
  /** A place and the zone, park or community named after it are one place (济南 + 高新区). */
  ZONES: 4,
  /** A place and a newspaper or news site word are one organization (福州 + 晚报, 中国 + 社会科学网, 凤县 + 人民政府门户网站). */
  MEDIA: 8,
  /** Places that begin an organization's name belong to it (茶园镇 + 新民村党支部). */
  PLACE_IN_ORG: 16,
  /** A body and its department are one organization (科技部 + 基础研究条件平台处, 中国科学院 + 云南天文台). */
  DEPARTMENTS: 32,
  /** Where the model marks nothing: the rules' organizations (省工信厅, 县融媒体中心) and places. */
  GAPS: 64,
  /** One-character places in compounds and after verbs of travel (中美, 访华). */
  ABBREVIATIONS: 128,
  /** People the rules find where the model marks nothing (a surname and a title: 李老师). */
  PERSONS: 256,
  /** A name marked once is marked wherever else it occurs in the text. */
  REPEATS: 512,
  /** Known names (the seed corpus's, well-known bodies and media) win over the model's reading. */
  KNOWN: 1024,
  /** A province, prefecture or country the model took for a person is the place (a menu: 江苏 ⏎ 浙江); a word the rules know is no person (包罗万象). */
  PLACE_NOT_PERSON: 2048,
  /** References that name no one body or place are dropped (社区党支部, 联防队); a verb before a name is cut off (走进 | …). */
  GENERIC: 4096,
  /** A body's short form cut after its place's name is given it back (海北 + 州市场监管局). */
  PLACE_HEAD: 8192,
  /** A campus or branch in brackets after a body's name belongs to it (中国地质大学(武汉)). */
  CAMPUS: 16384,
  /** A name in a list of people (景海鹏、朱杨柱、桂海潮) is a person when its neighbour in the list is one. */
  LIST_PERSONS: 32768,
  /** Two bodies the model ran into one are two (省教育厅 | 联合 | 省财政厅). */
  SPLIT_BODIES: 65536,
  /** A foreign name written with a hyphen is one person (让-皮埃尔·德拉罗什, 舒尔茨-伯格曼). */
  HYPHENATED: 131072,
  /**
   * The tagger's names mended or set aside: a list's bullet cut off (·凯里学院), a given name jieba
   * reads whole taken whole (诸葛云 | 云帆); a name that ends inside a common word (中国新能源汽 |
   * 车出口), runs into a title's brackets (英国《金融时报) or holds one mark of a pair is no name.
   */
  BROKEN: 262144,
  /** Two elements of Tibetan or Mongolian names side by side are one person (次仁旺堆, 旦增顿珠, 苏和巴特尔). */
  TIBETAN: 524288,
  /** A two-character surname takes its given name (上官 | 慧敏, 令 | 狐晓峰 → 令狐晓峰). */
  COMPOUND_SURNAMES: 1048576,
  /** A cooperative or family farm is one organization with the names before it (甘谷县众鑫辣椒种植专业合作社). */
  COOPERATIVES: 2097152,
  /** A museum, library or memorial hall is a body where it acts, a place where it is the venue (三苏祠博物馆推出…, 在中国大运河博物馆). */
  MUSEUMS: 4194304,
  /** A province's short name with a direction is the region (湘北, 滇西). */
  REGIONS: 8388608,
} as const;
/** The passes the recognizer runs (PERSONS measured no gain over the tagger with the rules' hints). */
export const ALL_STEPS = 0xffffff & ~STEP.PERSONS;

export interface CombineOptions {
  /** Passes to run, a bit mask of {@link STEP}; all by default. */
  flags?: number;
  /** Known names found in the text as whole words. */
  known?: readonly Candidate[];
  /** The rules' own choice among their candidates and the known names (computed here if not given). */
  winners?: readonly Candidate[];
}

type Name = Candidate;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const contains = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start <= b.start && b.end <= a.end;
const byStart = (a: Name, b: Name) => a.start - b.start || b.end - a.end;

/**
 * Replaces names by candidates, in one sweep: `names` sorted and disjoint, `candidates` sorted
 * and disjoint; `decide` sees each candidate with the names it overlaps and returns its
 * replacement for them, or null to leave them. Linear in both lists (a 1 MB text has tens of
 * thousands of each).
 */
function sweep(names: readonly Name[], candidates: readonly Name[], decide: (c: Name, inside: Name[]) => Name | null): Name[] {
  const out: Name[] = [];
  let k = 0;
  for (const c of candidates) {
    while (k < names.length && names[k]!.end <= c.start) out.push(names[k++]!);
    let j = k;
    while (j < names.length && names[j]!.start < c.end) j++;
    const inside = names.slice(k, j);
    const replacement = decide(c, inside);
    if (replacement) {
      out.push(replacement);
      k = j;
    }
  }
  while (k < names.length) out.push(names[k++]!);
  return out.sort(byStart);
}

/** The index of the first token that ends after `at` (`tokens.length` if none; binary search). */
function firstTokenAfter(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tokens from the first that ends after `start` to the last that starts before `end`. */
function tokensIn(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let k = firstTokenAfter(tokens, start); k < tokens.length && tokens[k]!.start < end; k++) out.push(tokens[k]!);
  return out;
}

/** The token holding the character at `at` (or the first after it, where the tokens skip it); undefined past the last. */
function tokenAt(tokens: readonly Token[], at: number): Token | undefined {
  return tokens[firstTokenAfter(tokens, at)];
}

function nameOf(text: string, start: number, end: number, type: Name['type'], priority: number): Name {
  return { start, end, type, text: text.slice(start, end), priority };
}

/** jieba's tags of common words (nouns, verbs, adjectives, adverbs, idioms): not names, not unknown stretches. */
const COMMON_WORD_TAG = /^(?:n|v|vn|vd|a|ad|an|d|l|i|f|t|m|q)$/;

/**
 * Whether a name ends one character into a common word of jieba's of three characters or more
 * (中国新能源汽 of 汽车出口), that character no ending of a body or place: the tagger ran into a
 * word that jieba reads whole. (A name that ends on a body's or place's ending, 法国内政部 of 部长,
 * 南市屯村 of 村农民, or two characters in, 吉林省委 of 省委书记, stays.)
 */
function endsInsideWord(tokens: readonly Token[], m: Name): boolean {
  const t = tokenAt(tokens, m.end - 1);
  if (!t || t.start !== m.end - 1 || t.start <= m.start || t.end - t.start < 3 || !COMMON_WORD_TAG.test(t.tag)) return false;
  return !BODY_END.test(m.text) && !PLACE_ENDING.test(m.text) && !ADMIN_SUFFIX.test(m.text);
}

/**
 * Common words that open with a body's ending (部署, 部门, 处理, 会议): a name ending on their first
 * character ran into them. (Not 镇压 or 局面: jieba glues a place's or body's own ending onto the
 * next word too often, 龙集镇 | 压实, for those to say anything.)
 */
const WORDS_OPENING_LIKE_BODIES = new Set(['部署', '部门', '部分', '处理', '处置', '处于', '所有', '所在', '所属', '会同', '会议', '会上', '会后', '会见']);

/**
 * A body or place that ends one character into such a word (市教育局统一部 of 部署, 教育部 of
 * 部门) is cut back to the last word it holds whole, if that ends like a body or place (市教育局),
 * or left empty (to be dropped) if not.
 */
function backToWord(text: string, tokens: readonly Token[], m: Name): Name {
  if (m.type === 'PERSON' || m.end - m.start < 3) return m;
  const t = tokenAt(tokens, m.end - 1);
  if (!t || t.start !== m.end - 1 || t.end !== m.end + 1 || !WORDS_OPENING_LIKE_BODIES.has(t.word)) return m;
  const kept = text.slice(m.start, t.start);
  const whole = tokenAt(tokens, m.start);
  if (whole && whole.start >= m.start && (BODY_END.test(kept) || ADMIN_SUFFIX.test(kept)) && kept.length >= 2) return nameOf(text, m.start, t.start, m.type, m.priority);
  return { ...m, end: m.start, text: '' };
}

/**
 * A person cut one character into a given name that jieba reads as one word (诸葛云 of 诸葛 |
 * 云帆, 王云 of 王 | 云帆) takes the whole word, up to three characters after one surname and
 * four after two (欧阳修 | 曾 stays: 曾 is a word of its own).
 */
function wholeGivenName(text: string, tokens: readonly Token[], m: Name): Name {
  if (m.type !== 'PERSON') return m;
  const surname = surnameLength(m.text) === 2 ? 2 : 1;
  const t = tokenAt(tokens, m.end - 1);
  if (!t || t.start <= m.start + surname - 1 || t.start !== m.end - 1 || t.end !== m.end + 1 || m.end + 1 - m.start > surname + 2) return m;
  if (!/^[\u4e00-\u9fff]$/.test(text[m.end]!) || NOT_GIVEN_NAME_CHARS.has(text[m.end]!)) return m;
  return nameOf(text, m.start, m.end + 1, 'PERSON', m.priority);
}

const BULLET = /[·•・、，,。：:；;\s]/;

/** A list's bullets and separators at a name's edges (·凯里学院 after a bullet), cut off. */
function trimBullets(text: string, m: Name): Name {
  if (!BULLET.test(text[m.start]!) && !BULLET.test(text[m.end - 1]!)) return m;
  let { start, end } = m;
  while (start < end && BULLET.test(text[start]!)) start++;
  while (end > start && BULLET.test(text[end - 1]!)) end--;
  return start === m.start && end === m.end ? m : nameOf(text, start, end, m.type, m.priority);
}

/** `names` with `hits` (some of them) replaced by `name`, sorted by start. */
function replaceHits(names: readonly Name[], hits: readonly Name[], name: Name): Name[] {
  return [...names.filter((n) => !hits.includes(n)), name].sort(byStart);
}

/**
 * A word jieba tags as a name that the training corpora mark as a person wherever it occurs
 * (苏轼, 白居易, 司马迁) is a person where the tagger marked nothing there or only a one-character
 * form inside it (在苏 | 轼塑像前: 苏 for Jiangsu); a longer name holding it stays (白居易纪念馆).
 */
function knownPersons(known: readonly Token[], names: Name[]): Name[] {
  let out = names;
  // Names are sorted by start and so are tokens: the names a token can cross start at `first` or after.
  let first = 0;
  for (const t of known) {
    while (first < out.length && out[first]!.end <= t.start) first++;
    const hits: Name[] = [];
    for (let k = first; k < out.length && out[k]!.start < t.end; k++) hits.push(out[k]!);
    if (hits.length === 1 && hits[0]!.type === 'PERSON' && hits[0]!.start === t.start && hits[0]!.end === t.end) continue;
    if (hits.some((n) => n.priority >= 5 || (n.end - n.start > 1 && (n.type !== 'PERSON' || n.start < t.start || n.end > t.end)))) continue;
    out = replaceHits(out, hits, { start: t.start, end: t.end, type: 'PERSON', text: t.word, priority: 3 });
  }
  return out;
}

/** The tokens two passes start from, found in one walk over the tokens (each pass would walk them all). */
interface TokenCandidates {
  /** Words of {@link KNOWN_PERSON_WORDS} that jieba tags as names. */
  knownPersons: Token[];
  /** Indices of two-character unknown or proper words right before a trade's first character (see `brandsWithTrade`). */
  brands: number[];
}

function tokenCandidates(text: string, tokens: readonly Token[]): TokenCandidates {
  const knownPersons: Token[] = [];
  const brands: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const tag = t.tag;
    if (tag.charCodeAt(0) === 110 /* n */ && tag.charCodeAt(1) === 114 /* r */) {
      if (KNOWN_PERSON_WORDS.has(t.word)) knownPersons.push(t);
    } else if ((tag === 'x' || tag === 'nz') && t.end - t.start === 2 && TRADE_FIRST.has(text.charCodeAt(t.end))) brands.push(k);
  }
  return { knownPersons, brands };
}

const COMPOUND_SURNAME = new RegExp([...SURNAMES_DOUBLE].join('|'), 'g');
/** Titles and roles that a person's name follows (研究员 公孙兆麟, 庭长 宇文长风). */
const TITLE_BEFORE = /(?:记者|通讯员|教授|研究员|院长|庭长|队长|大队长|局长|处长|主任|书记|董事长|总经理|经理|厂长|站长|所长|馆长|专家|民警|检察官|法官|医生|医师|护士|村医|教师|老师|院士|省长|市长|县长|区长|镇长|乡长|村长|校长|工程师|技术员|讲解员|志愿者|网格员|职工|焊工|村民|居民|市民|游客|牧民|党员|代表|委员|同志)[ 　]?$/;

/**
 * A two-character surname and its given name are one person where the tagger read only the
 * given name (上官 | 慧敏) or started inside the surname (令 | 狐晓峰), or, after a title,
 * nothing (研究员公孙兆麟团队: the given name ends where the sentence goes on). A name the
 * tagger read whole keeps its length (司马迁, 诸葛亮 have one-character given names).
 */
function compoundSurnames(text: string, names: Name[]): Name[] {
  let out = names;
  for (const m of text.matchAll(COMPOUND_SURNAME)) {
    const start = m.index;
    const hits = out.filter((n) => n.start < start + 4 && start < n.end);
    let end = 0;
    if (hits.length === 1 && hits[0]!.type === 'PERSON' && hits[0]!.priority < 5) {
      const hit = hits[0]!;
      // The tagger read the given name alone (上官 | 慧敏) or from the surname's second character
      // on (令 | 狐晓峰), that character no surname of its own (原所长 | 孙晓波 stays).
      const given = hit.end - start - 2;
      if ((hit.start === start + 2 || (hit.start === start + 1 && !SURNAMES_SINGLE.has(text[start + 1]!))) && given >= 1 && given <= 2) end = hit.end;
      // The surname alone (民警 | 尉迟 | 浩然): its given name, as after a title.
      else if (hit.start === start && hit.end === start + 2 && !NAME_ENDS_BEFORE.test(text.slice(start + 2, start + 4))) end = givenNameEnd(text, start) || givenNameEnd(text, start, true);
    } else if (hits.length === 2 && hits.every((h) => h.type === 'PERSON' && h.priority < 5) && hits[0]!.start === start && hits[0]!.end === start + 3 && hits[1]!.start === start + 3 && hits[1]!.end === start + 4) {
      // The given name's last character read as a person of its own (欧阳明 | 轩).
      end = start + 4;
    } else if (TITLE_BEFORE.test(text.slice(Math.max(0, start - 4), start)) && hits.every((h) => h.priority < 5 && (h.type !== 'PERSON' || h.start >= start))) {
      // Nothing read after a title (研究员公孙兆麟), or a place or body read from the surname on
      // (教授南宫 | 博文担任研究院, 南宫 a city): the given name ends where the sentence goes on.
      if (hits.length === 0 || (hits.length === 1 && hits[0]!.type !== 'PERSON' && hits[0]!.start === start && hits[0]!.end > start + 3)) end = givenNameEnd(text, start);
    }
    if (!end) continue;
    out = replaceHits(out, hits, nameOf(text, start, end, 'PERSON', 2));
  }
  return out;
}

/**
 * Where the given name after a two-character surname at `start` ends: one or two characters
 * with no function character, before what may follow a name (公孙兆麟 | 团队, 司马迁 | 说), or
 * before anything with `anyNext` (where the tagger already read a person: 尉迟 | 浩然通过); 0 if
 * no such end.
 */
function givenNameEnd(text: string, start: number, anyNext = false): number {
  for (const given of [2, 1]) {
    const at = start + 2 + given;
    const name = text.slice(start + 2, at);
    if (/^[\u4e00-\u9fff]+$/.test(name) && ![...name].some((c) => NOT_GIVEN_NAME_CHARS.has(c)) && (anyNext || NAME_ENDS_BEFORE.test(text.slice(at, at + 2)))) return at;
  }
  return 0;
}

/** What may follow a person's name in a sentence: punctuation, a verb of saying, a team, a list. */
const NAME_ENDS_BEFORE = /^(?:$|[^\u4e00-\u9fff]|说|表示|指出|介绍|认为|强调|团队|一行|等|在|和|与|、|担任|出任|兼任|当选|带领|率领|领衔|主持|荣获)/;

/** The endings of farmers' cooperatives and family farms. */
const COOPERATIVE_END = /(?:农民)?(?:专业合作社|股份经济合作社|经济合作社|合作联社|合作社|家庭农场)/g;
/** Words a cooperative's name is made of before its ending: places, names, products, trades. */
const COOPERATIVE_PART_TAG = /^(?:ns|n|nz|nr|nrt|x|j|vn|ng)$/;
const COOPERATIVE_TRADE = /^(?:种植|养殖|种养|加工|生产|营销|销售|农机|植保|土地)$/;

/**
 * A farmers' cooperative or family farm is one organization with the words before it that name
 * it: places, a name, a product, a trade (甘谷县 | 众鑫 | 辣椒 | 种植 | 专业合作社, 鑫田 |
 * 家庭农场). Without a place or a name among them (当归种植专业合作社) it is a kind, not one body.
 */
function cooperatives(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  let out = names;
  for (const m of text.matchAll(COOPERATIVE_END)) {
    const end = m.index + m[0].length;
    let k = firstTokenAfter(tokens, m.index) - 1;
    let start = m.index;
    let named = false;
    for (let words = 0; k >= 0 && words < 8; k--, words++) {
      const t = tokens[k]!;
      // (A count opens no name, 三家合作社; a name may open with a numeral, 五福村.)
      if (t.end !== start || !/^[\u4e00-\u9fff]+$/.test(t.word) || t.tag === 'm' || COUNT.test(t.word) || /^[多各该本全]/.test(t.word) || (!COOPERATIVE_PART_TAG.test(t.tag) && !COOPERATIVE_TRADE.test(t.word) && !/^[村镇乡县区市]$/.test(t.word))) break;
      if (/^(?:ns|nz|nr|nrt|x|j)$/.test(t.tag) || lookupPlace(t.word)) named = true;
      start = t.start;
    }
    if (!named || start === m.index) continue;
    const hits = out.filter((n) => n.start < end && start < n.end);
    if (hits.some((n) => n.start < start || n.end > end || n.priority >= 5 || (n.type === 'ORG' && n.start === start && n.end === end))) continue;
    out = replaceHits(out, hits, nameOf(text, start, end, 'ORG', 2));
  }
  return out;
}

/** Titles and roles that end right before a name (主席, 总统, 护边员, 村民): a name does not grow over them. */
const TITLE_END = /(?:主席|总统|总理|首相|议员|议长|部长|大使|主任|书记|局长|社长|会长|院长|团长|队长|经理|教授|博士|记者|代表|委员|选手|[员民长家师生手])$/;

/** A name's last middle dot. */
const LAST_DOT = /[·•‧・](?!.*[·•‧・])/;
/** What opens the words after a name, not its last part: 努尔太 | 和妻子, 哈桑 | 说. (Not 的地得: 甘地, 彼得.) */
const AFTER_NAME = /[和与及同跟说在是等将把被向对为也都还又就曾已则]/;

/**
 * A person written in parts joined by a middle dot takes the whole of its first part where the
 * tagger cut it (曼江·吐尔逊 of 护边员热合曼江·吐尔逊): up to eight name characters, not over
 * another name. Its end is the tagger's, but for two cases where the rules' name with the same
 * last dot (`dotted`, read over the characters of such names) says better: the tagger, which saw
 * few Uyghur and Kazakh names, cut the last part short where the rules' runs on to a word's edge
 * (古丽娜尔·叶尔波拉 | 提在), or ran it into a word after it that opens with a conjunction or
 * verb (努尔太和 | 妻子).
 */
function dottedNames(text: string, tokens: readonly Token[], names: Name[], dotted: readonly Candidate[]): Name[] {
  return names.map((m, k) => {
    if (m.type !== 'PERSON' || m.priority >= 5 || !/[·•‧・]/.test(m.text)) return m;
    const floor = k > 0 ? names[k - 1]!.end : 0;
    const ceiling = k + 1 < names.length ? names[k + 1]!.start : text.length;
    let start = m.start;
    while (start > floor && m.start - start < 8 && DOTTED_NAME_CHARS.has(text[start - 1]!) && !TITLE_END.test(text.slice(Math.max(0, start - 3), start))) start--;
    const lastDot = m.start + m.text.search(LAST_DOT);
    const rule = dotted.find((d) => d.start < lastDot && lastDot < d.end);
    let end = m.end;
    if (rule && rule.end > m.end && rule.end <= ceiling && (rule.end === text.length || tokenAt(tokens, rule.end)?.start === rule.end)) end = rule.end;
    else if (rule && rule.end < m.end && AFTER_NAME.test(text[rule.end]!)) end = rule.end;
    return start === m.start && end === m.end ? m : nameOf(text, start, end, 'PERSON', m.priority);
  });
}

/** Two elements of Tibetan names (次仁, 旺堆): the pattern is built once. */
const TIBETAN_NAME = new RegExp(`(?:${[...TIBETAN_NAME_PARTS].join('|')}){2}`, 'g');
/** Two elements of Mongolian names, or 包 and one (the longest elements first, so 乌兰图雅 is one). */
const MONGOLIAN_ELEMENT = [...MONGOLIAN_NAME_PARTS].sort((a, b) => b.length - a.length).join('|');
const MONGOLIAN_NAME = new RegExp(`(?:${MONGOLIAN_ELEMENT}|包(?=${MONGOLIAN_ELEMENT}))(?:${MONGOLIAN_ELEMENT})`, 'g');
/**
 * A Yi surname and a given name of two characters, neither a word of the sentence's (和, 说, 的 …)
 * nor a place's ending (塔 | 吉克斯坦 is a country).
 */
const YI_NAME = new RegExp(`(?<!塔)(?:${[...YI_SURNAMES].join('|')})(?:(?![和与及说在是的了将把被向对等部斯坦省市县区州城国])[\u4e00-\u9fff]){2}`, 'g');

/**
 * Two elements of Tibetan or Mongolian names side by side are one person (次仁旺堆, where the
 * tagger marked 次仁 or nothing; 苏和巴特尔, 包满都拉), and so is a Yi surname with a given name
 * of two characters (沙马伍各), unless another kind of name covers them or a person runs on past
 * them.
 */
function elementNames(text: string, names: Name[]): Name[] {
  let out = names;
  for (const m of [...text.matchAll(TIBETAN_NAME), ...text.matchAll(MONGOLIAN_NAME), ...text.matchAll(YI_NAME)]) {
    const start = m.index;
    const end = start + m[0].length;
    const hits = out.filter((n) => n.start < end && start < n.end);
    // (A person run on into the conjunction after it, 泽仁和 | 降央拉措, does not run on.)
    // (A one-character place inside is the tagger reading a short form there: 苏 of 苏和巴特尔.)
    if (hits.some((n) => (n.type !== 'PERSON' && !(n.type === 'PLACE' && n.end - n.start === 1)) || n.start < start || (n.end > end && !(n.end === end + 1 && /[和与及]/.test(text[end]!))) || n.priority >= 5)) continue;
    if (hits.length === 1 && hits[0]!.start === start && hits[0]!.end === end) continue;
    out = replaceHits(out, hits, nameOf(text, start, end, 'PERSON', 2));
  }
  return out;
}

/** Separators of a breadcrumb's steps (首页 > 新闻中心 > 部门动态). */
const CRUMB = /[>›»＞]/;
/** Labels of a page's footer that end like a body's name (ICP备案号, 网站标识码). */
const FOOTER_LABEL = /(?:备案号|备案|标识码|许可证号)$/;

/** Whether a name is a step of a breadcrumb: a separator before it, and one or the line's end after it. */
function inBreadcrumb(text: string, m: Name): boolean {
  let before = m.start - 1;
  while (before >= 0 && /[ \t　]/.test(text[before]!)) before--;
  let after = m.end;
  while (after < text.length && /[ \t　]/.test(text[after]!)) after++;
  return before >= 0 && CRUMB.test(text[before]!) && (after >= text.length || text[after] === '\n' || CRUMB.test(text[after]!));
}

/** Whether a common noun of two characters or more ends right at `at` (自由贸易/l, 枢纽/n). */
function nounBefore(tokens: readonly Token[], at: number): boolean {
  const t = tokenAt(tokens, at - 1);
  return !!t && t.end === at && t.end - t.start >= 2 && /^(?:n|l|nz|i)$/.test(t.tag);
}

/** Whether jieba reads a name as a word of its own (港 of 自由贸易 | 港 | 建设, not 华 of 华人). */
function wordAlone(tokens: readonly Token[], m: Name): boolean {
  const t = tokenAt(tokens, m.start);
  return !!t && t.start === m.start && t.end === m.end;
}

/** Paired marks a name may hold only in pairs: 市委“两新”工委, 中国地质大学（武汉）. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [['“', '”'], ['（', '）'], ['(', ')'], ['「', '」'], ['『', '』'], ['‘', '’']];
const OPENING_MARK = /^[“（(「『‘]/;
/** Any punctuation, space or mark: a name without one is not broken by marks. */
const MARK = /[\p{P}\s]/u;
const CLOSING_MARK = /[”）)」』’]$/;

/**
 * Whether a name holds a title's bracket (英国《金融时报), one of a pair of marks without the other
 * (绍兴”研 of “跟着课本游绍兴”研学), or opens or closes with punctuation (·凯里学院 of a list's bullet).
 */
function brokenByMarks(name: string): boolean {
  // Most names hold no mark at all: one test says so.
  if (!MARK.test(name)) return false;
  if (/[《》]/.test(name)) return true;
  for (const [open, close] of PAIRS) if (name.split(open).length !== name.split(close).length) return true;
  // Balanced by now: an opening or closing mark at an edge is one of a pair inside ('『花儿』队).
  return /^[\p{P}\s]|[\p{P}\s]$/u.test(name.replace(OPENING_MARK, '').replace(CLOSING_MARK, ''));
}

/** Administrative suffixes after which a place is complete (the next name starts after them). */
const ADMIN_SUFFIX = /(?:省|市|县|区|州|盟|旗|镇|乡|街道|自治区|自治州|自治县)$/;
/** Endings of a place name that can follow a complete place: 南大坪村, 西上园社区, 状元街. */
const PLACE_ENDING = /(?:村|社区|小区|街道|镇|乡|县|区|市|州|路|街|巷|里|大道|嘎查|屯|寨|庄|苑|湾)$/;
/** Words that, right after a place, make one place with it: the zone, park or community named after it. */
const ZONE_WORDS = [
  '高新技术产业开发区', '经济技术开发区', '综合保税区', '高新区', '经开区', '开发区', '工业园区', '工业园', '产业园区', '产业园',
  '科技园', '物流园区', '园区', '新区', '港区', '保税区', '自贸区', '自贸试验区', '试验区', '示范区', '实践区', '片区',
  '风景区', '景区', '社区', '小区', '街道', '家属院', '老街', '古城', '古镇',
].sort((a, b) => b.length - a.length);
/** Endings of a landmark's name: a city's short name before it names the landmark (敦煌莫高窟). */
const LANDMARK_END = /(?:石窟|窟|寺|古城|古镇|老街)$/;
/** Endings of a development zone's or new area's name. */
const ZONE_END = /(?:新区|开发区|高新区|经开区|工业园区|产业园区|保税区|自贸区|试验区|示范区)$/;
/** Words after a place (or an organization) that name a newspaper, news site or broadcaster. */
const MEDIA_WORDS = ['人民政府门户网站', '人民政府网站', '人民政府网', '政府门户网站', '政府网', '广播电视台', '融媒体中心', '新闻网', '电视台', '日报社', '日报', '晚报', '早报', '商报', '新闻', '报社', '在线', '网'].sort((a, b) => b.length - a.length);
/** Characters that end a department or a body's name. */
const BODY_END = /(?:局|厅|处|科|室|所|院|部|委|办|庭|(?<!公)司|政府|中心|站|(?<!团)队|会|组|(?<!科研)团|社|校|馆|台|党支部|党委|党组|党工委|公司|集团|分行|支行|银行|学院|大学|中学|小学|系|工商联|妇联|文联|残联|侨联|科协)$/;
/** Endings of a unit inside a parent body: 研究所, 天文台, 竺可桢学院, 平台处, 分会. */
const UNIT_END = /(?:所|台|院|系|处|科|室|部|庭|(?<!公)司|中心|站|分会|分局|分行|支行|分公司|子公司|分店|门店|营业部|分理处|工务段|机务段|车务段|电务段|供电段|学院|研究所|实验室|办公室|委员会|党委|党支部)$/;
/** Tags of words that never belong inside a name: verbs, prepositions, conjunctions, particles, adverbs, pronouns. */
const NOT_IN_NAME = /^(?:v|vd|vg|vi|vq|p|c|u|ud|ug|uj|ul|uv|uz|d|dg|r|rg|y|e|o|zg)$/;
/** Characters that begin the words of a sentence, not of a name (在, 和, 对 …): a name does not grow over them. */
const FUNCTION_CHAR = /[的了在是和与及或等为对从把被将向于由以而且但则就都也又还再只更最很太这那其们个些么着过到让使给跟同比并]/;
/** Endings of a Chinese administrative unit: its 政府 is a body (通化市政府), a country's is not (印度政府). */
const ADMIN_UNIT_END = /[省市县区州旗盟镇乡]$/;

/**
 * Combines the tagger's names with the rules' candidates. Returns non-overlapping name
 * candidates sorted by start. Never throws.
 */
export function combineNames(
  text: string,
  tokens: readonly Token[],
  model: readonly LabeledSpan[],
  rules: RuleCandidates,
  options: CombineOptions = {},
): Name[] {
  const flags = options.flags ?? ALL_STEPS;
  let names: Name[] = model.map((s) => nameOf(text, s.start, s.end, s.type, 3));
  if (flags & STEP.BYLINES && rules.bylines.length) {
    names = names.filter((m) => !rules.bylines.some((b) => overlaps(b, m)));
    for (const b of rules.bylines) if (!names.some((m) => overlaps(m, b))) names.push({ ...b, priority: 5 });
  }
  // (The rules then fill what was under it: 英国 before 《金融时报》.)
  if (flags & STEP.BROKEN) names = names.map((m) => (m.priority >= 5 ? m : backToWord(text, tokens, wholeGivenName(text, tokens, trimBullets(text, m))))).filter((m) => m.priority >= 5 || (m.end - m.start >= 1 && !endsInsideWord(tokens, m) && !brokenByMarks(m.text)));
  names.sort(byStart);
  // The rules' own choice among their candidates (as when they run alone): only those are
  // offered to the passes below (a shorter name the rules rejected for a longer one, 联防队 of
  // 黄河路社区联防队, does not come back).
  const winners = options.winners ?? resolveCandidates([...rules.places, ...rules.orgs, ...rules.persons, ...rules.bylines, ...rules.dotted, ...rules.abbreviations, ...(options.known ?? [])]);
  const winnerSet = new Set(winners);
  if (flags & STEP.KNOWN && options.known?.length) names = withKnown(names, options.known);
  const candidates = flags & (STEP.KNOWN | STEP.PLACE_IN_ORG) ? tokenCandidates(text, tokens) : { knownPersons: [], brands: [] };
  if (flags & STEP.KNOWN) names = knownPersons(candidates.knownPersons, names);
  if (flags & STEP.PLACE_NOT_PERSON) names = placesNotPersons(text, tokens, names);
  if (flags & STEP.SPLIT_BODIES) names = splitBodies(text, names);
  if (flags & STEP.PLACE_HEAD) names = placeHeads(text, names);
  if (flags & STEP.CAMPUS) names = campuses(text, names);
  if (flags & STEP.SPLIT_PLACES) names = splitPlaces(text, names);
  if (flags & STEP.ZONES) names = namedZones(text, tokens, regionsOfForms(tokens, joinZones(text, names, winners)));
  if (flags & STEP.MEDIA) names = newsApps(text, tokens, joinMedia(text, names));
  if (flags & STEP.PLACE_IN_ORG) names = foreignCompanies(text, tokens, companiesWithBrand(text, placesIntoOrgs(text, brandsWithTrade(text, tokens, candidates.brands, shops(text, tokens, names)))));
  if (flags & STEP.DEPARTMENTS) names = grassrootsBodies(text, foreignMinistries(text, tokens, fieldDepartments(text, tokens, labs(text, tokens, joinDepartments(text, tokens, names, winners)))));
  // Where the model marks nothing, the rules: a mask of what is taken answers "is it free" at once.
  const taken = new Uint8Array(text.length + 1);
  for (const m of names) taken.fill(1, m.start, m.end);
  const free = (c: Name) => {
    for (let k = c.start; k < c.end; k++) if (taken[k]) return false;
    return true;
  };
  const take = (c: Name, priority: number) => {
    names.push({ ...c, priority });
    taken.fill(1, c.start, c.end);
  };
  const won = (list: readonly Name[]) => list.filter((c) => winnerSet.has(c));
  if (flags & STEP.GAPS) {
    // Only what the tagger seldom learned: a body's short form opened by a unit's head (省工信厅,
    // 县融媒体中心) or by a place of the gazetteer, and places the gazetteer knows. The rules'
    // other guesses the tagger saw in its hints and set aside.
    const gaps = won([...rules.orgs, ...rules.places]).filter((c) => (c.type === 'ORG' ? SHORT_FORM_HEAD.test(c.text) || startsWithPlace(c.text) : !!lookupPlace(c.text)));
    for (const c of gaps.sort((a, b) => b.end - b.start - (a.end - a.start))) if (free(c)) take(c, 2);
    for (const c of riverBanks(text, tokens)) if (free(c)) take(c, 2);
  }
  if (flags & STEP.PERSONS) for (const c of won([...rules.persons, ...rules.dotted])) if (free(c)) take(c, 2);
  // The rules' people after a role or title (村民 | 贠秋菊, 研究员 | 焦若澄), where the tagger marked nothing.
  else if (flags & STEP.GAPS) for (const c of won(rules.persons)) if (free(c) && TITLE_BEFORE.test(text.slice(Math.max(0, c.start - 4), c.start))) take(c, 2);
  if (flags & STEP.ABBREVIATIONS) for (const c of won(rules.abbreviations)) if (free(c)) take(c, 1);
  names.sort(byStart);
  if (flags & STEP.LIST_PERSONS) names = listPersons(text, names, taken);
  if (flags & STEP.HYPHENATED) names = dottedNames(text, tokens, hyphenatedNames(text, names), rules.dotted);
  if (flags & STEP.TIBETAN) names = elementNames(text, names);
  if (flags & STEP.COMPOUND_SURNAMES) names = compoundSurnames(text, names);
  if (flags & STEP.COOPERATIVES) names = cooperatives(text, tokens, names);
  if (flags & STEP.REPEATS) names = markRepeats(text, names);
  if (flags & STEP.GENERIC) names = dropGeneric(text, tokens, names);
  if (flags & STEP.REGIONS) names = provinceRegions(tokens, names, text);
  if (flags & STEP.MUSEUMS) names = museums(text, names);
  return instituteShortForms(text, tokens, names);
}

/** Names of museums and their kin: an institution that acts, or a venue one visits. */
const MUSEUM_END = /(?:博物馆|博物院|纪念馆|美术馆|图书馆|科技馆|档案馆|文化馆)$/;
/** What a museum does or has as a body, right after its name: 推出, 将参与, 馆长, 研究馆员 … */
const MUSEUM_ACTS = /^(?:也将|将|还|近日|日前|今年|今天|正在|已)?(?:推出|举办|主办|承办|协办|联合|参与|发布|策划|借展|出借|收藏|征集|馆长|副馆长|院长|副院长|研究馆员|馆员|研究员|专家|工作人员|负责人|党委|党组|表示|介绍|携手|牵头|组织|开展|启动|出版|捐赠|获评|入选|与|和|共同)/;
/** What makes it a body from before: 由 …, 联合 …, 从 … 借展. */
const MUSEUM_AGENT_BEFORE = /(?:由|联合|携手|从|向)$/;
/** What makes it the venue: 在 …, 走进 …, 参观 …. */
const MUSEUM_VENUE_BEFORE = /(?:在|于|走进|来到|参观|前往|抵达|步入|位于|游览|察看了?|考察了?)$/;

/**
 * A museum (or library, memorial hall, gallery) is a body where it acts and a place where it is
 * the venue, as annotators of official news read it: the tagger, trained on corpora that mark
 * them places, says place everywhere. A body: its name before what it does or has as one
 * (三苏祠博物馆 | 推出…, 故宫博物院 | 研究馆员), or after 由, 联合, 从 (… 借展); in a list
 * (中国国家博物馆、甘肃省博物馆 | 也将举办), as the last of the list. A place: after 在, 走进,
 * 参观 and the like. Otherwise as the tagger read it.
 */
function museums(text: string, names: Name[]): Name[] {
  const out = names.slice();
  for (let k = out.length - 1; k >= 0; k--) {
    const m = out[k]!;
    if ((m.type !== 'PLACE' && m.type !== 'ORG') || m.priority >= 5 || !MUSEUM_END.test(m.text)) continue;
    const before = text.slice(Math.max(0, m.start - 4), m.start);
    let type: 'PLACE' | 'ORG' | undefined;
    if (MUSEUM_VENUE_BEFORE.test(before)) type = 'PLACE';
    else if (MUSEUM_AGENT_BEFORE.test(before) || MUSEUM_ACTS.test(text.slice(m.end, m.end + 6))) type = 'ORG';
    else {
      // A list: the next museum after 、 or 和 decides.
      const next = out[k + 1];
      if (next && next.start === m.end + 1 && /[、和与及]/.test(text[m.end]!) && MUSEUM_END.test(next.text) && next.type !== m.type) type = next.type as 'PLACE' | 'ORG';
    }
    if (type && type !== m.type) out[k] = { ...m, type };
  }
  return out;
}

/** One-character short names of provinces (京, 湘, 滇 …). */
const PROVINCE_SHORT = new Set([...'京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀黔滇陕秦甘陇青宁新藏桂蒙']);

/**
 * A province's short name marked alone where jieba reads it with a direction as one place word
 * is that region (湘 | 北 → 湘北, 滇西, 粤东, 黔东南): the tagger learned the short name alone
 * from 中美, 访华 and the like.
 */
function provinceRegions(tokens: readonly Token[], names: Name[], text: string): Name[] {
  return names.map((m, k) => {
    if (m.type !== 'PLACE' || m.end - m.start !== 1 || !PROVINCE_SHORT.has(m.text)) return m;
    const t = tokenAt(tokens, m.start);
    if (!t || t.start !== m.start || t.tag !== 'ns' || t.end - t.start > 3 || !/^.(?:[东西南北中]|东南|东北|西南|西北)$/.test(t.word)) return m;
    if (k + 1 < names.length && names[k + 1]!.start < t.end) return m;
    return nameOf(text, m.start, t.end, 'PLACE', m.priority);
  });
}

/** Bodies whose institutes are named by a field and 所 (中国科学院 + 理化所, 北京大学 + 化学所). */
const INSTITUTE_PARENT = /(?:科学院|科学研究院|研究院|工程院|大学|学院)$/;

/**
 * An academy or university followed by a two-character field and 所 is its institute, one
 * organization (中国科学院理化所), also where jieba reads the field as a verb and the tagger
 * stopped at the academy. The field must be one word and 所 a word of its own (所在, 所属 are
 * words of their own, and 等科研院所 is no field).
 */
function instituteShortForms(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  return names.map((m, k) => {
    if (m.type !== 'ORG' || !INSTITUTE_PARENT.test(m.text)) return m;
    // The token at the name's end (one it runs into starts before it, and is no field).
    const t = firstTokenAfter(tokens, m.end);
    const field = tokens[t];
    const suo = tokens[t + 1];
    if (!field || !suo || field.start !== m.end || field.end - field.start !== 2 || !/^[\u4e00-\u9fff]{2}$/.test(field.word)) return m;
    if (!/^(?:n|v|vn|nz|an)$/.test(field.tag) || suo.word !== '所' || suo.start !== field.end) return m;
    const next = names[k + 1];
    if (next && next.start < suo.end) return m;
    return nameOf(text, m.start, suo.end, 'ORG', m.priority);
  });
}

/** What may follow the last name of a list of people: the list goes on, ends, or the sentence goes on (在, 等, 的, 同志). */
const AFTER_LISTED = /^(?:[、，,。；;：:和与及等在同的）)\s]|$)/;
/** What may come before the first name of a list: a separator, a colon or bracket, a line's start. */
const BEFORE_LISTED = /(?:^|[、，,：:（(\s])$/;

/**
 * Names in a list of people separated by 、: an item next to a person that reads as a Chinese
 * name (a surname and one or two given-name characters, ending where the list goes on or the
 * sentence does) is a person too (航天员景海鹏、朱杨柱、桂海潮在…). Only unmarked text is read.
 */
const HYPHEN = /[-‐‑–－]/;
const isTranslit = (ch: string | undefined) => ch !== undefined && TRANSLIT_CHARS.has(ch);
/** Whether a person's name is written as a foreign one: with a middle dot, or in transliteration characters only. */
const foreignName = (name: string) => /[·•‧・]/.test(name) || [...name].every((ch) => TRANSLIT_CHARS.has(ch));

/**
 * A foreign person's name written with a hyphen is one name (让-皮埃尔·德拉罗什,
 * 卡特琳·舒尔茨-伯格曼): a foreign name takes the transliterated part joined to it by a hyphen
 * on either side (and 让, Jean, which is no transliteration character elsewhere), with any
 * person marked there. Nothing else (a place, an organization) may lie inside.
 */
function hyphenatedNames(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (let k = 0; k < names.length; k++) {
    const m = names[k]!;
    if (m.type !== 'PERSON' || !foreignName(m.text)) {
      out.push(m);
      continue;
    }
    let start = m.start;
    if (HYPHEN.test(text[start - 1] ?? '')) {
      let s = start - 1;
      while (s > 0 && start - 1 - s < 4 && isTranslit(text[s - 1])) s--;
      if (s === start - 1 && text[s - 1] === '让') s--;
      if (s < start - 1) start = s;
    }
    let end = m.end;
    while (HYPHEN.test(text[end] ?? '')) {
      let e = end + 1;
      while (e < text.length && e - end - 1 < 6 && isTranslit(text[e])) e++;
      if (e - end - 1 < 2) break;
      end = e;
    }
    const before = out.length ? out[out.length - 1]! : null;
    let last = k;
    while (last + 1 < names.length && names[last + 1]!.start < end) last++;
    const inside = names.slice(k + 1, last + 1);
    if ((start === m.start && end === m.end) || (before && before.end > start) || inside.some((x) => x.type !== 'PERSON' || x.end > end)) {
      out.push(m);
      continue;
    }
    out.push(nameOf(text, start, end, 'PERSON', m.priority));
    k = last;
  }
  return out;
}

function listPersons(text: string, names: Name[], taken: Uint8Array): Name[] {
  const added: Name[] = [];
  const free = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (taken[k]) return false;
    return true;
  };
  const item = (start: number, end: number) => {
    const name = text.slice(start, end);
    const strength = chineseNameStrength(name);
    return !!strength && (name.length === 2 || strength !== 'weak') && free(start, end);
  };
  const queue = names.filter((m) => m.type === 'PERSON');
  while (queue.length) {
    const m = queue.pop()!;
    if (text[m.end] === '、') {
      const start = m.end + 1;
      for (const len of [3, 2]) {
        if (!AFTER_LISTED.test(text.slice(start + len, start + len + 1)) || !item(start, start + len)) continue;
        const p = nameOf(text, start, start + len, 'PERSON', 2);
        added.push(p);
        queue.push(p);
        taken.fill(1, p.start, p.end);
        break;
      }
    }
    if (text[m.start - 1] === '、') {
      const end = m.start - 1;
      for (const len of [3, 2]) {
        if (end - len < 0 || !BEFORE_LISTED.test(text.slice(Math.max(0, end - len - 1), end - len)) || !item(end - len, end)) continue;
        const p = nameOf(text, end - len, end, 'PERSON', 2);
        added.push(p);
        queue.push(p);
        taken.fill(1, p.start, p.end);
        break;
      }
    }
  }
  return added.length ? [...names, ...added].sort(byStart) : names;
}

/**
 * A body or place named by generic words only (ANNOTATION.md: 社区党支部 without a name is no
 * ORG): generic units (社区, 街道, 村), then a generic kind of body or place. A head of a short
 * form (省, 市, 县, 区, 州) makes a name in context (区团委, 县融媒体中心) and is not generic.
 */
const GENERIC_NAME = /^(?:[镇乡村]|街道|社区|小区|楼栋|网格|基层|行业|全市|全省|全县|景区|[省市县区乡镇村]级)*(?:党工委|大工委|党委|党总支|党支部|党小组|党组|党组织|团委|联防队|巡逻队|志愿服务队|志愿队|执法大队|调查队|工作室|检查组|执法检查组|调研组|督导组|督查组|巡视组|巡察组|考察团|专家组|工作组|融媒体中心|居委会|村委会|业委会|管委会|理事会|议事会|工作站|指导站|服务站|服务中心|党群服务中心|中心|公司|医院|学校|园区|社区|小区|村|协会|商会|联盟)$/;

/** A body's short form: a unit's head, then its department (省工信厅, 县融媒体中心, 市委宣传部). */
const SHORT_FORM_HEAD = /^(?:[省市县区州旗盟镇乡]|自治区|自治州)(?!委$)[\u4e00-\u9fff]{2,}$/;

/** Whether a name begins with a place of the gazetteer (2+ characters). */
function startsWithPlace(name: string): boolean {
  const hit = longestPlaceAt(name, 0);
  return !!hit && hit.end >= 2 && hit.end < name.length;
}

/** A house or building number closing an address (1号, 12号院, 3号楼). */
const HOUSE_NUMBER = /[0-9０-９]+(?:-[0-9０-９]+)?号(?:院|楼)?$/;

/** A house number inside an address read as one place (蜀州中路88号市民中心): the road ends before it. */
const NUMBER_THEN_MORE = /(?<=[路街道巷里弄])[0-9０-９]+号/;

/** Places named after a generic unit: their name must start where a word starts. */
const UNIT_PLACE = /(?:社区|小区|村|街道)$/;

/** A department's kind without a head (市场监管局, 科技局): the kind, not one body (the guide's 省局). */
const DEPARTMENT_WORDS: ReadonlySet<string> = new Set([...SEGMENTER_WORDS.filter((w) => !w.startsWith('副')), ...DEPARTMENTS.flat()]);

/** Units named places end with, that a count makes a kind (43个友好社区, 10个示范村). */
const GENERIC_UNIT_END = /(?:社区|小区|村|街道|园区|基地)$/;
/** A count with its classifier right before a name. */
const COUNTED_BEFORE = /[0-9０-９一二三四五六七八九十百千万两]+(?:余|多)?[个家座处]$/;
/** A verb of going and a unit: 到社区, 进村, 去小区. */
const GONE_TO_UNIT = /[到去进赴入回](?:社区|小区|村|街道)$/;

/** Platforms and apps news names (微信群, 微博网友, 抖音号): never the start of a person's name. */
const PLATFORM_START = /^(?:微信|微博|抖音|快手|钉钉|淘宝|支付宝|头条|小红书|哔哩哔哩|B站)/;

/** A level of government's public institution: 黄南州图书馆, 海淀区档案馆, 县文化馆. */
const PUBLIC_INSTITUTION = /[省市县区州盟旗镇乡](?:图书馆|档案馆|文化馆|群众艺术馆|群艺馆|少年宫)$/;

/** A short form's head: a level word (省知识产权局, 州市场监管局). */
const LEVEL_HEAD = /^[省市县区州盟旗乡镇]/;
/** 各 and level words only, with their separators and brackets, right before a name: 各市、| 各市（州）、县 |. */
const EVERY_LEVEL_BEFORE = /各[省市县区州盟旗乡镇、，,（）()\s]*$/;

/** A party committee's working departments, named alone. */
const BARE_PARTY_DEPARTMENT = /^(?:宣传部|组织部|统战部|政法委|纪委|监委|纪工委|编办|网信办|社会工作部)$/;
/** The title of a department's head right after it. */
const HEAD_TITLE_AFTER = /^(?:常务)?副?(?:部长|书记|主任)/;

/**
 * Drops generic references: a name made of generic words only, also once a verb opening it is
 * set aside (走进 | 社区党支部), and a community or village that starts inside a word of the
 * sentence (党员 | 到社区 → 员到社区).
 */
function dropGeneric(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  const out: Name[] = [];
  let t = 0;
  for (const m of names) {
    // 各市、州市场监管局, 各市州市场监管局, 各县（区）融媒体中心: the bodies of every city and
    // prefecture, a plural reference; the last level word is no head of a name.
    if (m.type !== 'PERSON' && LEVEL_HEAD.test(m.text) && EVERY_LEVEL_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
    // 建成43个友好社区: what follows a count is a kind of place, not one named place.
    if (m.type === 'PLACE' && GENERIC_UNIT_END.test(m.text) && COUNTED_BEFORE.test(text.slice(Math.max(0, m.start - 6), m.start))) continue;
    // 快递员到社区报到: going to a community, not a community's name.
    if (m.type === 'PLACE' && m.end - m.start <= 4 && GONE_TO_UNIT.test(m.text)) continue;
    // 济南高新区村党组织, 长沙市村（社区）: the villages of a place (村 opens the next phrase); the place ends before 村.
    if (m.type === 'PLACE' && /[区县市镇乡州旗]村$/.test(m.text) && m.end - m.start >= 4) {
      out.push(nameOf(text, m.start, m.end - 1, 'PLACE', m.priority));
      continue;
    }
    // 岳麓区村党组织: the party organizations of its villages, no one body; the place stays.
    const villages = m.type === 'ORG' ? /^(.{2,}?[区县市镇乡州旗])村(?:级)?(?:党组织|党支部|党委|两委|委员会|干部)$/.exec(m.text) : null;
    if (villages) {
      out.push(nameOf(text, m.start, m.start + villages[1]!.length, 'PLACE', m.priority));
      continue;
    }
    // A department's kind alone (融媒体中心, 人民医院) names no one body, even as a known word.
    if (m.type === 'ORG' && DEPARTMENT_WORDS.has(m.text)) continue;
    // A body's tail that describes it (its working group, its party group before a member's
    // title, a degree after a school) is cut off before anything below looks at the name.
    const described = m.type === 'ORG' && m.priority < 5 ? cutDescription(text, m) : m;
    if (described !== m) {
      out.push(described);
      continue;
    }
    // 莫洛镇县委组织部: a town and a county's body read as one are where the body sits, and the body.
    const lower = m.type === 'ORG' && m.priority < 5 ? TOWN_THEN_HIGHER_BODY.exec(m.text) : null;
    if (lower) {
      out.push(nameOf(text, m.start, m.start + lower[1]!.length, 'PLACE', m.priority), nameOf(text, m.start + lower[1]!.length, m.end, 'ORG', m.priority));
      continue;
    }
    // 县委常委、组织部部长: a party committee's department alone before its head's title is part
    // of that title in a list of officials (the corpora mark it so: 组织部 4 times a body, 38 not).
    if (m.type === 'ORG' && m.priority < 5 && BARE_PARTY_DEPARTMENT.test(m.text) && HEAD_TITLE_AFTER.test(text.slice(m.end, m.end + 4)) && out[out.length - 1]?.end !== m.start) continue;
    // 首页 > 新闻中心 > 部门动态: a section of a site's breadcrumb, unless a place or a unit's
    // head names one body (首页 > 县财政局 > …); ICP备案号, 网站标识码: a footer's labels.
    if (m.type === 'ORG' && m.priority < 5 && ((inBreadcrumb(text, m) && !SHORT_FORM_HEAD.test(m.text) && !startsWithPlace(m.text) && !lookupPlace(m.text)) || FOOTER_LABEL.test(m.text))) continue;
    // 新区, 开发区, 我省, 城区: a kind of place or a reference, not a place's name (the guide's not-places).
    if (m.type === 'PLACE' && m.priority < 5 && NOT_PLACE.has(m.text)) continue;
    // 自由贸易 | 港, 国际枢纽 | 港: a one-character form right after a noun of two characters or
    // more closes that noun (a free-trade port), it is no place of its own (访港, 深港 stay).
    if (m.type === 'PLACE' && m.end - m.start === 1 && m.priority < 5 && nounBefore(tokens, m.start) && wordAlone(tokens, m)) continue;
    // 中药, 中医药, 中餐, 中文: words of their own, not China's one-character form.
    if (m.type === 'PLACE' && m.text === '中' && /[药医餐文式]/.test(text[m.end] ?? '')) continue;
    // 黄南州图书馆, 县文化馆: a public library, archive or cultural centre of a level of government is a body.
    if (m.type === 'PLACE' && PUBLIC_INSTITUTION.test(m.text)) {
      out.push({ ...m, type: 'ORG' });
      continue;
    }
    // 每万城镇常住人口, 每千人: a ratio's base, not a place.
    if (m.type === 'PLACE' && /^[万千百亿]/.test(m.text) && /[每\d]$/.test(text.slice(Math.max(0, m.start - 1), m.start))) continue;
    if (m.priority >= 5 || m.type === 'PERSON') {
      out.push(m);
      continue;
    }
    while (t < tokens.length && tokens[t]!.end <= m.start) t++;
    while (t > 0 && tokens[t]!.start > m.start) t--;
    const first = tokens[t];
    // (A place jieba tags as a verb is no verb: 遵义/v | 大数据交易所.)
    const verb = first && first.start === m.start && first.end < m.end && /^v/.test(first.tag) && !ADMIN_SUFFIX.test(first.word) && !lookupPlace(first.word);
    const rest = text.slice(verb ? first.end : m.start, m.end);
    if (GENERIC_NAME.test(rest) || GENERIC_ORG.has(rest) || DEPARTMENT_WORDS.has(rest)) continue;
    // Unless what the word adds before the name is a preposition jieba glued on (从省 | 生态环境厅).
    // Nor when a place ends right there, its suffix glued on by jieba (水口乡 | 顾渚村 read 乡顾 | 渚 | 村).
    const before = out[out.length - 1];
    const placeBefore = before?.type === 'PLACE' && before.end === m.start && ADMIN_UNIT_END.test(before.text);
    if (UNIT_PLACE.test(m.text) && first && first.start < m.start && first.end > m.start && !placeBefore && !FUNCTION_CHAR.test(text.slice(first.start, m.start))) continue;
    // 六广河畔, 阳明洞中: a landform and the locative jieba glued onto it; the landform is the place.
    if (m.type === 'PLACE' && m.priority < 5 && m.end - m.start >= 4 && /[河湖江山洞海谷溪峡泉岛][畔边中旁内]$/.test(m.text)) {
      out.push(nameOf(text, m.start, m.end - 1, 'PLACE', m.priority));
      continue;
    }
    // 赣东大道1号: an address's number is no part of the road's name.
    const number = m.type === 'PLACE' ? HOUSE_NUMBER.exec(m.text) ?? NUMBER_THEN_MORE.exec(m.text) : null;
    if (number && number.index >= 2) {
      out.push(nameOf(text, m.start, m.start + number.index, 'PLACE', m.priority));
      continue;
    }
    out.push(m.type === 'ORG' ? trimTail(text, tokens, m) : m);
  }
  return out;
}

/** Verbs of what bodies do in the news (发布, 召开, 印发 …), alone or after 联合/共同. */
const ACTION_VERB = /^(?:联合|共同)?(?:发布|召开|举办|举行|签署|开展|印发|出台|启动|推出|主办|承办|公布|发出|下发|授予|表彰|通报|发起|揭晓|颁发|部署|带领|指导|邀请)$/;

/** A word that is a body's ending by itself (支行, 分局, 中心), whatever jieba tags it. */
const BODY_WORD = /^(?:分局|分院|分行|支行|分公司|分社|分会|中心|总站|站|队|所|院|局|处|社)$/;

/** A team or group after a body's name is the body's people, not part of its name. */
const TEAM_TAIL = /(?:(?:科研|研究|专家|技术|攻关|创新|研发|设计|服务|管理|医疗|救援|志愿)?团队|课题组|项目组|专家组)$/;

/** Working groups, which are no bodies of their own (alone they are generic: see `GENERIC_NAME`). */
const WORKING_GROUP = '(?:执法检查组|检查组|调研组|督导组|督查组|巡视组|巡察组|专家组)';

/**
 * Tails that describe the body before them rather than name one: `tail` is cut off where what is
 * left ends like `kept` (at least `min` characters) and, if given, the text after the name
 * starts with `next`.
 */
const DESCRIPTIONS: ReadonlyArray<{ tail: RegExp; kept: RegExp; min: number; next?: RegExp; unless?: RegExp }> = [
  // 研究所 | 科研团队: the body's people.
  { tail: TEAM_TAIL, kept: BODY_END, min: 2 },
  // 全国人大常委会 | 执法检查组 (a body's office elsewhere, …驻…, keeps its name).
  { tail: new RegExp(`${WORKING_GROUP}$`), kept: BODY_END, min: 3, unless: /驻/ },
  // 科技局 | 党组成员, 医院 | 党委书记: the party group is part of the title (the seed gold).
  { tail: /(?:党组|党委|党总支|党工委)$/, kept: BODY_END, min: 3, next: /^(?:成员|书记|副书记|委员)/ },
  // 中央党校 | 大学学历, 省委党校 | 研究生学历: the degree the school gave.
  { tail: /(?:大学|研究生|大专|本科|中专)$/, kept: /校$/, min: 1, next: /^学历/ },
];

/** `m` without the first of {@link DESCRIPTIONS} that applies to it, or `m` itself. */
function cutDescription(text: string, m: Name): Name {
  for (const d of DESCRIPTIONS) {
    const tail = d.tail.exec(m.text);
    if (!tail || (d.next && !d.next.test(text.slice(m.end, m.end + 3))) || d.unless?.test(m.text)) continue;
    const kept = m.text.slice(0, tail.index);
    if (kept.length >= d.min && d.kept.test(kept)) return nameOf(text, m.start, m.start + kept.length, 'ORG', m.priority);
  }
  return m;
}

/**
 * An organization that runs on past a body's ending into a phrase of the sentence (稽查局 +
 * 依法查处: an idiom, a verb, an adverb) ends at the body. (A team after it, 研究所 + 科研团队,
 * was cut off with the other descriptions: see {@link DESCRIPTIONS}.)
 */
function trimTail(text: string, tokens: readonly Token[], m: Name): Name {
  const inside = tokensIn(tokens, m.start, m.end);
  const last = inside[inside.length - 1];
  // (A body's own ending that jieba tags as a verb stays: 中心 | 支行/v.)
  if (last && last.end === m.end && last.start > m.start + 1 && /^(?:l|i|v|vd|d)$/.test(last.tag) && !BODY_WORD.test(last.word) && BODY_END.test(text.slice(m.start, last.start))) {
    return nameOf(text, m.start, last.start, 'ORG', m.priority);
  }
  // A body and what it did read as one (人民网研究院 | 联合发布 | 县级融媒体中心…): the body ends
  // before a verb of official action that follows a body's ending.
  for (let k = 0; k < inside.length; k++) {
    // 组织 is a noun inside names (党组织, 上海合作组织, 社会组织): a verb only after a company's,
    // an office's or a federation's ending (县工商联 | 组织 | …, 供电公司 | 组织 | …).
    const organizes = inside[k]!.word === '组织' && /(?:公司|集团|局|厅|委|办|联|协|中心)$/.test(text.slice(m.start, inside[k]!.start));
    if (!ACTION_VERB.test(inside[k]!.word) && !organizes) continue;
    const at = k > 0 && /^(?:联合|共同)$/.test(inside[k - 1]!.word) ? inside[k - 1]!.start : inside[k]!.start;
    if (at > m.start + 1 && BODY_END.test(text.slice(m.start, at))) return nameOf(text, m.start, at, 'ORG', m.priority);
  }
  return m;
}

/** A place of up to six characters in brackets, right after a body: (武汉), （华东）. */
const BRACKETED_PLACE = /^[（(]([\u4e00-\u9fff]{2,6})[）)]/;

/** A body followed by its campus or branch's place in brackets takes the brackets in (中国地质大学(武汉)). */
function campuses(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (let k = 0; k < names.length; k++) {
    const m = names[k]!;
    const bracket = m.type === 'ORG' && m.priority < 5 ? BRACKETED_PLACE.exec(text.slice(m.end, m.end + 9)) : null;
    const next = names[k + 1];
    const inner = bracket ? { start: m.end + 1, end: m.end + 1 + bracket[1]!.length } : null;
    // The bracket holds a place: the model's, or one the gazetteer knows, and nothing else.
    const place = inner && ((next && next.type === 'PLACE' && next.start === inner.start && next.end === inner.end) || lookupPlace(bracket![1]!));
    if (!bracket || !place || (next && next.start < m.end + bracket[0].length && !(next.start === inner!.start && next.end === inner!.end))) {
      out.push(m);
      continue;
    }
    out.push(nameOf(text, m.start, m.end + bracket[0].length, 'ORG', m.priority));
    if (next && next.start === inner!.start) k++;
  }
  return out;
}

/** Heads of a body's short form that follow its place's name: 海北 + 州, 德令哈 + 市. */
const HEAD = /^[省市县区州旗盟]/;

/** Endings of a place that acts with a body (a town, a street, a village). */
const LEFT_PLACE_END = /(?:镇|乡|街道|社区|村)$/;

/** Words that join two bodies acting together (联合印发, 会同, 和, 县工商联组织…公司). */
const BODY_JOINERS = /(?:联合|会同|协同|组织|邀请|以及|和|与|及|同|、)/g;

/**
 * An organization the model ran over two bodies acting together (玉树州生态环境局联合果洛州林草局,
 * 中国科学院和中国工程院) is two: cut at a joining word between a body's ending and a name that
 * opens with a unit's head or a place and ends as a body. A joining word inside one name
 * (工业和信息化部, 联合会) has no body's ending before it and stays.
 */
function splitBodies(text: string, names: Name[]): Name[] {
  return names.flatMap((m) => {
    if (m.type !== 'ORG' || m.priority >= 5 || m.text.length < 7) return [m];
    const out: Name[] = [];
    let start = m.start;
    for (const j of m.text.matchAll(BODY_JOINERS)) {
      const at = m.start + j.index;
      const after = at + j[0].length;
      const left = text.slice(start, at);
      const right = text.slice(after, m.end);
      // (A town or a street acting with a body, 洪善镇 | 联合 | 县农机发展中心, is a place.)
      const place = !BODY_END.test(left) && LEFT_PLACE_END.test(left);
      if (left.length < 3 || right.length < 3 || (!BODY_END.test(left) && !place) || !BODY_END.test(right)) continue;
      if (!HEAD.test(right) && !startsWithPlace(right)) continue;
      out.push(nameOf(text, start, at, place ? 'PLACE' : 'ORG', m.priority));
      start = after;
    }
    if (!out.length) return [m];
    out.push(nameOf(text, start, m.end, 'ORG', m.priority));
    return out;
  });
}

/**
 * An organization that begins inside a place's name begins with the place: after a name that,
 * with its first character, is a place of the gazetteer (海北 + 州 = 海北州, 德令哈 + 市), or in
 * the middle of a place of the gazetteer (海 | 北州市场监管局 where 海北州 is one place).
 */
function placeHeads(text: string, names: Name[]): Name[] {
  return names.map((m, k) => {
    if (m.type !== 'ORG' || m.priority >= 5) return m;
    const before = names[k - 1];
    const head = HEAD.test(m.text);
    for (let len = 4; len >= 1; len--) {
      const start = m.start - len;
      if (start < 0 || (before && before.end > start) || !placeMayStartAt(text, start)) continue;
      // The place ends at the head (海北 + 州), or, one to three characters into the name, crosses its start.
      // (Up to eight: the long names of autonomous counties, 围场满族 | 蒙古族自治县.)
      for (let into = head ? 1 : 2; into <= 8 && m.start + into < m.end; into++) {
        // (Past three characters in, only a unit's full name, ending in its suffix.)
        if (into > 3 && !ADMIN_UNIT_END.test(text[m.start + into - 1]!)) continue;
        if (len + into >= 3 && lookupPlace(text.slice(start, m.start + into))) return nameOf(text, start, m.end, 'ORG', m.priority);
      }
    }
    return m;
  });
}

/** Before a surname standing for a person: 老张, 小李. */
const SURNAME_ALONE_BEFORE = /[老小姓]/;
/** After a surname standing for a person: a title, an honorific, a kinship word, a cup named for him, a list. */
const SURNAME_ALONE_AFTER = /^(?:[、，,和与及]|某|总|工|老|姓|家(?![界村庄寨坪湾沟岭山屯营堡河桥集镇岗洼峪潭垭港坝湖礁])|氏|杯|外长|议长|首相|主席|总理|总书记|书记|先生|女士|小姐|同志|老师|师傅|大爷|大娘|大妈|大姐|大哥|大叔|大嫂|阿姨|奶奶|爷爷|大夫|医生|教授|院士|大使|部长|局长|厅长|处长|科长|县长|市长|省长|镇长|乡长|村长|所长|站长|校长|院长|主任|经理|董事长|队长|班长|连长|排长|团长|师长|警官|法官|律师|会计|老汉|老伯|副)/;

/** Landform endings of place names that people's names do not have (界, 峡, 岛, 寨, 沟, 湾, 滩). */
const LANDFORM_END = /[界峪峡岛寨沟湾滩堰湖港礁坝潭垭洼]$/;
/** A river's or lake's bank, water or shore, as jieba cuts it off a name it does not know: 海兰 | 江畔. */
const RIVER_BANK = new Set(['江畔', '江边', '江岸', '江水', '河畔', '河边', '河岸', '河水', '湖畔', '湖边', '湖岸', '湖水', '溪畔', '溪边']);
/** jieba's tags of a name it does not know (or knows as some name). */
const UNKNOWN_NAME_TAG = /^(?:x|nz|nr|nrt|ns|j)$/;

/**
 * A local river or lake jieba does not know, cut from its bank (海兰 | 江畔, 姚 | 江边 are 海兰江,
 * 姚江): a word of two Han characters it tags as unknown or as a name, then 江畔, 河边, 湖水….
 */
function riverBanks(text: string, tokens: readonly Token[]): Name[] {
  const out: Name[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!RIVER_BANK.has(next.word) || t.end - t.start !== 2 || !UNKNOWN_NAME_TAG.test(t.tag) || !/^[\u4e00-\u9fff]{2}$/.test(t.word)) continue;
    out.push(nameOf(text, t.start, next.start + 1, 'PLACE', 2));
  }
  return out;
}

/** Words of facilities and landforms that make a place of the name before them (托勒罗特 | 码头, 马鞍 | 岛). */
const FACILITY_WORDS = new Set(['码头', '港', '港口', '机场', '车站', '火车站', '大桥', '广场', '公园', '大街', '大道', '街', '路', '河', '湖', '山', '岛', '湾', '海峡', '半岛', '运河', '大坝', '水库']);

/** Endings of rivers, lakes and mountains (which given names also end with: 李长江, 王泰山). */
const WATER_OR_HILL_END = /[江河湖溪山岭峰]$/;
/** What separates the items of a list. */
const LIST_MARK = /[、和与及]/;

/** Levels whose names are not given to people. */
const PLACE_LEVELS_NOT_NAMES = new Set(['province', 'prefecture', 'country', 'region']);
/** Words after a name that make it a person whatever it looks like: a title, a verb of saying. */
const PERSON_NEXT = /^(?:说|表示|指出|介绍|认为|强调|同志|先生|女士|书记|主任|局长|县长|市长|省长|部长|院士|教授|记者|摄)/;

/** Verbs of going somewhere: a county's or town's name right after them is the place (来到乌兰后). */
const GOING_TO = /(?:来到|前往|赶赴|抵达|到达|途经|落户|扎根|回到|奔赴)$/;

/**
 * A person's name that is the name of a province, prefecture or country is the place, and so is
 * any place of the gazetteer after a verb of going (来到, 前往), unless a title or a verb of
 * saying follows; one inside a word the rules know is no name (包罗万象, 福祉)
 * is dropped.
 */
function placesNotPersons(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  return names.flatMap((m) => {
    if (m.type !== 'PERSON' || m.priority >= 5) return [m];
    // (A name opening such a word stays: 毛泽东 of 毛泽东思想 is marked, as names in names are.)
    if (NOT_PERSON.has(m.text) || tokensIn(tokens, m.start, m.end).some((t) => t.start < m.start && NOT_PERSON.has(t.word) && t.word.includes(m.text))) return [];
    // A word jieba calls a name that the training corpora never mark as one (黄金周, 青少年),
    // unless a title or a verb of saying makes it one here.
    if (COMMON_NR_WORDS.has(m.text) && !PERSON_NEXT.test(text.slice(m.end, m.end + 2))) return [];
    // 刘某, 赵某某: a person whose name a notice masks is the surname with its 某.
    if (m.end - m.start === 1 && text[m.end] === '某') return [nameOf(text, m.start, m.end + (text[m.end + 1] === '某' ? 2 : 1), 'PERSON', m.priority)];
    // 登上袁 | 家界: a surname alone is a person only as 老张, 小李, 张局长, 汤尤杯 are.
    if (m.end - m.start === 1 && !SURNAME_ALONE_BEFORE.test(text[m.start - 1] ?? '') && !SURNAME_ALONE_AFTER.test(text.slice(m.end, m.end + 3)) && !names.some((n) => n !== m && n.type === 'PERSON' && (n.end === m.start || n.start === m.end))) return [];
    // 统计分析司 | 司长: a department's last character before its head's title, not a surname (张局长 stays).
    if (m.end - m.start === 1 && text.startsWith(`${m.text}长`, m.end)) return [];
    // 袁家界, 金沙滩, 长山岛: a landform's ending that names almost never end with (in the training
    // corpora 1 person to 233 places of three characters) makes a place, unless context says person.
    if (m.end - m.start === 3 && LANDFORM_END.test(m.text) && !PERSON_NEXT.test(text.slice(m.end, m.end + 2)) && !TITLE_BEFORE.test(text.slice(Math.max(0, m.start - 4), m.start))) return [{ ...m, type: 'PLACE' as const }];
    // 奉化江、姚江、甬江: a name ending like a river or mountain, listed beside a place with the
    // same ending, is one of them.
    if (m.end - m.start <= 3 && WATER_OR_HILL_END.test(m.text) && names.some((n) => n.type === 'PLACE' && n.text.endsWith(m.text.slice(-1)) && ((n.end === m.start - 1 && LIST_MARK.test(text[n.end]!)) || (n.start === m.end + 1 && LIST_MARK.test(text[m.end]!))))) return [{ ...m, type: 'PLACE' as const }];
    // 托勒罗特 | 码头: a transliterated name before a facility's or landform's word is the place.
    if (foreignName(m.text) && !/[·•‧・]/.test(m.text)) {
      const next = tokenAt(tokens, m.end);
      if (next && next.start === m.end && FACILITY_WORDS.has(next.word) && !names.some((n) => n !== m && n.start < next.end && next.start < n.end)) return [nameOf(text, m.start, next.end, 'PLACE', m.priority)];
    }
    // 扫一扫, 看一看, 比了比: a verb said twice, never a name.
    if (/^(.)[一了]\1$/.test(m.text)) return [];
    // 微信群, 抖音号: a platform's name opens it; no surname does.
    if (PLATFORM_START.test(m.text)) return [];
    const entry = lookupPlace(m.text);
    if (!entry || PERSON_NEXT.test(text.slice(m.end, m.end + 2))) return [m];
    if (!PLACE_LEVELS_NOT_NAMES.has(entry.level) && !GOING_TO.test(text.slice(Math.max(0, m.start - 2), m.start))) return [m];
    return [{ ...m, type: 'PLACE' as const }];
  });
}

/**
 * Known names win over the model's names they cross or hold, but not over a longer name of
 * which they are a part (中国科学院 in 中国科学院青海盐湖研究所, 北京 in 北京大学, a person in 周恩来纪念馆).
 */
function withKnown(names: Name[], known: readonly Name[]): Name[] {
  return sweep(names, [...known].sort(byStart), (k, hits) => {
    const part = hits.some((m) => m.priority < 5 && contains(m, k) && m.end - m.start > k.end - k.start && (m.type === k.type || k.type !== 'ORG'));
    if (part || hits.some((m) => m.priority >= 5)) return null;
    return { ...k, priority: 4 };
  });
}

/** Cuts a place the model ran into the next one at the administrative suffix between them. */
function splitPlaces(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (const m of names) {
    if (m.type !== 'PLACE' || m.end - m.start < 5) {
      out.push(m);
      continue;
    }
    let from = m.start;
    for (let p = m.start + 2; p <= m.end - 2; p++) {
      const left = text.slice(from, p);
      const right = text.slice(p, m.end);
      // (Or a province's or country's short name before a unit's full name: 新疆 | 阿勒泰地区, 河北 | 保定市.)
      const shortHead = p <= m.start + 7 ? lookupPlace(left) : undefined;
      // (After a country, a region the gazetteer need not know: 哈萨克斯坦 | 图尔克斯坦州.)
      const split = (left.length >= 3 && ADMIN_SUFFIX.test(left)) || ((shortHead?.level === 'province' || shortHead?.level === 'country') && ADMIN_SUFFIX.test(right) && right.length >= 3 && (shortHead.level === 'country' || !!lookupPlace(right)));
      if (split && PLACE_ENDING.test(right) && right.length >= 2) {
        out.push(nameOf(text, from, p, 'PLACE', m.priority));
        from = p;
      }
    }
    out.push(from === m.start ? m : nameOf(text, from, m.end, 'PLACE', m.priority));
  }
  return out;
}

/** Whether `text` at `at` starts with one of `words`; returns its length or 0. */
function wordAt(text: string, at: number, words: readonly string[]): number {
  for (const w of words) if (text.startsWith(w, at)) return w.length;
  return 0;
}

/** The endings of the science cities, innovation ports and economic zones high-tech-zone news names. */
const NAMED_ZONE_END = /(?:软件城|科学城|科技城|生物城|大学城|创新港|新城|经济区|新片区|示范园|汽车小镇)/g;
/** Tags of the words a zone's name is made of (丝路, 天府 国际, 董家 口, 金鸡湖 生物医药). */
const ZONE_NAME_TAG = /^(?:n|nr|nrfg|nrt|ns|nt|nz|x|j|b|ng|q|zg|g)$/;
/** Words of the sentence around a zone's name that jieba may tag as nouns (落户/n 丝路软件城). */
const ZONE_STOP = new Set(['参观', '游览', '考察', '走进', '来到', '前往', '打卡', '探访', '保护', '治理', '修复', '获批', '批准', '项目', '落户', '入驻', '位于', '地处', '坐落', '签约', '引进', '企业', '工程', '园区', '集团', '公司', '建设', '发展', '合作', '对接', '打造', '投资', '产业']);
/** Levels of the places that stay apart before a zone named after a part of them (北京 | 中关村科学城). */
const UNIT_LEVELS = new Set(['country', 'province', 'prefecture', 'county']);
/** Words that open a description or a title, not a name (国际新城, 这座新城, 国家知识产权示范园). */
const ZONE_NOT_NAME = /^(?:国际|生态|智慧|现代|特色|美丽|未来|科技|产业|城市|全国|全省|全市|国家|省级|市级|县级|新|老|大|小|全|各|该|本|这|那|我|其)/;

/**
 * A science city, innovation port or economic zone named by words before its ending (丝路 +
 * 软件城, 天府国际 + 生物城, 董家口 + 经济区, 金鸡湖生物医药 + 创新港) is one place, whatever the
 * tagger marked inside it: the words back from the ending while they can be a name's (no verb,
 * adjective, count or function word; at most eight characters), from a place the tagger read or
 * the first such word. A name that holds it, or a person or body across it, leaves it be.
 */
function namedZones(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  return namedBefore(text, tokens, namedBefore(text, tokens, names, NAMED_ZONE_END, false), LANDMARK_NAME_END, true);
}

/**
 * Landmarks named by a proper word before a landmark's ending (毛乌素 + 沙地, 麦积山 + 石窟, 龙脊 +
 * 梯田, 怒江 + 大峡谷): one place, as zones are; the name holds a word jieba does not know or calls
 * a name, and may be a unit's own name (怒江), up to six characters. (Not 遗址, 古镇, 草原: People's
 * Daily marks 阳关 of 阳关遗址, as the guide keeps 石羊河 of 石羊河流域; nor 故居: the corpora mark
 * the person of 孙中山故居.)
 */
const LANDMARK_NAME_END = /(?:石窟|沙地|梯田|古道|大峡谷|雪山|森林公园|湿地公园|遗址公园|国家公园)/g;

/**
 * Where a name whose words end at `at` (token `k` holds `at` or starts there) starts, taking the
 * tokens before `k` back one by one while `fits` says the token (the start so far given) belongs
 * to it; `at` if none does.
 */
function startBefore(tokens: readonly Token[], k: number, at: number, fits: (t: Token, start: number) => boolean): number {
  let start = at;
  for (let j = k - 1; j >= 0 && fits(tokens[j]!, start); j--) start = tokens[j]!.start;
  return start;
}

/** Tags of the words jieba does not know or calls names: a name of its own among them. */
const PROPER_TAG = /^(?:n[rstz]|nrfg|nrt|x|j)$/;

/** The zones (or, with `landmark`, the landmarks) named by the words before an ending of `endings`. */
function namedBefore(text: string, tokens: readonly Token[], names: Name[], endings: RegExp, landmark: boolean): Name[] {
  let out = names;
  for (const z of text.matchAll(endings)) {
    const tailStart = z.index;
    const end = tailStart + z[0].length;
    const k = firstTokenAfter(tokens, tailStart);
    if (tokens[k]?.start !== tailStart) continue;
    let start = startBefore(tokens, k, tailStart, (t, from) => {
      // (A zone's own word ends the place before: 西安高新区 | 丝路软件城, 西咸新区 | 沣东新城.)
      if (!ZONE_NAME_TAG.test(t.tag) || !/^[\u4e00-\u9fff]+$/.test(t.word) || FUNCTION_CHAR.test(t.word) || ZONE_STOP.has(t.word) || ZONE_END.test(t.word) || tailStart - t.start > (landmark ? 6 : 8)) return false;
      const level = lookupPlace(t.word)?.level;
      // (A landmark may be named by the unit alone: 怒江 + 大峡谷.)
      return !(level && UNIT_LEVELS.has(level) && !(landmark && from === tailStart));
    });
    // A classifier opens no name (口 of 董家口 is inside one).
    while (start < tailStart && tokens[firstTokenAfter(tokens, start)]?.tag === 'q') start = tokens[firstTokenAfter(tokens, start)]!.end;
    // (A preposition jieba glued on opens no name: 沿 | 唐蕃古道.)
    if (start < tailStart && /^[沿在从向往到于经]$/.test(text[start]!) && tokens[firstTokenAfter(tokens, start)]?.end !== start + 1) start++;
    if (tailStart - start < 2 || ZONE_NOT_NAME.test(text.slice(start, tailStart))) continue;
    const words = tokensIn(tokens, start, tailStart);
    if (((z[0] === '新城' || landmark) && !words.some((t) => PROPER_TAG.test(t.tag))) || words.every((t) => KIND_WORDS.has(t.word))) continue;
    const hits = out.filter((n) => n.start < end && start < n.end);
    // (A person the tagger read in the name is none: 张江 of 张江科学城.)
    if (hits.some((n) => n.priority >= 5 || (n.type === 'PERSON' && (n.end > tailStart || z[0] === '新城')) || (n.type === 'ORG' && n.end > end) || (n.start <= start && n.end >= end))) continue;
    // A place the tagger read before the words opens the zone (成都 + 天府国际生物城 stays apart: a unit's full name or a city's).
    out = replaceHits(out, hits.filter((n) => n.start >= start || n.end > start), nameOf(text, start, end, 'PLACE', 2));
  }
  return out;
}

/** Landforms a region named by one-character forms of places is (青藏高原, 云贵高原). */
const REGION_LANDFORM = /^[\u4e00-\u9fff]{2,3}(?:高原|盆地|平原|丘陵|山脉|三角洲)$/;
const REGION_END = new Set([...'原地陵脉洲'].map((c) => c.charCodeAt(0)));

/**
 * A landform named by one-character forms of places is one place (青藏高原, 云贵高原): where the
 * model marks only those forms, each alone, inside such a word of jieba's, the word is the place
 * (People's Daily marks the forms; the guide, like MSRA, the region). A name of its own inside
 * (陕北 of 陕北高原) leaves the word as it is.
 */
function regionsOfForms(tokens: readonly Token[], names: Name[]): Name[] {
  let out = names;
  for (const tok of tokens) {
    const n = tok.word.length;
    // Most words are shorter or end otherwise: no pattern run for them.
    if (n < 4 || n > 6 || !REGION_END.has(tok.word.charCodeAt(n - 1)) || !REGION_LANDFORM.test(tok.word)) continue;
    const inside = out.filter((m) => m.start < tok.end && tok.start < m.end);
    const forms = tok.word.length - (/(?:三角洲)$/.test(tok.word) ? 3 : 2);
    if (inside.length !== forms || inside.some((m, k) => m.type !== 'PLACE' || m.end - m.start !== 1 || m.start !== tok.start + k)) continue;
    out = out.filter((m) => !inside.includes(m));
    out.push({ start: tok.start, end: tok.end, type: 'PLACE', text: tok.word, priority: Math.max(...inside.map((m) => m.priority)) });
    out.sort(byStart);
  }
  return out;
}

/**
 * Named parks, the guide's places (中拉贸易产业园, 天府软件园, 植物园), which the tagger learned as
 * bodies from a few corpus sentences (东大软件园); a park's 管委会 or company ends otherwise.
 */
const PARK_END = /(?:(?:产业|工业|科技|软件|物流|创业|孵化|生态|农业|科创|文创|物联网|智造|电商|总部)园区?|植物园|动物园|公园|陵园|园区)$/;

/** Stations, airports, docks, bridges and tunnels: facilities, the guide's places (郑州南站; the corpora: 122 places, 2 bodies). */
const TRANSPORT_END = /(?:火车站|高铁站|客运站|[东南西北]站|港站|机场|码头|大桥|隧道)$/;

/**
 * A place and the zone or community named after it are one place: 济南 + 高新区, 西上园 + 社区;
 * also with the rules' longer zone names (川渝 + 高竹新区, 辽宁 + 百岁国际家居建材工业园) when
 * they hold the model's place whole.
 */
function joinZones(text: string, names: Name[], winners: readonly Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    if (m.type === 'ORG' && m.priority < 5 && ((m.end - m.start >= 4 && PARK_END.test(m.text)) || (m.end - m.start >= 3 && TRANSPORT_END.test(m.text)))) out[k] = { ...m, type: 'PLACE' };
    if (out[k]!.type !== 'PLACE') continue;
    const len = wordAt(text, m.end, ZONE_WORDS);
    if (!len) continue;
    const end = m.end + len;
    const next = out[k + 1];
    if (next && next.start < end) continue;
    // 金川区 + 街道 is no name: the zone word names a place only after a name that is not a whole unit.
    if (ADMIN_SUFFIX.test(m.text) && /^(?:街道|社区|小区|新区)$/.test(text.slice(m.end, end))) continue;
    out[k] = nameOf(text, m.start, end, 'PLACE', m.priority);
  }
  // A city's short name and the zone named after it, read as two places (青岛 | 西海岸新区):
  // one place, the zone's official name; so a city's short name and its landmark (敦煌 | 莫高窟).
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (a.type !== 'PLACE' || b.type !== 'PLACE' || a.end !== b.start || ADMIN_SUFFIX.test(a.text) || a.end - a.start < 2) continue;
    // A new area that is a district of its own (浦东新区, a county of the gazetteer) stays apart.
    const level = lookupPlace(b.text)?.level;
    // (A city's station by its side, 郑州 + 南站, too.)
    const landmark = (LANDMARK_END.test(b.text) && b.end - b.start >= 3 && !level) || /^[东南西北]站$/.test(b.text);
    if (!landmark && (!ZONE_END.test(b.text) || b.end - b.start <= 3 || level === 'county' || level === 'prefecture')) continue;
    out.splice(k, 2, nameOf(text, a.start, b.end, 'PLACE', a.priority));
  }
  // The rules' zones that hold one model place and run on from it to a zone word.
  const zones = winners.filter((c) => c.type === 'PLACE' && ZONE_WORDS.some((w) => c.text.endsWith(w)));
  return sweep(out.sort(byStart), zones, (c, inside) => {
    if (inside.length !== 1 || inside[0]!.type !== 'PLACE' || !contains(c, inside[0]!) || inside[0]!.start !== c.start) return null;
    if (FUNCTION_CHAR.test(text.slice(inside[0]!.end, c.end))) return null;
    return nameOf(text, c.start, c.end, 'PLACE', inside[0]!.priority);
  });
}

/**
 * A place (or places) and a newspaper, site or broadcaster word after it are one organization:
 * 福州 + 晚报, 中国 + 甘肃 + 网; a known outlet stays as it is.
 */
function joinMedia(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (let k = 0; k < names.length; k++) {
    const m = names[k]!;
    if (m.type !== 'PLACE' && m.type !== 'ORG') {
      out.push(m);
      continue;
    }
    // A run of adjacent places (中国 + 甘肃) before the word.
    let last = k;
    while (last + 1 < names.length && names[last + 1]!.start === names[last]!.end && names[last + 1]!.type === 'PLACE' && m.type === 'PLACE') last++;
    const end = names[last]!.end;
    const len = wordAt(text, end, MEDIA_WORDS);
    const after = text[end + len] ?? '';
    // 网 and 新闻 must end the word: 网民, 网络, 新闻媒体 are no outlet.
    const word = text.slice(end, end + len);
    const runsOn = (word === '网' || word === '新闻') && /[\u4e00-\u9fff]/.test(after) && !/[讯报]/.test(after);
    if (!len || runsOn || (names[last + 1] && names[last + 1]!.start < end + len)) {
      out.push(m);
      continue;
    }
    if (m.type === 'ORG' && !KNOWN_ORGS.has(m.text) && last === k) {
      out.push(m);
      continue;
    }
    out.push(nameOf(text, m.start, end + len, 'ORG', Math.max(m.priority, 3)));
    k = last;
  }
  return out;
}

/** Words of an outlet's name: a brand made of one of them and more is a news app's (潮新闻). */
const MEDIA_MARK = /新闻|日报|晚报|早报|商报|都市报|融媒|头条|视频|在线|网|台/;
/** Words before an app's name that are no part of it. */
const NOT_APP_BRAND = new Set(['手机', '移动', '官方', '新版', '最新', '该', '本', '其', '各', '相关', '旗下', '新闻', '网络', '电脑', '网页']);
const APP_BRAND_TAGS = new Set(['n', 'nz', 'ns', 'nr', 'nt', 'j', 'x', 'a', 'eng', 'ng', 'nrt']);
const APP_DASH = /^[-－—–·/|｜]$/;

/**
 * A news outlet's app is an organization, as the outlet is (ANNOTATION.md: media, sites,
 * accounts): jieba's words before 客户端 make its name when they hold an outlet's word and more
 * (潮新闻客户端, 央视新闻客户端), or when they follow an outlet and a dash (华龙网-新重庆客户端).
 * The shortest such name is taken, of name-like words only (下载, 手机 and the like stop it),
 * and it replaces what the model marked inside it (重庆 of 新重庆客户端).
 */
function newsApps(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  let out = names;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i]!.word !== '客户端') continue;
    let start = -1;
    let nameLike = true;
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
      const tok = tokens[j]!;
      const brand = text.slice(tok.start, tokens[i - 1]!.end);
      if (brand.length > 6 || !/^[\u4e00-\u9fffA-Za-z]+$/.test(tok.word)) break;
      nameLike &&= APP_BRAND_TAGS.has(tok.tag) && !(NOT_APP_BRAND.has(tok.word) && j < i - 1);
      // After an outlet and a dash, any words name the app (青海日报-青海观察客户端).
      const dash = j > 1 && APP_DASH.test(tokens[j - 1]!.word) && MEDIA_MARK.test(tokens[j - 2]!.word.slice(-2));
      const marked = nameLike && MEDIA_MARK.test(brand) && !NOT_APP_BRAND.has(brand) && brand.replace(MEDIA_MARK, '').length > 0;
      if (brand.length >= 2 && (marked || dash)) {
        start = tok.start;
        break;
      }
    }
    if (start < 0) continue;
    const end = tokens[i]!.end;
    if (out.some((m) => (m.start < start && m.end > start) || (m.start < end && m.end > end))) continue;
    const inside = out.filter((m) => m.start >= start && m.end <= end);
    out = out.filter((m) => !inside.includes(m));
    out.push(nameOf(text, start, end, 'ORG', Math.max(3, ...inside.map((m) => m.priority))));
    out.sort(byStart);
  }
  return out;
}

/** What a company's registered name says it does, after its brand (科技咨询有限公司). */
const COMPANY_TRADE = /^(?:科技|信息|网络|咨询|电子|材料|新材料|能源|新能源|矿业|实业|贸易|商贸|投资|建设|建筑|工程|文化|传媒|物流|农业|牧业|医药|药业|生物|食品|环保|化工|机械|电力|汽车|置业|地产|房地产)/;
const COMPANY_END = /(?:有限公司|有限责任公司|股份有限公司|集团有限公司|集团|公司)$/;
/** Words that cannot sit inside a brand (a brand may hold 之, 也, 又: 之也, 新又). */
const BRAND_BREAK = /[的了在是和与及或等为对从把被将向于由以而]/;

const FOREIGN_COMPANY_END = /(?:股份有限公司|有限责任公司|有限公司|股份公司|公司|集团)$/;

/** A company's trade as its short name ends (益盛 + 药业, 创信 + 电子材料, 金扬 + 矿机). */
const SHORT_TRADE = /^(?:药业|制药|医药|电子材料|新材料|电子|电缆|矿机|矿业|化工|重工|机械|科技|能源|新能源|乳业|食品|生物|实业|光电|智能|股份|集团)/;
/** Characters of counts and of the sentence, which jieba's unknown words hold (四是, 专讲, 两大) and brands do not. */
const NOT_BRAND_CHAR = /[一二三四五六七八九十百千万两几是讲说把被将的了在和与及或等为对从由以要也都就还又再只更最很个各该本其]/;
/** The first characters of {@link SHORT_TRADE}'s words: most unknown words are followed by none. */
const TRADE_FIRST = new Set([...'药制医电新矿化重机科能乳食生实光智股集'].map((c) => c.charCodeAt(0)));
/** Words after a trade that make it a kind of industry or product, not a company (锂电新能源 + 产业集群). */
const TRADE_KIND_NEXT = /^(?:产业|行业|集群|领域|企业|产品|技术|项目|基地|园|材料|装备|板块|赛道|市场)/;

/**
 * A company called by its brand and trade, without 公司 (益盛药业, 青海 + 创信电子材料): a word
 * jieba does not know or calls a proper noun, of two characters, right before a trade word; a
 * place before it joins below. Names the tagger read inside are replaced; a person is not.
 */
function brandsWithTrade(text: string, tokens: readonly Token[], brands: readonly number[], names: Name[]): Name[] {
  let out = names;
  for (const k of brands) {
    const brand = tokens[k]!;
    if (k + 1 >= tokens.length || !/^[\u4e00-\u9fff]{2}$/.test(brand.word) || NOT_BRAND_CHAR.test(brand.word)) continue;
    const trade = SHORT_TRADE.exec(text.slice(brand.end, brand.end + 4));
    if (!trade || tokens[k + 1]!.start !== brand.end) continue;
    const end = brand.end + trade[0].length;
    // The trade ends a word (电子 | 材料 as one trade, not 电子商务).
    const last = tokenAt(tokens, end - 1);
    if (!last || last.end !== end || TRADE_KIND_NEXT.test(text.slice(end, end + 2)) || /基$/.test(brand.word)) continue;
    const hits = out.filter((n) => n.start < end && brand.start < n.end);
    if (hits.some((n) => n.priority >= 5 || n.type === 'PERSON' || n.start < brand.start || n.end > end)) continue;
    if (hits.length === 1 && hits[0]!.type === 'ORG' && hits[0]!.start === brand.start && hits[0]!.end === end) continue;
    out = replaceHits(out, hits, nameOf(text, brand.start, end, 'ORG', 2));
  }
  return out;
}
const PROPER_BRAND_TAGS = new Set(['nrt', 'nr', 'nz', 'x', 'eng']);

/**
 * A country, a foreign brand and a company's words are one organization (奥地利 +
 * 施特劳斯·克莱恩 + 机械制造股份公司, 德国 + 西门子 + 股份公司), where the model took the brand for
 * a person: the brand is written in transliteration characters (with ·) or as a word jieba
 * tags a proper noun, and the words after it up to the company's suffix are trade words.
 */
function foreignCompanies(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  let out = names;
  for (let k = 0; k < out.length; k++) {
    const country = out[k]!;
    if (country.type !== 'PLACE' || lookupPlace(country.text)?.level !== 'country') continue;
    let i = firstTokenAfter(tokens, country.end);
    if (tokens[i]?.start !== country.end) continue;
    // The brand: one to three words, transliterated (· between them) or proper nouns.
    const brandFrom = i;
    while (i < tokens.length && i - brandFrom < 4) {
      const w = tokens[i]!.word;
      const translit = [...w].every((ch) => TRANSLIT_CHARS.has(ch) || ch === '·');
      if (!(translit || PROPER_BRAND_TAGS.has(tokens[i]!.tag)) || !/^[\u4e00-\u9fff·]+$/.test(w)) break;
      i++;
    }
    const brandEnd = i > brandFrom ? tokens[i - 1]!.end : -1;
    if (brandEnd - country.end < 2 || text[brandEnd - 1] === '·') continue;
    // Trade words, then the suffix.
    const tradeFrom = i;
    while (i < tokens.length && i - tradeFrom < 3 && !FOREIGN_COMPANY_END.test(tokens[i]!.word) && (COMPANY_TRADE.test(tokens[i]!.word) || /^(?:机械|制造|机械制造|设备|工业|国际|控股)$/.test(tokens[i]!.word))) i++;
    if (i >= tokens.length || !FOREIGN_COMPANY_END.test(tokens[i]!.word)) continue;
    const end = tokens[i]!.end;
    let last = k;
    while (last + 1 < out.length && out[last + 1]!.start < end) last++;
    if (out.slice(k + 1, last + 1).some((m) => m.end > end || m.priority >= 5 || m.type === 'ORG')) continue;
    out = [...out.slice(0, k), nameOf(text, country.start, end, 'ORG', country.priority), ...out.slice(last + 1)];
  }
  return out;
}

/**
 * A company's registered name is place, brand, trade and form (青海 + 之也 + 科技咨询有限公司):
 * where the tagger found the place and the trade but not the brand between them (one to three
 * characters, no function word), the three are one organization.
 */
function companiesWithBrand(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (let k = 0; k < names.length; k++) {
    const a = names[k]!;
    const b = names[k + 1];
    const brand = b ? text.slice(a.end, b.start) : '';
    if (a.type === 'PLACE' && b && b.type === 'ORG' && a.priority < 5 && b.priority < 5 && /^[\u4e00-\u9fff]{1,3}$/.test(brand) && !BRAND_BREAK.test(brand) && COMPANY_TRADE.test(b.text) && COMPANY_END.test(b.text)) {
      out.push(nameOf(text, a.start, b.end, 'ORG', b.priority));
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * The endings of the names of shops, workshops, clinics and schools that notices list after their
 * place (寿光市稻田镇 + 鑫旺便利店, 江口县太平镇 + 中心完小): bodies, like companies. (Hotels,
 * restaurants and farm resorts are venues, the guide's places: 桂园宾馆.)
 */
const SHOP_END = /(?:超市|便利店|商店|商行|商场|门市部|经营部|批发部|便民店|药房|药店|诊所|卫生室|门诊部|养生馆|美容院|美容店|美发店|理发店|汽修店|修理厂|修理部|维修店|维修部|加工厂|加工坊|厂|店|采石场|养殖场|中心完小|完小|中心校|初级中学|高级中学|中学|小学|幼儿园|分店)$/;
/** Where a shop's name runs on from its place: the unit or street it is in. */
const SHOP_PLACE_END = /(?:[省市县区州旗盟镇乡村]|街道|社区|大街|大道|路|街)$/;
/** A count (3家, 两所): what follows it is a kind, not a name. */
const COUNT = /^(?:[0-9０-９]|[一二三四五六七八九十两几数]+[个家座所名位条间处]?$)/;
/** Words that open a reference to many or to a kind, not a name (各中学, 全县超市, 本店). */
const SHOP_NOT_NAME = /^(?:[各全本该每这那某多其新老大小]|连锁|品牌|社区|农村|乡村|城市|街边|路边|周边|附近|当地|本地|中小|个体|民营|国有|私营|药品|食品|餐饮|零售|批发|便民|平价|网红)/;

/**
 * Shops and schools after their place are bodies: one the tagger called a place is a body
 * (鑫旺便利店), and after a place it read (…街道, …镇, …大街) a name of up to ten characters ending
 * like a shop or school, holding no verb or function word, is one (乐家福 + 超市, 中心完小), so
 * that the place joins it below.
 */
function shops(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  let out = names.map((m) => {
    if (m.priority >= 5) return m;
    if (m.type === 'PLACE' && m.end - m.start >= 4 && SHOP_END.test(m.text)) return { ...m, type: 'ORG' as const };
    // A town's central school cut before its kind: …镇中心 | 完小.
    const kind = m.type === 'ORG' && m.text.endsWith('中心') ? /^(?:完小|小学|学校|校|幼儿园)/.exec(text.slice(m.end, m.end + 3)) : null;
    return kind ? nameOf(text, m.start, m.end + kind[0].length, 'ORG', m.priority) : m;
  });
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    if (m.type !== 'PLACE' || !SHOP_PLACE_END.test(m.text)) continue;
    const next = out[k + 1];
    if (next && next.start === m.end && next.type === 'PLACE' && SHOP_PLACE_END.test(next.text)) continue; // the chain goes on
    const rest = /^[\u4e00-\u9fff]{2,12}/.exec(text.slice(m.end, m.end + 12))?.[0];
    if (!rest || SHOP_NOT_NAME.test(rest) || (next && next.start === m.end && next.type === 'ORG')) continue;
    let end = 0;
    let ending = 0;
    for (let len = 3; len <= rest.length && !end; len++) {
      const hit = SHOP_END.exec(rest.slice(0, len));
      if (hit) [end, ending] = [m.end + len, m.end + hit.index];
    }
    // A name of two characters or more before the ending, or a school's long ending alone (中心完小; 中小学 is no name).
    if (!end || (ending === m.end ? end - ending < 4 : ending - m.end < 2)) continue;
    // A name of words only: no verb, function word or count before the shop's ending.
    const words = tokensIn(tokens, m.end, end);
    // (A one-character verb inside the name is part of it: 佳客 | 来 | 超市.)
    const unfit = (t: Token, k: number) => NOT_IN_NAME.test(t.tag) && !(k > 0 && t.word.length === 1 && t.tag === 'v');
    if (!words.length || words[0]!.start > m.end || words.some((t, k) => t.end <= ending && (unfit(t, k) || FUNCTION_CHAR.test(t.word) || (t.tag === 'm' && COUNT.test(t.word))))) continue;
    const hits = out.filter((n) => n.start < end && m.end < n.end);
    if (hits.some((n) => n.end > end || n.priority >= 5 || n.type === 'PERSON')) continue;
    out = replaceHits(out, hits, nameOf(text, m.end, end, 'ORG', 2));
  }
  return out;
}

/** A township's or street's name before a body of a county or city (莫洛镇 | 县委组织部): where the body sits, not its owner. */
const LOWER_UNIT_END = /(?:镇|乡|街道|村|社区)$/;
const HIGHER_BODY = /^[省市县区州旗](?:委|政府|人大|政协|纪委|监委)/;
/** A town's or street's name and a county's or city's body read as one (莫洛镇县委组织部). */
const TOWN_THEN_HIGHER_BODY = new RegExp(`^(.{2,8}?(?:镇|乡|街道))(?=${HIGHER_BODY.source.slice(1)})`);
function lowerBeforeHigher(place: string, org: string): boolean {
  return LOWER_UNIT_END.test(place) && HIGHER_BODY.test(org);
}

/** Places directly before an organization's name belong to it (the guide: 德清县乾元镇中心小学 is one ORG). */
function placesIntoOrgs(text: string, names: Name[]): Name[] {
  const out: Name[] = [];
  for (let k = 0; k < names.length; k++) {
    const m = names[k]!;
    if (m.type !== 'PLACE' || m.priority >= 5) {
      out.push(m);
      continue;
    }
    let last = k;
    while (last + 1 < names.length && names[last + 1]!.start === names[last]!.end && names[last + 1]!.type === 'PLACE') last++;
    const org = names[last + 1];
    // An organization whose own name begins with a place (大连 of 大连理工大学) is complete: the
    // places before it stay apart (辽宁省 | 大连市 | 大连理工大学). Not after a short form, no
    // unit's suffix, which is the name's own opening (广西 + 右江鑫铝科技有限公司), unless the name
    // opens with a unit's full name (吉林 | 东丰县第五中学); nor for a shop or school, named after
    // its village or street (板桥镇 + 永兴石料厂).
    const own = org ? longestPlaceAt(text, org.start) : undefined;
    const named = own && (ADMIN_UNIT_END.test(names[last]!.text) || ADMIN_UNIT_END.test(text.slice(org!.start, own.end))) && !SHOP_END.test(org!.text) ? own : undefined;
    const single = last === k && m.end - m.start === 1; // a one-character form (访华 | 新华社)
    // An address (中街20号 | 县委组织部) names where a body sits, not the body.
    const address = /[0-9０-９]号$/.test(names[last]!.text);
    if (!org || org.type !== 'ORG' || org.start !== names[last]!.end || org.priority >= 5 || (named && named.end - org.start >= 2) || single || address || lowerBeforeHigher(names[last]!.text, org!.text) || KNOWN_ORGS.has(org.text) || KNOWN_MEDIA.has(org.text)) {
      out.push(m);
      continue;
    }
    out.push(nameOf(text, m.start, org.end, 'ORG', org.priority));
    k = last + 1;
  }
  return out;
}

/**
 * A body and its department are one organization: two adjacent organizations (中国科学院 +
 * 云南天文台), or an organization and the department words the rules found after it (科技部 +
 * 基础研究条件平台处), as long as those words hold no verb or function word.
 */
function joinDepartments(text: string, tokens: readonly Token[], names: Name[], winners: readonly Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    // A unit after its parent ends like a unit (研究所, 天文台, 学院), and the parent is no news
    // agency opening a dateline (新华社 | 联合国).
    if (
      a.type === 'ORG' && b.type === 'ORG' && a.end === b.start && a.priority < 5 && b.priority < 5 &&
      UNIT_END.test(b.text) && !KNOWN_MEDIA.has(a.text) && !KNOWN_ORGS.has(b.text)
    ) {
      out.splice(k, 2, nameOf(text, a.start, b.end, 'ORG', a.priority));
      k--;
    }
  }
  // A court's chamber and a hospital's clinical department after it are its departments
  // (…人民法院 + 立案庭, …医院 + 感染病科): words of closed lists, whatever jieba made of them.
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    if (a.type !== 'ORG' || a.priority >= 5) continue;
    const list = /(?:法院|检察院)$/.test(a.text) ? COURT_CHAMBERS : /医院$/.test(a.text) ? CLINICAL_DEPARTMENTS : null;
    const len = list ? wordAt(text, a.end, list) : 0;
    // 医院内科室: the rooms inside the hospital, no department.
    if (!len || text[a.end + len] === '室') continue;
    const end = a.end + len;
    let last = k;
    while (last + 1 < out.length && out[last + 1]!.start < end) last++;
    if (out.slice(k + 1, last + 1).some((m) => m.end > end || m.priority >= 5)) continue;
    out.splice(k, last - k + 1, nameOf(text, a.start, end, 'ORG', a.priority));
  }
  const bodies = winners.filter((c) => c.type === 'ORG' && BODY_END.test(c.text));
  return officesElsewhere(text, sweep(out, bodies, (c, inside) => {
    if (!inside.length || inside.some((m) => !contains(c, m) || m.priority >= 5 || m.type === 'PERSON')) return null;
    const first = inside[0]!;
    // The rule's name grows the model's body to the right only: a department after its body
    // (a place before a body is the tagger's to read), or after its one place (松江区 +
    // 融媒体中心); and it ends in a department's word.
    if (first.start !== c.start || (inside.length === 1 && first.end === c.end)) return null;
    // (Or after its chain of places, each a unit: 讷河市 + 拉哈镇 + 人民政府.)
    const last = inside[inside.length - 1]!;
    const chain = inside.length > 1 && inside.every((m, k) => m.type === 'PLACE' && (k === 0 || m.start === inside[k - 1]!.end) && ADMIN_UNIT_END.test(m.text));
    if (first.type !== 'ORG' && ((inside.length > 1 && !chain) || !PLACE_DEPARTMENTS.has(text.slice(last.end, c.end)))) return null;
    if (!wordsFit(text, tokens, c, inside) || !departmentTail(tokens, inside[inside.length - 1]!.end, c.end)) return null;
    return nameOf(text, c.start, c.end, 'ORG', first.priority);
  }));
}

/** The endings of laboratories' and research centres' names (…全国重点实验室, …工程技术研究中心). */
const LAB_END = /(?:全国重点实验室|国家重点实验室|省部共建重点实验室|重点实验室|联合实验室|工程技术研究中心|工程研究中心|技术创新中心|产业创新中心|制造业创新中心)/g;
/** Tags of the words of a field or subject that names a laboratory (现代 | 中 | 药制剂, 先进 | 储能 | 材料). */
const LAB_NAME_TAG = /^(?:n|nz|vn|t|f|b|j|x|ns|nr|nrt|nt|ng|an|l|a)$/;
/**
 * Words that name a kind of laboratory or zone, not one (企业技术创新中心, 高校重点实验室,
 * 一流大学城, 数字经济新片区): a name made of them only is a description.
 */
const KIND_WORDS = new Set(['企业', '高校', '技术', '工程', '科技', '产业', '行业', '国家', '省级', '市级', '省', '市', '县', '各类', '一批', '创新', '科研', '研发', '联合', '协同', '新型', '区域', '制造业', '一流', '智能', '智慧', '制造', '数字', '经济', '数字经济', '农业', '现代农业', '生态', '文化', '旅游', '文旅', '物流', '电商', '新兴', '高端', '绿色', '低碳', '综合', '示范', '特色', '大学', '高新技术', '战略性']);
/** What is done to a laboratory, tagged like a field's words (启动/vn 现代中药制剂…实验室). */
const LAB_STOP = new Set(['启动', '建设', '共建', '组建', '新建', '筹建', '成立', '申报', '获批', '认定', '依托', '打造', '推进', '首批', '新增', '现有', '重点']);

/**
 * A laboratory or research centre named by its field is one body (现代中药制剂 + 全国重点实验室,
 * 先进储能材料 + 工程技术研究中心): the words back from the ending while they can be a field's (no
 * verb, preposition, count or function word; at most twelve characters), taking in the body or
 * place the tagger read there (兰州大学 + 功能有机分子化学国家重点实验室). A name without a word of
 * its own before the ending (省级重点实验室, 各重点实验室) is a kind.
 */
function labs(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  let out = names;
  for (const z of text.matchAll(LAB_END)) {
    const endingStart = z.index;
    const end = endingStart + z[0].length;
    const k = firstTokenAfter(tokens, endingStart);
    if (tokens[k]?.start !== endingStart && !out.some((n) => n.start < endingStart && n.end > endingStart)) continue;
    let start = startBefore(tokens, k, endingStart, (t, from) => t.end <= from && LAB_NAME_TAG.test(t.tag) && /^[\u4e00-\u9fff]+$/.test(t.word) && !FUNCTION_CHAR.test(t.word) && !LAB_STOP.has(t.word) && endingStart - t.start <= 12);
    // A body or place the tagger read that runs into the words is taken in whole.
    for (const n of out) if (n.type !== 'PERSON' && n.start < start && n.end > start && n.priority < 5) start = n.start;
    const field = text.slice(start, endingStart);
    // A field of kind words only names a kind (企业 | 技术创新中心, 高校 | 重点实验室).
    if (tokensIn(tokens, start, endingStart).every((t) => KIND_WORDS.has(t.word))) continue;
    if (field.length < 2 || /^(?:省级|市级|国家级|国家|省|市|各|全|该|本|多|一批|这|那)/.test(field) && !out.some((n) => n.start === start && n.type !== 'PERSON')) continue;
    const hits = out.filter((n) => n.start < end && start < n.end);
    if (hits.some((n) => n.priority >= 5 || n.type === 'PERSON' || n.start < start || n.end > end)) continue;
    if (hits.length === 1 && hits[0]!.start === start && hits[0]!.end === end && hits[0]!.type === 'ORG') continue;
    out = replaceHits(out, hits, nameOf(text, start, end, 'ORG', 2));
  }
  return out;
}

/** Central bodies whose departments are 司 named by their field (国家林草局, 商务部, 欧盟委员会, 国家发展改革委). */
const MINISTRY_END = /(?:部|局|委|委员会|署|总署|办公室)$/;
/** jieba's tags of the words of a department's field (荒漠化 | 防治, 高校 | 学生, 贸易). */
const FIELD_TAG = /^(?:n|vn|v|nz|b|an|j|a|l|ng)$/;
/** Words after a body that say what it does, not which of its departments: 国家林草局 | 要求 | 各司. */
const NOT_FIELD = new Set(['要求', '表示', '指出', '强调', '介绍', '发布', '印发', '召开', '会同', '联合', '组织', '部署', '开展', '推进', '负责', '有关', '相关', '各', '下属', '所属', '内设', '主要', '领导', '同志']);

/**
 * A central body, then its department named by a field and 司 or 总司, are one body
 * (国家林草局 + 荒漠化防治 + 司, 欧盟委员会 + 贸易 + 总司): one to four words of the field that
 * jieba cut apart (it tags 司 as a surname), nothing else marked between.
 */
function fieldDepartments(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    if (a.type !== 'ORG' || a.priority >= 5 || !MINISTRY_END.test(a.text)) continue;
    let i = firstTokenAfter(tokens, a.end);
    if (tokens[i]?.start !== a.end) continue;
    const first = i;
    while (i < tokens.length && i - first < 4 && FIELD_TAG.test(tokens[i]!.tag) && /^[\u4e00-\u9fff]+$/.test(tokens[i]!.word) && !NOT_FIELD.has(tokens[i]!.word)) i++;
    // (A field word that is itself 司 or 总司 ends it too.)
    let end = -1;
    for (let j = i; j > first; j--) {
      const t = tokens[j];
      if (t && (t.word === '司' || t.word === '总司')) {
        end = t.end;
        break;
      }
    }
    if (end < 0 || end - a.end > 10) continue;
    const next = out[k + 1];
    if (next && next.start < end) continue;
    out[k] = nameOf(text, a.start, end, 'ORG', a.priority);
  }
  return out;
}

/** What joins the fields of a ministry's name (投资、工业和贸易部, 外交与对外经济部). */
const FIELD_JOIN = /^[、和与及]$/;
/** The fields governments name their ministries by (a closed list: 军队和内务部 is two bodies). */
const MINISTRY_FIELDS = new Set(`外交 对外 经济 投资 工业 贸易 商务 农业 农村 畜牧 渔业 林业 水利 水资源 环境 生态 气候 能源 矿产 矿业 石油 天然气 电力 交通 运输 通信 信息 数字 技术 科技 科学 创新 教育 高等教育 文化 旅游 体育 青年 卫生 健康 社会 劳动 就业 保障 发展 规划 生产 基础设施 城市 住房 建设 国土 土地 财政 金融 计划 司法 内政 国防 安全 移民 宗教 民族 妇女 儿童 家庭 海洋 航空 航天 工贸 外贸 合作 国际 一体化 区域 地方 公共 行政 服务`.split(/\s+/));

/**
 * A country's ministry whose name joins fields (匈牙利 + 外交与对外 + 经济部, 乌兹别克斯坦 + 投资、
 * 工业和 + 贸易部) is one body: the tagger kept only the last field's 部. The words between the
 * country and that body are words of fields (MINISTRY_FIELDS) and what joins them, one join at
 * least (a ministry of one field the tagger reads whole: 阿根廷生产发展部).
 */
function foreignMinistries(text: string, tokens: readonly Token[], names: Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k + 1 < out.length; k++) {
    const country = out[k]!;
    const body = out[k + 1]!;
    if (country.type !== 'PLACE' || body.type !== 'ORG' || country.priority >= 5 || body.priority >= 5 || !/(?:部|署)$/.test(body.text) || body.start - country.end > 12 || body.start <= country.end) continue;
    if (lookupPlace(country.text)?.level !== 'country') continue;
    const between = tokensIn(tokens, country.end, body.start);
    if (!between.length || between[0]!.start !== country.end || between[between.length - 1]!.end !== body.start) continue;
    // (The last field is the body's own word: 工业和 | 贸易部.)
    if (FIELD_JOIN.test(between[0]!.word) || !between.some((t) => FIELD_JOIN.test(t.word))) continue;
    if (!between.every((t) => FIELD_JOIN.test(t.word) || MINISTRY_FIELDS.has(t.word))) continue;
    out.splice(k, 2, nameOf(text, country.start, body.end, 'ORG', body.priority));
  }
  return out;
}

/** A grassroots unit's place name ends so (社区, 村, 街道, 镇, 乡, 嘎查). */
const GRASSROOTS_PLACE_END = /(?:社区|村|街道|镇|乡|嘎查)$/;
/** Whether a place's name ends in a unit's suffix, of any level down to a village (省, 县, 街道, 社区, 村, 嘎查 …). */
const isUnitPlace = (name: string) => ADMIN_UNIT_END.test(name) || GRASSROOTS_PLACE_END.test(name);
/** The bodies of a grassroots unit, named by it (…社区党委, …村村委会, …社区居委会), longest first. */
const GRASSROOTS_BODIES = ['村民委员会', '居民委员会', '党群服务中心', '股份经济合作社', '经济合作社', '党总支', '党支部', '党工委', '居委会', '村委会', '党委'];

/**
 * A community's, village's or street's body named by it, with the places before it, is one body
 * (长沙市天心区坡子街街道西牌楼社区 + 党委, 湟中区多巴镇玉拉村 + 村委会), as ANNOTATION.md has
 * 黄河路社区党支部 and a place that begins a body's name belong to it: also where the body's word
 * opens a title jieba reads whole (西牌楼社区 | 党委书记). What the model marked inside the word
 * (a bare 党支部) is taken in.
 */
function grassrootsBodies(text: string, names: Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k < out.length; k++) {
    const p = out[k]!;
    if (p.type !== 'PLACE' || p.priority >= 5 || !GRASSROOTS_PLACE_END.test(p.text)) continue;
    const word = GRASSROOTS_BODIES.find((w) => text.startsWith(w, p.end));
    if (!word) continue;
    const end = p.end + word.length;
    let last = k;
    while (last + 1 < out.length && out[last + 1]!.start < end) last++;
    if (out.slice(k + 1, last + 1).some((n) => n.priority >= 5 || n.end > end || n.type === 'PERSON')) continue;
    let first = k;
    // The places before, each a unit after the one before (长沙市 + 天心区 + 坡子街街道 + 西牌楼社区).
    while (first > 0 && out[first - 1]!.type === 'PLACE' && out[first - 1]!.end === out[first]!.start && out[first - 1]!.priority < 5 && isUnitPlace(out[first - 1]!.text)) first--;
    out.splice(first, last - first + 1, nameOf(text, out[first]!.start, end, 'ORG', p.priority));
    k = first;
  }
  return out;
}

/** A government's office in another place is one body with it: 黔南州人民政府 + 驻 + 上海联络处. */
function officesElsewhere(text: string, names: Name[]): Name[] {
  const out = names.slice();
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (a.type !== 'ORG' || b.type !== 'ORG' || a.priority >= 5 || b.priority >= 5 || b.start !== a.end + 1 || text[a.end] !== '驻' || !OFFICE_ELSEWHERE.test(b.text)) continue;
    out.splice(k, 2, nameOf(text, a.start, b.end, 'ORG', a.priority));
  }
  return out;
}

/** What a body keeps in another place (…驻上海联络处, …驻北京办事处). */
const OFFICE_ELSEWHERE = /(?:联络处|办事处|代表处|联络组|工作组|记者站)$/;

/** A court's chambers and bureaus, longest first (ANNOTATION.md: departments of a named parent). */
const COURT_CHAMBERS = ['立案庭', '民事审判庭', '刑事审判庭', '行政审判庭', '审判监督庭', '环境资源审判庭', '少年审判庭', '执行局', '民一庭', '民二庭', '民三庭', '刑一庭', '刑二庭', '行政庭', '执行庭', '审管办']
  .sort((a, b) => b.length - a.length);
/** A hospital's clinical and medical-technical departments, longest first. */
const CLINICAL_DEPARTMENTS = `内科 外科 儿科 妇科 产科 妇产科 急诊科 感染科 感染病科 心内科 心血管内科 心外科 呼吸科 呼吸内科 呼吸与危重症医学科 神经内科 神经外科 骨科 眼科 耳鼻喉科 耳鼻咽喉科
口腔科 皮肤科 肿瘤科 消化内科 肾内科 肾脏内科 内分泌科 血液科 风湿免疫科 中医科 康复科 康复医学科 麻醉科 放射科 超声科 检验科 病理科 药剂科 重症医学科 老年病科 全科医学科 普外科 普通外科
胸外科 泌尿外科 新生儿科 精神科 心理科 营养科 核医学科 介入科 急诊医学科 疼痛科 整形外科 烧伤科 肝胆外科 甲乳外科`
  .split(/\s+/)
  .sort((a, b) => b.length - a.length);

const ORG_SUFFIX_WORDS: ReadonlySet<string> = new Set(ORG_SUFFIXES);
/** What makes one body of a place's name: its government, a department, a party body (松江区 + 融媒体中心, 沈阳市 + 政府). */
const PLACE_DEPARTMENTS: ReadonlySet<string> = new Set([
  ...DEPARTMENT_WORDS,
  ...PARTY_DEPARTMENTS,
  '人民政府', '政府', '政府办公室', '人民政府办公室', '人大常委会', '政协', '委员会', '党委', '党工委', '纪委', '监委', '团委', '总工会',
]);

/**
 * Whether the words from `from` to `end` end like a department: in a suffix word of two
 * characters or more (研究所, 中心, 办公室), or in a one-character one after another word
 * (平台 | 处). A two-character word that merely ends in 队 or 馆 (组队, 开馆) is a verb.
 */
function departmentTail(tokens: readonly Token[], from: number, end: number): boolean {
  const tail = tokensIn(tokens, from, end).filter((t) => t.start >= from && t.end <= end);
  const last = tail[tail.length - 1];
  if (!last || last.end !== end) return false;
  if (ORG_SUFFIX_WORDS.has(last.word) && last.word.length >= 2) return true;
  if (last.word.length === 1) return tail.length >= 2 && ORG_SUFFIX_WORDS.has(last.word);
  return [...ORG_SUFFIX_WORDS].some((s) => s.length >= 2 && last.word.endsWith(s) && last.word.length > s.length);
}

/** Whether the words a rule's name adds to the model's names can be parts of a name. */
function wordsFit(text: string, tokens: readonly Token[], c: Name, inside: readonly Name[]): boolean {
  for (const tok of tokensIn(tokens, c.start, c.end)) {
    if (inside.some((m) => contains(m, tok))) continue;
    // An idiom of four characters (依法查处) is a phrase of the sentence, not part of a name.
    if (NOT_IN_NAME.test(tok.tag) || FUNCTION_CHAR.test(tok.word) || (tok.tag === 'l' && tok.word.length === 4)) return false;
  }
  if (c.text.endsWith('政府')) {
    const head = inside[inside.length - 1]!;
    if (head.end === c.end - 2 && !ADMIN_UNIT_END.test(text.slice(head.start, head.end))) return false;
  }
  return true;
}

/**
 * Marks further occurrences of names (2+ characters) where nothing else is marked. One pass over
 * the text: the names are grouped by their first character, and a mask says what is taken.
 */
function markRepeats(text: string, names: Name[]): Name[] {
  const byFirst = new Map<number, Name[]>();
  const seen = new Set<string>();
  for (const m of names) {
    if (m.end - m.start < 2 || seen.has(m.text)) continue;
    seen.add(m.text);
    const c = m.text.charCodeAt(0);
    const list = byFirst.get(c);
    if (list) list.push(m);
    else byFirst.set(c, [m]);
  }
  if (!byFirst.size) return names;
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  const taken = new Uint8Array(text.length + 1);
  for (const m of names) taken.fill(1, m.start, m.end);
  const out = names.slice();
  for (let at = 0; at < text.length; at++) {
    if (taken[at]) continue;
    const list = byFirst.get(text.charCodeAt(at));
    if (!list) continue;
    for (const m of list) {
      const end = at + m.text.length;
      if (!text.startsWith(m.text, at)) continue;
      let free = true;
      for (let k = at; k < end; k++) if (taken[k]) free = false;
      if (!free) continue;
      out.push(nameOf(text, at, end, m.type, 1));
      taken.fill(1, at, end);
      at = end - 1;
      break;
    }
  }
  return out.sort(byStart);
}
