import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFigures } from '@/lib/recognize/figures';
import type { Span } from '@/lib/recognize/types';
import { expectValidSpans } from './span-checks';

type Expected = [text: string, type: Span['type'], value: number | string, unit?: string];

/** The figures of `text` as [text, type, value, unit] rows. */
function rows(text: string): Expected[] {
  return findFigures(text).map((s) => (s.unit === undefined ? [s.text, s.type, s.value!] : [s.text, s.type, s.value!, s.unit]));
}

/** Every span is well formed against `text` and is a figure with a value of its kind. */
function checkSpans(text: string, spans: Span[]): void {
  expectValidSpans(text, spans);
  for (const s of spans) {
    expect(['MONEY', 'PERCENT', 'QUANTITY', 'DATE']).toContain(s.type);
    if (s.type === 'DATE') expect(typeof s.value).toBe('string');
    else {
      expect(typeof s.value).toBe('number');
      expect(Number.isFinite(s.value)).toBe(true);
      expect(typeof s.unit).toBe('string');
    }
  }
}


describe('findFigures: MONEY', () => {
  it.each<[string, Expected[]]>([
    ['促进中心发放了 30 万元补助资金', [['30 万元', 'MONEY', 300000, 'CNY']]],
    ['项目总投资约15.68亿元，', [['15.68亿元', 'MONEY', 1568000000, 'CNY']]],
    ['资金6029.25万元。', [['6029.25万元', 'MONEY', 60292500, 'CNY']]],
    ['质押贷款超9000亿元。', [['9000亿元', 'MONEY', 900000000000, 'CNY']]],
    ['每股8.69元', [['8.69元', 'MONEY', 8.69, 'CNY']]],
    ['人均收入28,000元', [['28,000元', 'MONEY', 28000, 'CNY']]],
    ['投资五千万元', [['五千万元', 'MONEY', 50000000, 'CNY']]],
    ['利润三十多万元', [['三十多万元', 'MONEY', 300000, 'CNY']]],
    ['达到1.2万亿元', [['1.2万亿元', 'MONEY', 1.2e12, 'CNY']]],
    ['出口额140亿美元', [['140亿美元', 'MONEY', 14000000000, 'USD']]],
    ['筹款2．7亿日元', [['2．7亿日元', 'MONEY', 270000000, 'JPY']]],
    ['获得5000万港元和10亿欧元', [['5000万港元', 'MONEY', 50000000, 'HKD'], ['10亿欧元', 'MONEY', 1000000000, 'EUR']]],
    ['合3．8亿英镑', [['3．8亿英镑', 'MONEY', 380000000, 'GBP']]],
    ['捐赠100万元人民币', [['100万元人民币', 'MONEY', 1000000, 'CNY']]],
    ['损失5万多元', [['5万多元', 'MONEY', 50000, 'CNY']]],
    ['预计5000余万元', [['5000余万元', 'MONEY', 50000000, 'CNY']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findFigures: PERCENT', () => {
  it.each<[string, Expected[]]>([
    ['减少提交资料 83%。', [['83%', 'PERCENT', 0.83, '%']]],
    ['调处率达99.4%；', [['99.4%', 'PERCENT', 0.994, '%']]],
    ['其中七成属于战略性新兴产业', [['七成', 'PERCENT', 0.7, '%']]],
    ['约2/3机器人相关专利', [['2/3', 'PERCENT', 0.6667, '%']]],
    ['占比约三分之二', [['三分之二', 'PERCENT', 0.6667, '%']]],
    ['同比增长214%，', [['214%', 'PERCENT', 2.14, '%']]],
    ['增长15%至20%', [['15%', 'PERCENT', 0.15, '%'], ['20%', 'PERCENT', 0.2, '%']]],
    ['增长１５．８％', [['１５．８％', 'PERCENT', 0.158, '%']]],
    ['结果百分之五十五点一的人支持', [['百分之五十五点一', 'PERCENT', 0.551, '%']]],
    ['满意率达90%以上', [['90%', 'PERCENT', 0.9, '%']]],
    ['下降两成', [['两成', 'PERCENT', 0.2, '%']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findFigures: QUANTITY', () => {
  it.each<[string, Expected[]]>([
    ['年产1万吨食品级氧化镁', [['1万吨', 'QUANTITY', 10000, '吨']]],
    ['青海省 6 万千瓦/60 万千瓦时液态空气储能', [['6 万千瓦', 'QUANTITY', 60000, '千瓦'], ['60 万千瓦时', 'QUANTITY', 600000, '千瓦时']]],
    ['接待游客超2110万人次', [['2110万人次', 'QUANTITY', 21100000, '人次']]],
    ['辖区内的 31 个党支部', [['31 个', 'QUANTITY', 31, '个']]],
    ['从658平方米增至2045平方米', [['658平方米', 'QUANTITY', 658, '平方米'], ['2045平方米', 'QUANTITY', 2045, '平方米']]],
    ['时间压缩至3个工作日。', [['3个工作日', 'QUANTITY', 3, '个工作日']]],
    ['则用时19个月左右。', [['19个月', 'QUANTITY', 19, '个月']]],
    ['已经20年', [['20年', 'QUANTITY', 20, '年']]],
    ['公共事务120余件', [['120余件', 'QUANTITY', 120, '件']]],
    ['创建主题彩绘街巷10 余条', [['10 余条', 'QUANTITY', 10, '条']]],
    ['收集民生诉求2.8万余件', [['2.8万余件', 'QUANTITY', 28000, '件']]],
    ['20多万人', [['20多万人', 'QUANTITY', 200000, '人']]],
    ['吸收300余篇', [['300余篇', 'QUANTITY', 300, '篇']]],
    ['组建3支招商攻坚队', [['3支', 'QUANTITY', 3, '支']]],
    ['拥有社区工作者19.7人', [['19.7人', 'QUANTITY', 19.7, '人']]],
    ['提高2.3个百分点', [['2.3个百分点', 'QUANTITY', 2.3, '个百分点']]],
    ['增长1.5倍', [['1.5倍', 'QUANTITY', 1.5, '倍']]],
    ['近三百名群众和五千亩荒地', [['三百名', 'QUANTITY', 300, '名'], ['五千亩', 'QUANTITY', 5000, '亩']]],
    ['两万余人', [['两万余人', 'QUANTITY', 20000, '人']]],
    ['二十四小时', [['二十四小时', 'QUANTITY', 24, '小时']]],
    ['3个多月', [['3个多月', 'QUANTITY', 3, '个月']]],
    ['气温-20℃', [['-20℃', 'QUANTITY', -20, '℃']]],
    ['3日内办结', [['3日', 'QUANTITY', 3, '日']]],
    // Vague and ranged numbers (optional in the gold): the lower bound.
    ['吸引数千人到乡村', [['数千人', 'QUANTITY', 1000, '人']]],
    ['上万人次志愿者', [['上万人次', 'QUANTITY', 10000, '人次']]],
    ['精简至3至5个', [['3至5个', 'QUANTITY', 3, '个']]],
    ['选派1-2名党员', [['1-2名', 'QUANTITY', 1, '名']]],
    ['投资5至10万元', [['5至10万元', 'MONEY', 50000, 'CNY']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findFigures: DATE', () => {
  it.each<[string, Expected[]]>([
    ['青海省市场监督管理局2024年4月24日', [['2024年4月24日', 'DATE', '2024-04-24']]],
    ['人民日报北京2月25日电', [['2月25日', 'DATE', '--02-25']]],
    ['截至2025年，我国', [['2025年', 'DATE', '2025']]],
    ['相关单位介绍了 2023 年青海省', [['2023 年', 'DATE', '2023']]],
    ['于 9 月 30 日前', [['9 月 30 日', 'DATE', '--09-30']]],
    ['25日，会议召开', [['25日', 'DATE', '---25']]],
    ['18日14时14分', [['18日14时14分', 'DATE', '---18T14:14']]],
    ['2019年06月15日08:18', [['2019年06月15日08:18', 'DATE', '2019-06-15T08:18']]],
    ['发布于2019-09-26 12:11', [['2019-09-26 12:11', 'DATE', '2019-09-26T12:11']]],
    ['2024年4—9月', [['2024年4—9月', 'DATE', '2024-04/2024-09']]],
    ['今年1-10月，', [['1-10月', 'DATE', '--01/--10']]],
    ['截至2025年底，', [['2025年底', 'DATE', '2025']]],
    ['截至2026年1月底，', [['2026年1月底', 'DATE', '2026-01']]],
    ['6月中旬，走进', [['6月中旬', 'DATE', '--06']]],
    ['5月11日上午，', [['5月11日上午', 'DATE', '--05-11']]],
    ['2019年2月27日下午', [['2019年2月27日下午', 'DATE', '2019-02-27']]],
    ['5月23日晚7时', [['5月23日晚7时', 'DATE', '--05-23T19:00']]],
    ['一九九八年', [['一九九八年', 'DATE', '1998']]],
    ['二〇二四年五月一日', [['二〇二四年五月一日', 'DATE', '2024-05-01']]],
    ['9月11日—21日在吉隆坡', [['9月11日—21日', 'DATE', '--09-11/--09-21']]],
    ['4月13日至6月12日', [['4月13日至6月12日', 'DATE', '--04-13/--06-12']]],
    ['（2024—2026年）', [['2024—2026年', 'DATE', '2024/2026']]],
    ['2024年度报告', [['2024年度', 'DATE', '2024']]],
    ['2019年至今', [['2019年', 'DATE', '2019']]],
    ['6月份', [['6月份', 'DATE', '--06']]],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('findFigures: not figures', () => {
  it.each([
    ['ordinals', '位居全球第一，第26届灯会，第五批名单，第 3 个'],
    ['numbers inside names and slogans', '党的二十大精神，“十四五”时期，“三北”六期工程，五大体系，十九届四中全会'],
    ['codes, phones and registration numbers', '12328热线，电话0971-1234567，JY800破碎机，5A级景区，PM2.5，COVID-19，C919'],
    ['list markers', '一、活动主题\n(一)知识产权\n1. 在\n2.向各市州'],
    ['a single Chinese numeral with a classifier', '一条建议，两次会议，三县两区，五个小组，十项措施'],
    ['set phrases and idioms', '走向千家万户，24字社会主义核心价值观，成千上万，一成不变'],
    ['scale words without a number', '百万吨级镁系产业集群，冲刺千亿元级规模'],
    ['relative dates and clock times', '今年，近日，日前，当天，上午10时30分，14:30'],
    ['a document number', '青市监函〔2024〕144号'],
    ['titles in 《》', '印发《2024年青海省活动方案》的通知'],
    ['decades and grades', '90年代，3年级，2024级新生，90后'],
    ['a Chinese month alone', '一周一定、一月一公开'],
  ])('%s', (_label, text) => {
    expect(rows(text)).toEqual([]);
  });

  it('keeps approximators outside the span', () => {
    expect(rows('约30个，近8万人，超过200人，逾百，达16件，累计5家，5%左右，90%以上，10岁以下').map((r) => r[0])).toEqual([
      '30个',
      '8万人',
      '200人',
      '16件',
      '5家',
      '5%',
      '90%',
      '10岁',
    ]);
  });
});

describe('findFigures: offsets', () => {
  it('are UTF-16 indices past astral characters', () => {
    const text = '😀𠀀共3个，🎉增长5%';
    const spans = findFigures(text);
    expect(spans.map((s) => [s.start, s.end, s.text])).toEqual([
      [5, 7, '3个'],
      [12, 14, '5%'],
    ]);
    checkSpans(text, spans);
  });

  const fragments = [
    '2024年', '4月', '24日', '3个', '万', '亿元', '%', '多', '余', '至', '-', '—', '第', '《', '》', '〔2024〕', '号', '两', '三',
    '十', '百', '千', '点', '分之', '成', '/', '.', ',', ' ', '　', '１２', '😀', '\u{20000}', '\ud800', '\udc00', '\u0000', '\n', 'a',
    '时', '上午', '数', '上', '几', '人次', '千瓦', '年底', '中旬',
  ];
  const mixed = fc
    .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 })
    .map((parts) => parts.join(''));

  it('are valid for arbitrary strings, emoji and lone surrogates included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), mixed), (text) => {
        checkSpans(text, findFigures(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('are the same whether a figure stands alone or inside other text', () => {
    fc.assert(
      fc.property(fc.constantFrom('3个', '2024年4月24日', '83%', '30 万元', '七成'), fc.constantFrom('，', '。', '\n', '（'), (fig, sep) => {
        const text = `前文${sep}${fig}${sep}后文`;
        const spans = findFigures(text);
        expect(spans.map((s) => s.text)).toEqual([fig]);
        expect(spans[0]!.start).toBe(2 + sep.length);
      }),
    );
  });
});

describe('findFigures: robustness', () => {
  it('returns [] for the empty string', () => {
    expect(findFigures('')).toEqual([]);
  });

  it('handles control characters and mixed scripts', () => {
    const text = '\u0000\u0007共\t3\u0008个\r\nThe price rose 5% в 2024 году, 増加 12%，合计30万元\u200b。';
    const spans = findFigures(text);
    checkSpans(text, spans);
    expect(spans.map((s) => s.text)).toEqual(['5%', '12%', '30万元']);
  });

  it('scans a 1 MB line quickly', () => {
    const unit = '截至2024年底，全省3.2万个基站，增长12.5%，投资1.5亿元，第一批，一条建议，千家万户。😀';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const t0 = performance.now();
    const spans = findFigures(text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(2000);
    expect(spans.length).toBe(4 * Math.ceil(1_000_000 / unit.length));
    checkSpans(text, spans.slice(0, 100));
  });

  it('scans 1 MB of digits or numerals without a blow-up', () => {
    for (const ch of ['1', '万', '一', '%', '〔']) {
      const text = ch.repeat(1_000_000);
      const t0 = performance.now();
      findFigures(text);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });
});
