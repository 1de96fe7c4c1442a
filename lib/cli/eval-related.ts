/**
 * `npm run eval:related`: accuracy of the related-articles lookup on the hand-written query set
 * `tests/corpus/related-queries.jsonl` (see the README there).
 *
 * Each query names its article by an anchor, a short substring of the article's text; unrelated
 * queries have none and must return nothing. Prints MRR@5 and hit@1 per kind, the share of
 * unrelated queries answered with nothing, the misses, and a sweep of the relevance threshold
 * (so its value is chosen on evidence). `--queries FILE` evaluates another file of the same
 * form. Exits 1 if the file cannot be read or an anchor does not name exactly one article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Corpus } from '../corpus/related';
import { textFeatures, type TextFeatures } from '../corpus/features';
import { MIN_RELATED_SCORE } from '../corpus/search-index';
import { nodeAnalyzer } from './node-analyzer';
import { buildSeedCorpus, ROOT } from './corpus-seeds';

const querySchema = z.object({
  id: z.string(),
  kind: z.string(),
  text: z.string().min(1),
  expect: z.string().min(1).nullable(),
});

const args = process.argv.slice(2);
const fileAt = args.indexOf('--queries');
const file = fileAt >= 0 && args[fileAt + 1] ? args[fileAt + 1]! : join(ROOT, 'tests/corpus/related-queries.jsonl');

const queries = readFileSync(file, 'utf8')
  .split('\n')
  .map((l, i) => ({ l, i }))
  .filter(({ l }) => l.trim())
  .map(({ l, i }) => {
    try {
      return querySchema.parse(JSON.parse(l));
    } catch (error) {
      console.error(`${file}:${i + 1}: ${(error as Error).message}`);
      process.exit(1);
    }
  });

const segmenter = nodeAnalyzer();
const corpus = new Corpus((await buildSeedCorpus()).articles);
const compact = (s: string) => s.replace(/\s+/g, '');
const articles = corpus.list().map((a) => ({ id: a.id, title: a.title, text: compact([a.kicker, a.title, a.subtitle, a.text].filter(Boolean).join('')) }));

/** The article an anchor names; exits if it names none or several. */
function target(q: z.infer<typeof querySchema>): string | null {
  if (q.expect === null) return null;
  const anchor = compact(q.expect);
  const found = articles.filter((a) => a.text.includes(anchor));
  if (found.length !== 1) {
    console.error(`${q.id}: anchor 「${q.expect}」 names ${found.length} articles (${found.map((a) => a.id).join(', ') || 'none'})`);
    process.exit(1);
  }
  return found[0]!.id;
}

interface Row {
  q: z.infer<typeof querySchema>;
  want: string | null;
  features: TextFeatures;
}
const rows: Row[] = [];
const t0 = performance.now();
for (const q of queries) rows.push({ q, want: target(q), features: await textFeatures(q.text, segmenter) });
const featureMs = performance.now() - t0;

function evaluate(minScore: number) {
  const byKind = new Map<string, { n: number; rr: number; hit1: number; empty: number }>();
  const misses: string[] = [];
  for (const { q, want, features } of rows) {
    const hits = corpus.relatedTo(features, { minScore });
    const k = byKind.get(q.kind) ?? { n: 0, rr: 0, hit1: 0, empty: 0 };
    k.n++;
    if (want === null) {
      if (hits.length === 0) k.empty++;
      else misses.push(`${q.id} (unrelated) → ${hits[0]!.title} ${hits[0]!.score}`);
    } else {
      const rank = hits.findIndex((h) => h.articleId === want);
      if (rank >= 0) k.rr += 1 / (rank + 1);
      if (rank === 0) k.hit1++;
      if (rank !== 0) {
        const got = hits[0] ? `${hits[0].title} ${hits[0].score}` : 'nothing';
        misses.push(`${q.id} (${q.kind}) want ${articles.find((a) => a.id === want)!.title} at rank ${rank < 0 ? '-' : rank + 1}; got ${got}`);
      }
    }
    byKind.set(q.kind, k);
  }
  let n = 0;
  let rr = 0;
  let unrelated = 0;
  let unrelatedEmpty = 0;
  for (const [kind, k] of byKind) {
    if (kind === 'unrelated') {
      unrelated += k.n;
      unrelatedEmpty += k.empty;
    } else {
      n += k.n;
      rr += k.rr;
    }
  }
  return { byKind, misses, mrr: n ? rr / n : 0, related: n, unrelated, unrelatedEmpty };
}

const main = evaluate(MIN_RELATED_SCORE);
console.log(`related lookup on ${queries.length} queries (${file.replace(`${ROOT}/`, '')}), ${corpus.size} articles, threshold ${MIN_RELATED_SCORE}`);
console.log('kind         n   MRR@5  hit@1  unrelated→nothing');
for (const [kind, k] of [...main.byKind].sort()) {
  if (kind === 'unrelated') console.log(`${kind.padEnd(10)} ${String(k.n).padStart(3)}       -      -  ${k.empty}/${k.n}`);
  else console.log(`${kind.padEnd(10)} ${String(k.n).padStart(3)}  ${(k.rr / k.n).toFixed(3)}  ${(k.hit1 / k.n).toFixed(3)}`);
}
console.log(`ALL related  ${main.related}  MRR@5 ${main.mrr.toFixed(3)}   unrelated returning nothing ${main.unrelatedEmpty}/${main.unrelated}`);
if (main.misses.length) {
  console.log('\nmisses:');
  for (const m of main.misses) console.log(`  ${m}`);
}
console.log('\nthreshold sweep (MRR@5 / unrelated returning nothing):');
console.log(
  [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]
    .map((t) => {
      const r = evaluate(t);
      return `  ${t.toFixed(2)}: ${r.mrr.toFixed(3)} / ${r.unrelatedEmpty}/${r.unrelated}`;
    })
    .join('\n'),
);
// The margin the threshold sits in: the weakest right answer and the strongest unrelated one.
const all = rows.map(({ q, want, features }) => ({ q, want, hits: corpus.relatedTo(features, { minScore: 0 }) }));
const right = all.filter((r) => r.want).map((r) => r.hits.find((h) => h.articleId === r.want)?.score ?? 0);
const wrong = all.filter((r) => !r.want).map((r) => r.hits[0]?.score ?? 0);
console.log(`\nweakest right answer ${Math.min(...right).toFixed(3)} (5th percentile ${[...right].sort((a, b) => a - b)[Math.floor(right.length * 0.05)]!.toFixed(3)}); strongest unrelated ${Math.max(...wrong).toFixed(3)}`);
console.log(`\n(query features ${Math.round(featureMs)} ms for ${queries.length} queries)`);
