/**
 * The main side of `annotate`'s reading thread against a stand-in worker that speaks its
 * protocol (the real worker, jieba and the rules, is run by annotate-cli.test.ts through whole
 * processes): words rebuilt with their offsets and tags, a text sent ahead answered once, a
 * failed reading failing alone, a dead thread failing every call, and an early close.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readingThread } from '@/lib/cli/reading-thread';

const dir = mkdtempSync(join(tmpdir(), 'zwpz-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A worker that cuts a text into pairs of UTF-16 units tagged `n` then `x` in turn, counts the
 * readings it was asked for (in the rules' `bylines`), fails on `boom` and exits on `die`.
 */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
let reads = 0;
let named = false;
parentPort.on('message', (m) => {
  if (m.op === 'addWords') return parentPort.postMessage({ id: m.id, added: m.words.length });
  if (m.text === 'boom') return parentPort.postMessage({ id: m.id, error: 'jieba failed' });
  if (m.text === 'die') process.exit(3);
  if (m.op === 'read') reads++;
  const n = Math.ceil(m.text.length / 2);
  const ends = new Int32Array(n).map((_, k) => Math.min(m.text.length, 2 * k + 2));
  const tags = new Int32Array(n).map((_, k) => k % 2);
  const newTags = named ? [] : ['n', 'x'];
  named = true;
  const rules = { places: [], orgs: [], persons: [], bylines: [{ start: 0, end: 0, type: 'PERSON', text: String(reads), priority: 1 }], dotted: [], abbreviations: [] };
  parentPort.postMessage({ id: m.id, ends, tags, newTags, ...(m.op === 'read' && { rules }) }, [ends.buffer, tags.buffer]);
});
`;

function standIn() {
  const file = join(dir, `stand-in-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, STAND_IN);
  return readingThread(pathToFileURL(file));
}

describe('readingThread', () => {
  it('rebuilds the words with their offsets and tags, and answers a text sent ahead once', async () => {
    const thread = standIn();
    expect(await thread.addWords([{ word: '青海省' }, { word: '西宁市' }])).toBe(2);
    const text = '\uD800西宁市😀人民政府';
    thread.prefetch(text);
    const reading = await thread.read(text);
    expect(reading.tokens.map((t) => t.word).join('')).toBe(text);
    expect(reading.tokens[0]).toEqual({ word: '\uD800西', tag: 'n', start: 0, end: 2 });
    expect(reading.tokens[1]).toEqual({ word: '宁市', tag: 'x', start: 2, end: 4 });
    for (const t of reading.tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(reading.rules.bylines[0]!.text).toBe('1');
    // Taken once: the next read of the same text asks again.
    expect((await thread.read(text)).rules.bylines[0]!.text).toBe('2');
    // Added words drop what was sent ahead (cut with the old dictionary).
    thread.prefetch('市场监管局');
    await thread.addWords([{ word: '市场监管局' }]);
    expect((await thread.read('市场监管局')).rules.bylines[0]!.text).toBe('4');
    expect(await thread.tag('')).toEqual([]);
    await thread.close();
  });

  it('fails a reading the worker could not do, and goes on', async () => {
    const thread = standIn();
    thread.prefetch('boom');
    await expect(thread.read('boom')).rejects.toThrow('jieba failed');
    expect((await thread.tag('青海')).map((t) => t.word)).toEqual(['青海']);
    await thread.close();
  });

  it('fails every call, pending and later, once the worker is gone; and after close', async () => {
    const thread = standIn();
    thread.prefetch('青海省西宁市');
    const died = thread.read('die');
    await expect(died).rejects.toThrow(/exited \(code 3\)/);
    await expect(thread.read('青海')).rejects.toThrow(/exited/);
    await expect(thread.addWords([{ word: '青海' }])).rejects.toThrow(/exited/);
    await thread.close();

    const closed = standIn();
    await closed.close();
    await expect(closed.read('青海')).rejects.toThrow(/closed/);
  });
});
