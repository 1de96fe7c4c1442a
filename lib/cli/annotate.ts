/**
 * `npm run annotate`: the recognizer on the command line, running the extension's own `lib/`
 * code on jieba-wasm's Node build.
 *
 * - `npm run -s annotate -- --jsonl`: reads JSON Lines `{"id", "text"}` from stdin and writes
 *   one line `{"id", "entities": [...]}` per record, in order, nothing else on stdout. A bad line
 *   is reported on stderr (with its number) and answered with an `"error"` field, so the output
 *   stays aligned with the input.
 * - `npm run annotate -- FILE…`: plain text or HTML files; prints a table of spans and values.
 * - `npm run annotate`: annotates the bundled seeds; prints counts per type and the most
 *   frequent entities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recognize } from '../recognize';
import type { Span } from '../recognize/types';
import { nodeSegmenter } from '../segment/node';
import { nodeRecognizeOptions } from './node-analyzer';
import { htmlToText, looksLikeHtml } from '../text/html';
import { readTextRecords } from './jsonl';

const ROOT = resolve(import.meta.dirname, '../..');

function formatValue(s: Span): string {
  if (s.value === undefined) return '';
  if (s.type === 'MONEY' && typeof s.value === 'number') {
    const sym = s.unit === 'CNY' ? '¥' : `${s.unit ?? ''} `;
    return `${sym}${s.value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  }
  if (s.type === 'PERCENT' && typeof s.value === 'number') return `${+(s.value * 100).toFixed(4)}%`;
  return `${s.value}${s.unit && s.type === 'QUANTITY' ? ` ${s.unit}` : ''}`;
}

async function jsonl(): Promise<void> {
  const segmenter = nodeSegmenter();
  const options = nodeRecognizeOptions();
  for await (const record of readTextRecords(process.stdin)) {
    if ('error' in record) {
      process.stderr.write(`line ${record.line}: ${record.error}\n`);
      process.stdout.write(`${JSON.stringify({ id: null, entities: [], error: record.error })}\n`);
      process.exitCode = 2;
      continue;
    }
    const entities = await recognize(record.text, segmenter, options);
    process.stdout.write(`${JSON.stringify({ id: record.id, entities })}\n`);
  }
}

async function files(paths: string[]): Promise<void> {
  const segmenter = nodeSegmenter();
  const options = nodeRecognizeOptions();
  for (const path of paths) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      console.error((error as Error).message);
      process.exitCode = 1;
      continue;
    }
    if (looksLikeHtml(text)) text = htmlToText(text);
    const spans = await recognize(text, segmenter, options);
    console.log(`\n${path}: ${text.length} chars, ${spans.length} spans`);
    for (const s of spans) {
      console.log(`${String(s.start).padStart(7)} ${String(s.end).padStart(7)}  ${s.type.padEnd(8)} ${s.text}${s.value !== undefined ? `  → ${formatValue(s)}` : ''}`);
    }
  }
}

async function seeds(): Promise<void> {
  const segmenter = nodeSegmenter();
  const options = nodeRecognizeOptions();
  const dir = join(ROOT, 'seeds');
  const counts = new Map<string, number>();
  const freq = new Map<string, number>();
  let chars = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    chars += text.length;
    for (const s of await recognize(text, segmenter, options)) {
      counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
      const key = `${s.type}\t${s.text}`;
      freq.set(key, (freq.get(key) ?? 0) + 1);
    }
  }
  console.log(`seeds: ${chars} chars`);
  for (const [t, c] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${t.padEnd(9)} ${c}`);
  console.log('\nmost frequent:');
  for (const [k, c] of [...freq].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${String(c).padStart(4)}  ${k}`);
}

const args = process.argv.slice(2);
if (args.includes('--jsonl')) await jsonl();
else if (args.length) await files(args.filter((a) => !a.startsWith('--')));
else await seeds();
