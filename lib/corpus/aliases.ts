/**
 * Aliases of one entity: the rule that says when two names written in the news name the same
 * person, place, body or document, and the full (canonical) name of a short form.
 *
 * Pure TypeScript (no Node or DOM APIs); runs unchanged in Node and in the extension.
 *
 * ## The alias rule
 *
 * Every name is first normalized: NFKC (full-width Latin, digits and brackets to half-width),
 * white space removed (page layout puts spaces inside names), traditional characters written in
 * simplified (only for the key: {@link canonicalName} keeps the characters as written).
 *
 * **Places** (`PLACE`). A place is its *stem* and its *level*, read from its administrative
 * suffix: 省 (also 自治区 and 特别行政区: province level), 市, 州 (also 自治州), 盟, 地区, 县 (also
 * 自治县), 旗 (also 自治旗), 区, 镇, 乡 (also 民族乡). The suffix is taken off only when at least two
 * characters remain (兰州, 沙县, 沙市 keep theirs) and, for 区, only from a district, not from a
 * zone or generic area (济南高新区, 浦东新区, 长江路社区, 新城区 stay whole). The ethnic names of an
 * autonomous unit go with its suffix: 海西蒙古族藏族自治州 and 海西州 are both 海西 + 州, 大通回族土族自治县
 * and 大通县 are 大通 + 县, 新疆维吾尔自治区 and 新疆 are 新疆 + province. A name without a suffix
 * (青海, 德令哈) takes the level of the first place of the context with the same stem and a level
 * (德令哈 in an article that also says 德令哈市 is 德令哈市); failing that, a province-level unit's
 * short name (the 34 of {@link PROVINCES}: 青海 → 青海省, 北京 → 北京市, 新疆 → 新疆维吾尔自治区) is that unit;
 * any other bare name keeps no level.
 * Key: `PLACE|stem|level` (`PLACE|青海|省`), or `PLACE|name` without a level. Two places with the
 * same stem and different levels are different (吉林省 ≠ 吉林市, 通化市 ≠ 通化县); a bare name whose
 * level is unknown (金昌 in an article that never says 金昌市) may be any of them: its key
 * `PLACE|金昌` is the *family* of the leveled keys (see {@link keyFamily}), and the profile of 金昌市
 * gathers it.
 *
 * **Short forms of bodies** (`ORG`). A body's name that starts with a level word (省, 市, 县, 区,
 * 州, 盟, 旗, 镇, 乡, 自治区, 自治州, 自治县, 自治旗: 省知识产权局, 市发改委, 县融媒体中心, 省局知识产权公共服务处,
 * 市委) belongs to the first place of the context of that kind: 省 to the first province (its full
 * name: a context that says 青海 gives 青海省), 自治区 to the first autonomous region, 市 to the first
 * 市 (municipalities included: 北京市), 州 to the first 州 or 自治州, 县 to the first 县 or 自治县, 旗
 * likewise, 区 to the first district (failing one, the first autonomous region: 区党委 in Xinjiang
 * news), 镇, 乡, 盟 to the first of theirs. 省知识产权局 with 青海省 in the context is 青海省知识产权局;
 * with 甘肃省 it is 甘肃省知识产权局, another body; with no province in the context it stays
 * 省知识产权局 (and shares its key only with other unresolved 省知识产权局). Not level words: a level
 * character that begins a word (市场监管局, 区块链协会, 县域, 省级, 乡村振兴局 — but 市市场监管局 is 市 +
 * 市场监管局) or a place's name (镇江市, 市中区, 乡城县: {@link PLACE_STEMS_AT_LEVEL_CHARS}).
 *
 * **Standard abbreviations** of government bodies ({@link ABBREVIATIONS}: 市场监管局 ↔ 市场监督管理局,
 * 发改委 ↔ 发展和改革委员会, 工信厅 ↔ 工业和信息化厅, 政府 ↔ 人民政府 …) are written in full where the
 * abbreviation starts the name or follows a level character (省市县区州盟旗) or 国家, 国务院, 中央:
 * 青海省市场监管局 is 青海省市场监督管理局, 国家发展改革委 is 国家发展和改革委员会, but 县教育和科技局
 * keeps its 科技局 (it follows 和: the body's own name). A few national bodies' whole-name
 * abbreviations too (国知局 ↔ 国家知识产权局). In a body's name, an autonomous unit's ethnic names
 * are dropped for the key as for places (海西蒙古族藏族自治州市场监督管理局 ~ 海西州市场监督管理局), and so is a
 * leading 中共 / 中国共产党 (中共青海省委 ~ 青海省委).
 * Key: `ORG|full form` (`ORG|青海省知识产权局`). 国家知识产权局 and 青海省知识产权局 are different keys.
 *
 * **Other types**: people and documents by their normalized text (documents without their
 * 《》 brackets); figures by their normalized text.
 *
 * The rule is general (administrative suffixes, the province-level units, the ethnic groups, the
 * standard abbreviations); nothing in it is taken from the corpus's own records.
 */
import type { SpanType } from '../recognize/types';
import { toSimplified } from '../text/variants';

/** What an alias is read against: the places the article or page mentions, most relevant first. */
export interface AliasContext {
  readonly places: readonly string[];
}

/** The level of a place in a key (see the module comment). */
export type AdminLevel = '省' | '市' | '州' | '盟' | '地区' | '县' | '旗' | '区' | '镇' | '乡';

/**
 * The 34 province-level units: short name → full name. Municipalities are 市 (北京 → 北京市),
 * autonomous regions and special administrative regions have their full names.
 */
export const PROVINCES: ReadonlyMap<string, string> = new Map(
  (
    '北京市 天津市 上海市 重庆市 河北省 山西省 内蒙古自治区 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 ' +
    '江西省 山东省 河南省 湖北省 湖南省 广东省 广西壮族自治区 海南省 四川省 贵州省 云南省 西藏自治区 陕西省 ' +
    '甘肃省 青海省 宁夏回族自治区 新疆维吾尔自治区 台湾省 香港特别行政区 澳门特别行政区'
  )
    .split(' ')
    .map((full) => [full.replace(/(?:壮族|回族|维吾尔)?(?:自治区|特别行政区|省|市)$/, ''), full] as const),
);

/** The 56 ethnic groups of China, without 族 (longest first in the pattern below). */
const ETHNIC_GROUPS =
  '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
  '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 ' +
  '保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺';
const ETHNIC = `(?:${ETHNIC_GROUPS.split(' ')
  .sort((a, b) => b.length - a.length)
  .join('|')})`;
/** An autonomous unit's full name: stem, ethnic names, 自治 + unit. */
const AUTONOMOUS_RE = new RegExp(`^(.{2,}?)(?:${ETHNIC}族?)+自治(区|州|县|旗)$`);
/** A 民族乡: stem, ethnic names, 乡. */
const ETHNIC_TOWNSHIP_RE = new RegExp(`^(.{2,}?)(?:${ETHNIC}族)+乡$`);
/**
 * Ethnic names before an autonomous unit's word inside a longer name (for keys), after at least
 * two characters of the unit's stem. 族 may be left out (新疆维吾尔自治区, 伊犁哈萨克自治州); 内蒙古自治区
 * has no ethnic name (its 蒙古 is the stem's).
 */
const ETHNIC_IN_NAME_RE = new RegExp(`(?<=[\\u3400-\\u9fff]{2})(?<!内)(?:${ETHNIC}族?)+自治(区|州|县|旗)`, 'g');

/**
 * Administrative suffixes, longest first: suffix → level in keys, and the kind a short form's
 * level word is matched against.
 */
const SUFFIXES: ReadonlyArray<readonly [suffix: string, level: AdminLevel]> = [
  ['特别行政区', '省'],
  ['自治区', '省'],
  ['自治州', '州'],
  ['自治县', '县'],
  ['自治旗', '旗'],
  ['地区', '地区'],
  ['省', '省'],
  ['州', '州'],
  ['盟', '盟'],
  ['县', '县'],
  ['旗', '旗'],
  ['市', '市'],
  ['区', '区'],
  ['镇', '镇'],
  ['乡', '乡'],
];

/** Names ending in 区 that are zones or areas, not districts: their 区 is part of the name. */
const ZONE_TAIL_RE =
  /(?:新区|高新区|开发区|经开区|园区|景区|社区|小区|城区|市区|矿区|林区|牧区|库区|山区|保护区|示范区|试验区|实验区|自贸区|片区|街区|校区|功能区|合作区|集聚区|产业区|综合区|服务区|商务区|港区|保税区|辖区|地区|自治区|行政区|老区|灾区)$/;

/**
 * Place names (stems, from the 2023 division codes) that begin with a level character: a body
 * named after them (镇江市科技局, 市中区人民政府) is not a short form.
 */
export const PLACE_STEMS_AT_LEVEL_CHARS: readonly string[] = [
  '乡城', '乡宁', '市中', '市北', '市南', '旗山', '旗津', '镇原', '镇坪', '镇宁', '镇安', '镇巴', '镇平', '镇康',
  '镇江', '镇沅', '镇海', '镇赉', '镇远', '镇雄',
];

/** Level words that begin a short form of a body, longest first. */
const LEVEL_WORD_RE = /^(自治区|自治州|自治县|自治旗|省|市|县|区|州|盟|旗|镇|乡)/;
/**
 * After a level word, characters that show it begins a word instead (市场, 区块链, 县域, 省级,
 * 乡村振兴, 乡镇, 州立, 区域): then the name is not a short form.
 */
const NOT_LEVEL_AFTER: Readonly<Record<string, RegExp>> = {
  省: /^(?:级|内|外|会|份|钱|略)/,
  市: /^(?:场|级|值|面|井|集|区|容|貌)/,
  县: /^(?:域|级|城)/,
  区: /^(?:块|域|级|间|别|位|分|划)/,
  州: /^(?:立|际|级)/,
  盟: /^(?:友|员|约|主|军)/,
  旗: /^(?:帜|舰|袍|手|下|级)/,
  镇: /^(?:级|压|静|痛|定|守)/,
  乡: /^(?:村|镇|级|亲|愁|音|下|土|贤)/,
};

/**
 * Standard abbreviations of Chinese government bodies' names: [short, full]. General usage (the
 * State Council's and provinces' bodies), not this corpus's records. Written in full where the
 * short form starts the name or follows a level character, 国家, 国务院 or 中央.
 */
export const ABBREVIATIONS: ReadonlyArray<readonly [short: string, full: string]> = [
  ['市场监管总局', '市场监督管理总局'],
  ['市场监管局', '市场监督管理局'],
  ['市场监管分局', '市场监督管理分局'],
  ['市场监管所', '市场监督管理所'],
  ['市监局', '市场监督管理局'],
  ['药监局', '药品监督管理局'],
  ['食药监局', '食品药品监督管理局'],
  ['质监局', '质量技术监督局'],
  ['发改委', '发展和改革委员会'],
  ['发展改革委', '发展和改革委员会'],
  ['发改局', '发展和改革局'],
  ['工信部', '工业和信息化部'],
  ['工信厅', '工业和信息化厅'],
  ['工信局', '工业和信息化局'],
  ['经信委', '经济和信息化委员会'],
  ['经信厅', '经济和信息化厅'],
  ['经信局', '经济和信息化局'],
  ['科技部', '科学技术部'],
  ['科技厅', '科学技术厅'],
  ['科技局', '科学技术局'],
  ['人社部', '人力资源和社会保障部'],
  ['人社厅', '人力资源和社会保障厅'],
  ['人社局', '人力资源和社会保障局'],
  ['人力资源社会保障部', '人力资源和社会保障部'],
  ['人力资源社会保障厅', '人力资源和社会保障厅'],
  ['人力资源社会保障局', '人力资源和社会保障局'],
  ['住建部', '住房和城乡建设部'],
  ['住建厅', '住房和城乡建设厅'],
  ['住建局', '住房和城乡建设局'],
  ['住房城乡建设部', '住房和城乡建设部'],
  ['住房城乡建设厅', '住房和城乡建设厅'],
  ['住房城乡建设局', '住房和城乡建设局'],
  ['卫健委', '卫生健康委员会'],
  ['卫生健康委', '卫生健康委员会'],
  ['卫健局', '卫生健康局'],
  ['文旅部', '文化和旅游部'],
  ['文旅厅', '文化和旅游厅'],
  ['文旅局', '文化和旅游局'],
  ['林草局', '林业和草原局'],
  ['应急局', '应急管理局'],
  ['医保局', '医疗保障局'],
  ['交通局', '交通运输局'],
  ['广电局', '广播电视局'],
  ['教体局', '教育和体育局'],
  ['国资委', '国有资产监督管理委员会'],
  ['民宗委', '民族宗教事务委员会'],
  ['网信办', '网络安全和信息化委员会办公室'],
  ['编办', '机构编制委员会办公室'],
  ['人防办', '人民防空办公室'],
  ['外办', '外事办公室'],
  ['台办', '台湾事务办公室'],
  ['人大常委会', '人民代表大会常务委员会'],
  ['人大', '人民代表大会'],
  ['政府', '人民政府'],
];

/** Whole names of national bodies and their standard abbreviations: [short, full]. */
export const NATIONAL_ABBREVIATIONS: ReadonlyArray<readonly [short: string, full: string]> = [
  ['国知局', '国家知识产权局'],
  ['国家发改委', '国家发展和改革委员会'],
  ['国家市场监管总局', '国家市场监督管理总局'],
  ['市场监管总局', '国家市场监督管理总局'],
  ['国家卫健委', '国家卫生健康委员会'],
  ['国务院国资委', '国务院国有资产监督管理委员会'],
];
const NATIONAL = new Map(NATIONAL_ABBREVIATIONS);

const ABBREVIATION_FULL = new Map(ABBREVIATIONS);
/**
 * The short forms, longest first; one that ends in 委 is not a short form when 员会 follows
 * (卫生健康委 in 卫生健康委员会, 发展改革委 in 发展改革委员会).
 */
const ABBREVIATION_RE = new RegExp(
  `(?<=^|[省市县区州盟旗]|国家|国务院|中央)(?:${ABBREVIATIONS.map(([short]) => short)
    .sort((a, b) => b.length - a.length)
    .map((short) => (short.endsWith('委') ? `${short}(?!员会)` : short))
    .join('|')})`,
  'g',
);

/** The parts of a place's name. */
interface PlaceParts {
  /** The name without its administrative suffix (and ethnic names), or the whole name. */
  stem: string;
  /** Its level in keys; `''` when unknown. */
  level: AdminLevel | '';
  /** Its suffix as a kind (自治州 → 州, 自治区 and 特别行政区 as themselves); `''` when none. */
  kind: string;
  /** Its full name: as written, or the province-level unit's full name for a bare short name. */
  full: string;
}

/** NFKC, no white space. */
function tidy(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** Simplified forms of names seen (a small cache: OpenCC's conversion is the costly step of a key). */
const simplified = new Map<string, string>();
const MAX_SIMPLIFIED_CACHE = 50_000;

/** NFKC, no white space, simplified characters. */
function normalizeForKey(name: string): string {
  const t = tidy(name);
  let s = simplified.get(t);
  if (s === undefined) {
    s = toSimplified(t);
    if (simplified.size >= MAX_SIMPLIFIED_CACHE) simplified.clear();
    simplified.set(t, s);
  }
  return s;
}

/** A place's parts from its own name (no context). */
function ownPlaceParts(name: string): PlaceParts {
  const autonomous = AUTONOMOUS_RE.exec(name);
  if (autonomous) {
    const unit = autonomous[2]!;
    const level: AdminLevel = unit === '区' ? '省' : (unit as AdminLevel);
    return { stem: autonomous[1]!, level, kind: unit === '区' ? '自治区' : unit, full: name };
  }
  const township = ETHNIC_TOWNSHIP_RE.exec(name);
  if (township) return { stem: township[1]!, level: '乡', kind: '乡', full: name };
  for (const [suffix, level] of SUFFIXES) {
    if (!name.endsWith(suffix) || name.length - suffix.length < 2) continue;
    if (suffix === '区' && ZONE_TAIL_RE.test(name)) break;
    let stem = name.slice(0, -suffix.length);
    // 鄂温克族自治旗: the unit is named after the people alone (鄂温克旗).
    if (suffix.startsWith('自治') && stem.endsWith('族') && stem.length > 2) stem = stem.slice(0, -1);
    const kind = suffix === '自治州' ? '州' : suffix === '自治县' ? '县' : suffix === '自治旗' ? '旗' : suffix;
    // 内蒙古自治区 has no ethnic name before 自治区; its stem is still the short name.
    return { stem, level, kind, full: name };
  }
  const province = PROVINCES.get(name);
  if (province) return { ...ownPlaceParts(province), full: province };
  return { stem: name, level: '', kind: '', full: name };
}

/** Whether names are read for a key (simplified) or for a canonical name (as written). */
type Reading = 'key' | 'canonical';

/** Parsed place names, by reading and name (a bounded cache: it restarts when full). */
const parsedPlaces = new Map<string, PlaceParts>();
const MAX_PARSED_PLACES = 50_000;
/** The last context parsed, per reading: the names of one article are read against one context. */
const lastContexts: Partial<Record<Reading, { places: readonly string[]; parsed: readonly PlaceParts[] }>> = {};

function contextParts(context: AliasContext | undefined, reading: Reading): readonly PlaceParts[] {
  const places = context?.places;
  if (!places || !Array.isArray(places)) return [];
  const last = lastContexts[reading];
  if (last?.places === places) return last.parsed;
  const parsed: PlaceParts[] = [];
  for (const p of places) {
    if (typeof p !== 'string' || !p) continue;
    const tag = reading + p;
    let parts = parsedPlaces.get(tag);
    if (!parts) {
      parts = ownPlaceParts(reading === 'key' ? normalizeForKey(p) : tidy(p));
      if (parsedPlaces.size >= MAX_PARSED_PLACES) parsedPlaces.clear();
      parsedPlaces.set(tag, parts);
    }
    parsed.push(parts);
  }
  lastContexts[reading] = { places, parsed };
  return parsed;
}

/**
 * A place's parts read against the context: a bare name takes the level of the first context
 * place with its stem and a level; a name with a level takes the longest context form of the same
 * stem and level as its full name (海西州 with 海西蒙古族藏族自治州 in the context).
 */
function placeParts(name: string, context: AliasContext | undefined, reading: Reading): PlaceParts {
  const own = ownPlaceParts(name);
  const ctx = contextParts(context, reading);
  const bare = own.kind === '' || own.full !== name; // no suffix, or a province-level short name
  if (bare) {
    const match = ctx.find((p) => p.level !== '' && p.stem === name);
    if (match) return { ...match, full: longestForm(match, ctx) };
    return own;
  }
  return { ...own, full: longestForm(own, ctx) };
}

/** The longest name among `parts` and the context places of the same stem and level. */
function longestForm(parts: PlaceParts, ctx: readonly PlaceParts[]): string {
  let full = parts.full;
  for (const p of ctx) if (p.level === parts.level && p.stem === parts.stem && p.full.length > full.length) full = p.full;
  return full;
}

/** The context place a short form's level word points to, as its full name; undefined if none. */
function placeForLevelWord(word: string, context: AliasContext | undefined, reading: Reading): string | undefined {
  const ctx = contextParts(context, reading);
  const kind = word === '自治州' ? '州' : word === '自治县' ? '县' : word === '自治旗' ? '旗' : word;
  let found = ctx.find((p) => p.kind === kind);
  // 区 names a district; in the news of an autonomous region without one, the region (区党委).
  if (!found && word === '区') found = ctx.find((p) => p.kind === '自治区');
  return found ? longestForm(found, ctx) : undefined;
}

/** The level word that begins a body's short form, or undefined if the name does not begin with one. */
function leadingLevelWord(name: string): string | undefined {
  const m = LEVEL_WORD_RE.exec(name);
  if (!m) return undefined;
  const word = m[1]!;
  const rest = name.slice(word.length);
  if (!rest) return undefined;
  if (PLACE_STEMS_AT_LEVEL_CHARS.some((stem) => name.startsWith(stem))) return undefined;
  // 市市场监管局: 市 + 市场监管局; 市场监管局 alone is not a short form.
  const guard = NOT_LEVEL_AFTER[word];
  if (guard?.test(rest)) return undefined;
  return word;
}

/** A body's name with its level word resolved and its abbreviations written in full. */
function fullOrgName(name: string, context: AliasContext | undefined, reading: Reading): string {
  const national = NATIONAL.get(name);
  if (national) return national;
  let out = name;
  const word = leadingLevelWord(out);
  if (word) {
    const place = placeForLevelWord(word, context, reading);
    if (place) out = place + out.slice(word.length);
  }
  return out.replace(ABBREVIATION_RE, (short) => ABBREVIATION_FULL.get(short) ?? short);
}

/**
 * The full (canonical) name of `name` read in `context` (see the module comment for the rule):
 * `省知识产权局` with places `['青海省']` → `青海省知识产权局`; `省市场监管局` → `青海省市场监督管理局`;
 * `青海` → `青海省`; `德令哈` with `['德令哈市']` → `德令哈市`; people and documents as written (white space
 * removed, documents without 《》).
 *
 * Never throws: an empty (or all white space) or non-string name comes back as it is; a name the
 * rule does not apply to comes back without its white space.
 */
export function canonicalName(name: string, type: SpanType, context?: AliasContext): string {
  try {
    if (typeof name !== 'string') return name;
    const n = name.trim().replace(/\s+/g, '');
    if (!n) return name;
    switch (type) {
      case 'PLACE':
        return placeParts(n, context, 'canonical').full;
      case 'ORG':
        return fullOrgName(n, context, 'canonical');
      case 'DOC':
        return stripDocBrackets(n);
      default:
        return n;
    }
  } catch {
    return name;
  }
}

function stripDocBrackets(name: string): string {
  return name.replace(/^[《〈<]+/, '').replace(/[》〉>]+$/, '') || name;
}

/**
 * A key shared by all aliases of one entity (see the module comment): `ORG|青海省知识产权局` for
 * 省知识产权局 read with places `['青海省']` and for 青海省知识产权局; `PLACE|青海|省` for 青海 and 青海省;
 * `PLACE|金昌` for a bare 金昌 whose level the context does not give. Keys of different types
 * never meet (`TYPE|…`).
 *
 * Never throws: an empty or odd name gets the key of its text as it is (`TYPE|name`).
 */
export function aliasKey(name: string, type: SpanType, context?: AliasContext): string {
  try {
    if (typeof name !== 'string') return `${String(type)}|${String(name)}`;
    // `|` separates a key's parts: inside a name it is written ¦.
    const n = normalizeForKey(name).replace(/\|/g, '¦');
    if (!n) return `${type}|${name}`;
    switch (type) {
      case 'PLACE': {
        const p = placeParts(n, context, 'key');
        return p.level ? `PLACE|${p.stem}|${p.level}` : `PLACE|${p.stem}`;
      }
      case 'ORG': {
        let full = fullOrgName(n, context, 'key').replace(ETHNIC_IN_NAME_RE, (_m, unit: string) => (unit === '区' ? '自治区' : unit));
        const party = /^(?:中国共产党|中共)(.{3,})$/.exec(full);
        if (party) full = party[1]!;
        return `ORG|${full}`;
      }
      case 'DOC':
        return `DOC|${stripDocBrackets(n)}`;
      default:
        return `${type}|${n}`;
    }
  } catch {
    return `${String(type)}|${String(name)}`;
  }
}

/**
 * The family of a place key: `PLACE|金昌` for `PLACE|金昌|市` and for `PLACE|金昌` itself (a bare
 * name of unknown level may be any level of its stem). Other keys have no family: `null`.
 * Never throws.
 */
export function keyFamily(key: string): string | null {
  if (typeof key !== 'string' || !key.startsWith('PLACE|')) return null;
  const parts = key.split('|');
  return parts.length >= 3 ? `PLACE|${parts[1]}` : key;
}

/** True when a place key has a level (`PLACE|青海|省`), false for a bare one (`PLACE|金昌`) or another type. */
export function placeKeyHasLevel(key: string): boolean {
  return typeof key === 'string' && key.startsWith('PLACE|') && key.split('|').length >= 3;
}
