/**
 * `npm run corpus`: splits the seeds into articles and prints the list (title, seed, length,
 * top entities) so a person can check the split. `--json FILE` also writes the corpus file
 * (the same file `npm run build` ships as `corpus/seeds-v1.json`); `--text N` prints article N's
 * repaired text.
 */
import { writeFileSync } from 'node:fs';
import { buildSeedCorpus } from './corpus-seeds';

const args = process.argv.slice(2);
const corpus = await buildSeedCorpus();
const jsonAt = args.indexOf('--json');
if (jsonAt >= 0) {
  const out = args[jsonAt + 1];
  if (!out) {
    console.error('usage: npm run corpus -- --json FILE');
    process.exit(2);
  }
  writeFileSync(out, JSON.stringify(corpus));
  console.error(`wrote ${out} (${corpus.articles.length} articles)`);
}
const textAt = args.indexOf('--text');
if (textAt >= 0) {
  const n = Number(args[textAt + 1]);
  const a = corpus.articles[n - 1];
  if (!a) {
    console.error(`no article ${args[textAt + 1]}: there are ${corpus.articles.length}`);
    process.exit(2);
  }
  console.log(`${a.kicker ? `〔${a.kicker}〕\n` : ''}${a.title}${a.subtitle ? `\n——${a.subtitle}` : ''}\n${a.byline ?? ''}\n\n${a.text}`);
} else {
  let chars = 0;
  corpus.articles.forEach((a, i) => {
    chars += a.text.length;
    const top = a.entities
      .filter((e) => ['PERSON', 'PLACE', 'ORG', 'DOC'].includes(e.type))
      .slice(0, 5)
      .map((e) => `${e.text}×${e.count}`)
      .join(' ');
    const title = a.titleFrom === 'lead' ? `（无标题）${a.title}` : a.title;
    console.log(`${String(i + 1).padStart(2)}. ${title}`);
    console.log(`    ${a.id}  ${a.text.length} 字  ${a.source ?? ''}${a.byline ? ` ${a.byline}` : ''}`);
    console.log(`    ${top}`);
  });
  console.log(`\n${corpus.articles.length} articles from ${new Set(corpus.articles.map((a) => a.seed)).size} seed files, ${chars} characters`);
}
