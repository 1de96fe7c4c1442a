/**
 * The corpus part of `npm run bench`: related-lookup latency over the seed corpus and with
 * 10,000 added articles, and the rate of adding articles (cut, recognize, index), in Node with
 * the shipped `lib/corpus` code and jieba-wasm's Node build.
 *
 * Budgets (issue 6): lookup ≤ 20 ms p95 over the seeds; ≤ 50 ms p95 with 10,000 added
 * articles; adding ≥ 500 articles/s. A lookup is timed end to end (cut and recognize the query,
 * then search), and the search alone beside it. Added articles are made of People's Daily dev
 * sentences (`../shared`), or of seed paragraphs when that folder is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { marksAsSpans, spansAsMarks, type CorpusArticle } from '../corpus/article';
import { StatementIndex } from '../corpus/crosscheck';
import { EntityIndex } from '../corpus/profile';
import type { Span } from '../recognize/types';
import { completeArticles } from '../corpus/build';
import { textFeatures } from '../corpus/features';
import { Corpus } from '../corpus/related';
import { nodeAnalyzer } from './node-analyzer';
import { buildSeedCorpus, ROOT } from './corpus-seeds';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A small deterministic PRNG, so every run adds the same articles. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentencePool(seedTexts: string[]): string[] {
  const pd = resolve(ROOT, '../shared/eval/pd98-dev.jsonl');
  if (existsSync(pd)) {
    return readFileSync(pd, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => (JSON.parse(l) as { text: string }).text)
      .filter((t) => t.length > 20);
  }
  return seedTexts.flatMap((t) => t.split('\n')).filter((t) => t.length > 20);
}

/** Lookup queries: sentences and paragraphs of the seed articles, and whole articles. */
function queries(articles: readonly CorpusArticle[], random: () => number, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = articles[Math.floor(random() * articles.length)]!;
    const paras = a.text.split('\n');
    const p = paras[Math.floor(random() * paras.length)]!;
    const kind = i % 3;
    out.push(kind === 0 ? p.slice(0, 80) : kind === 1 ? p : a.text.slice(0, 3000));
  }
  return out;
}

async function timeLookups(corpus: Corpus, texts: readonly string[]) {
  const segmenter = nodeAnalyzer();
  const total: number[] = [];
  const search: number[] = [];
  for (const text of texts) {
    const t0 = performance.now();
    const features = await textFeatures(text, segmenter);
    const t1 = performance.now();
    corpus.relatedTo(features);
    const t2 = performance.now();
    total.push(t2 - t0);
    search.push(t2 - t1);
  }
  return { total, search };
}

export async function benchCorpus(options: { added?: number; lookups?: number } = {}): Promise<void> {
  const addedCount = options.added ?? 10_000;
  const lookups = options.lookups ?? 300;
  const segmenter = nodeAnalyzer();
  const random = prng(20261122);

  let t = performance.now();
  const seeds = await buildSeedCorpus();
  const buildMs = performance.now() - t;
  const corpus = new Corpus(seeds.articles);
  const qs = queries(seeds.articles, random, lookups);
  await timeLookups(corpus, qs.slice(0, 20)); // warm-up

  console.log(`\ncorpus: ${seeds.articles.length} seed articles built in ${buildMs.toFixed(0)} ms`);
  const seedRun = await timeLookups(corpus, qs);
  const avgChars = Math.round(qs.reduce((s, q) => s + q.length, 0) / qs.length);
  console.log(`  lookup over the seeds (${qs.length} queries, avg ${avgChars} chars): p50 ${p50(seedRun.total).toFixed(1)} ms, p95 ${p95(seedRun.total).toFixed(1)} ms (target ≤ 20); search alone p95 ${p95(seedRun.search).toFixed(2)} ms`);

  // Added articles: ~8 sentences each, drawn from the pool.
  const pool = sentencePool(seeds.articles.map((a) => a.text));
  const texts: string[] = [];
  for (let i = 0; i < addedCount; i++) {
    const k = 5 + Math.floor(random() * 8);
    const parts: string[] = [];
    for (let j = 0; j < k; j++) parts.push(pool[Math.floor(random() * pool.length)]!);
    texts.push(parts.join('\n'));
  }
  const addedChars = texts.reduce((s, x) => s + x.length, 0);
  t = performance.now();
  // Added the way the side panel adds a folder or a JSONL file: in calls of up to 500 articles.
  for (let i = 0; i < texts.length; i += 500) {
    const bases = texts.slice(i, i + 500).map((text, j) => ({
      id: `user:bench-${i + j}`,
      origin: 'user' as const,
      title: text.slice(0, 20),
      titleFrom: 'file' as const,
      reporters: [],
      text,
      addedAt: Date.now(),
    }));
    for (const article of await completeArticles(bases, segmenter)) corpus.add(article);
  }
  const addMs = performance.now() - t;
  const rate = (addedCount / addMs) * 1000;
  console.log(`  adding ${addedCount.toLocaleString('en-US')} articles (avg ${Math.round(addedChars / addedCount)} chars; cut and recognized in batches, indexed): ${(addMs / 1000).toFixed(1)} s, ${Math.round(rate)} articles/s (target ≥ 500)`);

  const bigRun = await timeLookups(corpus, qs);
  console.log(`  lookup with ${corpus.size.toLocaleString('en-US')} articles: p50 ${p50(bigRun.total).toFixed(1)} ms, p95 ${p95(bigRun.total).toFixed(1)} ms (target ≤ 50); search alone p95 ${p95(bigRun.search).toFixed(2)} ms`);

  await benchInsight(corpus, seeds.articles, random);
}

/**
 * Entity profiles and the figure cross-check over the same corpus, its added articles taken as
 * the reading history (已读): the indexes the background builds from the database at start (time
 * and memory), then each request as the background answers it: `profile()` for names of the
 * seed articles, `check()` for a page's article with its spans (the content script sends them).
 * Budget (issue 18): ≤ 50 ms p95 each. Beside it, what the reading history adds to a page's own
 * work: cutting the article and its spans out of a page's read (10,000 and 300,000 characters).
 */
async function benchInsight(corpus: Corpus, seeds: readonly CorpusArticle[], random: () => number): Promise<void> {
  const history = corpus.list().map((a) => (a.origin === 'user' ? { ...a, id: a.id.replace(/^user:/, 'history:'), origin: 'history' as const } : a));
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  const entities = new EntityIndex();
  const statements = new StatementIndex();
  for (const a of history) {
    entities.add(a);
    statements.add(a);
  }
  const buildMs = performance.now() - t;
  globalThis.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const withMarks = history.filter((a) => a.marks?.length).length;
  console.log(`\ninsight: entity and statement indexes over ${history.length.toLocaleString('en-US')} articles (${withMarks.toLocaleString('en-US')} with spans) built in ${buildMs.toFixed(0)} ms, ${heapMb.toFixed(0)} MB`);

  // Names of the seed articles (each type), asked with their article's places.
  const names: Array<{ text: string; type: 'PERSON' | 'PLACE' | 'ORG' | 'DOC'; places: readonly string[] }> = [];
  for (const a of seeds) for (const e of a.entities) if (e.type === 'PERSON' || e.type === 'PLACE' || e.type === 'ORG' || e.type === 'DOC') names.push({ text: e.text, type: e.type, places: a.places });
  const profileMs: number[] = [];
  let mentions = 0;
  for (let i = 0; i < 200; i++) {
    const n = names[Math.floor(random() * names.length)]!;
    t = performance.now();
    const p = entities.profile(n.text, n.type, { context: { places: n.places }, limit: 50 });
    profileMs.push(performance.now() - t);
    mentions += p?.total ?? 0;
  }
  console.log(`  profile (200 names of the seed articles, avg ${Math.round(mentions / 200)} mentions): p50 ${p50(profileMs).toFixed(2)} ms, p95 ${p95(profileMs).toFixed(2)} ms (target ≤ 50)`);

  // Pages: seed articles and added ones, with their spans, as the content script sends them.
  const pages = [...seeds, ...history.filter((a) => a.origin === 'history').slice(0, 100)];
  const checkMs: number[] = [];
  let checked = 0;
  for (let i = 0; i < 200; i++) {
    const a = pages[Math.floor(random() * pages.length)]!;
    const spans = marksAsSpans(a);
    t = performance.now();
    checked += statements.check(a.text, spans, { excludeArticleId: a.id }).length;
    checkMs.push(performance.now() - t);
  }
  console.log(`  cross-check (200 articles with their spans, ${checked} figures checked): p50 ${p50(checkMs).toFixed(2)} ms, p95 ${p95(checkMs).toFixed(2)} ms (target ≤ 50)`);

  // What the reading history adds to a page's own work: its article and spans cut out for the message.
  for (const size of [10_000, 300_000]) {
    let text = '';
    const spans: Span[] = [];
    for (let k = 0; text.length < size; k = (k + 1) % seeds.length) {
      const a = seeds[k]!;
      for (const s of marksAsSpans(a)) spans.push({ ...s, start: s.start + text.length, end: s.end + text.length });
      text += `${a.text}\n`;
    }
    const runs: number[] = [];
    for (let r = 0; r < 20; r++) {
      t = performance.now();
      const cut = text.slice(0, size);
      const inside = spans.filter((s) => s.end <= cut.length).map((s) => ({ ...s }));
      JSON.stringify({ text: cut, marks: spansAsMarks(inside) });
      runs.push(performance.now() - t);
    }
    console.log(`  reading history, a page's part (${size.toLocaleString('en-US')} chars, ${spans.filter((s) => s.end <= size).length} spans: cut out, as marks, serialized): p50 ${p50(runs).toFixed(2)} ms (target ≤ 20)`);
  }
}
