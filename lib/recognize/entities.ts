/**
 * Names: PERSON, PLACE and ORG over jieba's words and POS tags. jieba is the base but never
 * trusted alone (its dictionary tags 深度 as a place and 惠民 as a name): each candidate must fit
 * how official news writes names (administrative suffixes, organization chains, bylines, names
 * beside titles) or be in the gazetteer.
 */
import type { Token } from '../segment';
import { IS_NAME, IS_PREFIX, longestPlaceAt, lookupPlace, placeStep } from './gazetteer';
import {
  BYLINE_ROLES,
  GENERIC_ORG,
  GIVEN_NAME_CHARS,
  KNOWN_ORGS,
  NAME_COMPOUND_ENDINGS,
  NOT_GIVEN_NAME_CHARS,
  NOT_ORG_SUFFIX_WORDS,
  NOT_PERSON,
  NOT_PLACE,
  ORG_HEADS,
  ORG_INNER,
  ORG_SUFFIX_MULTI,
  ORG_SUFFIX_SINGLE,
  PERSON_TITLES,
  PLACE_SUFFIXES,
  SPEECH_VERBS,
  SURNAMES_DOUBLE,
  SURNAME_HONORIFICS,
  SURNAMES_SINGLE,
  TRANSLIT_CHARS,
  DOTTED_NAME_CHARS,
  ABBR,
  NOT_PAIR,
  PAIR_NEXT,
  AFTER_TOWARDS,
  ROLE_NEXT,
  NOT_SIDE,
  TRAVEL_BEFORE,
  TRAVEL_PLACE,
  DERIVED,
  DEPARTMENT_NAMES,
} from './lexicon';
import type { Span } from './types';

/** Whether `s` is non-empty and all CJK ideographs (a loop: cheaper than a regex on short words). */
function isHan(s: string): boolean {
  if (!s.length) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}

/** A place ending so is a complete administrative unit. */
const ADMIN_END = /(?:省|市|县|区|州|盟|旗|镇|乡|街道)$/;
/** Roads and the like, which can be followed by 社区/街道/小区 in one name (黄河路社区). */
const ROAD_END = /(?:路|街|巷|大道|大街|胡同|里)$/;
/** Units that, right after a road, make one name with it. */
const UNIT_AFTER_ROAD = /^(?:社区|街道|小区|物流园区|园区)$/;
/** Suffix words that, after a known place (and sector words), make a named zone or landmark. */
const LANDMARK_SUFFIX = /^(?:高新区|经开区|开发区|工业园区|工业园|产业园|物流园区|园区|保税区|自贸区|新区|示范区|老街|古城|府城|广场|公园|大厦|机场|火车站|大桥|景区)$/;
/** Endings that make a tagged place word credible when the gazetteer does not know it. */
const PLACE_END = /(?:省|市|县|州|镇|乡|村|岛|山|河|江|湖|海|湾|峡|岭|峰|港|城|盆地|高原|半岛|群岛|平原|草原|沙漠|地区|共和国|王国|联邦|自治区|路|街|巷|大道|大街|社区|小区|街道)$/;
/** What may follow a place inside one jieba word without making it another name: 法国人, 中国式. */
const PLACE_NOUN_TAIL = /^(?:人|人民|式|籍|方|地区|一带|境内|全境|各地|各国|各省|政府|国内|队|选手|代表|同胞|侨民|首都|当局|民族|战争|族|杯|流域|沿岸|以东|以西|以南|以北|北部|南部|东部|西部|中部|大部|国情|特色|马克|元|画|武术)$/;
/** Words ending in 路 or 街 that are no roads: 新思路, 老套路. */
const GENERIC_ROAD = /(?:高速路|一条街|换路|出路|道路|线路|网路|门路|套路|电路|铁路|公路|马路|水路|陆路|退路|生路|活路|弯路|老路|新路|一路|沿路|去路|来路|领路|带路|开路|走路|上路|之路|丝路|心路|商业街|步行街|大街小巷)$/;
/** 里/路/街/巷 between a name and its community (天源 + 里 + 社区). */
const ROAD_LINK = new Set(['里', '路', '街', '巷']);
const COMMUNITY = new Set(['社区', '小区', '街道']);
/** One-word road suffixes that turn the place before them into a road name: 金川 + 路, 金阳 + 里. */
const ROAD_WORD = /^(?:路|街|巷|里|道|大道|大街|中路|东路|西路|南路|北路)$/;
/** Characters that begin function words, not names: 以老旧 is no place name. */
const FUNCTION_START = /^[以在从对向把被为与和及或将于由让使给跟同比]/;
/** Endings that make a word tagged as a name or an unknown word a place: 公明镇, 肯特郡, 清凉寺. */
const OTHER_TAG_PLACE_END = /[镇乡村县郡州寺庙岛湾港]$/;
const GENERIC_PLACE_END = /(?:城市|城乡|城镇|大城市|地区)$/;

/** Multi-character organization suffixes by their last character, longest first. */
const MULTI_SUFFIX_BY_LAST = new Map<string, string[]>();
for (const suffix of ORG_SUFFIX_MULTI) {
  const last = suffix[suffix.length - 1]!;
  const list = MULTI_SUFFIX_BY_LAST.get(last) ?? [];
  list.push(suffix);
  MULTI_SUFFIX_BY_LAST.set(last, list);
}

/** One-character suffixes that end a multi-character word naming a body: 科技厅, 教育局, 农业部. */
const WORD_FINAL_ORG_CHARS = new Set([...'局厅部委处署院所队社站馆']);
/** Last characters of organization words jieba tags `nt` (党, 军, 台, 会, 协, 团 …). */
const NT_FINAL_CHARS = new Set([...'党军台会协团组联队院所部局厅处署站馆校行司厂社委办']);
/** A ministry or bureau glued to its head's title in one word: 司法部长, 外交部长, 财政部长. */
const ORG_TITLE_WORD = /^(.+?[部局厅院])(?:长|副部长)$/;
/** 市委书记, 县委常委: a bare committee glued to a title. */
const COMMITTEE_TITLE_WORD = /^([省市县区州](?:委|纪委))(?:书记|副书记|常委|委员)$/;
/** Tags of noun-like words (jieba tags 发展局 as an idiom, `l`). */
const NOUNISH_TAGS = new Set(['n', 'nt', 'nz', 'j', 'l', 'vn', 'nr', 'ns', 'ng']);
/** 原市, 各县: a head with a modifier glued on by jieba; the name starts after it. */
const MODIFIED_HEAD = /^[原前各全本该][省市县区州]$/;

/** Every character an organization's name can end with, to skip most words at once. */
const ORG_LAST_CHARS = new Set([
  ...ORG_SUFFIX_SINGLE,
  ...ORG_SUFFIX_MULTI.map((s) => s[s.length - 1]!),
  ...'局厅部委处署院所队社站馆党团军联织协',
]);

/** Last characters of {@link NAME_COMPOUND_ENDINGS}, to skip most words at once. */
const COMPOUND_LAST_CHARS = new Set(NAME_COMPOUND_ENDINGS.map((e) => e[e.length - 1]!));

/** A bare committee of the place in context: 市委, 县委, 省委, 区委, 村委会, 镇党委. */
const PARTY_COMMITTEE = /^(?:(?:省|市|县|区|州|旗)(?:委|纪委)|纪委)$/;


/** Surnames that also begin many ordinary words: 高 (高水平), 于 (于心), 卫 (卫健), 申 (申请人). */
const AMBIGUOUS_SURNAMES = new Set([...'高于卫申蒲文金白石成安常温康宁华明南海兰甘包柏燕鲁严齐']);

/** Generic words that, right after a country or region, make no name: 非洲球队, 西藏部队. */
const GENERIC_AFTER_PLACE = /^(?:球队|部队|军队|公司|企业|总部|工厂|电视台|交界处|大部)$/;
/** What follows a known body to name one of its organs: 致公党中央, 欧佩克组织. */
const KNOWN_ORG_ORGAN = /^(?:中央|组织|总部|社|秘书处)$/;
/** Venues and facilities: places, not organizations (ANNOTATION.md: 武汉体育中心 is a PLACE). */
const VENUE_SUFFIX = /(?:体育馆|体育中心|体育场|宾馆|饭店|酒店|大厦|美术馆|博物馆|展览馆|纪念馆|大剧院|会展中心|火车站|机场)$/;

/** Transliteration characters that more often begin the next word (提供, 多次, 主席): a name is not grown over them. */
const NOT_NAME_EDGE = new Set([...'提多席治说称将为在是和等对与向以']);

/** Characters that end places and bodies; a name does not run on into them (明珠 + 巷). */
const SUFFIX_CHARS = new Set([...'省市县区州镇乡村街路巷道里局厅处委院所部队社站馆']);

/** An unknown word that is part of the sentence rather than a name: it holds a function character. */
function junkWord(word: string): boolean {
  for (const ch of word) if (FUNCTION_CHARS.has(ch)) return true;
  return FUNCTION_START.test(word);
}

/** Characters of function words: a name of a place or body made by jieba's guesswork never holds them. */
const FUNCTION_CHARS = new Set([...'的了在是与及或等为对从把被将向于由以而且但则就都也又还再只更最很太这那其们些么什怎吗呢吧啊哦嘛着过首正刚不']);

/** A dateline's tail glued before a name by jieba: 5日电 | 法国…, 本报讯 | …. */
const DATELINE = /^(?:日电|本报讯|日讯|讯|电)$/;

/** Suffixes that name nothing but bodies: a chain of words before them is a name. */
const STRONG_ORG_SUFFIX = /(?:出版社|管理局|研究所|研究院|大学|学院|医院|银行|协会|学会|委员会|基金会|联合会|促进会|办公室|总公司|集团)$/;
/** Words that make a reference, not a name: 该, 本, 各, 这 …. */
const DETERMINER = /^[该本各这那全某其此每]/;

/** Tags of words that can begin an organization's name (not person names: 养老/nr is jieba's slip). */
const HEAD_TAGS = new Set(['ns', 'nt', 'nz', 'x', 'j']);

/** POS tags of words that can be (part of) a proper name. */
const PROPER_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'nt', 'nz', 'x', 'j']);

export interface Candidate extends Span {
  /** Higher wins when overlapping candidates have the same length. */
  priority: number;
}

/**
 * How many characters at the end of `word` are an organization suffix; 0 if none. A
 * one-character suffix counts only for a word that is just that character, or for a word jieba
 * tagged as an organization (`nt`: 农业部, 中国队).
 */
function orgSuffixLength(word: string, tag = ''): number {
  if (KNOWN_ORGS.has(word)) return word.length;
  if (ORG_SUFFIX_SINGLE.has(word)) return 1;
  for (let k = 2; k <= 4 && k <= word.length; k++) if (NOT_ORG_SUFFIX_WORDS.has(word.slice(word.length - k))) return 0;
  const last = word[word.length - 1]!;
  for (const s of MULTI_SUFFIX_BY_LAST.get(last) ?? []) if (word.endsWith(s)) return s.length;

  if (word.length >= 2 && WORD_FINAL_ORG_CHARS.has(last) && NOUNISH_TAGS.has(tag)) return 1;
  if (tag === 'nt' && /(?:组织|足联|足协|联)$/.test(word)) return 1;
  // jieba's dictionary knows it as an organization and it ends like one: 中国共产党, 中央气象台.
  if (tag === 'nt' && word.length >= 3 && NT_FINAL_CHARS.has(last)) return 1;
  return 0;
}

const PLACE_SUFFIX_SET = new Set(PLACE_SUFFIXES);

/** Whether `word` is a title or role, or ends with one (社区主任, 总经理). */
function isTitle(word: string): boolean {
  if (PERSON_TITLES.has(word)) return true;
  for (let l = 2; l <= 4 && l < word.length; l++) if (PERSON_TITLES.has(word.slice(word.length - l))) return word.length - l <= 2;
  return false;
}

/** How many characters of `name` are a surname of the lists: 2 (欧阳), 1 (王) or 0. */
export function surnameLength(name: string): number {
  if (SURNAMES_DOUBLE.has(name.slice(0, 2))) return 2;
  if (SURNAMES_SINGLE.has(name[0]!)) return 1;
  return 0;
}

/**
 * How much `name` looks like a Chinese personal name: `strong` for surname + two given-name
 * characters common in names; `medium` when one of the two is; `weak` for surname + one
 * common given-name character (needs context); null otherwise.
 */
export function chineseNameStrength(name: string): 'strong' | 'medium' | 'weak' | null {
  if (!isHan(name) || name.length < 2 || name.length > 4 || NOT_PERSON.has(name)) return null;
  const s = surnameLength(name);
  if (!s) return null;
  const given = name.slice(s);
  if (given.length < 1 || given.length > 2) return null;
  let common = 0;
  for (const ch of given) {
    if (NOT_GIVEN_NAME_CHARS.has(ch)) return null;
    if (GIVEN_NAME_CHARS.has(ch)) common++;
  }
  if (given.length === 2) return common === 2 ? 'strong' : common === 1 ? 'medium' : null;
  return common === 1 ? 'weak' : null;
}

/** Whether `name` is written only in transliteration characters (a foreign name). */
function looksTransliterated(name: string): boolean {
  if (name.length < 2 || NOT_PERSON.has(name)) return false;
  for (const ch of name) if (!TRANSLIT_CHARS.has(ch)) return false;
  return true;
}

const WORD_START = 1;
const WORD_END = 2;
const ONE_CHAR_ABBREVIATION = 4;

class Tokens {
  readonly n: number;
  /** Token index → token index of the end of a gazetteer place starting there. */
  readonly placeFrom = new Map<number, number>();
  /** Token index → token index of the start of a gazetteer place ending there. */
  readonly placeTo = new Map<number, number>();

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {
    this.n = tokens.length;
    // Gazetteer names made of whole words: join words while some name can still follow.
    for (let i = 0; i < this.n; i++) {
      let joined = tokens[i]!.word;
      let step = placeStep(joined);
      if (!step) continue;
      let best = step & IS_NAME ? i : -1;
      for (let k = i + 1; k < this.n && k <= i + 3 && step & IS_PREFIX; k++) {
        joined += tokens[k]!.word;
        step = placeStep(joined);
        if (step & IS_NAME) best = k;
      }
      if (best < 0) continue;
      this.placeFrom.set(i, best);
      if (!this.placeTo.has(best)) this.placeTo.set(best, i);
    }
  }

  private edgeBits: Uint8Array | undefined;

  /** Per text offset: {@link WORD_START}, {@link WORD_END}, {@link ONE_CHAR_ABBREVIATION} bits. */
  edges(): Uint8Array {
    if (!this.edgeBits) {
      const bits = new Uint8Array(this.text.length + 2);
      for (const tok of this.tokens) {
        bits[tok.start]! |= WORD_START;
        bits[tok.end]! |= WORD_END;
        if (tok.tag === 'j' && tok.word.length === 1) bits[tok.start]! |= ONE_CHAR_ABBREVIATION;
      }
      this.edgeBits = bits;
    }
    return this.edgeBits;
  }

  word(i: number): string {
    return this.tokens[i]?.word ?? '';
  }
  tag(i: number): string {
    return this.tokens[i]?.tag ?? '';
  }
  start(i: number): number {
    return this.tokens[i]!.start;
  }
  end(i: number): number {
    return this.tokens[i]!.end;
  }
  /** A credible place word by jieba's tag alone (the gazetteer is checked separately). */
  taggedPlace(i: number): boolean {
    const tag = this.tag(i);
    if (tag !== 'ns' && tag !== 'nr' && tag !== 'nz' && tag !== 'x') return false;
    const w = this.word(i);
    // Names jieba took for persons or other proper nouns but that end like places: 公明镇, 清凉寺.
    if (!isHan(w) || NOT_PLACE.has(w) || GENERIC_PLACE_END.test(w) || GENERIC_ROAD.test(w)) return false;
    if ((tag === 'nr' || tag === 'nz' || tag === 'x') && w.length >= 3 && OTHER_TAG_PLACE_END.test(w) && !junkWord(w)) return true;
    if (tag !== 'ns') return false;
    return (PLACE_END.test(w) && w.length >= 3) || (w.length >= 3 && looksTransliterated(w));
  }
  isPlace(i: number): boolean {
    return this.placeFrom.get(i) === i || this.taggedPlace(i);
  }
}

function candidate(text: string, start: number, end: number, type: 'PERSON' | 'PLACE' | 'ORG', priority: number): Candidate {
  return { start, end, type, text: text.slice(start, end), priority };
}

/** The rules' name candidates, by the rule that found them (overlaps are resolved by the caller). */
export interface RuleCandidates {
  places: Candidate[];
  orgs: Candidate[];
  persons: Candidate[];
  /** Bylines and credits: （记者 崔永焘）, 倪立芳摄, an author's name alone on its line. */
  bylines: Candidate[];
  /** Foreign names joined by middle dots: 科菲·安南. */
  dotted: Candidate[];
  /** One-character places in compounds and after verbs of travel: 中美, 访华. */
  abbreviations: Candidate[];
}

/** Runs every name rule over a text and its tagged words. Never throws. */
export function findRuleCandidates(text: string, tokens: readonly Token[]): RuleCandidates {
  const t = new Tokens(text, tokens);
  const out: RuleCandidates = { places: [], orgs: [], persons: [], bylines: [], dotted: [], abbreviations: [] };
  findPlaces(t, out.places);
  findOrgs(t, out.orgs);
  findPersons(t, out.persons);
  findBylines(text, out.bylines);
  findNoticePersons(text, out.bylines);
  findDottedNames(text, out.dotted);
  findPlaceAbbreviations(t, out.abbreviations);
  return out;
}

/** Finds PERSON, PLACE and ORG candidates by the rules alone; overlapping ones are resolved by the caller. */
export function findNameCandidates(text: string, tokens: readonly Token[]): Candidate[] {
  const c = findRuleCandidates(text, tokens);
  return [...c.places, ...c.orgs, ...c.persons, ...c.bylines, ...c.dotted, ...c.abbreviations];
}

function findPlaces(t: Tokens, out: Candidate[]): void {
  const { text, n } = t;
  const places: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const w = t.word(i);
    const known = t.placeFrom.get(i);
    if (known !== undefined && known + 1 < n && ROAD_WORD.test(t.word(known + 1))) {
      // A place name used for a road: 金川 + 路, 金阳 + 里 (then 街道/社区 join below).
      places.push(candidate(text, t.start(i), t.end(known + 1), 'PLACE', 1));
      i = known + 1;
      continue;
    }
    if (known !== undefined && t.word(known + 1) === '时间') continue; // 北京时间
    if (known !== undefined) {
      let end = known;
      // A foreign city or region the gazetteer knows without its suffix: 维也纳 + 市.
      if (/^[市省州县]$/.test(t.word(end + 1)) && !ADMIN_END.test(t.word(end))) end++;
      // A place, sector words, then a zone or landmark word is one place: 济南高新区, 通化医药高新区, 兰州老街.
      let k = end + 1;
      while (k < n && k <= end + 3 && !LANDMARK_SUFFIX.test(t.word(k)) && ORG_INNER.has(t.word(k))) k++;
      if (k < n && LANDMARK_SUFFIX.test(t.word(k))) end = k;
      else if (k === end + 1 && k < n && !t.placeFrom.has(k) && isHan(t.word(k)) && t.tag(k) !== 'v') {
        // A proper word between a place and a landmark: 大通北川工业园.
        if (k + 1 < n && LANDMARK_SUFFIX.test(t.word(k + 1)) && PROPER_TAGS.has(t.tag(k))) end = k + 1;
      }
      places.push(candidate(text, t.start(i), t.end(end), 'PLACE', 2));
      i = end;
      continue;
    }
    // A name part followed by a place word: 黄河路, 许家沟村, 奥体广场, 八一西路, 盐桥中路.
    if (i + 1 < n && PLACE_SUFFIX_SET.has(t.word(i + 1)) && isHan(w)) {
      const suffix = t.word(i + 1);
      const tag = t.tag(i);
      const adminSuffix = /^[省市县区州乡镇]$/.test(suffix);
      const nameLike = adminSuffix ? (tag === 'ns' || tag === 'x') && !/[一二三四五六七八九十]/.test(w) :
        PROPER_TAGS.has(tag) ||
        (tag === 'm' && /路|街|巷/.test(suffix)) ||
        ((tag === 'n' || tag === 'vn' || tag === 'ng' || tag === 'nz') && w.length >= 2 && /路|街|巷|大道|广场|小区|村/.test(suffix));
      const junk = (tag === 'x' && junkWord(w)) || (w.length >= 4 && tag !== 'ns' && tag !== 'nz');
      if (nameLike && !junk && !NOT_PLACE.has(w + suffix) && !NOT_PLACE.has(w) && !ORG_HEADS.has(w) && !FUNCTION_START.test(w)) {
        places.push(candidate(text, t.start(i), t.end(i + 1), 'PLACE', 1));
        i++;
        continue;
      }
    }
    if (t.taggedPlace(i)) {
      places.push(candidate(text, t.start(i), t.end(i), 'PLACE', 0));
      continue;
    }
    // A road jieba tagged as something else: 建设路/nt, 人民路/n.
    if (w.length >= 3 && /(?:路|街|巷|大道|大街)$/.test(w) && t.tag(i) !== 'i' && t.tag(i) !== 'l' && !GENERIC_ROAD.test(w) && !NOT_PLACE.has(w) && isHan(w) && !junkWord(w)) {
      places.push(candidate(text, t.start(i), t.end(i), 'PLACE', 0));
      continue;
    }
    // A name, 里/路, then the community: 天源 + 里 + 社区.
    if (w.length === 2 && i + 2 < n && ROAD_LINK.has(t.word(i + 1)) && COMMUNITY.has(t.word(i + 2)) && isHan(w) && !FUNCTION_START.test(w)) {
      places.push(candidate(text, t.start(i), t.end(i + 2), 'PLACE', 1));
      i += 2;
      continue;
    }
    // A place and a noun cut as one word: 法国总理, 中国式, 东北地区, 美国人.
    if (w.length >= 3 && isHan(w)) {
      const hit = longestPlaceAt(text, t.start(i));
      if (hit && hit.end < t.end(i) && hit.end - t.start(i) >= 2) {
        const rest = text.slice(hit.end, t.end(i));
        // A country or province before any noun inside one word (中国画, 地球磁场) is a place too.
        const big = hit.level === 'country' || hit.level === 'province' || hit.level === 'geo';
        if (isTitle(rest) || PLACE_NOUN_TAIL.test(rest) || (big && !hit.short && (t.tag(i) === 'n' || t.tag(i) === 'nz'))) {
          places.push(candidate(text, t.start(i), hit.end, 'PLACE', 1));
        }
      }
    }
  }
  // 黄河路 + 社区 → 黄河路社区: a road and the unit named after it.
  for (let k = 0; k + 1 < places.length; k++) {
    const a = places[k]!;
    const b = places[k + 1]!;
    if (a.end === b.start && ROAD_END.test(a.text) && UNIT_AFTER_ROAD.test(b.text)) {
      places[k] = candidate(text, a.start, b.end, 'PLACE', 2);
      places.splice(k + 1, 1);
    }
  }
  // A road followed by a bare unit word that was not itself a place: 长江路 + 社区.
  for (const p of places) {
    if (!ROAD_END.test(p.text)) continue;
    const after = text.slice(p.end).match(/^(?:社区|街道|小区|物流园区)/);
    if (after) out.push(candidate(text, p.start, p.end + after[0].length, 'PLACE', 2));
  }
  out.push(...places);
}

/**
 * A zone's whole name that jieba reads as one word of any tag (杨凌农业高新技术产业示范区/l): it
 * opens its management committee's name (…示范区管理委员会).
 */
const ZONE_WORD = /^[\u4e00-\u9fff]{2,}(?:开发区|示范区|高新区|试验区|实验区|保税区|经开区|合作区|新区|工业园区?|产业园区?|科技园区?)$/;

/** Whether token `k` can begin an organization's name: a place, a proper noun or a head. */
function isOrgHead(t: Tokens, k: number): boolean {
  const w = t.word(k);
  const tag = t.tag(k);
  return (
    t.isPlace(k) ||
    ZONE_WORD.test(w) ||
    t.placeFrom.has(k) ||
    (HEAD_TAGS.has(tag) && !(tag === 'x' && junkWord(w))) ||
    ORG_HEADS.has(w) ||
    KNOWN_ORGS.has(w) ||
    w === '“' ||
    /^[0-9A-Za-z]+$/.test(w)
  );
}

function findOrgs(t: Tokens, out: Candidate[]): void {
  const { text, n } = t;
  for (let i = 0; i < n; i++) {
    const w = t.word(i);
    const last = w[w.length - 1]!;
    if ((last === '长' && w.length >= 4) || w.endsWith('书记') || w.endsWith('常委')) {
      // 市委书记 → 市委 (optional in the guide).
      const committee = COMMITTEE_TITLE_WORD.exec(w);
      if (committee) out.push(candidate(text, t.start(i), t.start(i) + committee[1]!.length, 'ORG', 0));
      // 司法部长 → 司法部, and a place before it: 美国财政部长 → 美国财政部.
      const titled = ORG_TITLE_WORD.exec(w);
      if (titled && ORG_INNER.has(titled[1]!.slice(0, -1))) {
        const from = t.placeTo.get(i - 1) ?? (t.taggedPlace(i - 1) ? i - 1 : i);
        out.push(candidate(text, t.start(from), t.start(i) + titled[1]!.length, 'ORG', 2));
      }
      continue;
    }
    if (!ORG_LAST_CHARS.has(last) && !KNOWN_ORGS.has(w)) continue;
    const suffixLen = orgSuffixLength(w, t.tag(i));
    if (KNOWN_ORGS.has(w)) {
      // A known body and its organ: 致公党中央, 欧佩克组织.
      const organ = KNOWN_ORG_ORGAN.test(t.word(i + 1)) ? i + 1 : i;
      out.push(candidate(text, t.start(i), t.end(organ), 'ORG', 4));
    }
    // A bare 市委/县委/村委会 names the committee of the place in context (optional in the guide).
    if (PARTY_COMMITTEE.test(w)) out.push(candidate(text, t.start(i), t.end(i), 'ORG', 0));
    if (!suffixLen) continue;
    // 中心户, 中心区: the suffix word runs on into another word; 所 before a verb is a particle (所提出).
    if (i + 1 < n && t.word(i + 1).length === 1 && t.tag(i + 1) === 'q' && isHan(t.word(i + 1))) continue;
    if (w === '所' && (t.tag(i + 1) === 'v' || t.tag(i + 1) === 'vn' || t.word(i + 1) === '“' || t.word(i - 1).endsWith('有'))) continue;
    // Walk left over the words an organization's name is made of. A whole name as one word
    // (国家知识产权局, 中国工程院) takes only a place before it (美国 + 国务院).
    const whole =
      KNOWN_ORGS.has(w) ||
      (t.tag(i) === 'nt' && w.length > suffixLen + 1 && (ORG_HEADS.has(w.slice(0, 2)) || !ORG_INNER.has(w.slice(0, w.length - suffixLen))));
    let j = i;
    while (j > 0) {
      if (whole) {
        const from = t.placeTo.get(j - 1);
        if (from !== undefined) j = from;
        else if (t.taggedPlace(j - 1)) j--;
        break;
      }
      const k = j - 1;
      const pw = t.word(k);
      const pt = t.tag(k);
      // A quoted or bracketed part inside a name: 市委“两新”工委, 乌鲁木齐高新区(新市区)科技局.
      const close = pw === '”' ? '“' : pw === ')' ? '(' : pw === '）' ? '（' : '';
      if (close) {
        let m = k - 1;
        while (m >= 0 && m > k - 6 && t.word(m) !== close && (t.isPlace(m) || t.placeFrom.has(m) || t.placeTo.has(m) || ORG_INNER.has(t.word(m)))) m--;
        if (m >= 0 && t.word(m) === close && m < k - 1 && m > 0) {
          j = m;
          continue;
        }
        break;
      }
      if (pw === '和' || pw === '与') {
        // 工业科技和信息化局: 和 between two sector words; 省局和省厅 joins two bodies.
        const next = t.word(j);
        const nextInner = ORG_INNER.has(next) || (j === i && ORG_INNER.has(next.slice(0, next.length - suffixLen)));
        if (k > 0 && ORG_INNER.has(t.word(k - 1)) && nextInner && !orgSuffixLength(t.word(k - 1))) {
          j = k;
          continue;
        }
        break;
      }
      if (/^[0-9A-Za-z]+$/.test(pw) && (pw.length >= 3 || /[A-Za-z]/.test(pw)) && (k === 0 || !isHan(t.word(k - 1)))) {
        j = k; // 12345接诉即办中心, G20峰会
        continue;
      }
      if (!isHan(pw)) break;
      // A word of the sentence that jieba left unknown (首破, 正由, 刚出) ends the chain, and so
      // does a person's name it left unknown (刘友明带队).
      if (pt === 'x' && (junkWord(pw) || (chineseNameStrength(pw) ?? 'weak') !== 'weak')) break;
      // A person's name is not part of an organization's (金大中 + 新政府).
      if ((pt === 'nr' || pt === 'nrfg' || pt === 'nrt') && !t.placeFrom.has(k) && !t.placeTo.has(k) && (chineseNameStrength(pw) || looksTransliterated(pw))) break;
      // Nor a person's title: 张伯礼院士团队 (but 律师 in 律师协会 is a trade).
      if (isTitle(pw) && k > 0 && chineseNameStrength(t.word(k - 1)) !== null) break;
      const placeStart = t.placeTo.get(k);
      if (placeStart !== undefined && placeStart < k) {
        j = placeStart; // a place cut into several words: 海北 + 州
        continue;
      }
      const fits =
        t.isPlace(k) ||
        PROPER_TAGS.has(pt) ||
        ORG_HEADS.has(pw) ||
        ORG_INNER.has(pw) ||
        orgSuffixLength(pw) > 0 ||
        ((pt === 'n' || pt === 'vn' || pt === 'b' || pt === 'ng') && pw.length >= 2) ||
        ZONE_WORD.test(pw);
      if (!fits) break;
      j = k;
      // A one-character head (省, 市, 县) begins a short form; nothing before it belongs to it.
      if (ORG_HEADS.has(pw) && pw.length === 1) break;
    }
    if (j === i && w.length === suffixLen) continue;
    // The name starts at its first distinctive word: a place, a proper noun or a head.
    let h = j;
    while (h < i && (!isOrgHead(t, h) || DATELINE.test(t.word(h)))) h++;
    const quoted = t.word(j - 1) === '“' && t.word(i + 1) === '”'; // “小哥志愿服务队”
    if (h === i && quoted && j < i) h = j;
    // A name made of common words before a suffix that only names bodies (语文出版社,
    // 机场管理局): no head is needed when at least two words stand before it.
    if (h === i && i - j >= 2 && STRONG_ORG_SUFFIX.test(w) && !DETERMINER.test(t.word(j))) h = j;
    if (h === i) {
      // Only the suffix word itself may be distinctive: 中国科学院, 青海大学 as one word.
      const stem = w.slice(0, w.length - suffixLen);
      const trusted = t.tag(i) === 'nt'; // jieba's dictionary knows it as an organization: 农业部, 中国工程院
      if (!stem || (!trusted && (ORG_INNER.has(stem) || !(PROPER_TAGS.has(t.tag(i)) || lookupPlace(stem))))) continue;
    }
    const start = t.start(h) + (MODIFIED_HEAD.test(t.word(h)) ? 1 : 0);
    const end = t.end(i);
    const name = text.slice(start, end);
    if (GENERIC_ORG.has(name) || name.length < 3) continue;
    // A head alone before the suffix (省局, 市委) is a generic reference, not a name; so is a
    // head in a list of heads (各市、州市场监管局).
    const headWord = t.word(h);
    // A department's name after the head names one body in context (市 + 公安局 on a list of
    // units: 省知识产权局 in the guide), also when jieba cut the department as one word.
    if (h + 1 === i && ORG_HEADS.has(headWord) && headWord.length === 1 && w.length === suffixLen && !DEPARTMENT_NAMES.has(w)) continue;
    if (headWord.length === 1 && ORG_HEADS.has(headWord) && (t.word(h - 1) === '、' || t.word(h - 1).startsWith('各'))) continue;
    // A country or region and a generic word (非洲球队, 美国军队) is no name.
    if (h + 1 === i && (t.isPlace(h) || t.placeFrom.has(h)) && GENERIC_AFTER_PLACE.test(w)) continue;
    // Venues and facilities with a name are places (中国美术馆, 虹口体育馆); a place with a
    // proper name after it stands apart (上海 + 虹口体育馆).
    if (VENUE_SUFFIX.test(w)) {
      const split = (t.placeFrom.get(h) ?? -1) + 1;
      const venueStart = split > h && split < i && HEAD_TAGS.has(t.tag(split)) ? t.start(split) : start;
      out.push(candidate(text, venueStart, end, 'PLACE', 3));
      continue;
    }
    out.push(candidate(text, start, end, 'ORG', 3));
  }
}

/**
 * A transliterated name, grown over the transliteration characters jieba cut off on either
 * side (哈/比比, 斯特罗/耶夫), up to eight characters.
 */
function transliteratedName(text: string, start: number, end: number, priority: number): Candidate {
  const grows = (ch: string | undefined) => ch !== undefined && TRANSLIT_CHARS.has(ch) && !FUNCTION_CHARS.has(ch) && !NOT_NAME_EDGE.has(ch);
  while (start > 0 && end - start < 8 && grows(text[start - 1])) start--;
  while (end < text.length && end - start < 8 && grows(text[end])) end++;
  return candidate(text, start, end, 'PERSON', priority);
}

function titleAt(t: Tokens, k: number): boolean {
  return k >= 0 && k < t.n && isTitle(t.word(k));
}
function speechAt(t: Tokens, k: number): boolean {
  return k < t.n && SPEECH_VERBS.has(t.word(k));
}
function nameAt(t: Tokens, k: number): boolean {
  return k >= 0 && k < t.n && chineseNameStrength(t.word(k)) !== null;
}

/** Whether token `i` opens the text or a line of it (a page's text holds many paragraphs). */
function lineStart(t: Tokens, i: number): boolean {
  return i === 0 || t.word(i - 1).endsWith('\n');
}

/** Whether the words around token `i` support a name there. */
function nameContext(t: Tokens, i: number): boolean {
  return (
    (lineStart(t, i) && t.tag(i) === 'x') || // an unknown word opening the paragraph: the author's line
    titleAt(t, i - 1) ||
    titleAt(t, i + 1) ||
    speechAt(t, i + 1) ||
    t.word(i + 1) === '摄' ||
    (t.word(i - 1) === '、' && nameAt(t, i - 2)) ||
    (t.word(i + 1) === '、' && nameAt(t, i + 2)) ||
    (t.word(i + 1) === '等' && nameAt(t, i - 2))
  );
}

function findPersons(t: Tokens, out: Candidate[]): void {
  const { text, n } = t;
  const title = (k: number) => titleAt(t, k);
  const speech = (k: number) => speechAt(t, k);
  for (let i = 0; i < n; i++) {
    const w = t.word(i);
    const tag = t.tag(i);
    // A trophy named after a person: 尤伯杯 → 尤伯, 戴维斯杯 → 戴维斯 (names inside names are marked).
    if (w.length >= 3 && w.endsWith('杯') && looksTransliterated(w.slice(0, -1))) {
      out.push(candidate(text, t.start(i), t.end(i) - 1, 'PERSON', 1));
      continue;
    }
    // 邓小平理论, 毛泽东思想, 马克思主义: the name inside.
    if (w.length >= 4 && COMPOUND_LAST_CHARS.has(w[w.length - 1]!)) {
      const ending = NAME_COMPOUND_ENDINGS.find((e) => w.endsWith(e) && w.length > e.length + 1);
      const stem = ending ? w.slice(0, w.length - ending.length) : '';
      if (stem && (chineseNameStrength(stem) === 'strong' || (stem.length >= 3 && looksTransliterated(stem)))) {
        out.push(candidate(text, t.start(i), t.start(i) + stem.length, 'PERSON', 2));
        continue;
      }
    }
    if (w.length === 1) {
      // A bare surname before an honorific: 李老师, 陈小姐, 胡老.
      if (SURNAMES_SINGLE.has(w) && SURNAME_HONORIFICS.has(t.word(i + 1)) && !(t.word(i - 1).length === 1 && isHan(t.word(i - 1)))) {
        out.push(candidate(text, t.start(i), t.end(i), 'PERSON', 1));
        continue;
      }
      // A title followed by a surname and a given name cut into single characters: 主任 赵 刚.
      if (SURNAMES_SINGLE.has(w) && title(i - 1)) {
        let name = w;
        for (let k = i + 1; k < n && k <= i + 2 && name.length < 3; k++) {
          const g = t.word(k);
          if (!isHan(g) || name.length + g.length > 3) break;
          name += g;
        }
        if (name.length >= 2 && chineseNameStrength(name)) out.push(candidate(text, t.start(i), t.start(i) + name.length, 'PERSON', 2));
      }
      continue;
    }
    if ((tag !== 'nr' && tag !== 'nrfg' && tag !== 'nrt' && tag !== 'x') || !isHan(w)) {
      // A surname cut from a given name that jieba took for a place or a word, with a title
      // before or a verb of saying after: 党员 邵/nr 海山/ns 说, 警长 马/n 福林/ns.
      if (w.length === 2 && isHan(w) && i > 0 && SURNAMES_SINGLE.has(t.word(i - 1)) && (title(i - 2) || speech(i + 1))) {
        const full = t.word(i - 1) + w;
        if (chineseNameStrength(full)) out.push(candidate(text, t.start(i - 1), t.end(i), 'PERSON', 3));
      }
      continue;
    }
        // A surname split from its given name: 黄/a 海燕/nr.
    if (w.length === 2 && i > 0 && t.word(i - 1).length === 1 && SURNAMES_SINGLE.has(t.word(i - 1))) {
      const full = t.word(i - 1) + w;
      const before = t.word(i - 2);
      if (chineseNameStrength(full) === 'strong' && !(before.length === 1 && isHan(before))) {
        out.push(candidate(text, t.start(i - 1), t.end(i), 'PERSON', 3));
        continue;
      }
    }
    // A given name's last character cut off: 林子/nr 妍/zg, 县委书记 汪明/nr 新, 局长 申长/x 雨 表示.
    const nextChar = t.word(i + 1);
    if (w.length === 2 && (tag === 'nr' || (tag === 'x' && SURNAMES_SINGLE.has(w[0]!))) && nextChar.length === 1 && isHan(nextChar) && !FUNCTION_CHARS.has(nextChar) && !SPEECH_VERBS.has(nextChar) && !SUFFIX_CHARS.has(nextChar)) {
      const full = w + nextChar;
      const around = title(i - 1) || speech(i + 2) || title(i + 2) || t.word(i + 2) === '、' || t.word(i - 1) === '、';
      if (chineseNameStrength(full) && around) {
        out.push(candidate(text, t.start(i), t.end(i + 1), 'PERSON', 3));
        continue;
      }
    }
    // 老于, 小王: a surname after 老 or 小 (the familiar prefix stays outside).
    if (w.length === 2 && (w[0] === '老' || w[0] === '小') && SURNAMES_SINGLE.has(w[1]!) && !AMBIGUOUS_SURNAMES.has(w[1]!)) {
      out.push(candidate(text, t.start(i) + 1, t.end(i), 'PERSON', 1));
      continue;
    }
    // A surname and an honorific as one word: 李老师, 毛主席 → the surname.
    if (w.length >= 2 && SURNAMES_SINGLE.has(w[0]!) && SURNAME_HONORIFICS.has(w.slice(1))) {
      out.push(candidate(text, t.start(i), t.start(i) + 1, 'PERSON', 2));
      continue;
    }
    const strength = chineseNameStrength(w);
    // A word in quotation marks is a term, not a name: “金点子”.
    if (t.word(i - 1) === '“' && t.word(i + 1) === '”') continue;
    if (strength) {
      // Surnames that are also common word starts (高水平, 于心, 卫健) need context unless the
      // given name is plainly a name.
      const ambiguous = AMBIGUOUS_SURNAMES.has(w[0]!);
      const enough =
        strength === 'strong' ||
        (!ambiguous && (strength === 'medium' || (strength === 'weak' && tag === 'x'))) ||
        nameContext(t, i);
      if (enough) out.push(candidate(text, t.start(i), t.end(i), 'PERSON', 2));
      continue;
    }
    // A two-character unknown word, surname and any given character, beside a title or a verb of
    // saying: 吴宓先生, 宋双、….
    if ((tag === 'x' || tag === 'nr') && w.length === 2 && SURNAMES_SINGLE.has(w[0]!) && !NOT_GIVEN_NAME_CHARS.has(w[1]!) && !NOT_PERSON.has(w) && nameContext(t, i)) {
      out.push(candidate(text, t.start(i), t.end(i), 'PERSON', 1));
      continue;
    }
    // jieba's name tag, or its unknown-word model, on a three-character word with a surname and
    // no function characters: the HMM rarely makes such a word of anything but a name.
    if ((tag === 'nr' || tag === 'nrfg' || tag === 'x') && w.length === 3 && surnameLength(w) === 1 && !NOT_GIVEN_NAME_CHARS.has(w[1]!) && !NOT_GIVEN_NAME_CHARS.has(w[2]!) && !NOT_PERSON.has(w) && (!AMBIGUOUS_SURNAMES.has(w[0]!) || nameContext(t, i))) {
      out.push(candidate(text, t.start(i), t.end(i), 'PERSON', 1));
      continue;
    }
    // A transliterated name jieba cut in two: 赫里斯/nrt 坚科/x.
    if ((tag === 'nrt' || tag === 'nr') && looksTransliterated(w) && i + 1 < n && looksTransliterated(t.word(i + 1)) && t.tag(i + 1) !== 'ns' && !lookupPlace(t.word(i + 1))) {
      out.push(transliteratedName(text, t.start(i), t.end(i + 1), 2));
      continue;
    }
    // jieba's dictionary of transliterated names: 麦克阿瑟, 罗纳尔多, 亨特.
    if (tag === 'nrt' && w.length >= 4 && !lookupPlace(w) && !NOT_PERSON.has(w)) {
      out.push(transliteratedName(text, t.start(i), t.end(i), 1));
      continue;
    }
    if (looksTransliterated(w) && !lookupPlace(w)) {
      if (w.length >= 3 || nameContext(t, i)) out.push(transliteratedName(text, t.start(i), t.end(i), 1));
    }
  }
}

const ROLE_ALT = BYLINE_ROLES.map((r) => r.replace('/', '\\/')).join('|');
/** A paper or agency before the role: （人民日报记者 房立言）, 新华社记者. */
const MEDIA_BEFORE_ROLE = '[\\u4e00-\\u9fff]{2,8}?(?=记者|通讯员|摄影记者)';
/**
 * A name in a byline: 2–4 characters, or a two-character name padded to the width of three with
 * a space between surname and given name, as papers print them (王 浩).
 */
const BYLINE_NAME = '(?:[\\u4e00-\\u9fff][ 　][\\u4e00-\\u9fff](?![\\u4e00-\\u9fff])|[\\u4e00-\\u9fff·]{2,4})';
const BYLINE = new RegExp(
  `(?<=^|[（(【\\[\\s□■●◎|｜讯电。！？；])(?:${MEDIA_BEFORE_ROLE})?(?:${ROLE_ALT})[ \\t　:：|｜]*((?:(?!(?:${ROLE_ALT})[ \\t　:：|｜])${BYLINE_NAME}(?:[ \\t　、,，]+|(?=[）)】\\]\\n|｜]|$)))+)`,
  'g',
);
/** The names of a byline's group, one by one. */
const BYLINE_NAMES = new RegExp(BYLINE_NAME, 'g');
/** Words after the names of a byline that are no name: 摄影报道, 报道, 摄. */
const BYLINE_TAIL = /^(?:摄影报道|综合报道|参与采写|报道|摄影|摄|供图|制图|整理)$/;
const CREDIT = /(?:^|[\s　（(】\]、，,。])([\u4e00-\u9fff][ 　][\u4e00-\u9fff]|[\u4e00-\u9fff]{2,3})[ \t　/／]*摄(?=[\s　）)\n。与和]|$)/g;
/** An author's name alone on its line, or before the text after a space: 高吉楠 截至目前…. */
const AUTHOR_LINE = /(?:^|\n)[\s　]*([\u4e00-\u9fff]{2,3})(?=[\s　]*(?:\n|$)|[ 　]+\S)/g;

/** A name of a notice that must look like a Chinese one (a surname first) and be no place. */
const chineseName = (name: string) => chineseNameStrength(name) !== null && !NOT_PERSON.has(name) && !lookupPlace(name);

/**
 * The people personnel and penalty notices name, each pattern with a cue the text must hold for
 * it to be run and a check of the name it captures (group 1; the `d` flag gives its offsets).
 */
const NOTICE_PERSONS: ReadonlyArray<{ cue: RegExp; pattern: RegExp; name: (name: string) => boolean }> = [
  // A cadre's profile opening with the name (苟立新，男，汉族，1979年2月生).
  { cue: /[男女]/, pattern: /(?:^|[\n；;。])[\s　]*([\u4e00-\u9fff]{2,4})(?=[，,（(](?:男|女)[，,、）)])/dg, name: chineseName },
  // The person an appointment or removal names (任命匡丽华为…, 免去莫光明的…职务).
  { cue: /任命|免去|聘任|聘请|提名|推荐|决定/, pattern: /(?:任命|免去|聘任|聘请|提名|推荐|决定)([\u4e00-\u9fff]{2,4}?)(?:同志)?(?=为|的|担任|兼任|任|同志)/dg, name: chineseName },
  // A notice's contact (联系人：佟立新).
  { cue: /联系人/, pattern: /联系人[：:\s　]*([\u4e00-\u9fff]{2,4}?)(?=[\s　，,；;（(、/]|电话|手机|$)/dg, name: chineseName },
  // A person a notice masks, by surname and 某, after a party's role or in a list (当事人刘某, 被告人赵某某, 、钱某某).
  {
    cue: /某/,
    pattern: /(?:当事人|被告人|犯罪嫌疑人|嫌疑人|被害人|受害人|原告|被告|申请人|被申请人|上诉人|被执行人|经营者|负责人|法定代表人|雇员|员工|村民|居民|患者|驾驶人|司机|男子|女子|[、，,：:（(])[ 　]?([\u4e00-\u9fff]某某?)(?![\u4e00-\u9fff]*?(?:公司|单位|企业|部门|地|处|村|镇|县|市))/dg,
    name: (name) => SURNAMES_SINGLE.has(name[0]!),
  },
];

/** People named by personnel and penalty notices (see {@link NOTICE_PERSONS}), as sure as bylines. */
function findNoticePersons(text: string, out: Candidate[]): void {
  for (const { cue, pattern, name: fits } of NOTICE_PERSONS) {
    if (!cue.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!;
      if (!fits(name)) continue;
      const [start, end] = m.indices![1]!;
      out.push({ start, end, type: 'PERSON', text: name, priority: 5 });
    }
  }
}

/** A foreign name in parts joined by a middle dot: 科菲·安南, 鲍里斯·贝克尔. */
const DOTTED_NAME = /[\u4e00-\u9fff]{1,8}(?:[·•‧・][\u4e00-\u9fff]{1,8})+/g;

/** Foreign names written with middle dots, when the parts are transliterations. */
function findDottedNames(text: string, out: Candidate[]): void {
  if (!/[·•‧・]/.test(text)) return;
  const pattern = new RegExp(DOTTED_NAME.source, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    // The regex takes whole runs of Han characters; the name is the transliterated part next to
    // the dots: 秘书长科菲·安南 → 科菲·安南, 玛格丽特·里德说 → 玛格丽特·里德.
    const parts = m[0].split(/([·•‧・])/);
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    let head = first.length;
    while (head > 0 && DOTTED_NAME_CHARS.has(first[head - 1]!)) head--;
    let tail = 0;
    while (tail < last.length && DOTTED_NAME_CHARS.has(last[tail]!)) tail++;
    const middle = parts.slice(2, -2).filter((_part, k) => k % 2 === 0);
    if (first.length - head < 1 || tail < 1 || middle.some((p) => ![...p].every((c) => DOTTED_NAME_CHARS.has(c)))) {
      // No name here; one may start after this first dot.
      pattern.lastIndex = m.index + first.length + 1;
      continue;
    }
    const start = m.index + head;
    const end = m.index + m[0].length - (last.length - tail);
    out.push({ start, end, type: 'PERSON', text: text.slice(start, end), priority: 4 });
    // The next name may start right after this one, inside the run the regex took
    // (努尔太和妻子古丽娜尔·叶尔波拉提: 古丽娜尔 is the next name's first part).
    pattern.lastIndex = end;
  }
}

/** Bylines and photo credits: （记者 崔永焘）, （特约记者 苏烽 闻皓）, 倪立芳摄. */
function findBylines(text: string, out: Candidate[]): void {
  const roles = BYLINE_ROLES.some((r) => text.includes(r));
  for (const m of roles ? text.matchAll(BYLINE) : []) {
    const group = m[1]!;
    const groupStart = m.index + m[0].length - group.length;
    for (const nm of group.matchAll(BYLINE_NAMES)) {
      const name = nm[0];
      if (BYLINE_ROLES.includes(name) || NOT_PERSON.has(name) || BYLINE_TAIL.test(name)) continue;
      const start = groupStart + nm.index;
      out.push({ start, end: start + name.length, type: 'PERSON', text: name, priority: 5 });
    }
  }
  for (const m of text.matchAll(AUTHOR_LINE)) {
    const name = m[1]!;
    // A place alone on its line is a menu item (江苏 ⏎ 浙江), not an author.
    if (chineseNameStrength(name) === null || lookupPlace(name)) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, type: 'PERSON', text: name, priority: 4 });
  }
  for (const m of text.includes('摄') ? text.matchAll(CREDIT) : []) {
    const name = m[1]!;
    // (A two-character name printed with a space between its characters: 胡 斌 摄.)
    if (!chineseNameStrength(name.replace(/[ 　]/, ''))) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, type: 'PERSON', text: name, priority: 5 });
  }
}

const HAN_CHAR = /[\u3400-\u9fff]/;
/** One-character country forms that are seldom anything else when standing alone (not 法, 日, 美 …). */
const UNAMBIGUOUS_FORM = new Set([...'俄韩朝越菲泰缅柬叙伊埃墨澳葡']);
/** What follows a place after 驻/访/来 inside one word: 驻华大使, 来华投资. */
const STAY_NEXT = ['大使', '使馆', '使节', '代表', '办事处', '机构', '工商', '投资', '期间', '访问', '记者', '外交官'];
/** Every character one of the rules below can mark. */
const ABBR_CANDIDATE = new RegExp(`[${[...ABBR, ...TRAVEL_PLACE, ...DERIVED.keys()].join('')}]`, 'g');

/** One-character places in compounds and after verbs of travel: 中美, 中俄关系, 访华, 抵京. */
function findPlaceAbbreviations(t: Tokens, out: Candidate[]): void {
  const { text } = t;
  // Where words start and end: a one-character place must not be the middle of a word (升华人们).
  const edges = t.edges();
  const starts = { has: (at: number) => (edges[at]! & WORD_START) !== 0 };
  const ends = { has: (at: number) => (edges[at]! & WORD_END) !== 0 };
  const abbreviationAt = { has: (at: number) => (edges[at]! & ONE_CHAR_ABBREVIATION) !== 0 };
  const push = (at: number) => out.push(candidate(text, at, at + 1, 'PLACE', 0));
  const startsAny = (at: number, list: readonly string[]) => list.some((w) => text.startsWith(w, at));
  for (const m of text.matchAll(ABBR_CANDIDATE)) {
    const i = m.index;
    const c = m[0];
    if (ABBR.has(c)) {
      const next = text[i + 1] ?? '';
      if (ABBR.has(next) && startsAny(i + 2, PAIR_NEXT)) {
        push(i);
        push(i + 1);
        continue;
      }
      // 中、阿建交: two forms in a list before a word of relations.
      if (next === '、' && ABBR.has(text[i + 2] ?? '') && startsAny(i + 3, PAIR_NEXT)) {
        push(i);
        push(i + 2);
        continue;
      }
      if ('对与同向'.includes(text[i - 1] ?? '') && startsAny(i + 1, AFTER_TOWARDS)) {
        push(i);
        continue;
      }
      if (c !== '新' && starts.has(i) && startsAny(i + 1, ROLE_NEXT) && !(next === '方' && NOT_SIDE.has(text[i + 2] ?? ''))) {
        // The form is a word of its own, or one word with its role (俄/j 总统, 俄总统/n).
        const role = ROLE_NEXT.find((r) => text.startsWith(r, i + 1))!;
        const before = text[i - 1] ?? '';
        if (ends.has(i + 1) || ends.has(i + 1 + role.length) || !HAN_CHAR.test(before) || '对与同和向助援'.includes(before)) {
          push(i);
          continue;
        }
      }
    }
    if (TRAVEL_PLACE.has(c) && i > 0) {
      const before = text[i - 1]!;
      const after = text[i + 1] ?? '';
      // 访华, 驻华 as a word of their own, or the start of one with what they concern (驻华大使).
      const alone = (starts.has(i - 1) && (ends.has(i + 1) || startsAny(i + 1, STAY_NEXT))) || (starts.has(i) && ends.has(i));
      if ((TRAVEL_BEFORE.has(before) || (before === '在' && '京沪港澳'.includes(c))) && after !== '国' && after !== '人' && alone) {
        push(i);
        continue;
      }
    }
    // A pair of country forms as one word (中美, 印巴, 欧美), or one form jieba calls an
    // abbreviation by itself (俄/j 将大力…).
    if (ABBR.has(c) && starts.has(i)) {
      const pair = text.slice(i, i + 2);
      if (ends.has(i + 2) && ABBR.has(text[i + 1] ?? '') && !NOT_PAIR.has(pair)) {
        push(i);
        push(i + 1);
        continue;
      }
      if (ends.has(i + 1) && abbreviationAt.has(i) && UNAMBIGUOUS_FORM.has(c)) {
        push(i);
        continue;
      }
    }
    const derived = DERIVED.get(c);
    if (derived && derived.includes(text[i + 1] ?? '') && starts.has(i)) push(i);
  }
}
