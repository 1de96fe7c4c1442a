import { describe, expect, it } from 'vitest';
import { readSeeds } from '@/lib/cli/corpus-seeds';
import { repairSpaces, splitSeed, undouble } from '@/lib/corpus/split';

// The real seeds: a missing or changed seed file fails here, never skips.
const seeds = readSeeds();
const articles = seeds.flatMap((s) => splitSeed(s.text).map((a) => ({ seed: s.name, ...a })));
const titled = (start: string) => {
  const found = articles.filter((a) => a.title.startsWith(start));
  expect(found, `one article titled ${start}…`).toHaveLength(1);
  return found[0]!;
};
const containing = (text: string) => articles.filter((a) => a.text.includes(text));

describe('splitting the seed pages into articles', () => {
  it('finds 23 articles in the 5 seed files', () => {
    expect(seeds.map((s) => s.name)).toHaveLength(5);
    expect(articles).toHaveLength(23);
    expect(articles.map((a) => `${a.seed.slice(0, 3)}#${a.n}`)).toEqual([
      ...[1, 2, 3, 4].map((n) => `000#${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `001#${n}`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `002#${n}`),
      ...[1, 2].map((n) => `003#${n}`),
      ...[1, 2, 3, 4, 5, 6].map((n) => `004#${n}`),
    ]);
  });

  it.each([
    ['000', '青海省发布镁产业专利导航成果'],
    ['000', '推动警民高度融合 共建平安“微单元”'],
    ['001', '液态空气储能示范项目在格尔木落地'],
    ['001', '德令哈建成全国最大盐湖食品级氧化镁生产线'],
    ['001', '优化营商环境护航经济发展'],
    ['002', '我国发明专利申请量连续多年全球居首'],
    ['003', '青海省市场监督管理局关于印发2024年青海省“知识产权公共服务市州行”活动方案的通知'],
    ['004', '济南高新区以党建引领乡村治理'],
    ['004', '通化医药高新区借“智”冲刺千亿元级'],
  ])('seed %s has the article %s', (seed, title) => {
    const a = titled(title);
    expect(a.title).toBe(title);
    expect(a.titleFrom).toBe('headline');
    expect(a.seed.startsWith(seed)).toBe(true);
  });

  it('gives the 联防 article its headline and byline', () => {
    const [a, ...others] = containing('联防队');
    expect(others).toHaveLength(0);
    expect(a!.title).toBe('推动警民高度融合 共建平安“微单元”');
    expect(a!.reporters).toEqual(['张金凤']);
    expect(a!.text.startsWith('本报讯（记者张金凤）')).toBe(true);
  });

  it('keeps the 乌兰 article whole, its three doubled subheads undoubled as sections', () => {
    const [a, ...others] = containing('乌兰县');
    expect(others).toHaveLength(0);
    expect(a!.title).toBe('优化营商环境护航经济发展');
    expect(a!.text.length).toBeGreaterThan(1000);
    expect(a!.text.length).toBeLessThan(1150);
    const lines = a!.text.split('\n');
    for (const subhead of ['加大纾困解难力度，政务服务更加高效', '优化投资环境，坚定企业发展信心', '落实暖企政策，激发市场潜在活力']) {
      expect(lines).toContain(subhead);
    }
    expect(a!.text).not.toContain('加大纾困解难力度加大纾困解难力度');
    expect(a!.text).not.toContain('，，');
  });

  it("puts seed 004's 协商式治理 section in the 济南 article", () => {
    const [a, ...others] = containing('协商式治理');
    expect(others).toHaveLength(0);
    expect(a!.title).toBe('济南高新区以党建引领乡村治理');
    expect(a!.text.split('\n')).toContain('协商式治理 让治理更民主');
    expect(a!.ranges.length).toBeGreaterThan(1);
  });

  it('gives the misplaced tail 户拓展线上销售渠道 back to the 许家沟村 article', () => {
    const [a, ...others] = containing('户拓展线上销售渠道');
    expect(others).toHaveLength(0);
    expect(a!.text).toContain('许家沟村');
    expect(a!.text).toContain('帮助农户拓展线上销售渠道');
    expect(a!.text.startsWith('(接一版)')).toBe(true);
  });

  it('gives every article text and offsets inside its seed file', () => {
    for (const a of articles) {
      const seed = seeds.find((s) => s.name === a.seed)!;
      expect(a.text.length, a.title).toBeGreaterThan(50);
      expect(a.title.length, a.seed).toBeGreaterThan(0);
      for (const [start, end] of a.ranges) {
        expect(start).toBeLessThan(end);
        expect(end).toBeLessThanOrEqual(seed.text.length);
      }
    }
  });
});

describe('undouble', () => {
  it.each([
    ['加大纾困解难力度加大纾困解难力度，，政务服务更加高效政务服务更加高效', '加大纾困解难力度，政务服务更加高效'],
    ['优化营商环境护航经济发展优化营商环境护航经济发展', '优化营商环境护航经济发展'],
    // Not doubled: unchanged.
    ['优化营商环境护航经济发展', '优化营商环境护航经济发展'],
    ['哈哈', '哈哈'],
    // A doubled comma alone is a typo, not bold text.
    ['加大力度，，政务服务更加高效', '加大力度，，政务服务更加高效'],
    ['', ''],
  ])('%s → %s', (line, expected) => {
    expect(undouble(line)).toBe(expected);
  });
});

describe('repairSpaces', () => {
  it.each([
    ['LED 屏幕', 'LED屏幕'],
    ['等 9 个', '等9个'],
    ['IPC 8', 'IPC 8'],
    ['青海 省 市场\u3000监管局', '青海省市场监管局'],
    ['A  B', 'A B'],
    ['no\u00a0break', 'no break'],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(repairSpaces(text)).toBe(expected);
  });
});
