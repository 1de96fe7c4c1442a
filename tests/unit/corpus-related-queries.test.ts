/**
 * The hand-written query set (tests/corpus/related-queries.jsonl) as a regression test: the
 * numbers `npm run eval:related` prints must stay above the bar.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { textFeatures } from '../../lib/corpus/features';
import { Corpus } from '../../lib/corpus/related';
import { buildSeedCorpus } from '../../lib/cli/corpus-seeds';
import { nodeSegmenter } from '../../lib/segment/node';

interface Query {
  id: string;
  kind: string;
  text: string;
  expect: string | null;
}

const queries: Query[] = readFileSync(resolve(import.meta.dirname, '../corpus/related-queries.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Query);

let corpus: Corpus;
beforeAll(async () => {
  corpus = new Corpus((await buildSeedCorpus()).articles);
}, 60_000);

const compact = (s: string) => s.replace(/\s+/g, '');

describe('related lookup on the hand-written query set', () => {
  it('has queries of every kind, and each anchor names exactly one article', () => {
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(['headline', 'sentence', 'paraphrase', 'page', 'unrelated']));
    for (const q of queries.filter((x) => x.expect)) {
      const found = corpus.list().filter((a) => compact([a.kicker, a.title, a.subtitle, a.text].join('')).includes(compact(q.expect!)));
      expect(found.map((a) => a.id), q.id).toHaveLength(1);
    }
  });

  it('finds the right article (MRR@5 ≥ 0.9) and nothing for unrelated texts', async () => {
    const segmenter = nodeSegmenter();
    let rr = 0;
    let related = 0;
    const leaks: string[] = [];
    for (const q of queries) {
      const hits = corpus.relatedTo(await textFeatures(q.text, segmenter));
      if (q.expect === null) {
        if (hits.length) leaks.push(`${q.id} → ${hits[0]!.title}`);
        continue;
      }
      related++;
      const want = corpus.list().find((a) => compact([a.kicker, a.title, a.subtitle, a.text].join('')).includes(compact(q.expect!)))!.id;
      const rank = hits.findIndex((h) => h.articleId === want);
      if (rank >= 0) rr += 1 / (rank + 1);
    }
    expect(rr / related).toBeGreaterThanOrEqual(0.9);
    expect(leaks).toEqual([]);
  }, 60_000);
});
