import { afterEach, describe, expect, it } from 'vitest';
import { datelineDate, metaDate, publishedIn } from '@/lib/corpus/published';
import { parseArticlesJsonl } from '@/components/CorpusManagerImport';
import { setLanguage } from '@/lib/i18n';
import { dateInWords } from '@/lib/text/format-value';

afterEach(() => setLanguage('zh'));

describe('publishedIn', () => {
  it.each([
    ['a dateline without a year', '人民日报北京2月25日电(记者谷业凯)国家知识产权局数据显示：……', undefined, '--02-25'],
    ['a dateline with its year', '新华社北京2024年3月5日电 十四届全国人大二次会议5日上午开幕。', undefined, '2024-03-05'],
    ['a dateline in Chinese numerals', '本报西宁十二月九日电 记者从省政府获悉……', undefined, '--12-09'],
    ['the byline rather than the text', '正文第一段。', '新华社北京6月15日电（记者 张三）', '--06-15'],
    ['a signature date under a notice', '各有关单位：\n现将方案印发给你们。\n青海省市场监督管理局\n2024年4月24日', undefined, '2024-04-24'],
    ['a signature date in Chinese numerals', '现予公布。\n西宁市人民政府\n二〇二三年十二月三十一日', undefined, '2023-12-31'],
    ['a labeled header line', '发布时间：2024-04-24 10:23:00  来源：青海日报\n正文。', undefined, '2024-04-24'],
    ['a header line of page furniture', '2024-04-24 10:23 来源：青海新闻网 作者：李四\n正文。', undefined, '2024-04-24'],
  ])('finds %s', (_, text, byline, expected) => {
    expect(publishedIn(text, byline)).toBe(expected);
  });

  it.each([
    ['a date opening a sentence', '2024年4月24日，省委召开常委会议，研究部署下一步工作。\n会议指出……'],
    ['a date inside a sentence', '会议于2024年4月24日在西宁召开。\n会议指出……'],
    ['a date in the middle of a long text', `${'第一段。\n'.repeat(5)}2024年4月24日\n${'后文。\n'.repeat(5)}`],
    ['no calendar date', '青海省人民政府\n2024年2月30日'],
    ['a month without a day', '本报北京电 2024年2月……'],
  ])('takes no date from %s', (_, text) => {
    expect(publishedIn(text)).toBeUndefined();
  });
});

describe('datelineDate and metaDate', () => {
  it('reads datelines', () => {
    expect(datelineDate('中新社北京2月29日电')).toBe('--02-29');
    expect(datelineDate('中新社北京2月30日电')).toBeUndefined();
    expect(datelineDate('记者 张三')).toBeUndefined();
  });

  it.each([
    ['2024-04-24 10:23:00', '2024-04-24'],
    ['2024-04-24T10:23:00+08:00', '2024-04-24'],
    ['2024/4/24', '2024-04-24'],
    ['2024年04月24日 09:00', '2024-04-24'],
    ['2024.04.24', '2024-04-24'],
    ['24/04/2024', undefined],
    ['2024-13-01', undefined],
    ['', undefined],
  ])('meta %s → %s', (content, expected) => {
    expect(metaDate(content)).toBe(expected);
  });
});

describe('dates in words', () => {
  it('writes full and partial dates in both languages', () => {
    expect(dateInWords('2024-04-24', 'zh')).toBe('2024年4月24日');
    expect(dateInWords('2024-04-24', 'en')).toBe('24 April 2024');
    expect(dateInWords('--02-25', 'zh')).toBe('2月25日');
    expect(dateInWords('--02-25', 'en')).toBe('25 February');
    expect(dateInWords('not a date', 'en')).toBe('not a date');
  });
});

describe('JSONL published dates', () => {
  it('keeps the day of a date and names a line whose date is not one', () => {
    const ok = parseArticlesJsonl('{"title":"一","text":"正文","published":"2024-04-24 10:23:00"}');
    expect(ok).toEqual({ articles: [{ title: '一', text: '正文', published: '2024-04-24' }] });
    setLanguage('en');
    const bad = parseArticlesJsonl('{"title":"一","text":"正文"}\n{"title":"二","text":"正文","published":"昨天"}');
    expect(bad).toEqual({ error: 'Line 2: “published” should be a date (such as 2024-04-24). No articles were added.' });
  });
});
