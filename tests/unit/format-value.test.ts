import { describe, expect, it } from 'vitest';
import { describeValue, formatValue, localTimestamp } from '@/lib/text/format-value';

type Span = { type: string; text?: string; value?: number | string; unit?: string };

describe('values in words', () => {
  it.each<[string, Span, string, string, string]>([
    // [as written, span, Chinese words, English words, machine value]
    ['15.68亿元', { type: 'MONEY', value: 1_568_000_000, unit: 'CNY' }, '15.68 亿元（¥1,568,000,000）', '¥1.568 billion (15.68 亿元)', '1568000000 CNY'],
    ['30 万元', { type: 'MONEY', value: 300_000, unit: 'CNY' }, '30 万元（¥300,000）', '¥300,000 (30 万元)', '300000 CNY'],
    ['8.69元', { type: 'MONEY', value: 8.69, unit: 'CNY' }, '¥8.69', '¥8.69', '8.69 CNY'],
    ['5万美元', { type: 'MONEY', value: 50_000, unit: 'USD' }, '5 万美元（US$50,000）', 'US$50,000 (5 万美元)', '50000 USD'],
    ['9000亿元', { type: 'MONEY', value: 9e11, unit: 'CNY' }, '9000 亿元（¥900,000,000,000）', '¥900 billion (9000 亿元)', '900000000000 CNY'],
    ['82.3%', { type: 'PERCENT', value: 0.823, unit: '%' }, '82.3%', '82.3%', '0.823 %'],
    ['三分之二', { type: 'PERCENT', value: 0.6667, unit: '%' }, '66.67%', '66.67%', '0.6667 %'],
    ['1万吨', { type: 'QUANTITY', value: 10_000, unit: '吨' }, '1 万吨（10,000 吨）', '10,000 吨', '10000 吨'],
    ['2110万人次', { type: 'QUANTITY', value: 21_100_000, unit: '人次' }, '2110 万人次（21,100,000 人次）', '21.1 million 人次', '21100000 人次'],
    ['31 个', { type: 'QUANTITY', value: 31, unit: '个' }, '31 个', '31 个', '31 个'],
    ['2024年4月24日', { type: 'DATE', text: '2024年4月24日', value: '2024-04-24' }, '2024年4月24日', '24 April 2024', '2024-04-24'],
    ['12月9日', { type: 'DATE', text: '12月9日', value: '--12-09' }, '12月9日', '9 December', '--12-09'],
    ['9日', { type: 'DATE', text: '9日', value: '---09' }, '9日', 'the 9th', '---09'],
    ['9日上午', { type: 'DATE', text: '9日上午', value: '---09' }, '9日上午', 'the 9th, morning', '---09'],
    ['2019年2月27日下午', { type: 'DATE', text: '2019年2月27日下午', value: '2019-02-27' }, '2019年2月27日下午', '27 February 2019, afternoon', '2019-02-27'],
    ['22日', { type: 'DATE', text: '22日', value: '---22' }, '22日', 'the 22nd', '---22'],
    ['11日', { type: 'DATE', text: '11日', value: '---11' }, '11日', 'the 11th', '---11'],
    ['18日14时14分', { type: 'DATE', text: '18日14时14分', value: '---18T14:14' }, '18日 14:14', 'the 18th, 14:14', '---18T14:14'],
    ['2025年', { type: 'DATE', text: '2025年', value: '2025' }, '2025年', '2025', '2025'],
    ['6月中旬', { type: 'DATE', text: '6月中旬', value: '--06' }, '6月', 'June', '--06'],
    ['2024年4—9月', { type: 'DATE', text: '2024年4—9月', value: '2024-04/2024-09' }, '2024年4月至9月', 'April – September 2024', '2024-04/2024-09'],
    ['1-10月', { type: 'DATE', text: '1-10月', value: '--01/--10' }, '1月至10月', 'January – October', '--01/--10'],
    ['2023年12月至2024年2月', { type: 'DATE', text: '', value: '2023-12/2024-02' }, '2023年12月至2024年2月', 'December 2023 – February 2024', '2023-12/2024-02'],
  ])('%s', (_written, span, zh, en, machine) => {
    expect(describeValue(span, 'zh')).toEqual({ words: zh, machine });
    expect(describeValue(span, 'en')).toEqual({ words: en, machine });
    expect(formatValue(span)).toBe(zh);
  });

  it.each<[string, Span]>([
    ['a name', { type: 'PERSON', text: '王亚平' }],
    ['text for money', { type: 'MONEY', value: 'x' }],
    ['a number for a date', { type: 'DATE', value: 2024 }],
    ['not finite', { type: 'QUANTITY', value: Number.NaN, unit: '个' }],
  ])('nothing for %s', (_name, span) => {
    expect(describeValue(span, 'en')).toBeNull();
    expect(formatValue(span)).toBe('');
  });

  it('keeps a date value it cannot read as it is', () => {
    expect(describeValue({ type: 'DATE', value: '2024-13-99x' }, 'en')?.words).toBe('2024-13-99x');
  });
});

describe('local time stamps', () => {
  const at = Date.UTC(2026, 11, 6, 3, 8, 19, 330);
  it.each<[number, string]>([
    [480, '2026-12-06T11:08:19+08:00'],
    [0, '2026-12-06T03:08:19+00:00'],
    [-300, '2026-12-05T22:08:19-05:00'],
    [330, '2026-12-06T08:38:19+05:30'],
  ])('offset %i', (offset, expected) => {
    expect(localTimestamp(at, offset)).toBe(expected);
  });
  it("uses the system's offset by default and gives nothing for a bad time", () => {
    expect(localTimestamp(at)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(localTimestamp(Number.NaN)).toBe('');
  });
});
