import { describe, expect, it } from 'vitest';
import { aliasKey, canonicalName, keyFamily, placeKeyHasLevel, type AliasContext } from '@/lib/corpus/aliases';
import type { SpanType } from '@/lib/recognize/types';

const ctx = (...places: string[]): AliasContext => ({ places });
const NONE = ctx();

/** [name, type, context places, expected canonical name] */
const CANONICAL: Array<[string, SpanType, string[], string]> = [
  // Province-level units: the short name is the unit.
  ['青海', 'PLACE', [], '青海省'],
  ['青海省', 'PLACE', [], '青海省'],
  ['北京', 'PLACE', [], '北京市'],
  ['新疆', 'PLACE', [], '新疆维吾尔自治区'],
  ['内蒙古', 'PLACE', [], '内蒙古自治区'],
  ['香港', 'PLACE', [], '香港特别行政区'],
  // A bare name takes its level from the context.
  ['德令哈', 'PLACE', ['青海省', '德令哈市'], '德令哈市'],
  ['吉林', 'PLACE', ['吉林市'], '吉林市'],
  ['吉林', 'PLACE', [], '吉林省'],
  ['海西', 'PLACE', ['海西州'], '海西州'],
  ['海西州', 'PLACE', ['海西蒙古族藏族自治州'], '海西蒙古族藏族自治州'],
  // Without a level in the context, a bare name stays as written.
  ['金昌', 'PLACE', [], '金昌'],
  ['济南高新区', 'PLACE', [], '济南高新区'],
  // Short forms of bodies: the level word takes the context's place of that level.
  ['省知识产权局', 'ORG', ['青海省', '西宁市'], '青海省知识产权局'],
  ['省知识产权局', 'ORG', ['青海'], '青海省知识产权局'],
  ['省知识产权局', 'ORG', ['甘肃省', '兰州市'], '甘肃省知识产权局'],
  ['省知识产权局', 'ORG', [], '省知识产权局'],
  ['省知识产权局', 'ORG', ['西宁市'], '省知识产权局'],
  ['市发改委', 'ORG', ['青海省', '西宁市', '海东市'], '西宁市发展和改革委员会'],
  ['县融媒体中心', 'ORG', ['海西州', '乌兰县'], '乌兰县融媒体中心'],
  ['市委', 'ORG', ['北京市'], '北京市委'],
  ['市委', 'ORG', ['北京'], '北京市委'],
  ['省委', 'ORG', ['北京'], '省委'],
  ['区委', 'ORG', ['金昌市', '金川区'], '金川区委'],
  ['区党委', 'ORG', ['宁夏'], '宁夏回族自治区党委'],
  ['自治区人民政府', 'ORG', ['新疆'], '新疆维吾尔自治区人民政府'],
  ['州市场监管局', 'ORG', ['青海省', '海西州'], '海西州市场监督管理局'],
  ['省局知识产权公共服务处', 'ORG', ['青海省'], '青海省局知识产权公共服务处'],
  ['省市场监管局', 'ORG', ['青海省'], '青海省市场监督管理局'],
  ['市市场监管局', 'ORG', ['西宁市'], '西宁市市场监督管理局'],
  // Level characters that begin a word or a place's name are not level words.
  ['市场监管局', 'ORG', ['西宁市'], '市场监督管理局'],
  ['镇江市科技局', 'ORG', ['扬州市'], '镇江市科学技术局'],
  ['市中区人民政府', 'ORG', ['济南市'], '市中区人民政府'],
  ['乡村振兴局', 'ORG', ['乾元镇'], '乡村振兴局'],
  // Standard abbreviations, where they follow a level or start the name.
  ['青海省市场监管局', 'ORG', [], '青海省市场监督管理局'],
  ['吉林省科技厅', 'ORG', [], '吉林省科学技术厅'],
  ['工信部', 'ORG', [], '工业和信息化部'],
  ['国家发改委', 'ORG', [], '国家发展和改革委员会'],
  ['国家发展改革委', 'ORG', [], '国家发展和改革委员会'],
  ['通化市政府', 'ORG', [], '通化市人民政府'],
  ['国知局', 'ORG', [], '国家知识产权局'],
  ['县教育和科技局', 'ORG', ['乌兰县'], '乌兰县教育和科技局'],
  ['西宁市人民政府', 'ORG', [], '西宁市人民政府'],
  // Other types as written.
  ['《青海省知识产权专项资金管理办法》', 'DOC', [], '青海省知识产权专项资金管理办法'],
  ['崔永焘', 'PERSON', ['青海省'], '崔永焘'],
  ['30 万元', 'MONEY', [], '30万元'],
];

describe('canonicalName', () => {
  it.each(CANONICAL)('%s (%s) in %j → %s', (name, type, places, expected) => {
    expect(canonicalName(name, type, ctx(...places))).toBe(expected);
  });
});

/** Groups of [name, context places] that must share one key, by type. */
const SAME: Array<[SpanType, Array<[string, string[]]>]> = [
  ['PLACE', [['青海省', []], ['青海', []], ['青海', ['青海省']]]],
  ['PLACE', [['海西州', []], ['海西蒙古族藏族自治州', []], ['海西', ['海西州']]]],
  ['PLACE', [['大通回族土族自治县', []], ['大通县', []]]],
  ['PLACE', [['新疆', []], ['新疆维吾尔自治区', []]]],
  // 内蒙古自治区 has no ethnic name: its 蒙古 is the stem's.
  ['PLACE', [['内蒙古自治区', []], ['内蒙古', []], ['内蒙古', ['内蒙古自治区']]]],
  ['ORG', [['内蒙古自治区人民政府', []], ['自治区政府', ['内蒙古']]]],
  ['PLACE', [['伊犁哈萨克自治州', []], ['伊犁州', []]]],
  ['PLACE', [['北京', []], ['北京市', []]]],
  ['PLACE', [['德令哈', ['德令哈市']], ['德令哈市', []]]],
  ['PLACE', [['乾元镇', []], ['乾元', ['浙江省', '乾元镇']]]],
  ['ORG', [['青海省知识产权局', []], ['省知识产权局', ['青海省']], ['省知识产权局', ['青海']]]],
  ['ORG', [['青海省市场监督管理局', []], ['青海省市场监管局', []], ['省市场监管局', ['青海省', '西宁市']]]],
  ['ORG', [['西宁市发展和改革委员会', []], ['西宁市发改委', []], ['市发改委', ['西宁市']]]],
  ['ORG', [['海西蒙古族藏族自治州市场监督管理局', []], ['海西州市场监管局', []], ['州市场监管局', ['海西州']]]],
  ['ORG', [['新疆维吾尔自治区人民政府', []], ['自治区人民政府', ['新疆维吾尔自治区']], ['自治区政府', ['新疆']]]],
  ['ORG', [['国家知识产权局', []], ['国知局', []], ['國家知識產權局', []], [' 国家知识产权局 ', []]]],
  ['ORG', [['青海省知识产权局', []], ['省知識產權局', ['青海省']], ['省知识产权局', ['青海']]]],
  ['PLACE', [['台湾', []], ['臺灣', []], ['台湾省', []]]],
  ['ORG', [['国家发展和改革委员会', []], ['国家发改委', []], ['国家发展改革委', []]]],
  ['ORG', [['工业和信息化部', []], ['工信部', []]]],
  ['ORG', [['青海省卫生健康委员会', []], ['青海省卫健委', []], ['青海省卫生健康委', []], ['省卫健委', ['青海']]]],
  ['ORG', [['西宁市人民代表大会常务委员会', []], ['西宁市人大常委会', []], ['市人大常委会', ['西宁市']]]],
  ['ORG', [['中共青海省委', []], ['青海省委', []], ['省委', ['青海省']]]],
  ['ORG', [['通化市人民政府', []], ['通化市政府', []], ['市政府', ['通化市']]]],
  ['ORG', [['青海省青藏知识产权服务中心TISC', []], ['青海省青藏知识产权服务中心ＴＩＳＣ', []]]],
  ['DOC', [['青海省知识产权专项资金管理办法', []], ['《青海省知识产权专项资金管理办法》', []]]],
];

/** Pairs that must NOT share a key: [type, name A, places A, name B, places B]. */
const DIFFERENT: Array<[SpanType, string, string[], string, string[]]> = [
  ['ORG', '省知识产权局', ['甘肃省'], '青海省知识产权局', []],
  ['ORG', '省知识产权局', ['甘肃省'], '省知识产权局', ['青海省']],
  ['ORG', '国家知识产权局', [], '青海省知识产权局', []],
  ['ORG', '省知识产权局', [], '青海省知识产权局', []],
  ['ORG', '市委', ['西宁市'], '市委', ['海东市']],
  ['ORG', '县教育和科技局', ['乌兰县'], '乌兰县教育和科学技术局', []],
  ['ORG', '镇江市科技局', [], '江市科技局', ['镇江市']],
  ['PLACE', '吉林省', [], '吉林市', []],
  ['PLACE', '通化市', [], '通化县', []],
  ['PLACE', '海南省', [], '海南州', []],
  ['PLACE', '吉林', [], '吉林市', []],
  ['PLACE', '浦东新区', [], '浦东', []],
  ['PLACE', '济南高新区', [], '济南', []],
];

describe('aliasKey', () => {
  it.each(SAME)('%s: %j share one key', (type, names) => {
    const keys = names.map(([n, places]) => aliasKey(n, type, ctx(...places)));
    expect(new Set(keys).size, keys.join(' ')).toBe(1);
  });

  it.each(DIFFERENT)('%s: %s in %j ≠ %s in %j', (type, a, pa, b, pb) => {
    expect(aliasKey(a, type, ctx(...pa))).not.toBe(aliasKey(b, type, ctx(...pb)));
  });

  it('keeps types apart', () => {
    expect(aliasKey('青海', 'PLACE', NONE)).not.toBe(aliasKey('青海', 'ORG', NONE));
    expect(aliasKey('青海', 'PLACE', NONE)).toBe('PLACE|青海|省');
    expect(aliasKey('省知识产权局', 'ORG', ctx('青海省'))).toBe('ORG|青海省知识产权局');
  });

  it('takes the first place of the level asked, most relevant first', () => {
    expect(canonicalName('市发改委', 'ORG', ctx('海东市', '西宁市'))).toBe('海东市发展和改革委员会');
    expect(canonicalName('省科技厅', 'ORG', ctx('西宁市', '甘肃', '青海省'))).toBe('甘肃省科学技术厅');
  });

  it('gives bare places of unknown level a family that gathers their leveled forms', () => {
    const bare = aliasKey('金昌', 'PLACE', NONE);
    const leveled = aliasKey('金昌市', 'PLACE', NONE);
    expect(bare).toBe('PLACE|金昌');
    expect(leveled).toBe('PLACE|金昌|市');
    expect(keyFamily(leveled)).toBe(bare);
    expect(keyFamily(bare)).toBe(bare);
    expect(keyFamily('ORG|青海省知识产权局')).toBeNull();
    expect(placeKeyHasLevel(leveled)).toBe(true);
    expect(placeKeyHasLevel(bare)).toBe(false);
    // Suffixes stay where they would leave one character (兰州, 沙县) or name a zone.
    expect(aliasKey('兰州', 'PLACE', NONE)).toBe('PLACE|兰州');
    expect(aliasKey('兰州市', 'PLACE', NONE)).toBe('PLACE|兰州|市');
    expect(aliasKey('沙县', 'PLACE', NONE)).toBe('PLACE|沙县');
    expect(aliasKey('长江路社区', 'PLACE', NONE)).toBe('PLACE|长江路社区');
  });
});

describe('failure', () => {
  it('never throws; empty and odd names map to themselves', () => {
    expect(canonicalName('', 'ORG')).toBe('');
    expect(canonicalName('   ', 'PLACE', NONE)).toBe('   ');
    expect(canonicalName('省', 'ORG', ctx('青海省'))).toBe('省');
    expect(canonicalName('市', 'PLACE', NONE)).toBe('市');
    expect(aliasKey('', 'ORG')).toBe('ORG|');
    expect(() => canonicalName(undefined as unknown as string, 'ORG')).not.toThrow();
    expect(canonicalName(undefined as unknown as string, 'ORG')).toBeUndefined();
    expect(() => aliasKey(42 as unknown as string, 'PLACE')).not.toThrow();
    expect(() => aliasKey('省知识产权局', 'ORG', { places: undefined as unknown as string[] })).not.toThrow();
    expect(aliasKey('省知识产权局', 'ORG', { places: [null, 3, '青海省'] as unknown as string[] })).toBe('ORG|青海省知识产权局');
    expect(canonicalName('青海', 'FOO' as SpanType)).toBe('青海');
  });
});
