import { describe, expect, it } from 'vitest';
import type { CorpusArticle } from '@/lib/corpus/article';
import { completeArticle } from '@/lib/corpus/build';
import { textFeatures } from '@/lib/corpus/features';
import { Corpus } from '@/lib/corpus/related';
import { CorpusIndex } from '@/lib/corpus/search-index';
import { nodeSegmenter } from '@/lib/segment/node';

const segmenter = nodeSegmenter();

const TEXTS: Array<[id: string, title: string, text: string]> = [
  ['user:storage', '液态空气储能示范项目在格尔木落地', '近日，液态空气储能示范项目在格尔木市开工建设，项目总投资15.68亿元，储能规模6万千瓦。格尔木市发展和改革委员会表示，液态空气储能将提升电网调峰能力。'],
  ['user:magnesium', '德令哈建成全国最大盐湖食品级氧化镁生产线', '德令哈市盐湖食品级氧化镁生产线建成投产，年产氧化镁1万吨。氧化镁产品用于食品添加剂，海西州镁产业链进一步延伸。'],
  ['user:patent', '青海省发布镁产业专利导航成果', '青海省市场监督管理局在西宁市发布镁产业专利导航成果，分析镁产业专利布局，为海西州盐湖镁资源开发提供专利信息支撑。'],
];

async function articles(): Promise<CorpusArticle[]> {
  return Promise.all(
    TEXTS.map(([id, title, text], i) => completeArticle({ id, origin: 'user', title, titleFrom: 'file', reporters: [], text, addedAt: i }, segmenter)),
  );
}

describe('CorpusIndex', () => {
  it('finds an article by its words, and forgets it once removed', async () => {
    const index = new CorpusIndex();
    for (const a of await articles()) index.add(a);
    expect(index.size).toBe(3);
    const query = await textFeatures('格尔木的液态空气储能项目', segmenter);
    const hits = index.search(query);
    expect(hits[0]!.id).toBe('user:storage');
    expect(hits[0]!.score).toBeGreaterThan(0.2);
    expect(hits[0]!.score).toBeLessThanOrEqual(1);
    expect(hits[0]!.sharedTerms).toEqual(expect.arrayContaining(['储能', '格尔木']));

    index.remove('user:storage');
    expect(index.has('user:storage')).toBe(false);
    expect(index.size).toBe(2);
    expect(index.search(query).map((h) => h.id)).not.toContain('user:storage');
    // Removing twice does nothing.
    index.remove('user:storage');
    expect(index.size).toBe(2);
  });

  it('replaces an article added again under the same id', async () => {
    const index = new CorpusIndex();
    const [storage, magnesium] = await articles();
    index.add(storage!);
    index.add({ ...magnesium!, id: storage!.id });
    expect(index.size).toBe(1);
    expect(index.search(await textFeatures('液态空气储能', segmenter))).toEqual([]);
    expect(index.search(await textFeatures('食品级氧化镁', segmenter))[0]!.id).toBe(storage!.id);
  });

  it('gives the same scores after removals and re-adds as an index built fresh (slots reused)', async () => {
    const [storage, magnesium, patent] = await articles();
    const churned = new CorpusIndex();
    for (const a of [storage!, magnesium!, patent!]) churned.add(a);
    churned.remove(storage!.id);
    churned.remove(magnesium!.id);
    churned.add(magnesium!);
    churned.add(storage!);
    const fresh = new CorpusIndex();
    for (const a of [patent!, magnesium!, storage!]) fresh.add(a);
    for (const q of ['海西州镁产业专利', '格尔木液态空气储能', '食品级氧化镁生产线']) {
      const query = await textFeatures(q, segmenter);
      expect(churned.search(query, { minScore: 0, limit: 10 })).toEqual(fresh.search(query, { minScore: 0, limit: 10 }));
    }
  });

  it('answers nothing for an unrelated query, an empty query or an empty index', async () => {
    const index = new CorpusIndex();
    expect(index.search(await textFeatures('储能', segmenter))).toEqual([]);
    for (const a of await articles()) index.add(a);
    expect(index.search(await textFeatures('世界杯足球赛今晚在巴西开幕，球迷热情高涨', segmenter))).toEqual([]);
    expect(index.search({ terms: new Map(), features: [] })).toEqual([]);
  });

  it('keeps to the limit, the threshold and the excluded ids', async () => {
    const index = new CorpusIndex();
    for (const a of await articles()) index.add(a);
    const query = await textFeatures('海西州镁产业', segmenter);
    const all = index.search(query, { minScore: 0, limit: 10 });
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < all.length; i++) expect(all[i]!.score).toBeLessThanOrEqual(all[i - 1]!.score);
    expect(index.search(query, { minScore: 0, limit: 1 })).toHaveLength(1);
    expect(index.search(query, { minScore: 0, limit: 10, exclude: new Set([all[0]!.id]) }).map((h) => h.id)).not.toContain(all[0]!.id);
    expect(index.search(query, { minScore: 1.01 })).toEqual([]);
  });
});

describe('Corpus', () => {
  it('explains a related article: shared entities, words and the best sentence', async () => {
    const corpus = new Corpus(await articles());
    const [best] = await corpus.related('格尔木液态空气储能项目投资15.68亿元', segmenter);
    expect(best).toMatchObject({ articleId: 'user:storage', title: '液态空气储能示范项目在格尔木落地', origin: 'user' });
    expect(best!.shared).toEqual(expect.arrayContaining(['15.68亿元']));
    expect(best!.sentence!.text).toContain('液态空气储能');
    expect(await corpus.related('  ', segmenter)).toEqual([]);
  });

  it('lists the articles mentioning an entity or figure, by text or by normalized value', async () => {
    const corpus = new Corpus(await articles());
    const 海西州 = corpus.mentioning({ type: 'PLACE', text: '海西州' });
    expect(海西州.map((m) => m.articleId).sort()).toEqual(['user:magnesium', 'user:patent']);
    expect(海西州.every((m) => m.count >= 1)).toBe(true);
    // 1568000000 CNY as written another way.
    const money = corpus.mentioning({ type: 'MONEY', text: '156800万元', value: 1_568_000_000, unit: 'CNY' });
    expect(money).toEqual([{ articleId: 'user:storage', title: '液态空气储能示范项目在格尔木落地', count: 1 }]);
    expect(corpus.mentioning({ type: 'PERSON', text: '不存在的人' })).toEqual([]);
    expect(corpus.mentioning({ type: 'PLACE', text: '海西州' }, 1)).toHaveLength(1);
  });

  it('adds, gets, lists and removes', async () => {
    const [storage, ...rest] = await articles();
    const corpus = new Corpus(rest);
    expect(corpus.size).toBe(2);
    corpus.add(storage!);
    expect(corpus.get(storage!.id)?.title).toBe(storage!.title);
    expect(corpus.list().map((a) => a.id)).toEqual(['user:magnesium', 'user:patent', 'user:storage']);
    corpus.remove(storage!.id);
    expect(corpus.get(storage!.id)).toBeUndefined();
    expect(corpus.mentioning({ type: 'PLACE', text: '格尔木市' })).toEqual([]);
  });
});
