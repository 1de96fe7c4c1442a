/**
 * `npm run crosscheck`: the figure cross-check (`lib/corpus/crosscheck.ts`) on the command line,
 * against the seed corpus, with the extension's own code and jieba-wasm's Node build.
 *
 * - `npm run -s crosscheck -- --jsonl`: reads JSON Lines `{"id", "text"}` on stdin; recognizes
 *   each text and writes one line per good input line, in order:
 *   `{"id", "matches": [{"articleId", "sentence", "figure", "verdict", "checked", "reason"}]}`
 *   (`figure`: the corpus figure as written; `checked`: the input's figure it was compared with;
 *   `sentence`: the corpus sentence). Nothing else goes to stdout.
 *   A bad line (not JSON, no string `text`, or a text the recognizer fails on) is reported on
 *   stderr as `line N: why` and gets no output line at all (never a half-written one); the other
 *   lines are still answered, and the exit code is then 1. This choice keeps every output line a
 *   complete answer; a caller matches answers to inputs by `id`.
 * - `npm run crosscheck -- TEXT…`: prints the cross-check of each argument, explained.
 *
 * Exit codes: 0 all answered; 1 some input line was bad; 2 usage error.
 */
import type { Span } from '../recognize/types';
import { StatementIndex, type CrossCheckResult } from '../corpus/crosscheck';
import { nodeAnalyzer } from './node-analyzer';
import { buildSeedCorpus } from './corpus-seeds';
import { readTextRecords } from './jsonl';

const analyzer = nodeAnalyzer();

/** The seed corpus's statements, indexed once. Rejects if the seeds cannot be read. */
async function seedIndex(): Promise<StatementIndex> {
  const index = new StatementIndex();
  for (const a of (await buildSeedCorpus()).articles) index.add(a);
  return index;
}

/** Recognizes and checks one text. Rejects only if the recognizer does. */
async function crossCheck(index: StatementIndex, text: string): Promise<CrossCheckResult[]> {
  const spans: Span[] = await analyzer.recognize(text);
  return index.check(text, spans);
}

const args = process.argv.slice(2);

if (args.includes('--jsonl')) {
  const index = await seedIndex();
  for await (const record of readTextRecords(process.stdin)) {
    if ('error' in record) {
      process.stderr.write(`line ${record.line}: ${record.error}\n`);
      process.exitCode = 1;
      continue;
    }
    let results: CrossCheckResult[];
    try {
      results = await crossCheck(index, record.text);
    } catch (error) {
      process.stderr.write(`line ${record.line}: recognizer failed (${(error as Error).message})\n`);
      process.exitCode = 1;
      continue;
    }
    const matches = results.flatMap((r) =>
      r.matches.map((m) => ({ articleId: m.articleId, sentence: m.sentence, figure: m.figure.text, verdict: m.verdict, checked: r.figure.text, reason: m.reason })),
    );
    // One write per answer: a line is either complete or absent.
    process.stdout.write(`${JSON.stringify({ id: record.id, matches })}\n`);
  }
} else {
  const texts = args.filter((a) => !a.startsWith('--'));
  if (texts.length === 0) {
    console.error('usage: npm run crosscheck -- TEXT…   |   npm run -s crosscheck -- --jsonl < statements.jsonl');
    process.exit(2);
  }
  const index = await seedIndex();
  for (const text of texts) {
    const results = await crossCheck(index, text);
    console.log(`\n「${text.length > 50 ? `${text.slice(0, 50)}…` : text}」`);
    if (results.length === 0) console.log('  没有可核对的数字 (no figure that reads as a statement)');
    for (const r of results) {
      console.log(`  ${r.figure.text}: ${r.matches.length ? '' : '语料中没有同一主体的说法 (no statement about the same subject)'}`);
      for (const m of r.matches) {
        const diff = m.difference ? `  差 ${m.difference.amount > 0 ? '+' : ''}${+(m.difference.share * 100).toFixed(1)}%` : '';
        console.log(`    ${m.verdict.padEnd(10)} ${m.figure.text}  (${m.reason})${diff}  [${m.articleId}]`);
        console.log(`               «${m.sentence.length > 60 ? `${m.sentence.slice(0, 60)}…` : m.sentence}»`);
      }
    }
  }
}
