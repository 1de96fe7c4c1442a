// One `corpus/add` request (one batch of an import) is stored in one transaction: whole or not at all.
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCorpusService } from '@/entrypoints/background/corpus';
import { createHandler, type Result } from '@/lib/messaging';
import { corpusBackgroundProtocol } from '@/lib/messaging/corpus-protocol';
import { ClippingsDb } from '@/lib/store/db';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The background's corpus messages on a fresh database, with a segmenter that finds no words (enough to store). */
function background() {
  const db = new ClippingsDb(`corpus-add-transaction-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const service = createCorpusService({ cutForSearch: async () => [], recognize: async () => [] }, { fetch: async () => new Response('{}'), url: () => 'x', db: () => db });
  const handler = createHandler('background', corpusBackgroundProtocol, service.handlers);
  const add = (articles: Array<{ title: string; text: string }>) => handler({ target: 'background', type: 'corpus/add', articles }) as Promise<Result<{ ids: string[] }>>;
  return { db, add };
}

const batch = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ title: `${tag}${i}`, text: `${tag}第${i}篇正文。` }));

describe('corpus/add, one batch of an import', () => {
  it('stores a batch whole', async () => {
    const { db, add } = background();
    const answer = await add(batch(150, '甲'));
    expect(answer.ok && answer.value.ids.length).toBe(150);
    expect(await db.articles.count()).toBe(150);
  });

  it('stores nothing of a batch whose write fails halfway, and keeps the batches stored before', async () => {
    const { db, add } = background();
    expect((await add(batch(20, '甲'))).ok).toBe(true);
    // The write fails after half the rows are put: the transaction takes them back.
    const bulkPut = db.articles.bulkPut.bind(db.articles);
    vi.spyOn(db.articles, 'bulkPut').mockImplementation((async (rows: Parameters<typeof bulkPut>[0]) => {
      await bulkPut(rows.slice(0, rows.length / 2));
      throw new Error('disk full');
    }) as unknown as typeof bulkPut);
    const answer = await add(batch(40, '乙'));
    expect(answer.ok).toBe(false);
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(20);
    expect((await db.articles.toArray()).every((a) => a.title.startsWith('甲'))).toBe(true);
  });
});
