import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusArticle, Mark } from '@/lib/corpus/article';
import { buildSeedCorpus } from '@/lib/cli/corpus-seeds';
import { EntityIndex, sentenceAround, type ClippingSource, type EntityProfile, type ProfileSource } from '@/lib/corpus/profile';
import type { SpanType } from '@/lib/recognize/types';
import type { Clipping } from '@/lib/store/clipping';

// What the corpus and the clippings store keep is what the index reads, as it is.
const asProfileSource = (a: CorpusArticle): ProfileSource => a;
const asClippingSource = (c: Clipping): ClippingSource => c;

type Name = [text: string, type: SpanType, value?: number | string, unit?: string];

/** Marks of every occurrence of each name in `text` (longest names first, no overlaps). */
function marksOf(text: string, names: readonly Name[]): Mark[] {
  const taken: Array<[number, number]> = [];
  const out: Mark[] = [];
  for (const [name, type, value, unit] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      const end = at + name.length;
      if (taken.some(([s, e]) => at < e && s < end)) continue;
      taken.push([at, end]);
      out.push(value === undefined ? [at, end, type] : unit === undefined ? [at, end, type, value] : [at, end, type, value, unit]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function article(id: string, text: string, names: readonly Name[], extra: Partial<ProfileSource> = {}): ProfileSource {
  const places: string[] = [];
  for (const [name, type] of names) if (type === 'PLACE' && text.includes(name)) places.push(name);
  places.sort((a, b) => text.indexOf(a) - text.indexOf(b));
  return { id, origin: 'user', title: id, text, places, marks: marksOf(text, names), ...extra };
}

/** The local day of a time, as profiles give it. */
function day(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Every mention's offsets and sentence agree with the text it came from. */
function expectConsistent(p: EntityProfile, textOf: (id: string) => string): void {
  for (const m of p.mentions) {
    const text = textOf(m.id);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(text.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.sentence);
    expect(m.sentenceStart).toBeLessThanOrEqual(m.start);
    expect(m.sentenceEnd).toBeGreaterThanOrEqual(m.end);
    expect(m.sentence).not.toMatch(/\n/);
  }
}

let seeds: CorpusArticle[];
const seedText = (id: string) => seeds.find((a) => a.id === id)!.text;

beforeAll(async () => {
  seeds = (await buildSeedCorpus()).articles;
}, 120_000);

describe('EntityIndex on the seed corpus', () => {
  let index: EntityIndex;
  beforeAll(() => {
    index = new EntityIndex();
    for (const a of seeds) index.add(a);
  });

  it('gathers a body’s mentions across seed articles under all its aliases, newest first', () => {
    const p = index.profile('青海省市场监督管理局', 'ORG', { context: { places: ['青海省'] } })!;
    expect(p).not.toBeNull();
    expect(p.type).toBe('ORG');
    expect(p.canonical).toBe('青海省市场监督管理局');
    expect(p.aliases).toEqual(expect.arrayContaining(['省市场监管局', '青海省市场监管局', '青海省市场监督管理局']));
    expect(p.aliases[0]).toBe('省市场监管局');
    expect(p.total).toBeGreaterThanOrEqual(5);
    expect(p.mentions).toHaveLength(p.total);
    expect(new Set(p.mentions.map((m) => m.id)).size).toBeGreaterThanOrEqual(2);
    expectConsistent(p, seedText);
    // The notice of 2024-04-24 is the only dated one: it comes first, undated articles after.
    expect(p.mentions[0]!.date).toBe('2024-04-24');
    expect(p.mentions[0]!.origin).toBe('seed');
    expect(p.mentions[0]!.kind).toBe('article');
    const firstUndated = p.mentions.findIndex((m) => !m.date);
    expect(firstUndated).toBeGreaterThan(0);
    expect(p.mentions.slice(firstUndated).every((m) => !m.date)).toBe(true);
    expect(p.mentions.find((m) => m.source === '青海新闻网')).toBeDefined();
    // Named with it: the province; never itself.
    expect(p.cooccurring).toContainEqual(expect.objectContaining({ text: '青海省', type: 'PLACE' }));
    expect(p.cooccurring.find((c) => c.text === '青海省')!.count).toBeGreaterThanOrEqual(2);
    expect(p.cooccurring.some((c) => c.type === 'ORG' && c.text === '青海省市场监督管理局')).toBe(false);
    expect(p.cooccurring.length).toBeLessThanOrEqual(10);
    // Stated about it: the 300,000 yuan it granted.
    const grant = p.figures.find((f) => f.type === 'MONEY' && f.value === 300_000);
    expect(grant).toMatchObject({ text: '30万元', unit: 'CNY' });
    expect(grant!.sentence).toContain('省市场监管局');
    expect(seeds.find((a) => a.id === grant!.articleId)!.title).toBe(grant!.title);
  });

  it('answers the same for the short form read on a page about Qinghai, nothing on one about Gansu', () => {
    const full = index.profile('青海省市场监督管理局', 'ORG')!;
    const short = index.profile('省市场监管局', 'ORG', { context: { places: ['青海', '西宁市'] } })!;
    expect(short.total).toBe(full.total);
    expect(short.mentions.map((m) => [m.id, m.start])).toEqual(full.mentions.map((m) => [m.id, m.start]));
    expect(short.canonical).toBe('青海省市场监督管理局');
    expect(index.profile('省市场监管局', 'ORG', { context: { places: ['甘肃省'] } })).toBeNull();
  });

  it('reads 省知识产权局 in a Qinghai article as 青海省知识产权局, apart from 国家知识产权局', () => {
    const p = index.profile('青海省知识产权局', 'ORG')!;
    expect(p.canonical).toBe('青海省知识产权局');
    expect(p.aliases).toEqual(['省知识产权局']);
    expect(p.total).toBe(2);
    expectConsistent(p, seedText);
    expect(p.mentions.every((m) => m.sentence.includes('省知识产权局'))).toBe(true);
    expect(index.profile('省知识产权局', 'ORG', { context: { places: ['甘肃省'] } })).toBeNull();

    const national = index.profile('国家知识产权局', 'ORG')!;
    expect(national.total).toBe(1);
    expect(national.aliases).toEqual(['国家知识产权局']);
    expect(national.mentions[0]!.date).toBe('--02-25');
    expect(national.figures).toContainEqual(expect.objectContaining({ type: 'QUANTITY', value: 5_320_000 }));
    expect(national.cooccurring).toContainEqual(expect.objectContaining({ text: '人民日报', type: 'ORG' }));
  });

  it('merges a place with and without its suffix, and a bare name with its leveled form', () => {
    const short = index.profile('青海', 'PLACE')!;
    const full = index.profile('青海省', 'PLACE')!;
    expect(short.total).toBe(full.total);
    expect(short.canonical).toBe('青海省');
    expect(short.aliases).toEqual(expect.arrayContaining(['青海', '青海省']));
    expectConsistent(short, seedText);

    const delingha = index.profile('德令哈', 'PLACE')!;
    expect(delingha.canonical).toBe('德令哈市');
    expect(delingha.aliases).toEqual(expect.arrayContaining(['德令哈', '德令哈市']));
    expect(index.profile('德令哈市', 'PLACE')!.total).toBe(delingha.total);

    const haixi = index.profile('海西蒙古族藏族自治州', 'PLACE')!;
    expect(haixi.total).toBe(index.profile('海西州', 'PLACE')!.total);
    expect(haixi.aliases).toEqual(expect.arrayContaining(['海西州', '海西']));
  });

  it('takes stored articles and clippings as they are', () => {
    expect(asProfileSource(seeds[0]!).id).toBe(seeds[0]!.id);
    expect(typeof asClippingSource).toBe('function');
  });

  it('returns null for names the corpus never mentions and for bad input, never throwing', () => {
    expect(index.profile('30万元', 'MONEY')).toBeNull();
    expect(index.profile('火星省知识产权局', 'ORG')).toBeNull();
    expect(index.profile('', 'ORG')).toBeNull();
    expect(index.profile('  ', 'PLACE')).toBeNull();
    expect(index.profile('青海', 'FOO' as SpanType)).toBeNull();
    expect(index.profile(undefined as unknown as string, 'ORG')).toBeNull();
    expect(index.profile('青海', 'PLACE', null as never)).not.toBeNull();
    expect(index.profile('青海', 'PLACE', { context: { places: 'x' as never }, limit: -1 })).not.toBeNull();
    const size = index.size;
    index.add({} as ProfileSource);
    index.addClipping({} as ClippingSource);
    index.remove(undefined as unknown as string);
    expect(index.size).toBe(size);
  });
});

describe('EntityIndex with the reader’s articles, history and clippings', () => {
  const A = article(
    'user:a',
    '近日，省知识产权局向西宁市拨付专项资金120万元，支持专利导航。\n会上，省知识产权局介绍了2025年工作安排。',
    [['省知识产权局', 'ORG'], ['西宁市', 'PLACE'], ['青海省', 'PLACE'], ['120万元', 'MONEY', 1_200_000, 'CNY'], ['2025年', 'DATE', '2025']],
    { published: '2025-03-01', source: '青海日报', url: 'https://example.org/a' },
  );
  A.places = ['青海省', '西宁市'];
  const B = article('history:b', '青海省知识产权局召开座谈会。', [['青海省知识产权局', 'ORG']], { origin: 'history', addedAt: Date.UTC(2025, 0, 10, 12) });
  const C = article('user:c', '省知识产权局发布年度报告。', [['省知识产权局', 'ORG'], ['青海', 'PLACE']], { published: '--05-01', places: ['青海'] });
  const GANSU = article('user:gansu', '甘肃省召开会议，省知识产权局出席。', [['甘肃省', 'PLACE'], ['省知识产权局', 'ORG']], { published: '2025-04-01' });
  const createdAt = Date.UTC(2025, 5, 1, 12);
  const quote = '在青海省，省知识产权局开展了专利导航工作，覆盖14个产业。';
  const CLIP: ClippingSource = {
    id: '6f1c2a52-5b7e-4d8e-9b1a-3c2d1e0f9a8b',
    quote,
    title: '专利导航',
    url: 'https://example.org/clip',
    createdAt,
    entities: [
      { text: '青海省', type: 'PLACE', start: 1, end: 4 },
      // Offsets that do not hold the text: found by indexOf.
      { text: '省知识产权局', type: 'ORG', start: 0, end: 6 },
      { text: '14个', type: 'QUANTITY', value: 14, unit: '个' },
    ],
  };
  const texts = new Map<string, string>([A, B, C, GANSU].map((a) => [a.id, a.text]));
  texts.set(CLIP.id, quote);
  const textOf = (id: string) => texts.get(id) ?? seedText(id);

  let index: EntityIndex;
  beforeAll(() => {
    index = new EntityIndex();
    for (const a of seeds) index.add(a);
    for (const a of [A, B, C, GANSU]) index.add(a);
    index.addClipping(CLIP);
  });

  it('lists every mention newest first: clippings, articles by date, year-less dates, then undated', () => {
    const p = index.profile('省知识产权局', 'ORG', { context: { places: ['青海省'] } })!;
    expectConsistent(p, textOf);
    expect(p.mentions.map((m) => m.id)).toEqual([CLIP.id, 'user:a', 'user:a', 'history:b', 'user:c', 'seed:000_d9cd63c087f90da5#1', 'seed:000_d9cd63c087f90da5#1']);
    expect(p.total).toBe(7);
    expect(p.canonical).toBe('青海省知识产权局');
    expect(p.aliases).toEqual(['省知识产权局', '青海省知识产权局']);

    const [clip, a] = p.mentions;
    expect(clip).toMatchObject({ kind: 'clipping', origin: 'clipping', title: '专利导航', url: 'https://example.org/clip', date: day(createdAt), start: 5, end: 11, text: '省知识产权局' });
    expect(clip!.sentence).toBe(quote);
    expect(a).toMatchObject({ kind: 'article', origin: 'user', source: '青海日报', url: 'https://example.org/a', date: '2025-03-01' });
    expect(a!.sentence).toBe('近日，省知识产权局向西宁市拨付专项资金120万元，支持专利导航。');
    expect(p.mentions[3]).toMatchObject({ origin: 'history', date: day(Date.UTC(2025, 0, 10, 12)) });
    expect(p.mentions[4]!.date).toBe('--05-01');
    expect(p.mentions.some((m) => m.id === GANSU.id)).toBe(false);

    expect(p.figures.slice(0, 3)).toEqual([
      { text: '14个', type: 'QUANTITY', value: 14, unit: '个', sentence: quote, articleId: CLIP.id, title: '专利导航' },
      { text: '120万元', type: 'MONEY', value: 1_200_000, unit: 'CNY', sentence: a!.sentence, articleId: 'user:a', title: 'user:a' },
      { text: '2025年', type: 'DATE', value: '2025', sentence: '会上，省知识产权局介绍了2025年工作安排。', articleId: 'user:a', title: 'user:a' },
    ]);
    expect(p.cooccurring).toContainEqual({ text: '西宁市', type: 'PLACE', count: 1 });
    expect(p.cooccurring).toContainEqual(expect.objectContaining({ text: '青海省', type: 'PLACE' }));
  });

  it('keeps the Gansu body apart', () => {
    const p = index.profile('省知识产权局', 'ORG', { context: { places: ['甘肃'] } })!;
    expect(p.canonical).toBe('甘肃省知识产权局');
    expect(p.mentions.map((m) => m.id)).toEqual([GANSU.id]);
  });

  it('returns at most `limit` mentions and figures, and counts them all', () => {
    const p = index.profile('青海省知识产权局', 'ORG', { limit: 2 })!;
    expect(p.mentions).toHaveLength(2);
    expect(p.figures.length).toBeLessThanOrEqual(2);
    expect(p.total).toBe(7);
    expect(index.profile('青海省知识产权局', 'ORG', { limit: 0 })!.mentions).toEqual([]);
  });

  it('forgets removed articles and clippings, and replaces an article added again', () => {
    const local = new EntityIndex();
    for (const a of [A, B, C]) local.add(a);
    local.addClipping(CLIP);
    expect(local.size).toBe(4);
    expect(local.profile('青海省知识产权局', 'ORG')!.total).toBe(5);

    local.add({ ...B }); // the same id again
    expect(local.size).toBe(4);
    expect(local.profile('青海省知识产权局', 'ORG')!.total).toBe(5);

    local.remove('user:a');
    local.remove('user:a');
    local.remove('user:unknown');
    expect(local.size).toBe(3);
    const p = local.profile('青海省知识产权局', 'ORG')!;
    expect(p.total).toBe(3);
    expect(p.mentions.map((m) => m.id)).toEqual([CLIP.id, 'history:b', 'user:c']);
    expect(p.figures.map((f) => f.text)).toEqual(['14个']);

    local.removeClipping(CLIP.id);
    expect(local.profile('青海省知识产权局', 'ORG')!.mentions.map((m) => m.id)).toEqual(['history:b', 'user:c']);
    local.remove('history:b');
    local.remove('user:c');
    expect(local.size).toBe(0);
    expect(local.profile('青海省知识产权局', 'ORG')).toBeNull();
  });

  it('stays right through many removals (postings are dropped lazily)', () => {
    const local = new EntityIndex();
    for (let i = 0; i < 3000; i++) local.add({ ...B, id: `user:${i}` });
    for (let i = 0; i < 2990; i++) local.remove(`user:${i}`);
    local.add({ ...B, id: 'user:1' });
    const p = local.profile('青海省知识产权局', 'ORG')!;
    expect(p.total).toBe(11);
    expect(new Set(p.mentions.map((m) => m.id)).size).toBe(11);
  });
});

describe('co-occurring entities', () => {
  it('counts sentences shared with the entity, by alias key', () => {
    const index = new EntityIndex();
    const names: Name[] = [['青海省知识产权局', 'ORG'], ['省知识产权局', 'ORG'], ['张三', 'PERSON'], ['李四', 'PERSON'], ['西宁市', 'PLACE'], ['西宁', 'PLACE'], ['青海省', 'PLACE']];
    index.add(article('user:1', '张三在青海省知识产权局调研，青海省知识产权局局长李四陪同。张三还去了西宁市。', names));
    index.add(article('user:2', '青海省召开会议。省知识产权局与张三座谈，谈到西宁。', names, { places: ['青海省', '西宁市'] }));
    const p = index.profile('青海省知识产权局', 'ORG')!;
    expect(p.total).toBe(3);
    expect(p.cooccurring).toEqual([
      { text: '张三', type: 'PERSON', count: 2 },
      { text: '李四', type: 'PERSON', count: 1 },
      { text: '西宁市', type: 'PLACE', count: 1 },
    ]);
  });
});

describe('older records and clippings without offsets', () => {
  it('finds the names of an article without marks in its text, longest first', () => {
    const index = new EntityIndex();
    const text = '青海省市场监管局在青海省西宁市召开会议。青海省市场监管局局长出席。';
    index.add({
      id: 'user:old',
      origin: 'user',
      title: '旧记录',
      text,
      places: ['青海省', '西宁市'],
      entities: [
        { type: 'PLACE', text: '青海省' },
        { type: 'ORG', text: '青海省市场监管局' },
        { type: 'PLACE', text: '西宁市' },
      ],
    });
    const org = index.profile('青海省市场监督管理局', 'ORG')!;
    expect(org.total).toBe(2);
    expect(org.mentions.map((m) => m.start)).toEqual([0, text.lastIndexOf('青海省市场监管局')]);
    const province = index.profile('青海', 'PLACE')!;
    expect(province.total).toBe(1);
    expect(province.mentions[0]!.start).toBe(9);
    // Without marks or entities an article has no mentions.
    index.add({ id: 'user:bare', origin: 'user', title: 't', text: '青海省', places: [] });
    expect(index.size).toBe(2);
    expect(index.profile('青海', 'PLACE')!.total).toBe(1);
  });
});

describe('sentenceAround', () => {
  it('cuts sentences as related.ts does', () => {
    const text = '他说：“要加强保护。”青海省知识产权局表示同意；随后散会。\n  第二段 青海 开会\n下一段';
    const at = text.indexOf('青海省知识产权局');
    const s = sentenceAround(text, at, at + 8);
    expect(text.slice(s.start, s.end)).toBe('青海省知识产权局表示同意；');
    const q = text.indexOf('青海 ');
    const t = sentenceAround(text, q, q + 2);
    expect(text.slice(t.start, t.end)).toBe('第二段 青海 开会');
    const quoteEnd = sentenceAround(text, 4, 6);
    expect(text.slice(quoteEnd.start, quoteEnd.end)).toBe('他说：“要加强保护。”');
  });

  it('stops 300 characters away in a text without stops, and clamps offsets', () => {
    const text = '甲'.repeat(1000) + '青海' + '乙'.repeat(1000);
    const s = sentenceAround(text, 1000, 1002);
    expect(s).toEqual({ start: 700, end: 1302 });
    expect(sentenceAround('青海。', -5, 99)).toEqual({ start: 0, end: 3 });
  });
});
