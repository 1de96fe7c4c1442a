/**
 * `npm run annotate`: the recognizer on the command line, running the extension's own `lib/`
 * code on jieba-wasm's Node build.
 *
 * - `npm run -s annotate -- --jsonl`: reads JSON Lines `{"id", "text"}` from stdin and writes
 *   one line `{"id", "entities": [...]}` per record, in order, nothing else on stdout. A bad line
 *   is reported on stderr (with its number) and answered with an `"error"` field, so the output
 *   stays aligned with the input. Records are recognized by worker threads, one per core (up to
 *   4; `--workers N`, `--workers 1` in this thread), each with its own segmenter and model; a
 *   worker started only when the ones running have work queued, so a short input costs one.
 * - `npm run annotate -- FILE…`: plain text or HTML files; prints a table of spans and values.
 * - `npm run annotate`: annotates the bundled seeds; prints counts per type and the most
 *   frequent entities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
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

/** What a worker answers for one record: its entities, or why it could not. */
type WorkerAnswer = { k: number; entities: Span[] } | { k: number; error: string };

/** The worker's side: recognizes the texts it is sent, answering each with its number. */
function serveRecords(): void {
  const segmenter = nodeSegmenter();
  const options = nodeRecognizeOptions();
  let chain = Promise.resolve();
  parentPort!.on('message', ({ k, text }: { k: number; text: string }) => {
    // One at a time, in the order sent (recognize shares the segmenter).
    chain = chain.then(async () => {
      let answer: WorkerAnswer;
      try {
        answer = { k, entities: await recognize(text, segmenter, options) };
      } catch (error) {
        answer = { k, error: `recognizer failed: ${(error as Error).message}` };
      }
      parentPort!.postMessage(answer);
    });
  });
}

/** Parses `--workers N` (default: one per core, at most 4). Exits 2 on a bad value. */
function workerCount(args: string[]): number {
  const at = args.indexOf('--workers');
  if (at < 0) return Math.min(4, availableParallelism());
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error('--workers takes a whole number from 1 to 64');
    process.exit(2);
  }
  return n;
}

async function jsonl(workers: number): Promise<void> {
  const out: string[] = [];
  let written = 0;
  let total = 0;
  const flush = () => {
    let chunk = '';
    while (out[written] !== undefined) {
      chunk += out[written];
      delete out[written++];
    }
    if (chunk) process.stdout.write(chunk);
  };
  const answer = (k: number, id: unknown, entities: Span[] | null, error?: string) => {
    out[k] = `${JSON.stringify(error === undefined ? { id, entities } : { id, entities: [], error })}\n`;
    flush();
  };
  if (workers === 1) {
    const segmenter = nodeSegmenter();
    const options = nodeRecognizeOptions();
    for await (const record of readTextRecords(process.stdin)) {
      const k = total++;
      if ('error' in record) {
        process.stderr.write(`line ${record.line}: ${record.error}\n`);
        process.exitCode = 2;
        answer(k, null, null, record.error);
        continue;
      }
      answer(k, record.id, await recognize(record.text, segmenter, options));
    }
    return;
  }

  // A pool of workers: each record goes to the least busy one; answers are written in input order.
  interface Slot {
    worker: Worker;
    busy: number;
  }
  const pool: Slot[] = [];
  const ids = new Map<number, { id: unknown; line: number }>();
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failed: Error | null = null;
  const settle = () => {
    inFlight--;
    wake?.();
  };
  const spawn = (): Slot => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { annotate: true } });
    const slot: Slot = { worker, busy: 0 };
    worker.on('message', (m: WorkerAnswer) => {
      slot.busy--;
      const { id, line } = ids.get(m.k)!;
      ids.delete(m.k);
      if ('error' in m) {
        process.stderr.write(`line ${line}: ${m.error}\n`);
        process.exitCode = 2;
        answer(m.k, id, null, m.error);
      } else answer(m.k, id, m.entities);
      settle();
    });
    worker.on('error', (error) => {
      failed = error;
      wake?.();
    });
    pool.push(slot);
    return slot;
  };
  const limit = workers * 8;
  for await (const record of readTextRecords(process.stdin)) {
    if (failed) break;
    const k = total++;
    if ('error' in record) {
      process.stderr.write(`line ${record.line}: ${record.error}\n`);
      process.exitCode = 2;
      answer(k, null, null, record.error);
      continue;
    }
    let slot = pool.reduce<Slot | null>((best, s) => (!best || s.busy < best.busy ? s : best), null);
    if (!slot || (slot.busy > 0 && pool.length < workers)) slot = spawn();
    slot.busy++;
    inFlight++;
    ids.set(k, { id: record.id, line: record.line });
    slot.worker.postMessage({ k, text: record.text });
    while (inFlight >= limit && !failed) await new Promise<void>((r) => (wake = r));
  }
  while (inFlight > 0 && !failed) await new Promise<void>((r) => (wake = r));
  for (const s of pool) await s.worker.terminate();
  if (failed) {
    console.error(`annotate: a worker failed (${(failed as Error).message}); ${written} of ${total} records written`);
    process.exitCode = 1;
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

if (!isMainThread && (workerData as { annotate?: boolean } | null)?.annotate) serveRecords();
else {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) await jsonl(workerCount(args));
  else if (args.length) await files(args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--workers'));
  else await seeds();
}
