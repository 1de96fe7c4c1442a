import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINE_BREAK, Viterbi } from '@/lib/recognize/tagger/decode';
import { FEATURE_VERSION, FeatureExtractor, SLOTS } from '@/lib/recognize/tagger/features';
import { ALLOWED, decodeSpans, encodeSpans, LABELS, MAY_END, MAY_START, NAME_TYPES, O, type LabeledSpan } from '@/lib/recognize/tagger/labels';
import { LexiconIndex } from '@/lib/recognize/tagger/lexicon-index';
import { buildLexicons } from '@/lib/recognize/tagger/lexicons';
import { ModelFileError, readModelFile, writeModelFile } from '@/lib/recognize/tagger/model-file';
import { NODE_MODEL_FILE, nodeTagger } from '@/lib/recognize/tagger/node';
import { breaksNames } from '@/lib/recognize/tagger/tagger';
import { taggerFromBytes } from '@/lib/recognize/tagger/load';
import { createTaggerService } from '@/lib/recognize/tagger/service';
import { nodeSegmenter } from '@/lib/segment/node';
import { prepareSegmenter, ruleHints } from '@/lib/recognize';

/** Whether a label sequence spells well-formed names (BIOES, O where forced). */
function validPath(labels: ArrayLike<number>, n: number, forced?: ArrayLike<number>): boolean {
  if (!MAY_START[labels[0]!] || !MAY_END[labels[n - 1]!]) return false;
  for (let i = 0; i < n; i++) {
    if (forced?.[i] && labels[i] !== O) return false;
    if (i > 0 && !ALLOWED[labels[i - 1]! * LABELS + labels[i]!]) return false;
  }
  return true;
}

describe('labels', () => {
  it('encodes spans and decodes them back (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 5 }), fc.constantFrom(...NAME_TYPES)), { maxLength: 8 }), (parts) => {
        const spans: LabeledSpan[] = [];
        let at = 0;
        for (const [gap, len, type] of parts) {
          at += gap;
          spans.push({ start: at, end: at + len, type });
          at += len;
        }
        const n = at + 1;
        const labels = new Uint8Array(n);
        encodeSpans(spans, n, labels);
        expect(validPath(labels, n)).toBe(true);
        expect(decodeSpans(labels, n)).toEqual(spans);
      }),
    );
  });
});

describe('Viterbi', () => {
  const transitions = (rand: () => number) => ({
    trans: Float64Array.from({ length: LABELS * LABELS }, () => rand() * 4 - 2),
    start: Float64Array.from({ length: LABELS }, () => rand() * 2 - 1),
    end: Float64Array.from({ length: LABELS }, () => rand() * 2 - 1),
  });

  it('finds the best valid path: the same as trying every path (property, short texts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer(), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (n, seed, forcedBits) => {
        let x = seed | 0;
        const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
        const t = transitions(rand);
        const emit = Float64Array.from({ length: n * LABELS }, () => rand() * 6 - 3);
        const forced = Uint8Array.from(forcedBits.slice(0, n), (b) => (b ? 1 : 0));
        const out = new Uint8Array(n);
        new Viterbi().decode(emit, n, t, out, forced);
        expect(validPath(out, n, forced)).toBe(true);
        const scoreOf = (path: ArrayLike<number>) => {
          let s = t.start[path[0]!]! + t.end[path[n - 1]!]!;
          for (let i = 0; i < n; i++) s += emit[i * LABELS + path[i]!]! + (i ? t.trans[path[i - 1]! * LABELS + path[i]!]! : 0);
          return s;
        };
        let best = -Infinity;
        const path = new Uint8Array(n);
        const walk = (i: number) => {
          if (i === n) {
            if (validPath(path, n, forced)) best = Math.max(best, scoreOf(path));
            return;
          }
          for (let l = 0; l < LABELS; l++) {
            path[i] = l;
            walk(i + 1);
          }
        };
        walk(0);
        expect(scoreOf(out)).toBeCloseTo(best, 9);
      }),
      { numRuns: 60 },
    );
  });

  it('decodes the same when the emissions come in blocks (begin, advance, end)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer(), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }), (n, seed, sizes) => {
        let x = seed | 0;
        const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
        const t = transitions(rand);
        const emit = Float64Array.from({ length: n * LABELS }, () => rand() * 6 - 3);
        const forced = Uint8Array.from({ length: n }, () => (rand() < 0.1 ? LINE_BREAK : rand() < 0.2 ? 1 : 0));
        const whole = new Uint8Array(n);
        new Viterbi().decode(emit, n, t, whole, forced);
        const viterbi = new Viterbi();
        viterbi.begin(n, t, forced);
        let from = 0;
        for (let k = 0; from < n; k++) {
          const to = Math.min(n, from + sizes[k % sizes.length]!);
          // The block's rows alone, from index 0.
          viterbi.advance(emit.slice(from * LABELS, to * LABELS), from, from, to);
          from = to;
        }
        const blocks = new Uint8Array(n);
        viterbi.end(blocks);
        expect([...blocks]).toEqual([...whole]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('LexiconIndex', () => {
  it('finds the longest word of each list at each start', () => {
    const index = new LexiconIndex(2);
    for (const w of ['青海', '青海省', '西宁市']) index.add(w, 0);
    index.add('市场监督管理局', 1);
    const text = '青海省西宁市市场监督管理局';
    const out = new Uint8Array(2 * text.length);
    index.scan(Array.from(text, (c) => c.charCodeAt(0)), text.length, out);
    expect(out[0]).toBe(3);
    expect(out[3]).toBe(2 + 1);
    expect(out[text.length + 6]).toBe(7);
    expect([...out].filter(Boolean)).toHaveLength(3);
  });

  it('finds what a plain search of every list finds, as the table grows (property)', () => {
    const alphabet = fc.constantFrom(...'青海省西宁市场监督管理局长江路');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.integer({ min: 0, max: 2 })), { maxLength: 400 }), fc.array(alphabet, { maxLength: 40 }), (words, chars) => {
        const index = new LexiconIndex(3, 4);
        for (const [w, list] of words) index.add(w, list);
        const text = chars.join('');
        const out = new Uint8Array(3 * text.length);
        index.scan(Array.from(text, (c) => c.charCodeAt(0)), text.length, out);
        for (let list = 0; list < 3; list++) {
          for (let i = 0; i < text.length; i++) {
            let longest = 0;
            for (const [w, l] of words) if (l === list && w.length >= 2 && text.startsWith(w, i)) longest = Math.max(longest, w.length);
            expect(out[list * text.length + i]).toBe(longest);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('model file', () => {
  const sample = () =>
    writeModelFile({
      meta: { featureVersion: FEATURE_VERSION, hashBits: 20, scale: 0.5, training: { note: 'test' } },
      trans: Float32Array.from({ length: LABELS * LABELS }, (_, k) => (k % 7) - 3),
      start: new Float32Array(LABELS).fill(0.25),
      end: new Float32Array(LABELS).fill(-0.25),
      rowIds: Int32Array.from([3, 17, 400, 1 << 19]),
      weights: Int8Array.from({ length: 4 * LABELS }, (_, k) => (k % 255) - 127),
    });

  it('reads back what it writes', () => {
    const model = readModelFile(sample(), FEATURE_VERSION);
    expect(model.meta).toMatchObject({ featureVersion: FEATURE_VERSION, hashBits: 20, scale: 0.5, rows: 4, labels: LABELS });
    expect([...model.rowIds]).toEqual([3, 17, 400, 1 << 19]);
    expect(model.weights[0]).toBe(-127);
    expect(model.trans[1]).toBe(-2);
    expect(model.start[0]).toBe(0.25);
  });

  it.each<[string, (b: Uint8Array) => Uint8Array, RegExp]>([
    ['a truncated file', (b) => b.slice(0, b.length - 10), /truncated/],
    ['a flipped byte', (b) => { const c = b.slice(); c[c.length - 3]! ^= 0x40; return c; }, /checksum/],
    ['another file', (b) => { const c = b.slice(); c[0] = 0x50; return c; }, /magic/],
    ['an empty file', () => new Uint8Array(0), /too short/],
    ['a newer format', (b) => { const c = b.slice(); c[8] = 9; return c; }, /format 9/],
  ])('refuses %s', (_name, damage, message) => {
    expect(() => readModelFile(damage(sample()))).toThrow(ModelFileError);
    expect(() => readModelFile(damage(sample()))).toThrow(message);
  });

  it('refuses a model of other features', () => {
    expect(() => readModelFile(sample(), FEATURE_VERSION + 1)).toThrow(/features v/);
  });

  it('the shipped model loads, checks and is under 6 MB', () => {
    const bytes = readFileSync(NODE_MODEL_FILE);
    expect(bytes.length).toBeLessThanOrEqual(6 * 1024 * 1024);
    const { status } = taggerFromBytes(bytes);
    expect(status).toMatchObject({ state: 'ready', bytes: bytes.length });
  });
});

describe('tagger service', () => {
  it('reports why a model could not be loaded, and gives no tagger', async () => {
    const service = createTaggerService(async () => taggerFromBytes(new Uint8Array(10)));
    expect(await service.tagger()).toBeNull();
    expect(service.status()).toMatchObject({ state: 'failed', error: expect.stringMatching(/too short/) });
  });

  it('tries again after a while, not at every request', async () => {
    let clock = 0;
    let calls = 0;
    const service = createTaggerService(async () => {
      calls++;
      throw new Error('offline');
    }, () => clock);
    await service.tagger();
    await service.tagger();
    expect(calls).toBe(1);
    clock += 61_000;
    await service.tagger();
    expect(calls).toBe(2);
  });
});

describe('NameTagger on any text', () => {
  const { tagger } = nodeTagger();
  const segmenter = nodeSegmenter();

  it('gives valid spans that never cross a line break, a space or a comma (property)', async () => {
    await prepareSegmenter(segmenter);
    const pieces = fc.constantFrom('青海省', '西宁市', '市场监管局', '记者', '崔永焘', '\n', ' ', '，', '。', '、', '中国科学院', '😀', '\uD83D', 'a', '1', '《', '》', '·', '习近平', '苏轼');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 30 }), async (parts) => {
        const text = parts.join('');
        const spans = tagger.tag(text, await segmenter.tag(text));
        let last = 0;
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          for (let k = s.start; k < s.end; k++) expect(breaksNames(text.charCodeAt(k))).toBe(false);
          last = s.end;
        }
      }),
      { numRuns: 150 },
    );
  });

  /**
   * The tagger as training sees it: every template hashed, every hash looked up in the model's
   * rows, summed, decoded. The shipped tagger reads characters and the templates with few
   * values from tables and skips characters that are never in a name; its names must be these.
   */
  let plain: { rows: Map<number, number>; extractor: FeatureExtractor } | undefined;
  function referenceTag(text: string, words: Awaited<ReturnType<typeof segmenter.tag>>, hints?: Uint8Array): LabeledSpan[] {
    const { model } = tagger;
    if (!plain) {
      plain = { rows: new Map(), extractor: new FeatureExtractor(buildLexicons()) };
      model.rowIds.forEach((id, rank) => plain!.rows.set(id, rank));
    }
    const { rows, extractor } = plain;
    const n = text.length;
    const feats = new Int32Array(n * SLOTS);
    extractor.extract(text, words, feats, { hints });
    const emit = new Int32Array(n * LABELS);
    const force = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      force[i] = c === 10 || c === 13 || c === 0x2028 || c === 0x2029 ? LINE_BREAK : breaksNames(c) || (c >= 0xd800 && c <= 0xdfff) ? 1 : 0;
      for (let k = 0; k < SLOTS; k++) {
        const h = feats[i * SLOTS + k]!;
        const row = h ? rows.get(h >>> (32 - model.meta.hashBits)) : undefined;
        if (row !== undefined) for (let l = 0; l < LABELS; l++) emit[i * LABELS + l]! += model.weights[row * LABELS + l]!;
      }
    }
    const unit = 1 / model.meta.scale;
    const transitions = { trans: Float64Array.from(model.trans, (x) => x * unit), start: Float64Array.from(model.start, (x) => x * unit), end: Float64Array.from(model.end, (x) => x * unit) };
    const labels = new Uint8Array(n);
    new Viterbi().decode(emit, n, transitions, labels, force);
    return decodeSpans(labels, n);
  }

  it('finds the names of the plain reading of the model: every template hashed and looked up (property)', async () => {
    await prepareSegmenter(segmenter);
    // A fresh tagger: its first call, with empty caches, must read the model as every later one.
    const fresh = taggerFromBytes(readFileSync(NODE_MODEL_FILE)).tagger;
    const seed = readFileSync(new URL('../../seeds/001_453188b8ede87603.txt', import.meta.url), 'utf8');
    const seedWords = await segmenter.tag(seed);
    const seedHints = ruleHints(seed, seedWords, segmenter);
    expect(fresh.tag(seed, seedWords, seedHints)).toEqual(referenceTag(seed, seedWords, seedHints));
    // U+0000 twice is the pair whose cache key is the empty slot's.
    const pieces = fc.constantFrom('青海省', '西宁市', '市场监管局', '记者', '崔永焘', '\n', ' ', '，', '。', '、', '中国科学院', '😀', 'a', '1', '《', '》', '·', '习近平', '苏轼', '说', '在', '召开', '张局长', '德国西门子股份公司', '\u0000\u0000', '\uffff\uffff');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 30 }), fc.boolean(), async (parts, withHints) => {
        const text = parts.join('');
        const words = await segmenter.tag(text);
        const hints = withHints ? ruleHints(text, words, segmenter) : undefined;
        expect(fresh.tag(text, words, hints)).toEqual(referenceTag(text, words, hints));
      }),
      { numRuns: 80 },
    );
    // Again after the page's rows filled the caches.
    expect(fresh.tag(seed, seedWords, seedHints)).toEqual(referenceTag(seed, seedWords, seedHints));
    // Every seed document in turn: the caches grow (the keys they hold move to larger ones) and
    // the names stay those of the plain reading.
    const seedsDir = new URL('../../seeds/', import.meta.url);
    for (const file of readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
      const text = readFileSync(new URL(file, seedsDir), 'utf8');
      const words = await segmenter.tag(text);
      const hints = ruleHints(text, words, segmenter);
      expect(fresh.tag(text, words, hints)).toEqual(referenceTag(text, words, hints));
    }
    const sizes = fresh as unknown as { pairBits: number; wordBits: number };
    expect(sizes.pairBits).toBeGreaterThan(13);
    expect(sizes.wordBits).toBeGreaterThan(12);
    expect(fresh.tag(seed, seedWords, seedHints)).toEqual(referenceTag(seed, seedWords, seedHints));
  }, 60_000);

  it('extracts the same features for a paragraph alone and inside a page', async () => {
    const extractor = new FeatureExtractor(buildLexicons());
    const a = '青海省市场监管局在西宁市发布成果。';
    const b = '记者 崔永焘';
    const page = `${b}\n${a}`;
    const alone = new Int32Array(a.length * SLOTS);
    extractor.extract(a, await segmenter.tag(a), alone);
    const joined = new Int32Array(page.length * SLOTS);
    extractor.extract(page, await segmenter.tag(page), joined);
    expect([...joined.subarray((b.length + 1) * SLOTS)]).toEqual([...alone]);
  });
});
