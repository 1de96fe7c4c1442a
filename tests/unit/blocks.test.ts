import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchBlocks, blockIndexAt, splitBlocks, visibleFirst } from '@/lib/anchor/blocks';

describe('splitBlocks', () => {
  it('gives the non-blank lines with their offsets', () => {
    expect(splitBlocks('标题\n\n  \n第一段。\n第二段', 100)).toEqual([
      { start: 0, text: '标题' },
      { start: 7, text: '第一段。' },
      { start: 12, text: '第二段' },
    ]);
  });

  it('cuts an over-long line after a sentence end', () => {
    const line = '甲'.repeat(60) + '。' + '乙'.repeat(60);
    const blocks = splitBlocks(line, 100);
    expect(blocks.map((b) => b.text)).toEqual(['甲'.repeat(60) + '。', '乙'.repeat(60)]);
  });

  it('never cuts inside a surrogate pair, and covers the text exactly (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('青', '海', '😀', '\n', '。', ' ', 'a'), { maxLength: 300 }), fc.integer({ min: 2, max: 40 }), (parts, max) => {
        const text = parts.join('');
        const blocks = splitBlocks(text, max);
        for (const b of blocks) {
          expect(text.slice(b.start, b.start + b.text.length)).toBe(b.text);
          expect(b.text.length).toBeLessThanOrEqual(max);
          expect(b.text.includes('\n')).toBe(false);
          const first = b.text.charCodeAt(0);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
        }
        // Every non-space character is in some block.
        const covered = blocks.map((b) => b.text).join('').replace(/\s/g, '');
        expect(covered).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('batchBlocks', () => {
  it('joins blocks with newlines within the limit and records where each starts', () => {
    const blocks = [
      { start: 0, text: 'aaaa' },
      { start: 5, text: 'bb' },
      { start: 9, text: 'cccccc' },
    ];
    const batches = batchBlocks(blocks, 8);
    expect(batches.map((b) => b.text)).toEqual(['aaaa\nbb', 'cccccc']);
    expect(batches[0]!.offsets).toEqual([0, 5]);
  });

  it('puts a block longer than the limit in a batch of its own', () => {
    expect(batchBlocks([{ start: 0, text: 'x'.repeat(20) }], 8).map((b) => b.text.length)).toEqual([20]);
  });
});

describe('visible first', () => {
  it('orders the blocks on screen, then below, then above', () => {
    expect(visibleFirst([0, 1, 2, 3, 4, 5], 2, 3)).toEqual([2, 3, 4, 5, 0, 1]);
    expect(visibleFirst([0, 1, 2], -5, 99)).toEqual([0, 1, 2]);
    expect(visibleFirst([], 0, 0)).toEqual([]);
  });

  it('finds the block holding an offset', () => {
    const blocks = splitBlocks('一\n二二\n三三三', 100);
    expect([0, 1, 2, 4, 5, 8].map((at) => blockIndexAt(blocks, at))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(blockIndexAt(blocks, -1)).toBe(-1);
  });
});
