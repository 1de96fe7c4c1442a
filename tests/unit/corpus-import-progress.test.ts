// Adding a folder or a JSONL file to 我的文章 in batches: progress, time left, cancelling, reading big files in slices.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addInBatches,
  batchesOf,
  decodeText,
  decodeTextGently,
  describeProgress,
  estimateTimeLeft,
  formatTimeLeft,
  importFolder,
  importJsonl,
  ImportTracker,
  MAX_BATCH_ARTICLES,
  MAX_BATCH_CHARS,
  parseArticlesJsonl,
  parseArticlesJsonlGently,
  progressFraction,
  type CorpusWriter,
  type ImportProgress,
} from '@/components/CorpusManagerImport';
import { setLanguage } from '@/lib/i18n';
import type { NewArticle } from '@/lib/messaging/corpus-protocol';

afterEach(() => setLanguage('zh'));

const adding = (over: Partial<ImportProgress>): ImportProgress => ({
  phase: 'adding',
  done: 0,
  total: 0,
  doneChars: 0,
  totalChars: 0,
  startedAt: 0,
  now: 0,
  cancelling: false,
  ...over,
});

/** A tracker on a clock the test moves, whose pauses resolve at once. */
function fakeTracker() {
  let now = 0;
  const tracker = new ImportTracker({ now: () => now, pause: async () => {} });
  return { tracker, tick: (ms: number) => (now += ms) };
}

const articles = (n: number, chars = 100): NewArticle[] =>
  Array.from({ length: n }, (_, i) => ({ title: `第${i + 1}篇`, text: `${'格尔木市储能项目并网发电。'.repeat(Math.ceil(chars / 13))}`.slice(0, chars) }));

/** A background that stores every batch it gets (ids `u1`, `u2`, …), each call taking `ms` on the test's clock. */
function fakeWriter(tick: (ms: number) => void, options: { ms?: number; failAt?: number; removeFails?: boolean; onAdd?: (call: number) => void } = {}) {
  const stored = new Set<string>();
  let next = 0;
  let calls = 0;
  const writer: CorpusWriter = {
    add: vi.fn(async (batch: NewArticle[]) => {
      calls++;
      options.onAdd?.(calls);
      tick(options.ms ?? 1000);
      if (calls === options.failAt) return { ok: false as const, error: '第 2 篇文章（坏文章）无法分析，未添加任何文章：分词器出错' };
      const ids = batch.map(() => `u${++next}`);
      for (const id of ids) stored.add(id);
      return { ok: true as const, ids };
    }),
    remove: vi.fn(async (ids: string[]) => {
      if (options.removeFails) return { ok: false as const, error: '存储空间已满' };
      for (const id of ids) stored.delete(id);
      return { ok: true as const };
    }),
  };
  return { writer, stored };
}

describe('the time left and the progress line', () => {
  it('estimates the time left from the rate so far, by characters', () => {
    expect(estimateTimeLeft(adding({ total: 10, totalChars: 11_000 }))).toBeNull();
    expect(estimateTimeLeft(adding({ done: 1, total: 10, doneChars: 1000, totalChars: 11_000, startedAt: 5_000, now: 35_000 }))).toBe(300_000);
    expect(estimateTimeLeft(adding({ done: 10, total: 10, doneChars: 11_000, totalChars: 11_000, now: 9_000 }))).toBe(0);
    expect(estimateTimeLeft({ ...adding({}), phase: 'reading', done: 5, total: 10, now: 1000 })).toBeNull();
  });

  it.each<[number | null, string, string]>([
    [null, '正在估算剩余时间', 'estimating the time left'],
    [0, '约剩 5 秒', 'about 5 s left'],
    [3_000, '约剩 5 秒', 'about 5 s left'],
    [41_000, '约剩 45 秒', 'about 45 s left'],
    [57_000, '约剩 1 分钟', 'about 1 min left'],
    [125_000, '约剩 2 分钟', 'about 2 min left'],
    [59 * 60_000, '约剩 59 分钟', 'about 59 min left'],
    [65 * 60_000, '约剩 1 小时 5 分钟', 'about 1 h 5 min left'],
    [120 * 60_000, '约剩 2 小时', 'about 2 h left'],
  ])('says %s ms left as “%s” / “%s”', (ms, zh, en) => {
    expect(formatTimeLeft(ms)).toBe(zh);
    setLanguage('en');
    expect(formatTimeLeft(ms)).toBe(en);
  });

  it('shows done/total and the time left, and the share read before', () => {
    const p = adding({ done: 1200, total: 20_000, doneChars: 1_200_000, totalChars: 20_000_000, startedAt: 0, now: 7_000 });
    expect(describeProgress(p)).toBe('正在添加：1,200 / 20,000 篇，约剩 2 分钟');
    expect(progressFraction(p)).toBeCloseTo(0.06);
    setLanguage('en');
    expect(describeProgress(p)).toBe('Adding 1,200 of 20,000 articles, about 2 min left');
    expect(describeProgress(adding({ total: 1, totalChars: 10 }))).toBe('Adding 0 of 1 article, estimating the time left');
    setLanguage('zh');
    const reading: ImportProgress = { ...adding({}), phase: 'reading', done: 35, total: 100 };
    expect(describeProgress(reading)).toBe('正在读取文件：35%');
    expect(progressFraction(reading)).toBe(0.35);
  });
});

describe('batches', () => {
  it('cuts the articles into batches by count and by characters, in order, a long article alone', () => {
    const small = articles(450, 100);
    const batches = batchesOf(small);
    expect(batches.map((b) => b.length)).toEqual([MAX_BATCH_ARTICLES, MAX_BATCH_ARTICLES, 50]);
    expect(batches.flat()).toEqual(small);

    const mixed = [...articles(2, 1000), { title: '长文', text: '字'.repeat(MAX_BATCH_CHARS + 5) }, ...articles(3, 1000)];
    expect(batchesOf(mixed).map((b) => b.map((a) => a.title))).toEqual([['第1篇', '第2篇'], ['长文'], ['第1篇', '第2篇', '第3篇']]);
    expect(batchesOf([])).toEqual([]);
  });
});

describe('adding in batches', () => {
  it('adds every batch, reporting done/total and the time left after each', async () => {
    const { tracker, tick } = fakeTracker();
    const seen: string[] = [];
    tracker.subscribe(() => {
      const p = tracker.get();
      if (p?.phase === 'adding') seen.push(describeProgress(p));
    });
    const { writer, stored } = fakeWriter(tick, { ms: 30_000 });
    const run = tracker.start();
    const result = await addInBatches(articles(450), writer, run);
    run.end();
    expect(result).toEqual({ added: 450, cancelled: false });
    expect(stored.size).toBe(450);
    expect(writer.add).toHaveBeenCalledTimes(3);
    expect(seen).toEqual(['正在添加：0 / 450 篇，正在估算剩余时间', '正在添加：200 / 450 篇，约剩 40 秒', '正在添加：400 / 450 篇，约剩 10 秒', '正在添加：450 / 450 篇，约剩 5 秒']);
    expect(tracker.get()).toBeNull();
  });

  it('stops before the next batch when cancelled; the batch being stored is kept whole and counted', async () => {
    const { tracker, tick } = fakeTracker();
    // Cancelled while the second batch is on its way to the background.
    const { writer, stored } = fakeWriter(tick, { onAdd: (call) => call === 2 && tracker.cancel() });
    const run = tracker.start();
    const result = await addInBatches(articles(1000), writer, run);
    expect(tracker.get()?.cancelling).toBe(true);
    run.end();
    expect(result).toEqual({ added: 400, cancelled: true });
    expect(stored.size).toBe(400);
    expect(writer.add).toHaveBeenCalledTimes(2);
    expect(writer.remove).not.toHaveBeenCalled();
  });

  it('takes the stored batches back when a later batch fails, so a failed import adds nothing', async () => {
    const { tracker, tick } = fakeTracker();
    const { writer, stored } = fakeWriter(tick, { failAt: 3 });
    const result = await addInBatches(articles(1000), writer, tracker.start());
    expect(result).toEqual({ added: 0, cancelled: false, error: '第 2 篇文章（坏文章）无法分析，未添加任何文章：分词器出错' });
    expect(stored.size).toBe(0);
    expect(writer.remove).toHaveBeenCalledWith(expect.arrayContaining(['u1', 'u400']));

    const failing = fakeWriter(tick, { failAt: 2, removeFails: true });
    const partly = await addInBatches(articles(1000), failing.writer, tracker.start());
    expect(partly.added).toBe(200);
    expect(partly.error).toBe('第 2 篇文章（坏文章）无法分析，未添加任何文章：分词器出错（此前已存入的 200 篇未能撤回：存储空间已满）');
  });
});

describe('the tracker', () => {
  it('tells its subscribers, ends, and ignores a cancel when nothing runs', () => {
    const { tracker } = fakeTracker();
    const listener = vi.fn();
    const unsubscribe = tracker.subscribe(listener);
    tracker.cancel();
    expect(listener).not.toHaveBeenCalled();
    const run = tracker.start();
    expect(tracker.get()).toMatchObject({ phase: 'reading', cancelling: false });
    run.reading(1, 4);
    expect(tracker.get()).toMatchObject({ phase: 'reading', done: 1, total: 4 });
    tracker.cancel();
    expect(run.signal.aborted).toBe(true);
    expect(tracker.get()?.cancelling).toBe(true);
    run.end();
    expect(tracker.get()).toBeNull();
    unsubscribe();
    const calls = listener.mock.calls.length;
    tracker.start().end();
    expect(listener.mock.calls.length).toBe(calls);
  });
});

describe('reading big files in slices', () => {
  const jsonl = (n: number) => articles(n, 50).map((a) => JSON.stringify(a)).join('\n');

  it('parses a JSONL file as parseArticlesJsonl does, reporting how far it read', async () => {
    const { tracker } = fakeTracker();
    const samples = [
      `\uFEFF${jsonl(300)}\r\n\r\n`,
      '{"title":"一","text":"正文"}\n{"title":',
      '{"title":"一","text":"正文"}\n\n{"title":"三"}',
      '[1]',
      '\n\n',
      '',
      '{"title":"一","text":"正文","url":"ftp://x"}',
    ];
    for (const text of samples) {
      const run = tracker.start();
      expect(await parseArticlesJsonlGently(text, run)).toEqual(parseArticlesJsonl(text));
      run.end();
    }
    const reads: number[] = [];
    const run = tracker.start();
    tracker.subscribe(() => reads.push(tracker.get()?.done ?? -1));
    await parseArticlesJsonlGently(jsonl(1000), run);
    expect(reads.length).toBeGreaterThan(2);
    expect(reads).toEqual([...reads].sort((a, b) => a - b));
  });

  it('stops reading when cancelled', async () => {
    const { tracker } = fakeTracker();
    const run = tracker.start();
    let turns = 0;
    const result = await parseArticlesJsonlGently(jsonl(1000), {
      ...run,
      signal: run.signal,
      reading: run.reading,
      breathe: async () => {
        if (++turns === 2) tracker.cancel();
      },
    });
    expect(result).toEqual({ cancelled: true });
  });

  it('decodes a big file a megabyte at a time, as decodeText would: UTF-8, GBK, and UTF-8 that turns out not to be', async () => {
    const { tracker } = fakeTracker();
    const run = tracker.start();
    const line = '{"title":"格尔木市","text":"液态空气储能示范项目在格尔木市正式开工建设。"}\n';
    const text = line.repeat(Math.ceil((3 << 20) / 100));
    const utf8 = new TextEncoder().encode(text);
    expect(utf8.length).toBeGreaterThan(3 << 20);
    expect(await decodeTextGently(utf8, run)).toBe(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.subarray(0, 2_500_000)]);
    expect(await decodeTextGently(withBom, run)).toBe(decodeText(withBom));
    // 格尔木 in GBK, many lines.
    const gbkLine = [0xb8, 0xf1, 0xb6, 0xfb, 0xc4, 0xbe, 0x0a];
    const gbk = new Uint8Array(Array.from({ length: 500_000 }, () => gbkLine).flat());
    expect(await decodeTextGently(gbk, run)).toBe('格尔木\n'.repeat(500_000));
    // Valid UTF-8 for the first megabytes, then a GBK line: read as GB18030 throughout, like decodeText.
    const mixed = new Uint8Array([...new TextEncoder().encode('abc\n'.repeat(700_000)), ...gbkLine]);
    expect(await decodeTextGently(mixed, run)).toBe(decodeText(mixed));
    await expect(decodeTextGently(new Uint8Array(3 << 20).fill(1), run)).rejects.toThrow();
  });
});

describe('importing a JSONL file and a folder', () => {
  const file = (name: string, text: string, path = '') => ({ name, webkitRelativePath: path, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer });

  it('adds a JSONL file in batches and says how many were added when cancelled', async () => {
    const { tracker, tick } = fakeTracker();
    const lines = articles(700, 50).map((a) => JSON.stringify(a)).join('\n');
    const all = fakeWriter(tick);
    const run = tracker.start();
    expect(await importJsonl(file('a.jsonl', lines), all.writer, run)).toEqual({ outcome: { ok: true, text: '已从 a.jsonl 添加 700 篇文章。' }, changed: true });
    run.end();

    const some = fakeWriter(tick, { onAdd: (call) => call === 3 && tracker.cancel() });
    const again = tracker.start();
    expect(await importJsonl(file('a.jsonl', lines), some.writer, again)).toEqual({ outcome: { ok: true, text: '已添加 600 篇，已取消其余。' }, changed: true });
    expect(some.stored.size).toBe(600);
    again.end();
    setLanguage('en');
    const one = fakeWriter(tick, { onAdd: () => tracker.cancel() });
    const third = tracker.start();
    expect((await importJsonl(file('a.jsonl', lines), { ...one.writer, add: (b) => one.writer.add(b.slice(0, 1)) }, third)).outcome.text).toBe('Added 1 article; the rest was cancelled.');
    third.end();
  });

  it('adds nothing when cancelled while reading, or when a line is bad', async () => {
    const { tracker, tick } = fakeTracker();
    const { writer } = fakeWriter(tick);
    const run = tracker.start();
    tracker.cancel();
    expect(await importJsonl(file('a.jsonl', '{"title":"一","text":"正文"}'), writer, run)).toEqual({ outcome: { ok: true, text: '已取消，未添加任何文章。' }, changed: false });
    const bad = await importJsonl(file('bad.jsonl', '{"title":"一","text":"正文一"}\n{"title":"二"}\n'), writer, tracker.start());
    expect(bad).toEqual({ outcome: { ok: false, text: 'bad.jsonl：第 2 行缺少“text”（正文），未添加任何文章。' }, changed: false });
    expect(writer.add).not.toHaveBeenCalled();
  });

  it('adds a folder’s text files, naming those skipped', async () => {
    const { tracker, tick } = fakeTracker();
    const { writer, stored } = fakeWriter(tick);
    const files = [file('a.txt', '# 标题\n\n正文。', 'news/a.txt'), file('b.html', '<h1>标题二</h1><p>正文二</p>', 'news/b.html'), file('c.png', 'x', 'news/c.png')];
    expect(await importFolder(files, writer, tracker.start())).toEqual({ outcome: { ok: true, text: '已添加 2 篇文章（跳过 1 个其他文件）。' }, changed: true });
    expect(stored.size).toBe(2);
    expect(await importFolder([file('c.png', 'x')], writer, tracker.start())).toEqual({ outcome: { ok: false, text: '文件夹中没有 .txt 或 .html 文件，未添加任何文章。' }, changed: false });
  });
});
