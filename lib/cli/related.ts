/**
 * `npm run related`: the related-articles lookup on the command line, over the seed corpus,
 * with the extension's own `lib/corpus` code and jieba-wasm's Node build.
 *
 * - `npm run -s related -- --jsonl`: reads JSON Lines `{"id", "text"}` and writes one line
 *   `{"id", "results": [{articleId, title, seed, score, text, shared}]}` per record, best first,
 *   at most 5, `text` being the article's full text; nothing else on stdout. A bad line is
 *   reported on stderr with its number and answered with `"results": []` and an `"error"`.
 * - `npm run related -- TEXT…`: prints the related articles of each argument, explained.
 */
import type { CorpusArticle } from '../corpus/article';
import { Corpus } from '../corpus/related';
import { nodeAnalyzer } from './node-analyzer';
import { buildSeedCorpus } from './corpus-seeds';
import { readTextRecords } from './jsonl';

const segmenter = nodeAnalyzer();
const corpus = new Corpus((await buildSeedCorpus()).articles);

/** The article's full text as the CLI returns it: headlines, then the body. */
function fullText(a: CorpusArticle): string {
  return [a.kicker, a.title, a.subtitle, a.text].filter(Boolean).join('\n');
}

if (process.argv.includes('--jsonl')) {
  for await (const record of readTextRecords(process.stdin)) {
    if ('error' in record) {
      process.stderr.write(`line ${record.line}: ${record.error}\n`);
      process.stdout.write(`${JSON.stringify({ id: null, results: [], error: record.error })}\n`);
      process.exitCode = 2;
      continue;
    }
    const hits = await corpus.related(record.text, segmenter);
    const results = hits.map((h) => {
      const a = corpus.get(h.articleId)!;
      return { articleId: h.articleId, title: h.title, seed: a.seed ?? null, score: h.score, text: fullText(a), shared: h.shared };
    });
    process.stdout.write(`${JSON.stringify({ id: record.id, results })}\n`);
  }
} else {
  const texts = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (texts.length === 0) {
    console.error('usage: npm run related -- TEXT…   |   npm run -s related -- --jsonl < queries.jsonl');
    process.exit(2);
  }
  for (const text of texts) {
    const hits = await corpus.related(text, segmenter);
    console.log(`\n「${text.length > 40 ? `${text.slice(0, 40)}…` : text}」`);
    if (hits.length === 0) console.log('  没有相关文章 (no related articles)');
    for (const h of hits) {
      console.log(`  ${h.score.toFixed(3)}  ${h.title}  [${h.articleId}]`);
      if (h.shared.length) console.log(`         共同实体: ${h.shared.slice(0, 8).join('、')}`);
      if (h.sentence) console.log(`         最相关句: ${h.sentence.text.slice(0, 60)}`);
    }
  }
}
