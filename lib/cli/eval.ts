/**
 * `npm run eval`: scores the recognizer against the seed gold (all eight types, with value
 * accuracy) and the People's Daily 1998 dev set (PERSON/PLACE/ORG), with the rules of the
 * shared `score.py`. Options: `--errors N` prints N error rows per set; `--pred DIR` writes the
 * predictions as JSON Lines (to cross-check with score.py); `--json` prints one JSON object.
 *
 * Exit code 1 if a gold file cannot be read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recognize } from '../recognize';
import { parseGold } from '../recognize/gold';
import { score, type GoldRecord, type Score } from '../recognize/score';
import type { Span } from '../recognize/types';
import { nodeSegmenter } from '../segment/node';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/eval');

const SETS = [
  { name: 'seeds', file: join(SHARED, 'seeds.gold.jsonl'), fallback: join(ROOT, 'tests/gold/seeds.gold.jsonl'), types: undefined },
  { name: 'pd98-dev', file: join(SHARED, 'pd98-dev.jsonl'), fallback: undefined, types: new Set(['PERSON', 'PLACE', 'ORG']) },
] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function predict(gold: GoldRecord[]): Promise<{ preds: Map<string, Span[]>; ms: number; chars: number }> {
  const segmenter = nodeSegmenter();
  const preds = new Map<string, Span[]>();
  let chars = 0;
  const started = performance.now();
  for (const r of gold) {
    preds.set(r.id, await recognize(r.text, segmenter));
    chars += r.text.length;
  }
  return { preds, ms: performance.now() - started, chars };
}

function printScore(name: string, s: Score, errors: number): void {
  console.log(`\n== ${name}`);
  for (const [t, r] of Object.entries(s.types)) {
    console.log(
      `${t.padEnd(9)} P ${r.p.toFixed(3)}  R ${r.r.toFixed(3)}  F1 ${r.f1.toFixed(3)}   (tp ${r.tp}, fp ${r.fp}, fn ${r.fn})`,
    );
  }
  console.log(`value accuracy ${s.valueAccuracy === null ? 'n/a' : s.valueAccuracy.toFixed(3)}`);
  for (const e of s.errors.slice(0, errors)) {
    if (e.kind === 'value') console.log(`value\t${e.id}\t${e.text}\tgold ${JSON.stringify(e.gold)}\tgot ${JSON.stringify(e.predicted)}`);
    else console.log(`${e.kind}\t${e.id}\t${e.text}\t${e.type}`);
  }
}

const errors = Number(arg('--errors') ?? 0);
const predDir = arg('--pred');
const only = arg('--set');
const results: Record<string, unknown> = {};
for (const set of SETS) {
  if (only && set.name !== only) continue;
  const file = existsSync(set.file) ? set.file : set.fallback;
  if (!file || !existsSync(file)) {
    console.error(`missing gold file ${set.file}`);
    process.exitCode = 1;
    continue;
  }
  const gold = parseGold(readFileSync(file, 'utf8'));
  const { preds, ms, chars } = await predict(gold);
  const s = score(gold, preds, set.types);
  if (predDir) {
    const lines = gold.map((g) => JSON.stringify({ id: g.id, entities: preds.get(g.id) ?? [] }));
    writeFileSync(join(predDir, `${set.name}.pred.jsonl`), `${lines.join('\n')}\n`);
  }
  if (process.argv.includes('--json')) results[set.name] = { types: s.types, valueAccuracy: s.valueAccuracy, ms, chars };
  else {
    printScore(`${set.name} (${gold.length} records, ${chars} chars, ${Math.round(ms)} ms)`, s, errors);
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
