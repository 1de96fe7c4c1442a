import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as jieba from 'jieba-wasm/node';
import { alignWords, createJiebaSegmenter, replaceLoneSurrogates, type JiebaBindings, type Token } from '@/lib/segment';
import { instantiateJiebaSync } from '@/lib/segment/jieba-wasm';
import { newNodeJieba, nodeSegmenter } from '@/lib/segment/node';
import { recordingSegmenter } from './recording-jieba';

const segmenter = nodeSegmenter();

/** Tokens cover the text in order, without gaps or overlaps, and each word is its slice. */
function expectCovering(text: string, tokens: Token[]): void {
  let cursor = 0;
  for (const t of tokens) {
    expect(t.start).toBe(cursor);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.word).toBe(text.slice(t.start, t.end));
    cursor = t.end;
  }
  expect(cursor).toBe(text.length);
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe('jieba-wasm segmenter (Node build)', () => {
  it('tags a news sentence with POS tags and UTF-16 offsets', async () => {
    const text = '青海新闻网讯（记者 崔永焘）日前，青海省市场监管局在西宁市发布项目成果。';
    const tokens = await segmenter.tag(text);
    expectCovering(text, tokens);
    const at = text.indexOf('西宁市');
    expect(tokens.find((t) => t.word === '西宁市')).toEqual({ word: '西宁市', tag: 'ns', start: at, end: at + 3 });
  });

  it.each([
    ['empty', ''],
    ['emoji and surrogate pairs', '😀青海省🇨🇳西宁市𠮷野家'],
    ['a lone high surrogate', '青海\uD83D省'],
    ['a lone low surrogate', '\uDE00西宁'],
    ['control characters', '青海\u0000\u0007省\r\n西宁\t市'],
    ['mixed scripts', 'CPU占用率为83%，ΑΒΓ мир 日本語 العربية'],
    ['full-width digits and spaces', '１５．６８亿元　30 万元'],
  ])('covers %s exactly', async (_name, text) => {
    const tokens = await segmenter.tag(text);
    expectCovering(text, tokens);
    for (const t of tokens) {
      expect(splitsSurrogatePair(text, t.start)).toBe(false);
      expect(splitsSurrogatePair(text, t.end)).toBe(false);
    }
  });

  it('covers any string (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (text) => {
        expectCovering(text, await segmenter.tag(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives search-mode words UTF-16 offsets after astral characters', async () => {
    const text = '😀😀中华人民共和国';
    const tokens = await segmenter.cutForSearch(text);
    expect(tokens.length).toBeGreaterThan(2);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
    expect(tokens.map((t) => t.word)).toContain('人民');
  });

  it('keeps user-dictionary words whole', async () => {
    const text = '盐湖化工镁产业专利导航';
    const word = '镁产业专利导航';
    expect((await segmenter.tag(text)).map((t) => t.word)).not.toContain(word);
    expect(await segmenter.addWords([{ word, tag: 'nz' }, { word: '  ' }])).toBe(1);
    expect((await segmenter.tag(text)).find((t) => t.word === word)?.tag).toBe('nz');
  });
});

describe('alignWords', () => {
  it('skips ahead when a word does not start at the cursor', () => {
    expect(alignWords('a青海', [{ word: '青海', tag: 'ns' }])).toEqual([{ word: '青海', tag: 'ns', start: 1, end: 3 }]);
  });

  it('throws when a word is not in the text', () => {
    expect(() => alignWords('青海', [{ word: '西宁' }])).toThrow(/not found/);
  });
});

describe('replaceLoneSurrogates', () => {
  it('keeps pairs and length, replaces lone halves', () => {
    const text = '\uD83D😀\uDE00';
    const clean = replaceLoneSurrogates(text);
    expect(clean).toBe('\uFFFD😀\uFFFD');
    expect(clean.length).toBe(text.length);
  });
});

describe('createJiebaSegmenter', () => {
  it('passes the user word frequency and tag to jieba', async () => {
    const { segmenter: fake, calls } = recordingSegmenter();
    await fake.addWords([{ word: ' 省知识产权局 ', tag: 'nt' }, { word: '崔永焘', freq: 5 }]);
    expect(calls).toEqual([
      ['省知识产权局', 100_000, 'nt'],
      ['崔永焘', 5, null],
    ]);
  });
});

describe('the tags a segmenter keeps', () => {
  /** What jieba's `tag()` of the whole text gives, as tokens. */
  const whole = (text: string) => {
    const clean = replaceLoneSurrogates(text);
    const tokens = alignWords(clean, jieba.tag(clean, true));
    for (const t of tokens) t.word = text.slice(t.start, t.end);
    return tokens;
  };

  it('gives what tag() of the whole text gives, on texts seen and unseen (property)', async () => {
    const kept = createJiebaSegmenter(jieba);
    const warm = '青海省市场监管局发布了通知，'.repeat(40);
    await kept.tag(warm);
    // Pieces that make jieba's HMM join characters only in their context (之家, 自任), names in
    // no dictionary, numbers and Latin words (tags m, eng), marks and lone surrogates.
    const pieces = fc.constantFrom('爱书之家', '他自任组长', '老树新芽', '青海省', '崔永焘', '热合曼江·吐尔逊', '2024年', 'GDP', 'AT&T', '，', '。', '\n', ' ', '\uD83D', '😀', '市场监管局', '的', '了', '发布', '《办法》');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 40 }), async (parts) => {
        const text = parts.join('');
        // After a long text of known words, the next is cut and only its new words are tagged.
        await kept.tag(warm);
        expect(await kept.tag(text)).toEqual(whole(text));
        await kept.tag(warm);
        expect(await kept.tag(text)).toEqual(whole(text));
      }),
      { numRuns: 150 },
    );
  });

  it('forgets the tags when words are added (a word added again can change its tag)', async () => {
    const kept = createJiebaSegmenter(jieba);
    const text = '星火试验区管委会发布通知';
    expect(await kept.tag(text)).toEqual(whole(text));
    await kept.addWords([{ word: '星火试验区', tag: 'ns' }]);
    const after = await kept.tag(text);
    expect(after.find((t) => t.word === '星火试验区')?.tag).toBe('ns');
    expect(after).toEqual(whole(text));
    // Added again with another tag: whatever jieba's tag() says now, the kept tags say the same.
    await kept.addWords([{ word: '星火试验区', tag: 'nt' }]);
    expect(await kept.tag(text)).toEqual(whole(text));
  });

  it('tags the whole text when a new word comes back neither alone nor in its stretch', async () => {
    // A fake jieba that joins 甲乙 only inside the whole text (its stretch 丙甲乙丁 too is cut char by char).
    const whole = '丙甲乙丁。戊';
    const calls: string[] = [];
    const fake: JiebaBindings = {
      cut: (text) => (text === whole ? ['丙', '甲乙', '丁', '。', '戊'] : [...text]),
      tag: (text) => {
        calls.push(text);
        return text === whole ? [{ word: '丙', tag: 'x' }, { word: '甲乙', tag: 'nr' }, { word: '丁', tag: 'x' }, { word: '。', tag: 'x' }, { word: '戊', tag: 'x' }] : [...text].map((word) => ({ word, tag: 'x' }));
      },
      tokenize: () => [],
      add_word: () => 0,
    };
    const kept = createJiebaSegmenter(fake);
    // The first text goes through tag() whole; one with few new words after it is cut.
    const known = '丙丁戊。'.repeat(50);
    await kept.tag(known);
    expect(calls).toEqual([known]);
    const tokens = await kept.tag(whole);
    expect(tokens.map((t) => `${t.word}/${t.tag}`)).toEqual(['丙/x', '甲乙/nr', '丁/x', '。/x', '戊/x']);
    expect(calls.slice(1)).toEqual(['甲乙', '丙甲乙丁', whole]);
    // Known now: once texts bring few new words again, the next with the word needs no tag() at all.
    await kept.tag(known);
    calls.length = 0;
    expect((await kept.tag(whole)).map((t) => t.tag)).toEqual(['x', 'nr', 'x', 'x', 'x']);
    expect(calls).toEqual([]);
  });

  it('reads a long text without marks once, however many of its words are new', async () => {
    // 40,000 characters, no mark: every two-character word is new and comes back only inside
    // the whole stretch. Reading the stretch again for each word would take minutes.
    const text = '甲乙'.repeat(20_000);
    const fake: JiebaBindings = {
      cut: (t) => (t === text ? Array.from({ length: t.length / 2 }, () => '甲乙') : [...t]),
      tag: (t) => (t === text ? Array.from({ length: t.length / 2 }, () => ({ word: '甲乙', tag: 'nr' })) : [...t].map((word) => ({ word, tag: 'x' }))),
      tokenize: () => [],
      add_word: () => 0,
    };
    const kept = createJiebaSegmenter(fake);
    await kept.tag('甲乙丙丁。'.repeat(100));
    const started = performance.now();
    const tokens = await kept.tag(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(tokens).toHaveLength(20_000);
    expect(tokens.every((t) => t.tag === 'nr')).toBe(true);
  });
});

describe('our jieba-wasm glue (lib/segment/jieba-wasm.ts)', () => {
  // A fresh instance of the module, so the dictionary is the package's own (the process's
  // nodeSegmenter has words added by other tests).
  const glue = newNodeJieba();
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.constantFrom('青海省', '市场监管局', '😀', '𠮷', 'café', 'AT&T', '１５．６８亿元', '　', '\n', '，', '崔永焘', '2024年', 'naïve'), { maxLength: 20 }).map((p) => p.join('')),
  );

  it('gives what the package gives for cut, tag and tokenize (property)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(glue.cut(text, true)).toEqual(jieba.cut(text, true));
        expect(glue.cut(text, false)).toEqual(jieba.cut(text, false));
        expect(glue.tag(text, true)).toEqual(jieba.tag(text, true));
        expect(glue.tokenize(text, 'search', true)).toEqual(jieba.tokenize(text, 'search', true));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the cut as word ends whose slices are the cut words (property)', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const text = replaceLoneSurrogates(raw);
        const ends = glue.cutEnds(text, true);
        expect(ends).not.toBeNull();
        const words: string[] = [];
        let start = 0;
        for (const end of ends!) {
          words.push(text.slice(start, end));
          start = end;
        }
        expect(words).toEqual(jieba.cut(text, true));
      }),
      { numRuns: 300 },
    );
  });

  it('adds words as the package does', () => {
    const text = '星火试验区管委会发布通知';
    expect(glue.add_word('星火试验区', 100_000, 'ns')).toBe(jieba.add_word('星火试验区', 100_000, 'ns'));
    expect(glue.tag(text, true)).toEqual(jieba.tag(text, true));
    expect(glue.cutEnds(text, true)).toEqual(Int32Array.from([5, 8, 10, 12]));
  });

  it('makes a segmenter that gives what tag() of the whole text gives (property)', async () => {
    const kept = createJiebaSegmenter(glue);
    const warm = '青海省市场监管局发布了通知，'.repeat(40);
    await kept.tag(warm);
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        await kept.tag(warm);
        const clean = replaceLoneSurrogates(text);
        const expected = alignWords(clean, glue.tag(clean, true));
        for (const t of expected) t.word = text.slice(t.start, t.end);
        expect(await kept.tag(text)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a module that is not jieba-wasm', () => {
    // The smallest module: no imports, no exports.
    const empty = new WebAssembly.Module(Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    expect(() => instantiateJiebaSync(empty)).toThrow(/no export memory/);
  });
});

describe('our jieba-wasm glue after the module memory grows', () => {
  it('cuts, tags and tokenizes a text larger than the memory it had', () => {
    const glue = newNodeJieba();
    glue.tag('青海省西宁市', true);
    // Several megabytes of UTF-8: the module grows its memory, detaching the buffers seen before.
    const big = '青海省市场监管局在西宁市发布通知。'.repeat(120_000);
    expect(glue.tag(big, true).length).toBeGreaterThan(100_000);
    expect(glue.cutEnds(big, true)![0]).toBe(3);
    expect(glue.tokenize('青海省西宁市', 'search', true).length).toBeGreaterThan(0);
    expect(glue.cut('青海省西宁市', true)).toEqual(jieba.cut('青海省西宁市', true));
  });
});
