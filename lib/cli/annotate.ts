/**
 * `npm run annotate`: the recognizer on the command line, running the extension's own `lib/`
 * code on jieba-wasm's Node build.
 *
 * - `npm run -s annotate -- --jsonl`: reads JSON Lines `{"id", "text"}` from stdin and writes
 *   one line `{"id", "entities": [...]}` per record, in order, nothing else on stdout. A bad line
 *   is reported on stderr (with its number) and answered with an `"error"` field, so the output
 *   stays aligned with the input. With two threads or more (`--threads N`, default one per core
 *   up to 8), jieba and the name rules run in a second thread on the records read ahead while
 *   the first weighs the names (a pipeline; see `lane`); with four or more, a pool of such
 *   pipelines in worker threads, a pipeline started only when the ones running have work
 *   queued. `--threads 1`: all in this thread. Output is the same in every case.
 * - `npm run annotate -- FILE…`: plain text or HTML files; prints a table of spans and values.
 * - `npm run annotate`: annotates the bundled seeds; prints counts per type and the most
 *   frequent entities.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { prepareSegmenter, recognize, recognizeReading } from '../recognize';
import type { Span } from '../recognize/types';
import { nodeSegmenter } from '../segment/node';
import { isReadingThread, readingThread, serveReadings, type ReadingThread } from './reading-thread';
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

/** Texts read ahead of the one being recognized, sent to the reading thread meanwhile. */
const LOOKAHEAD = 4;

/** This module's URL: the bundle the worker threads run too (in their roles, see the end). */
const SELF = new URL(import.meta.url);

/** A recognizer of records, one at a time: in this thread alone, or as a pipeline of two threads. */
interface Lane {
  /** Resolves when the segmenter's words are in; rejects if they cannot be added. */
  ready: Promise<unknown>;
  /** Starts on a text to come (pipelines only). */
  prefetch?: (text: string) => void;
  recognize(text: string): Promise<Span[]>;
  close(): Promise<void>;
}

/**
 * A lane: with `pipelined`, jieba and the name rules run in a thread of their own (started
 * first, and given its words first, so it loads jieba while the model loads here) on the texts
 * read ahead, and this thread weighs the names (`recognizeReading`). Without `pipelined`, all of
 * `recognize` runs here.
 *
 * (Tried and left out: warming this side's code and caches on the first texts, roughly cut,
 * while the thread loads jieba. On two cores it slowed the thread's start more than it gained.)
 */
function lane(pipelined: boolean): Lane {
  if (!pipelined) {
    const segmenter = nodeSegmenter();
    const options = nodeRecognizeOptions();
    return { ready: prepareSegmenter(segmenter), recognize: (text) => recognize(text, segmenter, options), close: async () => {} };
  }
  const thread: ReadingThread = readingThread(SELF);
  const ready = prepareSegmenter(thread);
  const options = nodeRecognizeOptions();
  let isReady = false;
  /** Texts read before the thread has its words: sent when it has. */
  const early: string[] = [];
  ready.then(
    () => {
      isReady = true;
      for (const text of early.splice(0)) thread.prefetch(text);
    },
    () => {},
  );
  return {
    ready,
    prefetch(text) {
      if (isReady) thread.prefetch(text);
      else early.push(text);
    },
    async recognize(text) {
      if (!text) return [];
      await ready;
      return recognizeReading(text, await thread.read(text), thread, options);
    },
    close: () => thread.close(),
  };
}

/** The worker's side of a lane of the pool: recognizes the texts it is sent, answering each with its number. */
function serveRecords(): void {
  const mine = lane(true);
  let chain: Promise<unknown> = mine.ready.catch(() => {});
  parentPort!.on('message', ({ k, text }: { k: number; text: string }) => {
    mine.prefetch?.(text);
    // One at a time, in the order sent.
    chain = chain.then(async () => {
      let answer: WorkerAnswer;
      try {
        answer = { k, entities: await mine.recognize(text) };
      } catch (error) {
        answer = { k, error: `recognizer failed: ${(error as Error).message}` };
      }
      parentPort!.postMessage(answer);
    });
  });
}

/** Parses `--threads N` (default: one per core, at most 8). Exits 2 on a bad value. */
function threadCount(args: string[]): number {
  const at = args.indexOf('--threads');
  if (at < 0) return Math.min(8, availableParallelism());
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error('--threads takes a whole number from 1 to 64');
    process.exit(2);
  }
  return n;
}

/**
 * Yields `source`'s items in order, having read up to `depth` items past the one yielded; each
 * item is shown to `onRead` when it is read.
 */
async function* readAhead<T>(source: AsyncIterable<T>, depth: number, onRead: (item: T) => void): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const buffer: Array<Promise<IteratorResult<T>>> = [];
  const pull = () =>
    buffer.push(
      it.next().then((r) => {
        if (!r.done) onRead(r.value);
        return r;
      }),
    );
  for (let k = 0; k <= depth; k++) pull();
  for (;;) {
    const r = await buffer.shift()!;
    if (r.done) return;
    pull();
    yield r.value;
  }
}

/**
 * `--jsonl`: with one thread, everything here; with two or three, jieba and the name rules read
 * the texts ahead in a second thread while this one weighs the names (a pipeline: the two halves
 * of the work overlap, each thread's caches stay warm); with more, a pool of such pipelines in
 * worker threads, one per two threads (at most 4), each record going to the least busy.
 */
async function jsonl(threads: number): Promise<void> {
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
  const lanes = Math.min(4, Math.floor(threads / 2));
  if (lanes <= 1) {
    const mine = lane(threads >= 2);
    const records = readAhead(readTextRecords(process.stdin), mine.prefetch ? LOOKAHEAD : 0, (record) => {
      if ('text' in record) mine.prefetch?.(record.text);
    });
    for await (const record of records) {
      const k = total++;
      if ('error' in record) {
        process.stderr.write(`line ${record.line}: ${record.error}\n`);
        process.exitCode = 2;
        answer(k, null, null, record.error);
        continue;
      }
      try {
        answer(k, record.id, await mine.recognize(record.text));
      } catch (error) {
        const message = `recognizer failed: ${(error as Error).message}`;
        process.stderr.write(`line ${record.line}: ${message}\n`);
        process.exitCode = 2;
        answer(k, record.id, null, message);
      }
    }
    await mine.close();
    return;
  }

  // A pool of lanes: each record goes to the least busy one; answers are written in input order.
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
    const worker = new Worker(SELF, { workerData: { lane: true } });
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
  const limit = lanes * 8;
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
    if (!slot || (slot.busy > 0 && pool.length < lanes)) slot = spawn();
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

if (isReadingThread) serveReadings();
else if (!isMainThread && (workerData as { lane?: boolean } | null)?.lane) serveRecords();
else {
  const args = process.argv.slice(2);
  if (args.includes('--jsonl')) await jsonl(threadCount(args));
  else if (args.length) await files(args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--threads'));
  else await seeds();
}
