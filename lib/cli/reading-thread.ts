/**
 * The first half of the recognizer in a worker thread (Node), for `annotate --jsonl`: jieba's
 * cut and the name rules' candidates over its words (`readText`) happen there while this thread
 * weighs the names of the texts before (`recognizeReading`), a pipeline whose two halves take
 * about as long. `prefetch(text)` sends a text ahead; `read(text)` of the same text then takes
 * the reading computed meanwhile. The worker holds one jieba segmenter (`nodeSegmenter`, its
 * kept tags included); words come back as their ends and tag numbers in typed arrays (moved,
 * not copied) and become tokens here, the rules' candidates as a structured clone.
 *
 * The thread is also the {@link Segmenter} of this side (its dictionary: words added here are
 * added there). It runs a module given by URL (the CLI's own bundle) that calls
 * {@link serveReadings} when {@link isReadingThread}.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readText, type TextReading } from '../recognize';
import type { RuleCandidates } from '../recognize/entities';
import type { Segmenter, Token, UserWord } from '../segment';
import { nodeSegmenter } from '../segment/node';

/** What this thread asks the reading thread. */
type Ask = { op: 'read' | 'cutForSearch'; text: string } | { op: 'addWords'; words: readonly UserWord[] };
type Request = Ask & { id: number };

/**
 * Its answer: words (their ends, tag numbers, tag names new since the last answer; starts where
 * words overlap) with the rules' candidates of a reading, a count, or why it failed.
 */
type Answer =
  | { id: number; ends: Int32Array; tags: Int32Array; newTags: string[]; starts?: Int32Array; rules?: RuleCandidates }
  | { id: number; added: number }
  | { id: number; error: string };

/** Texts read in a worker thread; `close` ends the thread (pending calls reject). */
export interface ReadingThread extends Segmenter {
  /** Starts reading `text` now; a later `read(text)` (the same string) takes the result. Call only after the words are added. */
  prefetch(text: string): void;
  /** The reading of `text` (as `readText` gives it). Rejects if the thread's segmenter fails, or the thread is gone. */
  read(text: string): Promise<TextReading>;
  /** Ends the worker. Calls after it reject. */
  close(): Promise<void>;
}

/** Whether this thread was started by {@link readingThread} to serve readings. */
export const isReadingThread = !isMainThread && !!(workerData as { reading?: boolean } | null)?.reading;

/**
 * Starts a worker thread running `entry` (a module that calls {@link serveReadings} when
 * {@link isReadingThread}) and returns the side that talks to it.
 *
 * Calls reject if the worker's jieba fails on a text (that call only) or if the worker dies
 * (this and every later call, with the worker's error).
 */
export function readingThread(entry: URL): ReadingThread {
  const worker = new Worker(entry, { workerData: { reading: true } });
  const waiting = new Map<number, { resolve: (a: Answer) => void; reject: (e: Error) => void }>();
  const ahead = new Map<string, Promise<TextReading>>();
  const tagNames: string[] = [];
  let next = 0;
  let dead: Error | null = null;
  worker.on('message', (answer: Answer) => {
    const w = waiting.get(answer.id);
    waiting.delete(answer.id);
    // Tag names are numbered in the order answers are sent, taken or not.
    if ('newTags' in answer) tagNames.push(...answer.newTags);
    w?.resolve(answer);
  });
  const die = (error: Error) => {
    dead ??= error;
    for (const w of waiting.values()) w.reject(dead);
    waiting.clear();
  };
  worker.on('error', die);
  worker.on('exit', (code) => die(new Error(`reading thread exited (code ${code})`)));
  const ask = (request: Ask): Promise<Answer> => {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise<Answer>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    }).then((answer) => {
      if ('error' in answer) throw new Error(answer.error);
      return answer;
    });
  };
  /** The words of `text` in an answer (their strings sliced from `text`). */
  const tokensOf = (answer: Answer, text: string): Token[] => {
    if (!('ends' in answer)) throw new Error('reading thread: an answer without words');
    const { ends, tags, starts } = answer;
    // Pushed, as the segmenter's own tokens are: one elements kind (packed) for the code reading them.
    const tokens: Token[] = [];
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      if (starts) start = starts[k]!;
      const end = ends[k]!;
      tokens.push({ word: text.slice(start, end), tag: tagNames[tags[k]!]!, start, end });
      start = end;
    }
    return tokens;
  };
  const reading = async (text: string): Promise<TextReading> => {
    const answer = await ask({ op: 'read', text });
    const tokens = tokensOf(answer, text);
    if (!('rules' in answer) || !answer.rules) throw new Error('reading thread: a reading without the rules');
    return { tokens, rules: answer.rules };
  };
  const read = (text: string): Promise<TextReading> => {
    const early = ahead.get(text);
    if (early) {
      ahead.delete(text);
      return early;
    }
    return reading(text);
  };
  return {
    prefetch(text) {
      if (!text || ahead.has(text)) return;
      const early = reading(text);
      early.catch(() => {}); // taken (and reported) by read(), or dropped
      ahead.set(text, early);
    },
    read,
    tag: async (text) => (text ? (await read(text)).tokens : []),
    cutForSearch: async (text) => (text ? tokensOf(await ask({ op: 'cutForSearch', text }), text) : []),
    async addWords(list) {
      // Texts sent ahead were cut with the old dictionary.
      ahead.clear();
      const answer = await ask({ op: 'addWords', words: list.map(({ word, freq, tag }) => ({ word, freq, tag })) });
      return 'added' in answer ? answer.added : 0;
    },
    async close() {
      die(new Error('reading thread closed'));
      ahead.clear();
      await worker.terminate();
    },
  };
}

/**
 * The worker's side: answers the requests of {@link readingThread} with the process's
 * `nodeSegmenter`, one at a time in the order sent. A failing request is answered with its
 * error; the thread goes on.
 */
export function serveReadings(): void {
  const port = parentPort;
  if (!port) throw new Error('serveReadings runs in a worker thread');
  const segmenter = nodeSegmenter();
  const tagIds = new Map<string, number>();
  let chain = Promise.resolve();
  port.on('message', (request: Request) => {
    chain = chain.then(async () => {
      try {
        if (request.op === 'addWords') {
          port.postMessage({ id: request.id, added: await segmenter.addWords(request.words) } satisfies Answer);
          return;
        }
        let tokens: Token[];
        let rules: RuleCandidates | undefined;
        if (request.op === 'read') ({ tokens, rules } = await readText(request.text, segmenter));
        else tokens = await segmenter.cutForSearch(request.text);
        const ends = new Int32Array(tokens.length);
        const tags = new Int32Array(tokens.length);
        const newTags: string[] = [];
        // cutForSearch's words overlap: their starts go along.
        const starts = request.op === 'cutForSearch' ? new Int32Array(tokens.length) : undefined;
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k]!;
          let tag = tagIds.get(t.tag);
          if (tag === undefined) {
            tagIds.set(t.tag, (tag = tagIds.size));
            newTags.push(t.tag);
          }
          ends[k] = t.end;
          tags[k] = tag;
          if (starts) starts[k] = t.start;
        }
        const answer: Answer = { id: request.id, ends, tags, newTags, ...(starts && { starts }), ...(rules && { rules }) };
        port.postMessage(answer, starts ? [ends.buffer, tags.buffer, starts.buffer] : [ends.buffer, tags.buffer]);
      } catch (error) {
        port.postMessage({ id: request.id, error: (error as Error).message } satisfies Answer);
      }
    });
  });
}
