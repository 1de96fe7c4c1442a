/**
 * The search box over the seed corpus (and an added article): one character finds the words
 * holding it, a phrase ranks the articles holding it whole above those holding one of its parts,
 * traditional characters find simplified text, several parts narrow the list.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeArticles } from '../../lib/corpus/build';
import { Corpus } from '../../lib/corpus/related';
import { buildSeedCorpus } from '../../lib/cli/corpus-seeds';
import { nodeAnalyzer } from '../../lib/cli/node-analyzer';
import { queryForms, toSimplified } from '../../lib/text/variants';

let corpus: Corpus;
const analyzer = nodeAnalyzer();

beforeAll(async () => {
  const seeds = (await buildSeedCorpus()).articles;
  corpus = new Corpus(seeds);
  // An added article holding the phrase whole, beside seeds holding only its parts (固定, 投资).
  const base = seeds[0]!;
  corpus.add({
    ...base,
    id: 'user:fixed-assets',
    origin: 'user',
    title: '前三季度全省固定资产投资稳步增长',
    text: '前三季度，全省固定资产投资同比增长6.2%，其中工业投资增长9.1%。固定资产投资结构持续优化。',
    addedAt: 1,
    seed: undefined,
  });
}, 60_000);

describe('corpus search', () => {
  it('finds the words holding one character (镁 → 镁产业, 氧化镁)', async () => {
    const hits = await corpus.search('镁', analyzer);
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.map((h) => h.title)).toEqual(expect.arrayContaining(['青海省发布镁产业专利导航成果', '德令哈建成全国最大盐湖食品级氧化镁生产线']));
    for (const h of hits.slice(0, 2)) expect(h.score).toBeGreaterThan(0.8);
  });

  it('ranks articles holding a phrase whole above those holding its parts', async () => {
    const hits = await corpus.search('固定资产投资', analyzer);
    expect(hits[0]!.articleId).toBe('user:fixed-assets');
    expect(hits[0]!.sentence?.text).toContain('固定资产投资');
    for (const h of hits.slice(1)) expect(h.score).toBeLessThan(hits[0]!.score / 2);
  });

  it('finds simplified text from traditional characters', async () => {
    const simplified = await corpus.search('知识产权', analyzer);
    const traditional = await corpus.search('知識產權', analyzer);
    expect(traditional.map((h) => h.articleId)).toEqual(simplified.map((h) => h.articleId));
    expect(traditional.length).toBeGreaterThan(2);
  });

  it('puts articles holding every part first', async () => {
    const hits = await corpus.search('淄博高新区 知识产权', analyzer);
    expect(hits[0]!.title).toBe('淄博高新区:知识产权工作获省级督查激励');
    expect(hits[0]!.sharedTerms).toEqual(['淄博高新区', '知识产权']);
    expect(hits[1]!.score).toBeLessThan(hits[0]!.score);
  });

  it('answers nothing for an empty query and something else for a word it does not hold', async () => {
    expect(await corpus.search('   ', analyzer)).toEqual([]);
    const none = await corpus.search('量子计算机', analyzer);
    for (const h of none) expect(h.score).toBeLessThan(0.4);
  });
});

describe('traditional to simplified', () => {
  it.each([
    ['知識產權局發佈《專利導航》', '知识产权局发布《专利导航》'],
    ['國務院關於進一步優化營商環境的意見', '国务院关于进一步优化营商环境的意见'],
    ['镁产业', '镁产业'],
    ['ABC 123', 'ABC 123'],
  ])('%s → %s', (t, s) => {
    expect(toSimplified(t)).toBe(s);
  });

  it('gives the query as typed, then simplified when it differs', () => {
    expect(queryForms(' 知識產權 ')).toEqual(['知識產權', '知识产权']);
    expect(queryForms('知识产权')).toEqual(['知识产权']);
    expect(queryForms('')).toEqual([]);
  });
});

describe('related articles of a whole page', () => {
  /** The article of a fixture page as the content script reads it: headline, dateline, body. */
  function fixtureArticle(file: string): string {
    const html = readFileSync(resolve(import.meta.dirname, '../e2e/fixtures', file), 'utf8');
    const from = html.indexOf('data-fixture="article"');
    const part = html.slice(html.indexOf('>', from) + 1, html.indexOf('【纠错】') > 0 ? html.indexOf('【纠错】') : undefined);
    return part.replace(/<[^>]+>/g, '\n').split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  }

  it('lists a shorter article telling the same story first, the whole page scoring no lower than its opening', async () => {
    const near = JSON.parse(readFileSync(resolve(import.meta.dirname, '../corpus/near-copy.jsonl'), 'utf8').trim());
    const [added] = await completeArticles([{ id: 'user:near', origin: 'user', title: near.title, titleFrom: 'page', reporters: [], text: near.text, url: near.url, addedAt: 2 }], analyzer);
    const withCopy = new Corpus([...corpus.list(), added!]);
    const page = fixtureArticle('news-article.html');
    expect(page.length).toBeGreaterThan(1000);
    const whole = await withCopy.related(page, analyzer);
    const opening = await withCopy.related(page.split('\n').slice(0, 4).join('\n'), analyzer);
    expect(whole[0]!.articleId).toBe('user:near');
    expect(opening[0]!.articleId).toBe('user:near');
    expect(whole[0]!.score).toBeGreaterThanOrEqual(opening[0]!.score);
    expect(whole[0]!.shared).toEqual(expect.arrayContaining(['沈知远', '韩若溪']));
  });

  it('finds nothing for an unrelated page, however long', async () => {
    const page = fixtureArticle('gov-portal-unrelated.html');
    expect(page.length).toBeGreaterThan(500);
    expect(await corpus.related(page, analyzer)).toEqual([]);
  });
});
