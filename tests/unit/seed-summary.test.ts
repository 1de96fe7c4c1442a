import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeSeed } from '@/lib/corpus/seed-summary';

const SEEDS = resolve(import.meta.dirname, '../../seeds');

describe('seed corpus', () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

  const shared = resolve(import.meta.dirname, '../../../shared/seeds');

  it('ships the five seed documents', () => {
    expect(files).toHaveLength(5);
  });

  // The shared folder sits beside the team's checkouts; a clone elsewhere has nothing to compare.
  it.skipIf(!existsSync(shared))('ships them identical to ../shared/seeds', () => {
    for (const f of files) {
      // A file missing from either side fails.
      expect(readFileSync(join(SEEDS, f), 'utf8')).toBe(readFileSync(join(shared, f), 'utf8'));
    }
  });

  it('summarizes each seed with a title and its size', () => {
    const summaries = files.map((f) => summarizeSeed(f, readFileSync(join(SEEDS, f), 'utf8')));
    expect(summaries.map((s) => s.title)).toEqual([
      '青海新闻网讯（记者 崔永焘）日',
      '6月中旬，走进位于德令哈市东南角',
      '我国发明专利申请量连续多年全球居首',
      '青海省市场监督管理局',
      '济南高新区以党建引领乡村治理',
    ]);
    for (const s of summaries) expect(s.chars).toBeGreaterThan(2000);
  });

  it('handles empty and heading-less text', () => {
    expect(summarizeSeed('x/empty.txt', '')).toEqual({ id: 'empty', title: '（空文档）', chars: 0, headings: 0 });
    expect(summarizeSeed('a.txt', '\n\n  一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\n').title).toBe(
      '一二三四五六七八九十一二三四五六七八九十一二三四五六七八…',
    );
  });
});
