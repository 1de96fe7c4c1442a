/**
 * The figure cross-check (`lib/corpus/crosscheck.ts`) with the real recognizer (jieba-wasm's Node
 * build and the name model): normalization, approximators, ranges, stock against flow, periods,
 * other subjects; the index's bookkeeping; and the whole evaluation set
 * `tests/corpus/crosscheck.jsonl` against the seed corpus, with the targets
 * (different: precision ≥ 0.95, recall ≥ 0.8; same: precision ≥ 0.9, recall ≥ 0.8).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recognize } from '@/lib/recognize';
import type { NameTagger } from '@/lib/recognize';
import type { Span } from '@/lib/recognize/types';
import { nodeTagger } from '@/lib/recognize/tagger/node';
import { nodeSegmenter } from '@/lib/segment/node';
import { spansAsMarks } from '@/lib/corpus/article';
import { StatementIndex, figureStatements, scoreCrossCheck, type CrossCheckMatch, type ExpectedMatch } from '@/lib/corpus/crosscheck';
import { buildSeedCorpus } from '@/lib/cli/corpus-seeds';

let tagger: NameTagger | null = null;
const spansOf = (text: string): Promise<Span[]> => recognize(text, nodeSegmenter(), { tagger });
const article = async (id: string, text: string, title?: string) => ({ id, text, marks: spansAsMarks(await spansOf(text)), ...(title ? { title } : {}) });

/** Our own corpus: made-up local news, each article about one county or project. */
const ARTICLES: Record<string, string> = {
  'user:ninghai':
    '本报讯 2024年，宁海县财政总收入达15.68亿元，同比增长8.2%。全县群众满意率为82.3%。截至目前，宁海县累计建成农村公路1200余公里。今年宁海县新建农村公路86公里。',
  'user:lijiang': '记者从丽江市文化和旅游局获悉，春节假期丽江市共接待游客约120万人次。全市3至5个景区实行预约制。丽江市游客满意度在90%至95%之间。',
  'user:taizhou': '台州市海上风电项目装机容量为30万千瓦，总投资约52亿元。项目年发电量超过8亿千瓦时。',
  'user:anji': '安吉县居民活动中心面积从800平方米增至1500平方米。安吉县今年培训农村电商人才上万人次。安吉县有数千家民宿。',
};

let index: StatementIndex;

/** The matches of the figure written `figure` in `text`. */
async function matchesOf(text: string, figure: string): Promise<CrossCheckMatch[]> {
  const results = index.check(text, await spansOf(text));
  const result = results.find((r) => r.figure.text === figure);
  expect(result, `figure ${figure} read as a statement in 「${text}」`).toBeDefined();
  return result!.matches;
}

/** The one match of `figure` in `text`, as `articleId figure verdict reason`. */
async function only(text: string, figure: string): Promise<string> {
  const matches = await matchesOf(text, figure);
  return matches.map((m) => `${m.articleId} ${m.figure.text} ${m.verdict} ${m.reason}`).join(' | ');
}

beforeAll(async () => {
  try {
    tagger = nodeTagger().tagger;
  } catch {
    tagger = null; // no model file: the rules find the names alone
  }
  index = new StatementIndex();
  for (const [id, text] of Object.entries(ARTICLES)) index.add(await article(id, text));
}, 60_000);

describe('normalization', () => {
  it('reads the same amount in other units as the same figure', async () => {
    expect(await only('2024年宁海县财政总收入156800万元。', '156800万元')).toBe('user:ninghai 15.68亿元 same equal');
    expect(await only('2024年宁海县财政总收入1568000000元。', '1568000000元')).toBe('user:ninghai 15.68亿元 same equal');
  });

  it('reads a percentage written in words as the same share', async () => {
    expect(await only('宁海县群众满意率达到百分之八十二点三。', '百分之八十二点三')).toBe('user:ninghai 82.3% same equal');
  });

  it('converts measure units of one dimension (兆瓦 to 千瓦), and states a difference in the corpus figure\'s unit', async () => {
    expect(await only('台州市海上风电项目装机容量300兆瓦。', '300兆瓦')).toBe('user:taizhou 30万千瓦 same equal');
    const [m] = await matchesOf('台州市海上风电项目装机容量400兆瓦。', '400兆瓦');
    expect(m).toMatchObject({ verdict: 'different', figure: { text: '30万千瓦', unit: '千瓦' }, difference: { amount: 100000 } });
    expect(m?.difference?.share).toBeCloseTo(1 / 3, 6);
  });

  it('calls a changed value different, with the difference as amount and share', async () => {
    const [m] = await matchesOf('2024年，宁海县财政总收入18.2亿元。', '18.2亿元');
    expect(m?.verdict).toBe('different');
    expect(m?.figure.text).toBe('15.68亿元');
    expect(m?.difference?.amount).toBeCloseTo(2.52e8, 0);
    expect(m?.difference?.share).toBeCloseTo(0.1607, 3);
  });

  it('reads an exact figure written less precisely as rounding', async () => {
    expect(await only('宁海县群众满意率为82%。', '82%')).toBe('user:ninghai 82.3% compatible rounding');
    expect(await only('宁海县群众满意率为85.6%。', '85.6%')).toBe('user:ninghai 82.3% different value');
  });
});

describe('approximators and ranges', () => {
  it('约, 近, 超过 and 余 allow the values they say', async () => {
    expect(await only('2024年，宁海县财政总收入约16亿元。', '16亿元')).toBe('user:ninghai 15.68亿元 compatible approx-about');
    expect(await only('宁海县群众满意率超过八成。', '八成')).toBe('user:ninghai 82.3% compatible approx-over');
    expect(await only('台州市海上风电项目年发电量9亿千瓦时。', '9亿千瓦时')).toBe('user:taizhou 8亿千瓦时 compatible approx-over');
    expect(await only('台州市海上风电项目年发电量6亿千瓦时。', '6亿千瓦时')).toBe('user:taizhou 8亿千瓦时 different beyond-approx');
    expect(await only('宁海县累计建成农村公路1250公里。', '1250公里')).toContain('user:ninghai 1200余公里 compatible approx-over');
    expect(await only('宁海县累计建成农村公路1500公里。', '1500公里')).toContain('user:ninghai 1200余公里 different beyond-approx');
  });

  it('a vague figure (上万, 数千) is compatible with what fits and never different', async () => {
    expect(await only('安吉县今年培训农村电商人才2.3万人次。', '2.3万人次')).toBe('user:anji 上万人次 compatible approx-vague');
    expect(await only('安吉县有民宿3500家。', '3500家')).toBe('user:anji 数千家 compatible approx-vague');
    expect(await matchesOf('安吉县今年培训农村电商人才800人次。', '800人次')).toEqual([]);
  });

  it('a range contains the values between its ends (one span or two)', async () => {
    expect(await only('丽江市4个景区实行预约制。', '4个')).toBe('user:lijiang 3至5个 compatible range');
    expect(await only('丽江市游客满意度为93%。', '93%')).toBe('user:lijiang 90%至95% compatible range');
    expect(await only('丽江市游客满意度为97%。', '97%')).toBe('user:lijiang 90%至95% different beyond-approx');
  });
});

describe('periods, stocks and changes', () => {
  it('a yearly figure against a cumulative one is compatible, and yearly against yearly is compared', async () => {
    const matches = await matchesOf('宁海县今年新建农村公路100公里。', '100公里');
    expect(matches.map((m) => `${m.figure.text} ${m.verdict} ${m.reason}`).sort()).toEqual(['1200余公里 compatible cumulative-vs-period', '86公里 different value']);
  });

  it('figures of other years are about another subject: nothing', async () => {
    expect(await matchesOf('2023年宁海县财政总收入15.68亿元。', '15.68亿元')).toEqual([]);
    expect(await matchesOf('2023年宁海县财政总收入18亿元。', '18亿元')).toEqual([]);
  });

  it('a change is compared with changes, a level with levels, a starting value with nothing', async () => {
    expect(await only('宁海县财政总收入同比增长9.5%。', '9.5%')).toBe('user:ninghai 8.2% different value');
    expect(await only('安吉县居民活动中心面积增至1500平方米。', '1500平方米')).toBe('user:anji 1500平方米 same equal');
    // The 800 of 从800增至1500 is where the change started, not the area now.
    expect(await only('安吉县居民活动中心面积为800平方米。', '800平方米')).toBe('user:anji 1500平方米 different value');
  });
});

describe('other subjects', () => {
  it('the same number about another county or project gives nothing', async () => {
    expect(await matchesOf('2024年，象山县财政总收入15.68亿元。', '15.68亿元')).toEqual([]);
    expect(await matchesOf('温州市海上风电项目装机容量30万千瓦。', '30万千瓦')).toEqual([]);
    expect(await matchesOf('台州市光伏项目年发电量6亿千瓦时。', '6亿千瓦时')).toEqual([]);
  });

  it('the same number of the same county about another indicator gives nothing', async () => {
    expect(await matchesOf('2024年，宁海县农业总产值15.68亿元。', '15.68亿元')).toEqual([]);
    expect(await matchesOf('宁海县养老服务满意率为82.3%。', '82.3%')).toEqual([]);
  });
});

describe('StatementIndex', () => {
  it('reads statements with subject, indicator and qualifier', async () => {
    const statements = figureStatements(await article('user:x', '人民日报北京2月25日电(记者谷业凯)国家知识产权局数据显示：我国国内有效发明专利达532万件。'));
    expect(statements).toHaveLength(1);
    const [s] = statements;
    expect(s?.indicator).toBe('有效发明专利');
    expect(s?.subject).toContain('国家知识产权局');
    expect(s?.subject).not.toContain('人民日报');
    expect(s?.subject).not.toContain('北京');
    expect(s?.qualifier).toMatchObject({ approx: 'exact', relation: 'level', cumulative: false });
  });

  it('an article without marks has no statements', () => {
    expect(figureStatements({ id: 'user:old', text: '宁海县财政总收入达15.68亿元。' })).toEqual([]);
  });

  it('removes, replaces and leaves out articles', async () => {
    const small = new StatementIndex();
    const a = await article('user:a', '2024年，宁海县财政总收入达15.68亿元。');
    const b = await article('user:b', '据悉，2024年宁海县财政总收入为15.68亿元。');
    small.add(a);
    small.add(b);
    small.add(a); // replaces
    expect(small.size).toBe(2);
    const text = '2024年宁海县财政总收入15.68亿元。';
    const spans = await spansOf(text);
    expect(small.check(text, spans)[0]?.matches.map((m) => m.articleId).sort()).toEqual(['user:a', 'user:b']);
    expect(small.check(text, spans, { excludeArticleId: 'user:a' })[0]?.matches.map((m) => m.articleId)).toEqual(['user:b']);
    expect(small.check(text, spans, { limit: 1 })[0]?.matches).toHaveLength(1);
    small.remove('user:a');
    small.remove('user:unknown');
    expect(small.size).toBe(1);
    expect(small.check(text, spans)[0]?.matches.map((m) => m.articleId)).toEqual(['user:b']);
    small.remove('user:b');
    expect(small.size).toBe(0);
    expect(small.check(text, spans)[0]?.matches).toEqual([]);
  });
});

describe('scoreCrossCheck', () => {
  it('counts verdicts per article and figure, and lists the disagreements', () => {
    const m = (figure: string, verdict: ExpectedMatch['verdict']): ExpectedMatch => ({ articleId: 'seed:a', figure, verdict });
    const { verdicts, errors } = scoreCrossCheck([
      { id: 'r1', expect: [m('1件', 'same'), m('2件', 'different')], found: [m('1件', 'same'), m('2件', 'compatible')] },
      { id: 'r2', expect: [], found: [m('3件', 'different')] },
    ]);
    expect(verdicts.same).toMatchObject({ expected: 1, found: 1, correct: 1, precision: 1, recall: 1 });
    expect(verdicts.different).toMatchObject({ expected: 1, found: 1, correct: 0, precision: 0, recall: 0 });
    expect(errors).toEqual([
      { id: 'r1', articleId: 'seed:a', figure: '2件', expected: 'different', found: 'compatible' },
      { id: 'r2', articleId: 'seed:a', figure: '3件', found: 'different' },
    ]);
  });
});

describe('the evaluation set against the seed corpus', () => {
  let score: ReturnType<typeof scoreCrossCheck>;

  beforeAll(async () => {
    const seeds = new StatementIndex();
    for (const a of (await buildSeedCorpus()).articles) seeds.add(a);
    const lines = readFileSync(resolve(import.meta.dirname, '../corpus/crosscheck.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
    const records: Array<{ id: string; expect: ExpectedMatch[]; found: ExpectedMatch[] }> = [];
    for (const line of lines) {
      const r = JSON.parse(line) as { id: string; text: string; expect: ExpectedMatch[] };
      const found = seeds.check(r.text, await spansOf(r.text)).flatMap((res) => res.matches.map((m) => ({ articleId: m.articleId, figure: m.figure.text, verdict: m.verdict })));
      records.push({ id: r.id, expect: r.expect, found });
    }
    expect(records.length).toBeGreaterThanOrEqual(80);
    score = scoreCrossCheck(records);
  }, 60_000);

  it('different: precision ≥ 0.95, recall ≥ 0.8', () => {
    expect(score.verdicts.different.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.verdicts.different.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('same: precision ≥ 0.9, recall ≥ 0.8', () => {
    expect(score.verdicts.same.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.verdicts.same.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('compatible: precision ≥ 0.9, recall ≥ 0.8', () => {
    expect(score.verdicts.compatible.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.verdicts.compatible.recall).toBeGreaterThanOrEqual(0.8);
  });
});
