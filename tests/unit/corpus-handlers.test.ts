// The clippings service opens the default database: an in-memory IndexedDB for it, before Dexie loads.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { clippingHandlers, clippingsDb } from '@/entrypoints/background/clippings';
import { createCorpusService, type CorpusServices, type CorpusSources } from '@/entrypoints/background/corpus';
import { buildSeedCorpus } from '@/lib/cli/corpus-seeds';
import { CORPUS_ASSET, MAX_ARTICLE_CHARS, type CorpusFile } from '@/lib/corpus/article';
import { createHandler, type ResponseOf, type Result } from '@/lib/messaging';
import { corpusBackgroundProtocol } from '@/lib/messaging/corpus-protocol';
import { clippingBackgroundProtocol } from '@/lib/messaging/clipping-protocol';
import { MAX_SEGMENT_CHARS } from '@/lib/messaging/protocol';
import { recognize } from '@/lib/recognize';
import { nodeSegmenter } from '@/lib/segment/node';
import { ClippingsDb } from '@/lib/store/db';

const segmenter = nodeSegmenter();
/** The background's services, in Node; like the offscreen document, a text longer than one message is refused. */
const services: CorpusServices = {
  cutForSearch: async (text) => {
    if (text.length > MAX_SEGMENT_CHARS) throw new Error('too long for one segment message');
    return segmenter.cutForSearch(text);
  },
  recognize: async (text) => {
    if (text.length > MAX_SEGMENT_CHARS) throw new Error('too long for one recognize message');
    return recognize(text, segmenter);
  },
};

let file: CorpusFile;
beforeAll(async () => {
  file = await buildSeedCorpus();
}, 60_000);

type P = typeof corpusBackgroundProtocol;
type Call = <K extends keyof P & string>(type: K, request: Record<string, unknown>) => Promise<Result<ResponseOf<P, K>>>;

let factory: IDBFactory;
let n = 0;
let db: ClippingsDb;
let fetched: string[];
beforeEach(() => {
  // Failed loads are logged by the service; the tests check what the caller is told.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  factory = new IDBFactory();
  db = new ClippingsDb(`corpus-handlers-${n++}`, { indexedDB: factory, IDBKeyRange });
  fetched = [];
});

afterEach(() => {
  vi.restoreAllMocks();
});

const okFetch = async (url: string) => {
  fetched.push(url);
  return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
};

/** The handlers behind the real message validation (request and response schemas). */
function service(sources: CorpusSources = {}) {
  const s = createCorpusService(services, { fetch: okFetch, url: () => `chrome-extension://test/${CORPUS_ASSET}`, db: () => db, ...sources });
  const handler = createHandler('background', corpusBackgroundProtocol, s.handlers);
  const call: Call = (type, request) => handler({ ...request, target: 'background', type }, {}) as never;
  const value = async <K extends keyof P & string>(type: K, request: Record<string, unknown>) => {
    const r = await call(type, request);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  return { service: s, call, value };
}

const GOLMUD = '液态空气储能示范项目在格尔木落地';

describe('corpus handlers', () => {
  it('loads the shipped file once and lists the 23 seed articles', async () => {
    const { value } = service();
    const [first, second] = await Promise.all([value('corpus/list', {}), value('corpus/list', {})]);
    expect(fetched).toEqual([`chrome-extension://test/${CORPUS_ASSET}`]);
    expect(first.articles).toHaveLength(23);
    expect(second.articles).toEqual(first.articles);
    expect(first.articles.every((a) => a.origin === 'seed' && a.chars > 0)).toBe(true);
    const golmud = first.articles.find((a) => a.title === GOLMUD)!;
    expect(golmud).toMatchObject({ id: expect.stringMatching(/^seed:001_/), seed: '001_453188b8ede87603.txt' });
    expect(golmud).not.toHaveProperty('text');
    expect(golmud).not.toHaveProperty('terms');
  });

  it('finds related articles for a text, and none for an unrelated one', async () => {
    const { value } = service();
    const { results } = await value('corpus/related', { text: '格尔木市的液态空气储能示范项目开工，储能规模6万千瓦' });
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(5);
    expect(results[0]!.title).toBe(GOLMUD);
    expect(results[0]!.score).toBeGreaterThan(0.2);
    const excluded = await value('corpus/related', { text: '格尔木市的液态空气储能示范项目开工，储能规模6万千瓦', exclude: [results[0]!.articleId] });
    expect(excluded.results.map((r) => r.articleId)).not.toContain(results[0]!.articleId);
    expect((await value('corpus/related', { text: '世界杯足球赛今晚在巴西开幕，球迷热情高涨' })).results).toEqual([]);
    expect((await value('corpus/related', { text: '   ' })).results).toEqual([]);
  });

  it('searches typed words with a lower bar, at most 20', async () => {
    const { value } = service();
    const { results } = await value('corpus/search', { query: '知识产权' });
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results.map((r) => r.title)).toContain('青海省发布镁产业专利导航成果');
    expect((await value('corpus/search', { query: '高新区', limit: 50 })).results.length).toBeLessThanOrEqual(20);
    expect((await value('corpus/search', { query: '高新区', limit: 2 })).results).toHaveLength(2);
    expect((await value('corpus/search', { query: '足球' })).results).toEqual([]);
  });

  it('gives one article in full, without its terms, with spans into its text', async () => {
    const { value } = service();
    const id = (await value('corpus/list', {})).articles.find((a) => a.title === GOLMUD)!.id;
    const { article, spans } = await value('corpus/article', { id });
    expect(article).toMatchObject({ id, title: GOLMUD, origin: 'seed' });
    expect(article).not.toHaveProperty('terms');
    expect(spans.length).toBeGreaterThan(5);
    for (const s of spans) expect(article!.text.slice(s.start, s.end)).toBe(s.text);
    expect(spans.some((s) => s.type === 'PLACE' && s.text.startsWith('格尔木'))).toBe(true);
    expect(await value('corpus/article', { id: 'seed:none#1' })).toEqual({ article: null, spans: [] });
  });

  it('lists the articles mentioning an entity', async () => {
    const { value } = service();
    const { articles } = await value('corpus/mentions', { span: { type: 'PLACE', text: '格尔木' } });
    expect(articles.map((a) => a.title)).toContain(GOLMUD);
    expect(articles.every((a) => a.count > 0)).toBe(true);
    expect((await value('corpus/mentions', { span: { type: 'PERSON', text: '不存在的人' } })).articles).toEqual([]);
    const few = await value('corpus/mentions', { span: { type: 'PLACE', text: '青海省' }, limit: 2 });
    expect(few.articles.length).toBeLessThanOrEqual(2);
  });

  it('adds articles: stored, listed after the seeds newest first, found, and kept for the next start', async () => {
    const { value } = service();
    await value('corpus/list', {}); // loaded before: the new ones go into the loaded index too
    const first = await value('corpus/add', {
      articles: [{ title: '格尔木光热电站并网发电', text: '格尔木市一座5万千瓦光热电站并网发电，熔盐储热可连续发电12小时。', url: 'https://www.qhnews.com/a.html' }],
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = await value('corpus/add', { articles: [{ title: '读书笔记', text: '西宁市图书馆举办读书分享会，读者交流阅读心得。', source: '本地文件' }] });
    expect(first.ids[0]).toMatch(/^user:[0-9a-f-]{36}$/);

    const stored = await db.articles.toArray();
    expect(stored.map((a) => a.id).sort()).toEqual([...first.ids, ...second.ids].sort());
    const page = stored.find((a) => a.id === first.ids[0])!;
    expect(page).toMatchObject({ origin: 'user', titleFrom: 'page', url: 'https://www.qhnews.com/a.html' });
    expect(page.addedAt).toBeGreaterThan(0);
    expect(page.entities.some((e) => e.text === '格尔木市')).toBe(true);
    expect(stored.find((a) => a.id === second.ids[0])).toMatchObject({ titleFrom: 'file', source: '本地文件' });

    const list = (await value('corpus/list', {})).articles;
    expect(list).toHaveLength(25);
    expect(list.slice(0, 23).every((a) => a.origin === 'seed')).toBe(true);
    expect(list.slice(23).map((a) => a.id)).toEqual([second.ids[0], first.ids[0]]);
    const found = await value('corpus/related', { text: '格尔木光热电站熔盐储热' });
    expect(found.results[0]!.articleId).toBe(first.ids[0]);
    expect((await value('corpus/mentions', { span: { type: 'PLACE', text: '格尔木市' } })).articles.map((a) => a.articleId)).toContain(first.ids[0]);

    // A fresh start (the service worker woke up again) reads them back from the database.
    const again = service();
    expect((await again.value('corpus/list', {})).articles.slice(23).map((a) => a.id)).toEqual([second.ids[0], first.ids[0]]);
  });

  it('adds all or nothing, naming the article that failed', async () => {
    // Articles are analyzed in batches; when a batch fails, the one that fails alone is named.
    const failing = createCorpusService(
      {
        ...services,
        recognize: async (text) => {
          if (text.includes('海东市')) throw new Error('分词器出错');
          return services.recognize(text);
        },
      },
      { fetch: okFetch, url: () => 'x', db: () => db },
    );
    const handler = createHandler('background', corpusBackgroundProtocol, failing.handlers);
    const answer = (await handler({ target: 'background', type: 'corpus/add', articles: [{ title: '第一篇', text: '西宁市举办读书分享会。' }, { title: '第二篇', text: '海东市举办灯会。' }] })) as Result<unknown>;
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/第 2 篇文章（第二篇）无法分析，未添加任何文章：分词器出错/) });
    expect(await db.articles.count()).toBe(0);

    const { call } = service();
    const empty = await call('corpus/add', { articles: [{ title: '  ', text: '正文' }] });
    expect(empty.ok).toBe(false);
    expect(await db.articles.count()).toBe(0);
  });

  it('analyzes an article longer than one segmenter message in pieces', async () => {
    const { value } = service();
    const sentence = '青海省西宁市举办知识产权宣传周活动。\n';
    const text = `${sentence.repeat(Math.floor(MAX_ARTICLE_CHARS / sentence.length) - 1)}格尔木市召开总结会。`;
    expect(text.length).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    const { ids } = await value('corpus/add', { articles: [{ title: '一篇很长的活动报道'.repeat(5), text }] });
    const stored = (await db.articles.get(ids[0]!))!;
    expect(stored.entities.find((e) => e.text === '格尔木市')).toMatchObject({ count: 1 });
    expect(stored.entities.find((e) => e.text === '西宁市')!.count).toBeGreaterThan(5000);
  }, 60_000);

  it('removes added articles, never seed articles', async () => {
    const { value, call } = service();
    const { ids } = await value('corpus/add', { articles: [{ title: '格尔木光热电站并网发电', text: '格尔木市一座光热电站并网发电。' }] });
    const seedId = (await value('corpus/list', {})).articles[0]!.id;
    const refused = await call('corpus/remove', { ids: [ids[0], seedId] });
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('种子文章随扩展提供，不能删除') });
    expect(await db.articles.count()).toBe(1);

    expect(await value('corpus/remove', { ids: [ids[0], 'user:gone'] })).toEqual({ removed: 1 });
    expect(await db.articles.count()).toBe(0);
    expect((await value('corpus/list', {})).articles).toHaveLength(23);
    expect((await value('corpus/related', { text: '格尔木光热电站并网发电' })).results.map((r) => r.articleId)).not.toContain(ids[0]);
  });

  it.each([
    ['the file cannot be fetched', async () => Promise.reject(new TypeError('Failed to fetch')), /语料文件无法读取（corpus\/seeds-v1\.json）：Failed to fetch/],
    ['the file is missing', async () => new Response('', { status: 404 }), /语料文件无法读取（corpus\/seeds-v1\.json：HTTP 404）/],
    ['the file is not JSON', async () => new Response('{"version": 1, "artic'), /语料文件已损坏/],
    ['the file is of another version', async () => new Response(JSON.stringify({ ...file, version: 2 })), /语料文件格式不对（corpus\/seeds-v1\.json）：version/],
  ])('says so in Chinese when %s, and tries again on the next request', async (_, broken, message) => {
    let fetchFile: (url: string) => Promise<Response> = broken;
    const { call } = service({ fetch: (url) => fetchFile(url) });
    const failed = await call('corpus/list', {});
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.error).toMatch(message);
    fetchFile = okFetch;
    const answer = await call('corpus/list', {});
    expect(answer.ok && answer.value.articles).toHaveLength(23);
  });

  it('keeps added articles when the shipped file fails', async () => {
    const { value } = service();
    await value('corpus/add', { articles: [{ title: '读书笔记', text: '西宁市图书馆举办读书分享会。' }] });
    const broken = service({ fetch: async () => new Response('', { status: 500 }) });
    expect((await broken.call('corpus/list', {})).ok).toBe(false);
    expect(await db.articles.count()).toBe(1);
  });
});

describe('clippings get their related articles', () => {
  it('fills `related` after the save, without moving updatedAt', async () => {
    const corpus = createCorpusService(services, { fetch: okFetch, url: () => 'x', db: () => db });
    const handlers = clippingHandlers({ ...services, related: (text) => corpus.related(text) });
    const save = createHandler('background', clippingBackgroundProtocol, handlers);
    const quote = '液态空气储能示范项目在格尔木市开工建设，储能规模6万千瓦。';
    const answer = (await save(
      {
        target: 'background',
        type: 'clippings/save',
        quote,
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: quote.length },
        },
        url: 'https://www.qhnews.com/news/1.html',
        canonicalUrl: 'https://www.qhnews.com/news/1.html',
        title: '格尔木储能项目开工_青海新闻网',
      },
      {},
    )) as Result<{ id: string }>;
    if (!answer.ok) throw new Error(answer.error);
    const rows = clippingsDb().clippings;
    let row = await rows.get(answer.value.id);
    for (let i = 0; i < 200 && !row?.related.length; i++) {
      await new Promise((r) => setTimeout(r, 50));
      row = await rows.get(answer.value.id);
    }
    expect(row!.related[0]).toMatchObject({ title: GOLMUD, articleId: expect.stringMatching(/^seed:/) });
    expect(row!.related[0]!.score).toBeGreaterThan(0.2);
    expect(row!.related.length).toBeLessThanOrEqual(5);
    expect(row!.entities.length).toBeGreaterThan(0);
    expect(row!.updatedAt).toBe(row!.createdAt);
  }, 30_000);

  it('stores a save sent twice with its id once, and indexes rows a stop left unindexed', async () => {
    const rows = clippingsDb().clippings;
    const quote = '德令哈市新建盐湖食品级氧化镁生产线，年产能1万吨。';
    const id = crypto.randomUUID();
    const request = {
      target: 'background',
      type: 'clippings/save',
      id,
      quote,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: quote.length },
      },
      url: 'https://www.qhnews.com/news/2.html',
      canonicalUrl: 'https://www.qhnews.com/news/2.html',
      title: '氧化镁生产线',
    };
    // A row saved before the worker stopped, never indexed.
    await rows.put({ ...(await rows.toCollection().first())!, id: crypto.randomUUID(), quote: '格尔木市新能源项目集中开工。', tokens: [], entities: [], entityTypes: [] });
    const before = await rows.count();
    const handlers = clippingHandlers(services);
    const save = createHandler('background', clippingBackgroundProtocol, handlers);
    const first = (await save(request, {})) as Result<{ id: string }>;
    const again = (await save(request, {})) as Result<{ id: string }>;
    expect(first).toEqual({ ok: true, value: { id } });
    expect(again).toEqual({ ok: true, value: { id } });
    expect(await rows.count()).toBe(before + 1);
    const other = (await save({ ...request, quote: '另一段文字，同一个编号。' }, {})) as Result<{ id: string }>;
    expect(other.ok).toBe(false);
    // The unindexed row gets its search tokens a little after the worker's start.
    await new Promise((r) => setTimeout(r, 3_500));
    let left = await rows.filter((r) => r.tokens.length === 0).count();
    for (let i = 0; i < 100 && left; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = await rows.filter((r) => r.tokens.length === 0).count();
    }
    expect(left).toBe(0);
  }, 30_000);
});
