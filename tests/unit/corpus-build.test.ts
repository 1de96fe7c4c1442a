import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeArticle, completeArticles, type ArticleBase } from '../../lib/corpus/build';
import { splitSeed } from '../../lib/corpus/split';
import { nodeSegmenter } from '../../lib/segment/node';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

function bases(): ArticleBase[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) =>
      splitSeed(readFileSync(join(SEEDS, f), 'utf8')).map((a) => ({
        id: `user:${f}-${a.n}`,
        origin: 'user' as const,
        title: a.title,
        titleFrom: 'file' as const,
        reporters: [],
        text: a.text,
      })),
    );
}

describe('completeArticles (batched)', () => {
  it('gives every article the same terms, entities and facts as completing it alone', async () => {
    const segmenter = nodeSegmenter();
    const all = bases();
    const batched = await completeArticles(all, segmenter);
    expect(batched).toHaveLength(all.length);
    for (const [i, base] of all.entries()) {
      const alone = await completeArticle(base, segmenter);
      expect(batched[i]!.id).toBe(base.id);
      expect(batched[i]!.terms).toEqual(alone.terms);
      expect(batched[i]!.entities).toEqual(alone.entities);
      expect(batched[i]!.places).toEqual(alone.places);
      expect(batched[i]!.length).toBe(alone.length);
    }
  }, 60_000);

  it('returns [] for no articles', async () => {
    expect(await completeArticles([], nodeSegmenter())).toEqual([]);
  });
});
