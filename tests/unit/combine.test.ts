/**
 * The combination's passes, each fed the model's mistake directly (a span the tagger might give),
 * with the rules' real reading of the text: the pass is checked alone, with every other on, and
 * switching it off leaves the mistake (so the test shows the pass is what fixes it).
 */
import { describe, expect, it } from 'vitest';
import { ALL_STEPS, STEP, combineNames } from '@/lib/recognize/combine';
import { readByRules, prepareSegmenter } from '@/lib/recognize';
import type { NameType } from '@/lib/recognize/tagger/labels';
import { nodeSegmenter } from '@/lib/segment/node';

const segmenter = nodeSegmenter();

/** The model's spans, given as the names' texts (each at its first occurrence after the last). */
function spans(text: string, names: Array<[NameType, string]>) {
  let from = 0;
  return names.map(([type, name]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in ${text}`);
    from = start + name.length;
    return { start, end: from, type };
  });
}

async function combined(text: string, model: Array<[NameType, string]>, flags = ALL_STEPS) {
  await prepareSegmenter(segmenter);
  const tokens = await segmenter.tag(text);
  const reading = readByRules(text, tokens, segmenter);
  return combineNames(text, tokens, spans(text, model), reading.rules, { flags, known: reading.known, winners: reading.winners }).map((m) => `${m.type} ${m.text}`);
}

const cases: Array<{ pass: keyof typeof STEP; text: string; model: Array<[NameType, string]>; want: string[]; not: string[] }> = [
  {
    pass: 'SPLIT_BODIES',
    text: '玉树州生态环境局联合果洛州林草局开展跨区域联合执法检查。',
    model: [['ORG', '玉树州生态环境局联合果洛州林草局']],
    want: ['ORG 玉树州生态环境局', 'ORG 果洛州林草局'],
    not: ['ORG 玉树州生态环境局联合果洛州林草局'],
  },
  {
    pass: 'SPLIT_BODIES',
    text: '据悉，中国科学院和中国工程院将于明年联合举办两院院士大会。',
    model: [['ORG', '中国科学院和中国工程院']],
    want: ['ORG 中国科学院', 'ORG 中国工程院'],
    not: ['ORG 中国科学院和中国工程院'],
  },
  {
    pass: 'PLACE_HEAD',
    text: '海北州市场监管局近日开展节日市场食品安全专项检查。',
    model: [['ORG', '北州市场监管局']],
    want: ['ORG 海北州市场监管局'],
    not: ['ORG 北州市场监管局'],
  },
  {
    pass: 'PLACE_NOT_PERSON',
    text: '调研组一行来到乌兰后，实地察看了枸杞种植基地。',
    model: [['PERSON', '乌兰']],
    want: ['PLACE 乌兰'],
    not: ['PERSON 乌兰'],
  },
  {
    pass: 'ZONES',
    text: '科考队员在青藏高原腹地采集冰芯样本，并前往云贵高原开展对比观测。',
    model: [['PLACE', '青'], ['PLACE', '藏'], ['PLACE', '云'], ['PLACE', '贵']],
    want: ['PLACE 青藏高原', 'PLACE 云贵高原'],
    not: ['PLACE 青', 'PLACE 藏', 'PLACE 云', 'PLACE 贵'],
  },
  {
    pass: 'MEDIA',
    text: '华龙网-新重庆客户端10月15日讯 重庆今年前三季度外贸进出口总值保持增长。',
    model: [['ORG', '华龙网'], ['PLACE', '重庆'], ['PLACE', '重庆']],
    want: ['ORG 华龙网', 'ORG 新重庆客户端', 'PLACE 重庆'],
    not: [],
  },
  {
    pass: 'DEPARTMENTS',
    text: '浙江大学医学院附属第一医院感染病科主任医师欧阳慕青提醒市民注意防护。',
    model: [['ORG', '浙江大学医学院附属第一医院'], ['PERSON', '病科'], ['PERSON', '欧阳慕青']],
    want: ['ORG 浙江大学医学院附属第一医院感染病科', 'PERSON 欧阳慕青'],
    not: ['PERSON 病科'],
  },
  {
    pass: 'DEPARTMENTS',
    text: '西宁市城北区人民法院立案庭推行“一站式”诉讼服务。',
    model: [['ORG', '西宁市城北区人民法院']],
    want: ['ORG 西宁市城北区人民法院立案庭'],
    not: ['ORG 西宁市城北区人民法院'],
  },
  {
    pass: 'PLACE_IN_ORG',
    text: '奥地利施特劳斯·克莱恩机械制造股份公司亚太区总裁一行到常州考察。',
    model: [['PLACE', '奥地利'], ['PERSON', '施特劳斯·克莱恩'], ['PLACE', '常州']],
    want: ['ORG 奥地利施特劳斯·克莱恩机械制造股份公司', 'PLACE 常州'],
    not: ['PERSON 施特劳斯·克莱恩', 'PLACE 奥地利'],
  },
  {
    pass: 'HYPHENATED',
    text: '经济学家让-保罗·菲图西曾担任法国经济形势观察所所长。',
    model: [['PERSON', '保罗·菲图西'], ['PLACE', '法国']],
    want: ['PERSON 让-保罗·菲图西', 'PLACE 法国'],
    not: ['PERSON 保罗·菲图西'],
  },
  {
    pass: 'HYPHENATED',
    text: '英国议员简·奥斯汀-布莱克率团访问苏州。',
    model: [['PERSON', '简·奥斯汀'], ['PERSON', '布莱克'], ['PLACE', '苏州']],
    want: ['PERSON 简·奥斯汀-布莱克', 'PLACE 苏州'],
    not: ['PERSON 简·奥斯汀', 'PERSON 布莱克'],
  },
  {
    pass: 'LIST_PERSONS',
    text: '航天员景海鹏、朱杨柱、桂海潮在东风着陆场顺利出舱。',
    model: [['PERSON', '景海鹏'], ['PERSON', '朱杨柱'], ['PLACE', '东风']],
    want: ['PERSON 景海鹏', 'PERSON 朱杨柱', 'PERSON 桂海潮'],
    not: [],
  },
  {
    pass: 'LIST_PERSONS',
    text: '出席会议的还有市领导马卫东、乔丽娟、温建军等。',
    model: [['PERSON', '马卫东']],
    want: ['PERSON 马卫东', 'PERSON 乔丽娟', 'PERSON 温建军'],
    not: [],
  },
];

describe('combination passes', () => {
  for (const c of cases) {
    it(`${c.pass}: ${c.text.slice(0, 24)}`, async () => {
      const on = await combined(c.text, c.model);
      for (const w of c.want) expect(on).toContain(w);
      for (const n of c.not) expect(on).not.toContain(n);
      const off = await combined(c.text, c.model, ALL_STEPS & ~STEP[c.pass]);
      expect(c.want.every((w) => off.includes(w)) && c.not.every((n) => !off.includes(n))).toBe(false);
    });
  }

  it('keeps a joining word inside one name (工业和信息化部, 联合会)', async () => {
    const text = '工业和信息化部、中华全国工商业联合会近日联合发文。';
    expect(await combined(text, [['ORG', '工业和信息化部'], ['ORG', '中华全国工商业联合会']])).toEqual(['ORG 工业和信息化部', 'ORG 中华全国工商业联合会']);
  });

  it('adds no person to a list of things (钢铁、水泥、煤炭)', async () => {
    const text = '王建国表示，钢铁、水泥、煤炭等行业要加快转型。';
    expect(await combined(text, [['PERSON', '王建国']])).toEqual(['PERSON 王建国']);
  });
});
