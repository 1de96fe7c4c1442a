/**
 * The background's insight service over the real seed corpus: cross-checks as pages ask for
 * them (marks as JSON), a reprint is no check of itself, the page's own 已读 record is left out,
 * bad marks are refused with a clear error, and profiles join the clippings.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeedCorpus } from '@/lib/cli/corpus-seeds';
import { historyIdOf, marksJson, spansAsMarks, type CorpusArticle } from '@/lib/corpus/article';
import { Corpus } from '@/lib/corpus/related';
import { recognize } from '@/lib/recognize';
import { nodeTagger } from '@/lib/recognize/tagger/node';
import { nodeSegmenter } from '@/lib/segment/node';
import type { ClippingsDb, StoredClipping } from '@/lib/store/db';
import { createInsightService } from '@/entrypoints/background/insight';

let corpus: Corpus;
let seeds: CorpusArticle[];
const segmenter = nodeSegmenter();
const { tagger } = nodeTagger();
let clippings: StoredClipping[] = [];

/** The part of the database the service reads: the clippings table. */
const db = () =>
  ({
    clippings: {
      count: async () => clippings.length,
      orderBy: () => ({ last: async () => clippings[clippings.length - 1] }),
      toArray: async () => clippings,
    },
  }) as unknown as ClippingsDb;

beforeAll(async () => {
  seeds = (await buildSeedCorpus()).articles;
  corpus = new Corpus(seeds);
}, 60_000);

async function check(service: ReturnType<typeof createInsightService>, text: string, url?: string) {
  const spans = await recognize(text, segmenter, { tagger });
  return service.handlers['insight/crosscheck']({ text, marks: marksJson(spansAsMarks(spans)), ...(url ? { url } : {}) }, undefined);
}

describe('insight service', () => {
  it('finds a changed figure, and no check of a reprint by itself', async () => {
    const service = createInsightService({ corpus: async () => corpus, db });
    const changed = await check(service, '青海省6万千瓦/60万千瓦时液态空气储能示范项目在格尔木市开工，总投资约18.5亿元。');
    const money = changed.results.find((r) => r.figure.text === '18.5亿元');
    expect(money?.matches.map((m) => [m.verdict, m.figure.text, m.origin])).toContainEqual(['different', '15.68亿元', 'seed']);
    const energy = seeds.find((a) => a.text.includes('总投资约15.68亿元'))!;
    // The whole article as a page: every statement is its own sentence, reprinted.
    const reprint = await check(service, energy.text);
    expect(reprint.results.flatMap((r) => r.matches).filter((m) => m.articleId === energy.id)).toEqual([]);
    // The same article with one figure changed: that one is checked against it.
    const edited = await check(service, energy.text.replace('15.68', '18.5'));
    expect(edited.results.flatMap((r) => r.matches).filter((m) => m.articleId === energy.id).map((m) => m.verdict)).toContain('different');
  }, 60_000);

  it('leaves out the page’s own record in the reading history', async () => {
    const url = 'http://www.example.gov.cn/a.html';
    const read: CorpusArticle = { ...seeds.find((a) => a.text.includes('总投资约15.68亿元'))!, id: await historyIdOf(url), origin: 'history', url, addedAt: 1 };
    const mine = new Corpus([read]);
    const service = createInsightService({ corpus: async () => mine, db });
    const other = await check(service, `青海省6万千瓦/60万千瓦时液态空气储能示范项目在格尔木市开工，总投资约18.5亿元。`);
    expect(other.results.some((r) => r.matches.some((m) => m.origin === 'history'))).toBe(true);
    const own = await check(service, `青海省6万千瓦/60万千瓦时液态空气储能示范项目在格尔木市开工，总投资约18.5亿元。`, url);
    expect(own.results.some((r) => r.matches.some((m) => m.origin === 'history'))).toBe(false);
  }, 60_000);

  it('refuses marks that are not JSON or not marks, naming what is wrong', async () => {
    const service = createInsightService({ corpus: async () => corpus, db });
    await expect(service.handlers['insight/crosscheck']({ text: '总投资15亿元', marks: '[1,2' }, undefined)).rejects.toThrow('marks: not JSON');
    await expect(service.handlers['insight/crosscheck']({ text: '总投资15亿元', marks: '[[0, 5, "MONEY", "x", 3]]' }, undefined)).rejects.toThrow(/^marks\.0/);
  });

  it('joins the clippings to a profile, and follows their changes', async () => {
    const service = createInsightService({ corpus: async () => corpus, db });
    const ask = () => service.handlers['insight/profile']({ name: '青海省市场监管局', entityType: 'ORG', places: ['青海省'] }, undefined);
    const before = (await ask()).profile!;
    expect(before.mentions.some((m) => m.kind === 'article' && m.origin === 'seed')).toBe(true);
    expect(before.mentions.some((m) => m.kind === 'clipping')).toBe(false);
    const quote = '青海省市场监管局在西宁市发布镁产业专利导航项目成果';
    clippings = [
      { id: 'c1', quote, title: '我省发布镁产业专利导航项目成果', url: 'http://www.qhnews.com/a.html', createdAt: Date.now(), updatedAt: Date.now(), entities: [{ start: 0, end: 8, type: 'ORG', text: '青海省市场监管局' }] } as unknown as StoredClipping,
    ];
    const after = (await ask()).profile!;
    expect(after.mentions[0]).toMatchObject({ kind: 'clipping', id: 'c1' });
    clippings = [];
    expect((await ask()).profile!.mentions.some((m) => m.kind === 'clipping')).toBe(false);
  });
});
