import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntityWords, recognize } from '@/lib/recognize';
import { chineseNameStrength } from '@/lib/recognize/entities';
import { nodeTagger } from '@/lib/recognize/tagger/node';
import { nodeSegmenter } from '@/lib/segment/node';
import { expectValidSpans } from './span-checks';
import { recordingSegmenter } from './recording-jieba';

const segmenter = nodeSegmenter();
/** The recognizer as the extension runs it: the trained name tagger with the rules. */
const { tagger } = nodeTagger();

async function spansOf(text: string, options: { rulesOnly?: boolean } = {}): Promise<Array<[string, string]>> {
  return (await recognize(text, segmenter, { tagger: options.rulesOnly ? null : tagger })).map((s) => [s.type, s.text]);
}

describe('recognize: entities', () => {
  it.each<[string, string, string]>([
    // PERSON: bylines, credits, names beside titles (titles stay outside)
    ['（记者 崔永焘）日前，省里召开会议。', 'PERSON', '崔永焘'],
    ['（特约记者 苏烽 闻皓）近日，活动举行。', 'PERSON', '闻皓'],
    ['社区主任赵刚介绍说，居民很满意。', 'PERSON', '赵刚'],
    ['张伯礼院士表示，要加快成果转化。', 'PERSON', '张伯礼'],
    ['国家知识产权局局长申长雨表示，上半年成效明显。', 'PERSON', '申长雨'],
    // PLACE: administrative units with their suffix, consecutive places apart, roads and communities
    ['青海省西宁市召开会议。', 'PLACE', '西宁市'],
    ['浙江省湖州市德清县乾元镇的灯会', 'PLACE', '德清县'],
    ['火车站街道黄河路社区的居民', 'PLACE', '黄河路社区'],
    ['在泰山路与建设路交汇口', 'PLACE', '泰山路'],
    ['祁连山下的牧场', 'PLACE', '祁连山'],
    ['济南高新区以党建引领乡村治理', 'PLACE', '济南高新区'],
    // ORG: a place begins the name; short forms; departments of a named parent
    ['青海省市场监督管理局关于印发方案的通知', 'ORG', '青海省市场监督管理局'],
    ['过去的一年，省知识产权局不断完善工作机制。', 'ORG', '省知识产权局'],
    ['协调县教育和科技局为我们解决问题', 'ORG', '县教育和科技局'],
    ['中国科学院青海盐湖研究所的专家', 'ORG', '中国科学院青海盐湖研究所'],
    ['国家知识产权局数据显示', 'ORG', '国家知识产权局'],
    // DOC: titles without the marks, document numbers whole
    ['根据《青海省知识产权专项资金管理办法》要求', 'DOC', '青海省知识产权专项资金管理办法'],
    ['青市监函〔2024〕144号', 'DOC', '青市监函〔2024〕144号'],
    ['发明专利“一种纤维网状氢氧化镁材料及其制备方法与应用”', 'DOC', '一种纤维网状氢氧化镁材料及其制备方法与应用'],
  ])('%s → %s %s', async (text, type, name) => {
    expect(await spansOf(text)).toContainEqual([type, name]);
  });

  it.each<[string, string]>([
    ['包罗万象的内容增进民生福祉', 'no person in 包罗万象 or 福祉'],
    ['我省全省各地相关单位和有关部门', 'generic references'],
    ['省局相关处室要加强指导', '省局 alone'],
  ])('marks nothing in %s (%s)', async (text) => {
    expect((await spansOf(text)).filter(([type]) => ['PERSON', 'ORG', 'PLACE'].includes(type))).toEqual([]);
  });

  it('puts nothing inside a document title', async () => {
    const spans = await spansOf('印发《2024年青海省“知识产权公共服务市州行”活动方案》');
    expect(spans).toEqual([['DOC', '2024年青海省“知识产权公共服务市州行”活动方案']]);
  });
});

describe('recognize: figures keep their values', () => {
  it.each<[string, string, number | string, string | undefined]>([
    ['累计投入15.68亿元', '15.68亿元', 1_568_000_000, 'CNY'],
    ['发放了30 万元补助资金', '30 万元', 300_000, 'CNY'],
    ['占比83%', '83%', 0.83, '%'],
    ['约七成企业', '七成', 0.7, '%'],
    ['2024年4月24日发布', '2024年4月24日', '2024-04-24', undefined],
    ['累计推进120余件', '120余件', 120, '件'],
  ])('%s → %s', async (text, surface, value, unit) => {
    const span = (await recognize(text, segmenter, { tagger })).find((s) => s.text === surface);
    expect(span?.value).toEqual(value);
    expect(span?.unit).toEqual(unit);
  });
});

describe('recognize: any input is safe', () => {
  it.each([
    ['empty', ''],
    ['emoji and surrogate pairs', '😀青海省😀西宁市🇨🇳2024年😀'],
    ['lone surrogates', '\uD83D青海省\uDE00西宁市'],
    ['control characters', '青海\u0000省\u0007西宁\r\n市\t30万元'],
    ['mixed scripts', 'CPU占用率83%，Москва 日本語 العربية 青海省'],
    ['HTML entities', '&lt;p&gt;青海省&amp;西宁市&nbsp;30&#19975;元'],
  ])('%s', async (_name, text) => {
    expectValidSpans(text, await recognize(text, segmenter, { tagger }));
  });

  it('handles a 1 MB line', async () => {
    const line = '青海省市场监管局在西宁市发布15.68亿元项目成果，记者崔永焘报道。😀'.repeat(30_000).slice(0, 1_000_000);
    const spans = await recognize(line, segmenter, { tagger });
    expect(spans.length).toBeGreaterThan(10_000);
    expectValidSpans(line, spans);
  }, 60_000);

  it('gives valid offsets for any string (property)', async () => {
    const pieces = fc.constantFrom('青海省', '西宁市', '记者', '崔永焘', '局', '《', '》', '〔2024〕', '号', '30', '万元', '%', '😀', '\uD83D', ' ', '，', 'a', '七成', '2024年');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 25 }), async (parts) => {
        const text = parts.join('');
        expectValidSpans(text, await recognize(text, segmenter, { tagger }));
      }),
      { numRuns: 200 },
    );
  });

  it('gives valid offsets where the combination repairs names, and never a name across a line (property)', async () => {
    // What the combination's passes look for: two-character surnames, Tibetan and Uyghur names,
    // cooperatives, breadcrumbs, addresses, paired marks, bylines, lists, verbs of action.
    const pieces = fc.constantFrom('上官', '慧敏', '令狐', '尉迟', '次仁', '旺堆', '阿不都', '热合曼', '·', '托乎提', '专业合作社', '家庭农场', '众鑫', '石匠', '村', '首页', ' > ', '新闻中心', '路', '88号', '袁家界', '研究院', '联合发布', '支行', '“', '”', '『', '』', '《', '》', '\n', '扫一扫', '记者 ', '王 浩', '、', '研究员', '黄金周', '城关镇', '联合', '县农业农村局', '自由贸易', '港', '司长');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 2 })), { maxLength: 30 }), async (parts) => {
        const text = parts.join('');
        const spans = await recognize(text, segmenter, { tagger });
        expectValidSpans(text, spans);
        for (const s of spans) if (['PERSON', 'PLACE', 'ORG'].includes(s.type)) expect(s.text).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
  });
});

describe('recognize: a page of paragraphs', () => {
  // The extension sends a page's whole text, its blocks joined by newlines: every paragraph gets
  // the spans it gets alone (nothing joins across lines, a line start counts as the text's
  // start); with the tagger, a name found in one paragraph is also marked where it recurs in
  // another (document consistency), and that is all a page adds.
  const records = readFileSync(resolve(import.meta.dirname, '../gold/seeds.gold.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const paragraphs = [...records, '记者 汤红红', '', '今年以来，市社保部门推进工作。', '王汝大夫擅长用中医药治病。'];

  async function aloneAndJoined(options: { tagger: typeof tagger | null }) {
    const alone: string[] = [];
    let offset = 0;
    for (const p of paragraphs) {
      for (const s of await recognize(p, segmenter, options)) alone.push(`${s.start + offset} ${s.type} ${s.text}`);
      offset += p.length + 1;
    }
    const joined = (await recognize(paragraphs.join('\n'), segmenter, options)).map((s) => `${s.start} ${s.type} ${s.text}`);
    return { alone, joined };
  }

  it('marks each paragraph of a joined text as it marks it alone (rules alone)', async () => {
    const { alone, joined } = await aloneAndJoined({ tagger: null });
    expect(joined).toEqual(alone);
  }, 60_000);

  it('marks each paragraph as alone, plus the recurring names of the page (with the tagger)', async () => {
    const { alone, joined } = await aloneAndJoined({ tagger });
    const joinedSet = new Set(joined);
    expect(alone.filter((s) => !joinedSet.has(s))).toEqual([]);
    const aloneSet = new Set(alone);
    const names = new Set(alone.map((s) => s.split(' ').slice(1).join(' ')));
    const extra = joined.filter((s) => !aloneSet.has(s));
    expect(extra.filter((s) => !names.has(s.split(' ').slice(1).join(' ')))).toEqual([]);
  }, 60_000);
});

describe('user dictionary hooks', () => {
  it('never returns what the user rejected', async () => {
    const text = '青海省市场监管局在西宁市发布';
    const spans = await recognize(text, segmenter, { tagger, rejected: new Set(['西宁市']) });
    expect(spans.map((s) => s.text)).not.toContain('西宁市');
    expect(spans.map((s) => s.text)).toContain('青海省市场监管局');
  });

  it('marks words the user added as entities, whole, with the type they were added as', async () => {
    const text = '巴音红韵党建综合体开展活动';
    expect((await spansOf(text)).map(([, name]) => name)).not.toContain('巴音红韵党建综合体');
    await addEntityWords(segmenter, [{ text: '巴音红韵党建综合体', type: 'ORG' }]);
    expect(await spansOf(text)).toContainEqual(['ORG', '巴音红韵党建综合体']);
  });

  it('follows the added list: a word taken back is no entity any more, a new type replaces the old', async () => {
    const text = '早餐吃了蓝莓果酱和面包';
    const names = async (added: Array<{ text: string; type: 'ORG' | 'PLACE' }>) =>
      (await recognize(text, segmenter, { tagger, added })).filter((s) => s.text === '蓝莓果酱').map((s) => s.type);
    expect(await names([])).toEqual([]);
    expect(await names([{ text: '蓝莓果酱', type: 'ORG' }])).toEqual(['ORG']);
    expect(await names([{ text: '蓝莓果酱', type: 'PLACE' }])).toEqual(['PLACE']);
    // 撤销: the word leaves the list and is read as before.
    expect(await names([])).toEqual([]);
  });

  it('adds entity names to the segmenter with the tag of their type', async () => {
    const { segmenter: fake, calls } = recordingSegmenter();
    const n = await addEntityWords(fake, [
      { text: '巴音红韵党建综合体', type: 'ORG' },
      { text: '崔永焘', type: 'PERSON' },
      { text: '崔永焘', type: 'PERSON' },
      { text: '30万元', type: 'MONEY' },
    ]);
    expect(n).toBe(2);
    expect(calls.map((c) => [c[0], c[2]])).toEqual([
      ['巴音红韵党建综合体', 'nt'],
      ['崔永焘', 'nr'],
    ]);
  });
});

describe('chineseNameStrength', () => {
  it.each<[string, ReturnType<typeof chineseNameStrength>]>([
    ['张伟', 'weak'],
    ['王翠琴', 'strong'],
    ['包罗万象', null],
    ['福祉', null],
    ['欧阳娜', 'weak'],
    ['司马建华', 'strong'],
    ['记者', null],
  ])('%s → %s', (name, expected) => {
    expect(chineseNameStrength(name)).toBe(expected);
  });
});
