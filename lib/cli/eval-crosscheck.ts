/**
 * `npm run eval:crosscheck`: the figure cross-check (`lib/corpus/crosscheck.ts`) on the
 * hand-written set `tests/corpus/crosscheck.jsonl`, against the seed corpus.
 *
 * Each record is a news sentence restating seed figures (`same`), changing them (`different`),
 * making them compatible (约, 超过, ranges, 累计 vs a year: `compatible`), or using the same
 * numbers about other subjects or periods (`none`: nothing must match). Prints precision and
 * recall of each verdict, the count of records and expected matches of each kind, and every
 * disagreement with the set. `--set FILE` evaluates another file of the same form; `--verbose`
 * also prints every match found. Exits 0 after printing; 1 only when the set cannot be read or
 * a record is malformed (naming its line).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StatementIndex, scoreCrossCheck, type ExpectedMatch } from '../corpus/crosscheck';
import { nodeAnalyzer } from './node-analyzer';
import { buildSeedCorpus, ROOT } from './corpus-seeds';

const verdictSchema = z.enum(['same', 'different', 'compatible']);
const recordSchema = z.object({
  id: z.string(),
  kind: z.string().optional(),
  text: z.string().min(1),
  expect: z.array(z.object({ articleId: z.string(), figure: z.string(), verdict: verdictSchema })),
});

const args = process.argv.slice(2);
const setAt = args.indexOf('--set');
const file = setAt >= 0 && args[setAt + 1] ? args[setAt + 1]! : join(ROOT, 'tests/corpus/crosscheck.jsonl');
const verbose = args.includes('--verbose');

let records: Array<z.infer<typeof recordSchema>>;
try {
  records = readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => l.trim())
    .map(({ l, i }) => {
      try {
        return recordSchema.parse(JSON.parse(l));
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${(error as Error).message}`);
      }
    });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const analyzer = nodeAnalyzer();
const corpus = await buildSeedCorpus();
const index = new StatementIndex();
for (const a of corpus.articles) index.add(a);

const scored: Array<{ id: string; expect: ExpectedMatch[]; found: ExpectedMatch[] }> = [];
const checkMs: number[] = [];
for (const r of records) {
  const spans = await analyzer.recognize(r.text);
  const t0 = performance.now();
  const results = index.check(r.text, spans);
  checkMs.push(performance.now() - t0);
  const found: ExpectedMatch[] = [];
  for (const res of results) {
    for (const m of res.matches) {
      found.push({ articleId: m.articleId, figure: m.figure.text, verdict: m.verdict });
      if (verbose) console.log(`  ${r.id} ${res.figure.text} → ${m.articleId} ${m.figure.text} ${m.verdict} (${m.reason})  «${m.sentence.slice(0, 50)}»`);
    }
  }
  scored.push({ id: r.id, expect: r.expect, found });
}

const { verdicts, errors } = scoreCrossCheck(scored);
const kinds = new Map<string, number>();
for (const r of records) kinds.set(r.kind ?? 'unlabelled', (kinds.get(r.kind ?? 'unlabelled') ?? 0) + 1);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`\n${records.length} statements (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}) against ${corpus.articles.length} seed articles, ${index.size} indexed`);
console.log('\nverdict      expected  found  correct  precision  recall');
for (const [v, s] of Object.entries(verdicts)) {
  console.log(`${v.padEnd(12)} ${String(s.expected).padStart(8)} ${String(s.found).padStart(6)} ${String(s.correct).padStart(8)} ${pct(s.precision).padStart(10)} ${pct(s.recall).padStart(7)}`);
}
const noneRecords = records.filter((r) => r.expect.length === 0);
const quiet = noneRecords.filter((r) => scored.find((s) => s.id === r.id)!.found.length === 0).length;
console.log(`\nstatements that must match nothing: ${quiet}/${noneRecords.length} matched nothing`);
checkMs.sort((a, b) => a - b);
console.log(`check: median ${checkMs[Math.floor(checkMs.length / 2)]!.toFixed(2)} ms, max ${checkMs[checkMs.length - 1]!.toFixed(2)} ms per statement`);

console.log(`\n${errors.length} disagreements:`);
for (const e of errors) {
  const text = records.find((r) => r.id === e.id)!.text;
  console.log(`  ${e.id}  ${e.articleId} ${e.figure}: expected ${e.expected ?? 'nothing'}, found ${e.found ?? 'nothing'}  «${text.slice(0, 40)}»`);
}
