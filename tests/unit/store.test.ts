import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Clipping } from '@/lib/store/clipping';
import { pageKey } from '@/lib/store/clipping';
import {
  ClippingsDb,
  clippingsForPage,
  CURRENT_VERSION,
  deleteClipping,
  fromStored,
  putClipping,
  restoreClipping,
  searchClippings,
  SCHEMA_VERSIONS,
  updateClipping,
} from '@/lib/store/db';
import { clippingsToWrite, importClippings, ImportError, parseExport, parseImport, parseImportCorrections, toCsv, toJson, toJsonLd, toMarkdown } from '@/lib/store/exchange';
import type { Corrections } from '@/lib/store/user-dictionary';
import { indexText, tokenizeMany } from '@/lib/store/search-tokens';
import { nodeSegmenter } from '@/lib/segment/node';
import { sampleClipping } from '../fixtures/clipping';

const segmenter = nodeSegmenter();
const cut = (text: string) => segmenter.cutForSearch(text);

let factory: IDBFactory;
let db: ClippingsDb;
let n = 0;
beforeEach(() => {
  factory = new IDBFactory();
  db = new ClippingsDb(`test-${n++}`, { indexedDB: factory, IDBKeyRange });
});

function clipping(quote: string, extra: Partial<Clipping> = {}): Clipping {
  const created = extra.createdAt ?? 1_716_000_000_000 + n * 1000 + quote.length;
  return sampleClipping(quote, {
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '前文', suffix: '后文' },
      position: { type: 'TextPositionSelector', start: 10, end: 10 + quote.length },
    },
    url: 'https://www.qhnews.com/news/2024/04/24/1.shtml?utm_source=wx',
    canonicalUrl: 'http://www.qhnews.com/news/2024/04/24/1.shtml',
    createdAt: created,
    updatedAt: created,
    ...extra,
  });
}

async function save(c: Clipping) {
  const [tokens] = await tokenizeMany([indexText(c)], cut);
  return putClipping(db, c, tokens!);
}

describe('clippings store', () => {
  it('saves, finds by page (canonical address, tracking parameters aside) and edits', async () => {
    const c = await save(clipping('青海省知识产权局发布专利导航成果', { entities: [{ start: 0, end: 7, type: 'ORG', text: '青海省知识产权局'.slice(0, 7) }] }));
    expect(c.pageKeys).toEqual([pageKey('https://www.qhnews.com/news/2024/04/24/1.shtml')]);
    expect(c.entityTypes).toEqual(['ORG']);
    expect((await clippingsForPage(db, 'http://www.qhnews.com/news/2024/04/24/1.shtml#top')).map((r) => r.id)).toEqual([c.id]);
    // By the address it was read at too, when that differs from the canonical one.
    const other = await save(clipping('另一页上的摘录', { url: 'https://m.qhnews.com/a/1.html', canonicalUrl: 'https://www.qhnews.com/a/1.shtml' }));
    expect((await clippingsForPage(db, 'https://m.qhnews.com/a/1.html')).map((r) => r.id)).toEqual([other.id]);
    expect((await clippingsForPage(db, 'https://www.qhnews.com/a/1.shtml')).map((r) => r.id)).toEqual([other.id]);
    const edited = await updateClipping(db, c.id, { note: '值得关注', tags: ['专利', '青海'] }, undefined, { now: c.createdAt + 5 });
    expect(edited).toMatchObject({ note: '值得关注', tags: ['专利', '青海'], updatedAt: c.createdAt + 5 });
    expect(await updateClipping(db, 'f0000000-0000-4000-8000-000000000000', { note: 'x' })).toBeNull();
  });

  it('rejects an invalid clipping and writes nothing', async () => {
    await expect(save(clipping('', {}))).rejects.toThrow();
    await expect(save({ ...clipping('正文'), url: 'not a url' })).rejects.toThrow();
    expect(await db.clippings.count()).toBe(0);
  });

  it('finds 知识产权局 clippings by 知识产权, and by any word inside the quote, note or tags', async () => {
    const a = await save(clipping('省知识产权局针对这9个产业专利导航项目组织专家进行了系统评价'));
    await save(clipping('德令哈市火车站街道黄河路社区居民热情服务', { note: '社区治理', tags: ['基层'] }));
    const search = async (query: string) => {
      const [tokens] = await tokenizeMany([query], cut);
      return (await searchClippings(db, { query, tokens })).map((r) => r.quote.slice(0, 6));
    };
    expect(await search('知识产权')).toEqual([a.quote.slice(0, 6)]);
    expect(await search('专家')).toEqual([a.quote.slice(0, 6)]);
    expect(await search('社区治理')).toEqual(['德令哈市火车']);
    expect(await search('基层')).toEqual(['德令哈市火车']);
    expect(await search('航项')).toEqual([a.quote.slice(0, 6)]); // a substring that is no word
    expect(await search('上海')).toEqual([]);
  });

  it('filters by site, tag, entity type and date, newest first', async () => {
    const old = await save(clipping('旧的摘录内容', { createdAt: 1000, updatedAt: 1000, tags: ['甲'] }));
    const recent = await save(clipping('新的摘录内容', { createdAt: 5000, updatedAt: 5000, site: 'www.gov.cn', entities: [{ start: 0, end: 2, type: 'DATE', text: '新的' }] }));
    expect((await searchClippings(db, {})).map((r) => r.id)).toEqual([recent.id, old.id]);
    expect((await searchClippings(db, { site: 'www.gov.cn' })).map((r) => r.id)).toEqual([recent.id]);
    expect((await searchClippings(db, { tag: '甲' })).map((r) => r.id)).toEqual([old.id]);
    expect((await searchClippings(db, { entityType: 'DATE' })).map((r) => r.id)).toEqual([recent.id]);
    expect((await searchClippings(db, { from: 2000 })).map((r) => r.id)).toEqual([recent.id]);
    expect((await searchClippings(db, { to: 2000 })).map((r) => r.id)).toEqual([old.id]);
  });

  it('deletes with undo', async () => {
    const c = await save(clipping('要删除的摘录'));
    const row = (await deleteClipping(db, c.id))!;
    expect(await db.clippings.count()).toBe(0);
    await restoreClipping(db, row);
    expect(fromStored((await db.clippings.get(c.id))!)).toEqual(fromStored(c));
  });

  it('loses nothing when several views save at once', async () => {
    const other = new ClippingsDb(db.name, { indexedDB: factory, IDBKeyRange });
    const writes = Array.from({ length: 60 }, (_, i) => putClipping(i % 2 ? db : other, clipping(`并发保存的第${i}条摘录`), []));
    await Promise.all(writes);
    expect(await db.clippings.count()).toBe(60);
    other.close();
  });
});

describe('schema versions', () => {
  it('opens a database created at every earlier version, keeping its rows', async () => {
    // Raw IndexedDB, as an older build left it (Dexie stores version × 10).
    for (const v of SCHEMA_VERSIONS) {
      const name = `raw-v${v.version}`;
      await new Promise<void>((resolve, reject) => {
        const open = factory.open(name, v.version * 10);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('clippings', { keyPath: 'id' });
          for (const spec of v.stores.clippings.split(',').slice(1).map((s) => s.trim())) {
            const multi = spec.startsWith('*');
            const key = spec.replace('*', '');
            store.createIndex(key, key, { multiEntry: multi });
          }
        };
        open.onsuccess = () => {
          const c = clipping('旧版本写入的摘录：青海省市场监管局');
          const tx = open.result.transaction('clippings', 'readwrite');
          tx.objectStore('clippings').put({ ...c, pageKeys: [pageKey(c.canonicalUrl)], entityTypes: [], tokens: ['市场', '监管局'] });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      });
      const current = new ClippingsDb(name, { indexedDB: factory, IDBKeyRange });
      await current.open();
      expect(current.verno).toBe(CURRENT_VERSION);
      const rows = await current.clippings.toArray();
      expect(rows).toHaveLength(1);
      expect(rows[0]!.quote).toBe('旧版本写入的摘录：青海省市场监管局');
      expect((await searchClippings(current, { query: '监管局', tokens: ['监管局'] })).length).toBe(1);
      current.close();
    }
  });
});

describe('export and import', () => {
  async function fill() {
    await save(clipping('第一条：青海省市场监管局在西宁市发布成果，投资15.68亿元', { note: '重要，"数字"', tags: ['专利', '青海'], entities: [{ start: 4, end: 12, type: 'ORG', text: '青海省市场监管局' }, { start: 24, end: 31, type: 'MONEY', text: '15.68亿元', value: 1568000000, unit: 'CNY' }] }));
    await save(clipping('第二条：\n两段文字，含逗号,和引号"', { createdAt: 2_000_000_000_000, updatedAt: 2_000_000_000_000, color: 'green' }));
    return (await db.clippings.toArray()).map(fromStored);
  }

  it('JSON: export → import into an empty store → export is identical; importing twice adds nothing', async () => {
    const rows = await fill();
    const first = toJson(rows);
    const parsed = parseImport(first);
    const other = new ClippingsDb('other', { indexedDB: factory, IDBKeyRange });
    const tokens = await tokenizeMany(parsed.map(indexText), cut);
    expect(await importClippings(other, parsed, tokens)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await importClippings(other, parsed, tokens)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    // A second import indexes nothing: no clipping would change the library.
    expect(await clippingsToWrite(other, parsed)).toEqual([]);
    const newer = { ...parsed[1]!, updatedAt: parsed[1]!.updatedAt + 1, note: '改过' };
    expect((await clippingsToWrite(other, [parsed[0]!, newer])).map((c) => c.note)).toEqual(['改过']);
    const second = toJson((await other.clippings.toArray()).map(fromStored));
    expect(second).toBe(first);
    // The search index was rebuilt on import.
    expect((await searchClippings(other, { query: '监管局', tokens: ['监管局'] })).length).toBe(1);
    other.close();
  });

  it('Markdown, CSV and JSON-LD carry the quote, note, tags and entities with values', async () => {
    const rows = await fill();
    const md = toMarkdown(rows);
    expect(md).toContain('## [我省发布镁产业专利导航项目成果](http://www.qhnews.com/news/2024/04/24/1.shtml)');
    expect(md).toContain('> 第一条：青海省市场监管局在西宁市发布成果，投资15.68亿元');
    expect(md).toContain('标签：#专利 #青海');
    expect(md).toContain('- 金额：15.68亿元 → 15.68 亿元（¥1,568,000,000）');
    // Times in the reader's zone, with the offset.
    expect(toMarkdown(rows, 480)).toMatch(/<sub>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+08:00<\/sub>/);
    const csv = toCsv(rows, 480);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('id,created,updated,site,title,url,quote,note,tags,color,entity_type,entity_text,value,unit');
    expect(csv).toContain('"重要，""数字"""');
    expect(csv).toContain('"第二条：\n两段文字，含逗号,和引号"""');
    // One row per entity: the value a number, its unit in the next cell.
    expect(csv).toMatch(/,ORG,青海省市场监管局,,\r\n/);
    expect(csv).toMatch(/,MONEY,15\.68亿元,1568000000,CNY\r\n/);
    expect(csv).toMatch(/^[^,]+,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00,/m);
    // The clipping without entities has one row, its entity cells empty.
    expect(csv).toMatch(/,green,,,,\r\n/);
    const ld = JSON.parse(toJsonLd(rows));
    expect(ld['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld.first.items[0]).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: '重要，"数字"', purpose: 'commenting' }, { value: '专利', purpose: 'tagging' }, { value: '青海', purpose: 'tagging' }],
      target: { source: 'http://www.qhnews.com/news/2024/04/24/1.shtml', selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
    });
  });

  it.each<[string, (good: any) => string, RegExp]>([
    ['bad JSON', () => '{"format": "zwpz-clippings", ', /不是有效的 JSON/],
    ['another format', () => JSON.stringify({ format: 'hypothesis', version: 1, clippings: [] }), /不是本扩展导出的摘录文件/],
    ['a newer version', (g) => JSON.stringify({ ...g, version: 2 }), /版本 2 不受支持/],
    ['no list', (g) => JSON.stringify({ ...g, clippings: {} }), /应为数组/],
    ['a missing field', (g) => JSON.stringify({ ...g, clippings: [g.clippings[0], { ...g.clippings[1], quote: undefined }] }), /第 2 条摘录.*quote/],
    ['a wrong type', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], createdAt: '昨天' }] }), /第 1 条摘录.*createdAt/],
    ['a huge string', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], note: '长'.repeat(60_000) }] }), /第 1 条摘录.*note/],
    ['a bad id', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], id: '<script>' }] }), /第 1 条摘录（id <script>）无效：id/],
    ['a repeated id', (g) => JSON.stringify({ ...g, clippings: [g.clippings[0], g.clippings[0]] }), /重复/],
    ['a data: address', (g) => JSON.stringify({ ...g, clippings: [g.clippings[0], { ...g.clippings[1], url: 'data:text/html,<script>alert(1)</script>' }] }), /第 2 条摘录.*url.*http/],
    ['a javascript: address', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], canonicalUrl: 'javascript:alert(1)' }] }), /第 1 条摘录.*canonicalUrl.*http/],
    ['a file: address', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], url: 'file:///etc/passwd' }] }), /第 1 条摘录.*url/],
    ['a browser page', (g) => JSON.stringify({ ...g, clippings: [{ ...g.clippings[0], url: 'chrome://settings/' }] }), /第 1 条摘录.*url/],
  ])('rejects a file with %s as a whole, naming why, and changes nothing', async (_name, make, message) => {
    const rows = await fill();
    const good = JSON.parse(toJson(rows));
    const before = toJson((await db.clippings.toArray()).map(fromStored));
    let error: unknown;
    try {
      const parsed = parseImport(make(good));
      await importClippings(db, parsed, parsed.map(() => []));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(message);
    expect(toJson((await db.clippings.toArray()).map(fromStored))).toBe(before);
  });
});

describe('corrections in the JSON export', () => {
  const corrections: Corrections = {
    rejected: [
      { text: '西宁市', type: 'PLACE', at: 1_716_000_300_000 },
      { text: '黄金周', type: 'PERSON', at: 1_716_000_100_000 },
    ],
    added: [{ text: '盐湖化工', type: 'ORG', at: 1_716_000_200_000 }],
  };

  it('travel with the clippings: export → import → export is identical', async () => {
    const rows = [clipping('第一条：青海省市场监管局发布成果')];
    const text = toJson(rows, corrections);
    const file = JSON.parse(text);
    expect(file.version).toBe(1);
    // Oldest first, every field in schema order.
    expect(file.corrections).toEqual({ rejected: [corrections.rejected[1], corrections.rejected[0]], added: corrections.added });
    expect(Object.keys(file.corrections.rejected[0])).toEqual(['text', 'type', 'at']);
    const parsed = parseExport(text);
    expect(parsed.clippings).toEqual(rows);
    expect(parseImport(text)).toEqual(rows);
    expect(parseImportCorrections(text)).toEqual(file.corrections);
    expect(toJson(parsed.clippings, parsed.corrections!)).toBe(text);
    // Without corrections the file is as before: no key at all.
    expect(JSON.parse(toJson(rows))).not.toHaveProperty('corrections');
    expect(JSON.parse(toJson(rows, { rejected: [], added: [] })).corrections).toEqual({ rejected: [], added: [] });
  });

  it('an older file without corrections still imports, with none', async () => {
    const old = JSON.stringify({ format: 'zwpz-clippings', version: 1, clippings: [clipping('旧文件的摘录')] });
    expect(parseImport(old)).toHaveLength(1);
    expect(parseExport(old).corrections).toBeNull();
    expect(parseImportCorrections(old)).toBeNull();
    // A block that leaves a list out has that list empty.
    expect(parseImportCorrections(JSON.stringify({ format: 'zwpz-clippings', version: 1, clippings: [], corrections: { added: [] } }))).toEqual({ rejected: [], added: [] });
  });

  it('go in the first part of a file split for messages', async () => {
    const { splitExport } = await import('@/lib/store/exchange');
    const rows = Array.from({ length: 12 }, (_, k) => clipping(`第${k}条：青海省市场监管局发布成果`));
    const parts = splitExport(rows, 2_000, corrections);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.map((p) => parseExport(p).corrections)).toEqual([corrections, ...parts.slice(1).map(() => null)]);
    expect(parts.flatMap((p) => parseImport(p))).toEqual(rows);
  });

  it.each<[string, (c: any) => unknown, RegExp]>([
    ['not an object', () => [], /纠错记录无效（"corrections" 应为/],
    ['null', () => null, /纠错记录无效（"corrections" 应为/],
    ['a list that is not an array', (c) => ({ ...c, added: { text: '盐湖化工' } }), /"corrections\.added" 应为数组/],
    // The file's second rejected name is 西宁市 (oldest first).
    ['a wrong type', (c) => ({ ...c, rejected: [c.rejected[0], { ...c.rejected[1], type: 'PEOPLE' }] }), /纠错记录中“不再标出的名称”的第 2 条（西宁市）无效：type：应为以下之一/],
    ['a missing time', (c) => ({ ...c, added: [{ text: '盐湖化工', type: 'ORG' }] }), /“添加的实体”的第 1 条（盐湖化工）无效：at：缺少此项/],
    ['a one-character added name', (c) => ({ ...c, added: [{ ...c.added[0], text: '盐' }] }), /“添加的实体”的第 1 条（盐）无效：text：过短/],
    ['an entry without a text', (c) => ({ ...c, rejected: [{ type: 'PLACE', at: 1 }] }), /第 1 条（无名称）无效：text/],
    ['an entry that is not an object', (c) => ({ ...c, rejected: ['西宁市'] }), /第 1 条（无名称）无效：（整条）/],
    ['too many entries', (c) => ({ ...c, rejected: Array.from({ length: 20_001 }, (_, i) => ({ text: `名${i}`, type: 'ORG', at: 1 })) }), /过多（"corrections\.rejected" 有 20,001 条，最多 20,000 条）/],
  ])('a corrections block with %s is refused, naming the entry, by every reader of the file', (_name, make, message) => {
    const good = JSON.parse(toJson([clipping('引文')], corrections));
    const text = JSON.stringify({ ...good, corrections: make(good.corrections) });
    for (const read of [parseImportCorrections, parseExport, parseImport]) {
      let error: unknown;
      try {
        read(text);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('names the bad entry in English too', async () => {
    const { setLanguage } = await import('@/lib/i18n');
    const good = JSON.parse(toJson([], corrections));
    good.corrections.added[0].type = 'MONEY';
    setLanguage('en');
    try {
      expect(() => parseImportCorrections(JSON.stringify(good))).toThrow(/^Correction 1 of “added entities” \(盐湖化工\) is invalid: type: Invalid option/);
    } finally {
      setLanguage('zh');
    }
  });
});

describe('exports that attack nobody', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点我")', `"'=HYPERLINK(""http://evil.example"",""点我"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
    ['＝1+1', "'＝1+1"],
    ['普通文字', '普通文字'],
    ['含,逗号', '"含,逗号"'],
    ['15.68亿元', '15.68亿元'],
    // A plain number stays a number, a negative one too; anything after it makes it text.
    ['-3.2', '-3.2'],
    ['1568000000', '1568000000'],
    ['-3.2+A1', "'-3.2+A1"],
  ])('CSV cell %j → %j', async (value, cell) => {
    const { csvCell } = await import('@/lib/store/exchange');
    expect(csvCell(value)).toBe(cell);
  });

  it('writes a hostile title, quote and note as text in CSV and Markdown', async () => {
    const evil = clipping('<img src=x onerror=alert(1)>正文\n# 假标题\n- 假列表 [点我](javascript:alert(1))', {
      title: '=HYPERLINK("http://evil.example")',
      note: '<script>alert(1)</script> **粗体**',
      tags: ['<b>'],
      canonicalUrl: 'https://www.gov.cn/a)[点我](javascript:alert(1)',
      url: 'https://www.gov.cn/a',
    });
    const csv = toCsv([evil]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const md = toMarkdown([evil]);
    expect(md).not.toMatch(/<img|<script|<b>/);
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;正文');
    expect(md).toContain('> \\# 假标题');
    expect(md).toContain('> \\- 假列表 \\[点我\\](javascript:alert(1))');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*粗体\\*\\*');
    // The link target is the address, percent-encoded: it cannot close the link or add another.
    const link = /## \[[^\n]*\]\(([^)\s]*)\)/.exec(md)![1]!;
    expect(link).toBe('https://www.gov.cn/a%29%5B%E7%82%B9%E6%88%91%5D%28javascript:alert%281%29');
    expect(md.match(/(?<!\\)\]\(/g)).toHaveLength(1);
  });

  it('stores and opens only http(s) addresses', async () => {
    const { clippingSchema } = await import('@/lib/store/clipping');
    for (const url of ['data:text/html,x', 'javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'ftp://a.cn/x']) {
      expect(clippingSchema.safeParse({ ...clipping('引文'), url }).success).toBe(false);
    }
    expect(clippingSchema.safeParse(clipping('引文')).success).toBe(true);
  });
});

describe('a file too big for one message', () => {
  it('is split into export files that import to the same clippings, in order', async () => {
    const { splitExport } = await import('@/lib/store/exchange');
    const rows = Array.from({ length: 25 }, (_, k) => clipping(`第${k}条：青海省市场监管局发布成果`.repeat(1 + (k % 3))));
    const parts = splitExport(rows, 2_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2_000);
    expect(parts.flatMap((p) => parseImport(p))).toEqual(rows);
    expect(parseImport(splitExport([])[0]!)).toEqual([]);
  });
});
