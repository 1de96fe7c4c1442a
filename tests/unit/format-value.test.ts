import { describe, expect, it } from 'vitest';
import { formatValue } from '@/lib/text/format-value';

describe('formatValue', () => {
  it.each<[string, { type: string; value?: number | string; unit?: string }, string]>([
    ['15.68亿元', { type: 'MONEY', value: 1_568_000_000, unit: 'CNY' }, '¥1,568,000,000（15.68 亿元）'],
    ['30 万元', { type: 'MONEY', value: 300_000, unit: 'CNY' }, '¥300,000（30 万元）'],
    ['8.69元', { type: 'MONEY', value: 8.69, unit: 'CNY' }, '¥8.69'],
    ['5万美元', { type: 'MONEY', value: 50_000, unit: 'USD' }, 'US$50,000（5 万USD）'],
    ['2024年4月24日', { type: 'DATE', value: '2024-04-24' }, '2024-04-24'],
    ['83%', { type: 'PERCENT', value: 0.83, unit: '%' }, '0.83'],
    ['2/3', { type: 'PERCENT', value: 0.6667, unit: '%' }, '0.6667'],
    ['1万吨', { type: 'QUANTITY', value: 10_000, unit: '吨' }, '10,000 吨（1 万吨）'],
    ['31 个', { type: 'QUANTITY', value: 31, unit: '个' }, '31 个'],
    ['a name', { type: 'PERSON' }, ''],
    ['a bad value', { type: 'MONEY', value: 'x' }, ''],
    ['not finite', { type: 'QUANTITY', value: Number.NaN, unit: '个' }, ''],
  ])('%s', (_name, span, expected) => {
    expect(formatValue(span)).toBe(expected);
  });
});
