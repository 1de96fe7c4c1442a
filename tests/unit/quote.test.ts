import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, describeQuote, maxEdits } from '@/lib/anchor/quote';

const article = readFileSync(resolve(import.meta.dirname, '../../seeds/003_d311640a58962c0b.txt'), 'utf8');
const QUOTE = '积极协调省内优秀服务资源与市州有一定工作基础的商标专利服务机构结对帮扶';
const at = article.indexOf(QUOTE);
const saved = describeQuote(article, at, at + QUOTE.length);

function found(text: string, selectors = saved) {
  const a = anchorQuote(text, selectors);
  return a && { text: text.slice(a.start, a.end), method: a.method, distance: a.distance };
}

describe('describing and finding a quote again', () => {
  it('keeps 32 characters of context and the position', () => {
    expect(saved.quote.exact).toBe(QUOTE);
    expect(saved.quote.prefix).toHaveLength(32);
    expect(saved.quote.suffix).toHaveLength(32);
    expect(saved.position).toEqual({ type: 'TextPositionSelector', start: at, end: at + QUOTE.length });
    expect(found(article)).toEqual({ text: QUOTE, method: 'position', distance: 0 });
  });

  it('finds it by its text after paragraphs were inserted before it', () => {
    const edited = `编者按：本文有删改。\n\n新增的一段导语，介绍活动的背景和意义。\n${article}`;
    expect(found(edited)).toEqual({ text: QUOTE, method: 'quote', distance: 0 });
  });

  it('finds it after paragraphs before it were deleted', () => {
    const edited = article.slice(article.indexOf('## 三、活动内容'));
    expect(found(edited)).toMatchObject({ text: QUOTE, method: 'quote' });
  });

  it('finds it when the page re-wraps and re-indents it (whitespace ignored)', () => {
    const rewrapped = article.replace(QUOTE, `${QUOTE.slice(0, 10)}\n　　${QUOTE.slice(10, 20)} ${QUOTE.slice(20)}`);
    const a = anchorQuote(rewrapped, saved)!;
    expect(a.method).toBe('quote');
    expect(rewrapped.slice(a.start, a.end).replace(/\s/g, '')).toBe(QUOTE);
  });

  it('finds a changed quote by a close match (characters edited)', () => {
    const changed = QUOTE.replace('优秀', '优质').replace('结对帮扶', '结对帮助');
    const edited = article.replace(QUOTE, changed);
    expect(found(edited)).toEqual({ text: changed, method: 'fuzzy', distance: 2 });
  });

  it('leaves a quote orphaned when too much changed, never guessing', () => {
    const rewritten = article.replace(QUOTE, '组织省内服务机构与各市州开展对口合作交流');
    expect(anchorQuote(rewritten, saved)).toBeNull();
  });

  it('is strict with short quotes: one changed character of a short quote is an orphan', () => {
    const short = article.indexOf('活动时间');
    const s = describeQuote(article, short, short + 4);
    expect(maxEdits(4)).toBe(0);
    expect(anchorQuote(article.replace('活动时间', '活动日期'), s)).toBeNull();
  });

  it('tells repeated quotes apart by their context', () => {
    const text = '甲地召开会议。会议强调，要抓好落实。乙地召开会议。会议强调，要抓好落实。';
    const second = text.lastIndexOf('会议强调');
    const s = describeQuote(text, second, second + 4, 8);
    const shifted = `前言。${text}`;
    const a = anchorQuote(shifted, s)!;
    expect(a.method).toBe('quote');
    expect(a.start).toBe(second + 3);
  });

  it('finds a long quote (over 2,000 characters) by its head and tail', () => {
    const start = article.indexOf('## 一、活动主题');
    const s = describeQuote(article, start, start + 2200);
    const edited = article.slice(0, start + 1000) + '（此处有修改）' + article.slice(start + 1000);
    const text = `导语。\n${edited}`;
    const a = anchorQuote(text, s)!;
    expect(a.method).toBe('fuzzy');
    const expected = s.quote.exact.slice(0, 1000) + '（此处有修改）' + s.quote.exact.slice(1000);
    expect(text.slice(a.start, a.end)).toBe(expected);
  });

  it('finds any passage of an unchanged text where it was (property)', () => {
    fc.assert(
      fc.property(fc.nat(article.length - 50), fc.integer({ min: 1, max: 50 }), (start, length) => {
        const s = describeQuote(article, start, start + length);
        fc.pre(s.quote.exact.trim().length > 0);
        const a = anchorQuote(article, s)!;
        expect(article.slice(a.start, a.end)).toBe(s.quote.exact);
      }),
    );
  });

  it('finds any passage again after text is inserted before it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: article.length - 100 }), fc.integer({ min: 12, max: 60 }), fc.string({ minLength: 1, maxLength: 30 }), (start, length, inserted) => {
        const s = describeQuote(article, start, start + length);
        fc.pre(s.quote.exact.replace(/\s/g, '').length >= 12);
        const edited = inserted + article;
        const a = anchorQuote(edited, s)!;
        expect(a).not.toBeNull();
        expect(edited.slice(a.start, a.end).replace(/\s/g, '')).toBe(s.quote.exact.replace(/\s/g, ''));
      }),
      { numRuns: 100 },
    );
  });
});

describe('clippingLink', async () => {
  const { clippingLink } = await import('@/lib/store/clipping');
  it('keeps whole lines: one line alone, else the first and the last', () => {
    expect(clippingLink('https://www.qhnews.com/a.shtml#top', '青海省市场监管局在西宁市发布成果')).toBe(
      `https://www.qhnews.com/a.shtml#:~:text=${encodeURIComponent('青海省市场监管局在西宁市发布成果')}`,
    );
    const link = clippingLink('http://www.gov.cn/x.html', '第一段：专利导航项目成果发布。\n中间一段。\n  最后一段，推动镁产业高质量发展。 ')!;
    expect(link).toBe(`http://www.gov.cn/x.html#:~:text=${encodeURIComponent('第一段：专利导航项目成果发布。')},${encodeURIComponent('最后一段，推动镁产业高质量发展。')}`);
  });

  it('escapes the fragment\'s own marks (- , &)', () => {
    expect(clippingLink('https://a.cn/', 'A-B, C&D')).toBe('https://a.cn/#:~:text=A%2DB%2C%20C%26D');
  });

  it('opens only http(s) addresses', () => {
    for (const bad of ['data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'not a url']) {
      expect(clippingLink(bad, '引文')).toBeNull();
    }
  });
});
