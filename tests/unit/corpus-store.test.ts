import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CorpusArticle } from '@/lib/corpus/article';
import { completeArticle } from '@/lib/corpus/build';
import { nodeSegmenter } from '@/lib/segment/node';
import type { Clipping } from '@/lib/store/clipping';
import { pageKey } from '@/lib/store/clipping';
import { allArticles, ClippingsDb, CURRENT_VERSION, deleteArticles, putArticles, SCHEMA_V1, searchClippings } from '@/lib/store/db';
import { sampleClipping } from '../fixtures/clipping';

const segmenter = nodeSegmenter();

let factory: IDBFactory;
let n = 0;
beforeEach(() => {
  factory = new IDBFactory();
});
const openDb = (name = `corpus-${n++}`) => new ClippingsDb(name, { indexedDB: factory, IDBKeyRange });

function clipping(quote: string): Clipping {
  return sampleClipping(quote, { note: '旧笔记', tags: ['镁'] });
}

async function article(title: string, text: string, addedAt: number): Promise<CorpusArticle> {
  return completeArticle({ id: `user:${crypto.randomUUID()}`, origin: 'user', title, titleFrom: 'page', reporters: [], text, url: 'https://www.qhnews.com/a.html', addedAt }, segmenter);
}

describe('schema v2: the articles table', () => {
  it('opens a raw v1 database, keeping its clippings, and adds the articles table', async () => {
    const name = 'raw-v1-to-v2';
    const old = clipping('旧版本写入的摘录：青海省市场监管局');
    // Raw IndexedDB as the v1 build left it (Dexie stores version × 10).
    await new Promise<void>((resolve, reject) => {
      const open = factory.open(name, 10);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('clippings', { keyPath: 'id' });
        for (const spec of SCHEMA_V1.clippings.split(',').slice(1).map((s) => s.trim())) {
          const key = spec.replace('*', '');
          store.createIndex(key, key, { multiEntry: spec.startsWith('*') });
        }
      };
      open.onsuccess = () => {
        const tx = open.result.transaction('clippings', 'readwrite');
        tx.objectStore('clippings').put({ ...old, pageKeys: [pageKey(old.canonicalUrl)], entityTypes: [], tokens: ['市场', '监管局'] });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      open.onerror = () => reject(open.error);
    });

    const db = openDb(name);
    await db.open();
    expect(CURRENT_VERSION).toBe(2);
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['articles', 'clippings']);
    expect(db.articles.schema.indexes.map((i) => i.name).sort()).toEqual(['addedAt', 'url']);
    const rows = await db.clippings.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: old.id, quote: old.quote, note: '旧笔记', tags: ['镁'] });
    expect(await searchClippings(db, { query: '监管局', tokens: ['监管局'] })).toHaveLength(1);
    expect(await db.articles.count()).toBe(0);
    // The new table works in the upgraded database.
    await putArticles(db, [await article('格尔木液态空气储能', '液态空气储能示范项目在格尔木落地。', 1)]);
    expect(await allArticles(db)).toHaveLength(1);
    db.close();
  });
});

describe('added articles', () => {
  it('puts, lists oldest first and deletes', async () => {
    const db = openDb();
    const a = await article('格尔木液态空气储能', '液态空气储能示范项目在格尔木落地。', 2000);
    const b = await article('西宁知识产权服务', '青海省市场监督管理局在西宁市开展知识产权公共服务。', 1000);
    await putArticles(db, [a, b]);
    expect((await allArticles(db)).map((x) => x.title)).toEqual(['西宁知识产权服务', '格尔木液态空气储能']);
    expect(await deleteArticles(db, [a.id, 'user:gone'])).toBe(1);
    expect((await allArticles(db)).map((x) => x.id)).toEqual([b.id]);
  });

  it('writes all or nothing: one invalid article and none is written', async () => {
    const db = openDb();
    const good = await article('格尔木液态空气储能', '液态空气储能示范项目在格尔木落地。', 1);
    const seedLike = { ...good, id: 'seed:000#1', origin: 'seed' as const };
    await expect(putArticles(db, [good, seedLike])).rejects.toThrow(/只能保存用户添加的文章/);
    const untitled = { ...good, id: `user:${crypto.randomUUID()}`, title: '' };
    await expect(putArticles(db, [good, untitled])).rejects.toThrow();
    expect(await db.articles.count()).toBe(0);
  });

  it('skips (and reports, never deletes) a stored row that fails validation', async () => {
    const db = openDb();
    const good = await article('格尔木液态空气储能', '液态空气储能示范项目在格尔木落地。', 1);
    await putArticles(db, [good]);
    await db.articles.put({ id: 'user:broken', origin: 'user' } as unknown as CorpusArticle);
    const bad: unknown[] = [];
    expect((await allArticles(db, (id) => bad.push(id))).map((x) => x.id)).toEqual([good.id]);
    expect(bad).toEqual(['user:broken']);
    expect(await db.articles.count()).toBe(2);
  });

  it('says a storage error in Chinese (the quota)', async () => {
    const db = openDb();
    const good = await article('格尔木液态空气储能', '液态空气储能示范项目在格尔木落地。', 1);
    await db.open();
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    db.articles.hook('creating', () => {
      throw quota;
    });
    await expect(putArticles(db, [good])).rejects.toThrow(/存储空间已满/);
    expect(await db.articles.count()).toBe(0);
  });
});
