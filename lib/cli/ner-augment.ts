/**
 * Training data in the annotation guide's conventions for names the 1998–2020 corpora seldom
 * hold: today's local bodies and their short forms (省知识产权局, 县融媒体中心, 市委宣传部), zones
 * and parks (济南高新区), communities and streets (黄河路社区, 河东街道), media named after a
 * place (福州晚报), companies (青海创信电子材料有限公司), party branches (新民村党支部), and
 * people whose given name is also a county's (王永登).
 *
 * Sentences are not invented: a name in a real training sentence is replaced by one made by the
 * naming patterns below, from the gazetteer's real places and lists of real body names, so the
 * context stays natural. Deterministic for a given generator. Used by `npm run train:ner` only.
 */
import { lookupPlace, placeNames, type PlaceEntry } from '../recognize/gazetteer';
import { DEPARTMENTS, GIVEN_NAME_CHARS, PARTY_DEPARTMENTS, SURNAMES_SINGLE } from '../recognize/lexicon';
import type { GoldRecord, GoldSpan } from '../recognize/score';

type Rng = () => number;
type Piece = { text: string; type?: 'PERSON' | 'PLACE' | 'ORG' };

/** Province-level departments end in 厅 where the city and county ones end in 局. */
const PROVINCE_SUFFIX = new Map([['局', '厅']]);
/** Party bodies after a committee (市委 + 宣传部). */
/** Units inside a body (省局 + 知识产权保护处). */
const DIVISIONS = ['办公室', '知识产权保护处', '商标品牌处', '综合科', '法规科', '规划科', '政策法规处', '人事处', '执法大队', '党建工作科', '信息中心', '财务科', '稽查局', '监察室'];
const ZONES = ['高新区', '经开区', '经济技术开发区', '高新技术产业开发区', '工业园区', '工业园', '产业园', '综合保税区', '新区'];
const MEDIA = ['日报', '晚报', '新闻网', '广播电视台', '融媒体中心', '发布'];
const INDUSTRIES = ['电子材料', '新能源', '生物医药', '科技', '建设', '物流', '农业开发', '矿业', '化工', '食品', '文化旅游', '水务', '能源', '装备制造', '商贸'];
const COMPANY_ENDS = ['有限公司', '股份有限公司', '有限责任公司', '集团', '集团有限公司', '公司'];
const PARTY_UNITS = ['党支部', '党委', '党工委', '党总支'];
const ROAD_ENDS = ['路', '街', '大道', '中路', '东路', '西路', '南路', '北路'];
/**
 * Generic references that look like names but name no one body or place (ANNOTATION.md: not
 * entities): replacing a name by one of them teaches that 社区, 小区 or 党委 alone make no name.
 */
const GENERIC = [
  '老旧小区', '城中村', '社区', '小区', '辖区', '当地', '基层', '各社区', '全市各社区', '村（社区）', '社区党委', '村党支部', '网格党支部',
  '党支部', '党委', '党组', '党小组', '楼栋党小组', '街道党工委', '社区党支部', '居委会', '村委会', '有关部门', '相关单位', '职能部门',
  '省局', '市局', '园区', '产业园区', '高新区', '开发区', '工业园区', '服务中心', '党群服务中心', '政务服务中心', '新时代文明实践站',
  '该中心', '该公司', '企业', '市州', '各市州', '联防队', '巡逻队', '志愿服务队', '科创中心', '指导站', '服务站', '工作站', '理事会',
  '议事会', '行业协会商会', '公交公司', '专家咨询会', '工作专班', '领导小组', '指挥部', '两新组织', '驻村工作队', '网格员队伍',
];
const COMMUNITY_ENDS = ['社区', '小区', '村'];

interface Places {
  provinces: string[];
  prefectures: string[];
  counties: string[];
  townships: string[];
  shortForms: string[];
  /** Two-character stems of township names (西合营, 河东): real name material for streets and villages. */
  stems: string[];
}

function collectPlaces(): Places {
  const p: Places = { provinces: [], prefectures: [], counties: [], townships: [], shortForms: [], stems: [] };
  const stems = new Set<string>();
  for (const name of placeNames()) {
    const e: PlaceEntry = lookupPlace(name)!;
    if (e.short) {
      if (e.level === 'province' || e.level === 'prefecture' || e.level === 'county') p.shortForms.push(name);
      continue;
    }
    if (e.level === 'province') p.provinces.push(name);
    else if (e.level === 'prefecture') p.prefectures.push(name);
    else if (e.level === 'county') p.counties.push(name);
    else if (e.level === 'township') {
      p.townships.push(name);
      const stem = name.replace(/(?:街道|镇|乡)$/, '');
      if (stem.length === 2 && /^[\u4e00-\u9fff]+$/.test(stem)) stems.add(stem);
    }
  }
  for (const list of Object.values(p)) list.sort();
  p.stems = [...stems].sort();
  return p;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

/** The generators: each returns the pieces of one replacement, typed where a name is. */
function generators(places: Places): Record<'PLACE' | 'ORG' | 'PERSON', Array<(rng: Rng) => Piece[]>> {
  const head = (rng: Rng, level: 'province' | 'city' | 'county') =>
    level === 'province' ? pick(rng, places.provinces) : level === 'city' ? pick(rng, places.prefectures) : pick(rng, places.counties);
  const department = (rng: Rng, province: boolean) => {
    const names = pick(rng, DEPARTMENTS);
    let name = pick(rng, names);
    if (province && rng() < 0.6) name = name.replace(/局$/, (m) => PROVINCE_SUFFIX.get(m) ?? m);
    return name;
  };
  const stem = (rng: Rng) => pick(rng, places.stems);
  const shortForm = (rng: Rng) => pick(rng, places.shortForms);
  return {
    PLACE: [
      // Zones and parks after a place: 济南高新区, 大通北川工业园.
      (rng) => [{ text: shortForm(rng) + (rng() < 0.3 ? stem(rng) : '') + pick(rng, ZONES), type: 'PLACE' }],
      // Communities and streets: 黄河路社区, 河东街道, 许家沟村.
      (rng) => [{ text: stem(rng) + (rng() < 0.4 ? pick(rng, ['路', '街']) : '') + pick(rng, COMMUNITY_ENDS), type: 'PLACE' }],
      (rng) => [{ text: stem(rng) + pick(rng, ROAD_ENDS), type: 'PLACE' }],
      // A chain of units, each its own place: 金川区 | 广州路街道 | 天源里社区.
      (rng) => [
        { text: pick(rng, places.counties), type: 'PLACE' },
        { text: pick(rng, places.townships), type: 'PLACE' },
        ...(rng() < 0.6 ? [{ text: stem(rng) + pick(rng, COMMUNITY_ENDS), type: 'PLACE' as const }] : []),
      ],
      (rng) => [
        { text: pick(rng, places.provinces), type: 'PLACE' },
        { text: pick(rng, places.prefectures), type: 'PLACE' },
        ...(rng() < 0.5 ? [{ text: pick(rng, places.counties), type: 'PLACE' as const }] : []),
      ],
    ],
    ORG: [
      // A place and its department: 青海省市场监督管理局, 海西州德令哈市工业科技和信息化局.
      (rng) => {
        const level = pick(rng, ['province', 'city', 'county'] as const);
        const prefix = level === 'county' && rng() < 0.4 ? head(rng, 'city') : '';
        return [{ text: prefix + head(rng, level) + department(rng, level === 'province'), type: 'ORG' }];
      },
      // A short form: 省知识产权局, 市发改委, 县融媒体中心, 区团委.
      (rng) => {
        const h = pick(rng, ['省', '市', '县', '区', '州']);
        return [{ text: h + (rng() < 0.15 ? pick(rng, ['团委', '妇联', '科协', '总工会']) : department(rng, h === '省')), type: 'ORG' }];
      },
      // A department of a named parent: 省局知识产权保护处, 市委宣传部, 县卫健委办公室.
      (rng) => {
        if (rng() < 0.5) return [{ text: pick(rng, ['省委', '市委', '县委', '区委', '州委']) + pick(rng, PARTY_DEPARTMENTS), type: 'ORG' }];
        const h = pick(rng, ['省', '市', '县']);
        const parent = rng() < 0.3 ? `${h}局` : h + department(rng, h === '省');
        return [{ text: parent + pick(rng, DIVISIONS), type: 'ORG' }];
      },
      // Media named after a place: 福州晚报, 来宾新闻网, 中国甘肃网.
      (rng) => [{ text: rng() < 0.2 ? `中国${pick(rng, places.shortForms)}网` : shortForm(rng) + pick(rng, MEDIA), type: 'ORG' }],
      // Companies: 青海创信电子材料有限公司.
      (rng) => [{ text: (rng() < 0.7 ? shortForm(rng) : '') + stem(rng) + pick(rng, INDUSTRIES) + pick(rng, COMPANY_ENDS), type: 'ORG' }],
      // Party branches and zone committees: 黄河路社区党支部, 新民村党支部, 金昌经开区管委会.
      (rng) => [{ text: stem(rng) + pick(rng, ['路社区', '社区', '村', '街道']) + pick(rng, PARTY_UNITS), type: 'ORG' }],
      (rng) => [{ text: shortForm(rng) + pick(rng, ZONES) + pick(rng, ['管委会', '党工委']), type: 'ORG' }],
    ],
    PERSON: [
      // A given name that is also a place's short form: 王永登, 李安定.
      (rng) => {
        const form = shortForm(rng);
        const given = form.length === 2 ? form : pick(rng, [...GIVEN_NAME_CHARS]) + pick(rng, [...GIVEN_NAME_CHARS]);
        return [{ text: pick(rng, [...SURNAMES_SINGLE].slice(0, 120)) + given, type: 'PERSON' }];
      },
    ],
  };
}

export interface AugmentOptions {
  /** Share of records that give one augmented copy. */
  rate: number;
  /** Share of replacements by a generic reference (no name) instead of a made name. */
  generic: number;
}

/**
 * Returns new records, each a copy of an input record with one PLACE, ORG or PERSON replaced by a
 * generated name of the same type (sometimes a chain of names). Inputs are not changed.
 */
export function augmentRecords(records: readonly GoldRecord[], rng: Rng, options: AugmentOptions): GoldRecord[] {
  const gens = generators(collectPlaces());
  const out: GoldRecord[] = [];
  for (const r of records) {
    if (rng() >= options.rate) continue;
    // Names of two characters or more: a one-character form (国共, 中美) is part of a word.
    const targets = r.entities.filter(
      (e) => e.end - e.start >= 2 && (e.type === 'PLACE' || e.type === 'ORG' || (e.type === 'PERSON' && e.end - e.start <= 3 && rng() < 0.15)),
    );
    if (!targets.length) continue;
    const target = pick(rng, targets);
    const pieces =
      target.type !== 'PERSON' && rng() < options.generic ? [{ text: pick(rng, GENERIC) }] : pick(rng, gens[target.type as 'PLACE' | 'ORG' | 'PERSON'])(rng);
    const replacement = pieces.map((p) => p.text).join('');
    const delta = replacement.length - (target.end - target.start);
    const text = r.text.slice(0, target.start) + replacement + r.text.slice(target.end);
    const entities: GoldSpan[] = [];
    for (const e of r.entities) {
      if (e === target) {
        let at = target.start;
        for (const p of pieces) {
          if (p.type) entities.push({ start: at, end: at + p.text.length, type: p.type, text: p.text });
          at += p.text.length;
        }
      } else if (e.end <= target.start) entities.push(e);
      else if (e.start >= target.end) entities.push({ ...e, start: e.start + delta, end: e.end + delta });
    }
    out.push({ id: `${r.id}~aug`, text, entities });
  }
  return out;
}
