/**
 * The store's messages for the reader, in Chinese and in English: import errors (zod's part
 * too), storage errors, files that are not text, the schemas' own messages. The Chinese is
 * exactly what the UI showed before the messages were keyed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { setLanguage, t, type Language } from '@/lib/i18n';
import { zodMessage } from '@/lib/i18n/zod';
import { clippingSchema, webUrlSchema, type Clipping } from '@/lib/store/clipping';
import { storageErrorMessage, toStored } from '@/lib/store/db';
import { ImportError, parseImport, toJson } from '@/lib/store/exchange';
import { decodeBytes, NotTextError } from '@/lib/text/decode';
import { sampleClipping } from '../fixtures/clipping';

afterEach(() => setLanguage('zh'));

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ID2 = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function clipping(extra: Partial<Clipping> = {}): Clipping {
  return sampleClipping(undefined, { id: ID, ...extra });
}

/** An export file of `records` (anything, as a file may hold). */
const file = (records: unknown[], head: Record<string, unknown> = { format: 'zwpz-clippings', version: 1 }) => JSON.stringify({ ...head, clippings: records });
const good = JSON.parse(toJson([clipping()])).clippings[0] as Record<string, unknown>;

function importMessage(text: string, lang: Language): string {
  setLanguage(lang);
  try {
    parseImport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the import did not fail');
}

describe('import errors in the UI language', () => {
  it.each<[string, string, string, string]>([
    [
      'a wrong type',
      file([{ ...good, createdAt: '昨天' }]),
      `第 1 条摘录（id ${ID}）无效：createdAt：应为数字，实为字符串`,
      `Clipping 1 (id ${ID}) is invalid: createdAt: Invalid input: expected number, received string`,
    ],
    [
      'a missing field',
      file([good, { ...good, id: ID2, quote: undefined }]),
      `第 2 条摘录（id ${ID2}）无效：quote：缺少此项（应为字符串）`,
      `Clipping 2 (id ${ID2}) is invalid: quote: Missing (expected string)`,
    ],
    [
      'a fraction where a whole number belongs',
      file([{ ...good, updatedAt: 1.5e12 + 0.5 }]),
      `第 1 条摘录（id ${ID}）无效：updatedAt：应为整数`,
      `Clipping 1 (id ${ID}) is invalid: updatedAt: Invalid input: expected an integer`,
    ],
    [
      'a huge string',
      file([{ ...good, note: '长'.repeat(60_000) }]),
      `第 1 条摘录（id ${ID}）无效：note：过长：最多 50,000 个字符`,
      `Clipping 1 (id ${ID}) is invalid: note: Too long: at most 50,000 characters`,
    ],
    [
      'too many tags',
      file([{ ...good, tags: Array.from({ length: 51 }, (_, i) => `标签${i}`) }]),
      `第 1 条摘录（id ${ID}）无效：tags：过多：最多 50 项`,
      `Clipping 1 (id ${ID}) is invalid: tags: Too many: at most 50 items`,
    ],
    [
      'an empty quote',
      file([{ ...good, quote: '' }]),
      `第 1 条摘录（id ${ID}）无效：quote：不能为空`,
      `Clipping 1 (id ${ID}) is invalid: quote: Cannot be empty`,
    ],
    [
      'a negative time',
      file([{ ...good, createdAt: -1 }]),
      `第 1 条摘录（id ${ID}）无效：createdAt：过小：最小为 0`,
      `Clipping 1 (id ${ID}) is invalid: createdAt: Too small: at least 0`,
    ],
    [
      'a bad id',
      file([{ ...good, id: '<script>' }]),
      '第 1 条摘录（id <script>）无效：id：不是有效的 UUID',
      'Clipping 1 (id <script>) is invalid: id: Not a valid UUID',
    ],
    [
      'an unknown color',
      file([{ ...good, color: 'red' }]),
      `第 1 条摘录（id ${ID}）无效：color：应为以下之一："yellow"、"green"、"blue"、"pink"、"purple"`,
      `Clipping 1 (id ${ID}) is invalid: color: Invalid option: expected one of "yellow", "green", "blue", "pink", "purple"`,
    ],
    [
      'another selector type',
      file([{ ...good, selectors: { ...(good.selectors as object), quote: { ...(good.selectors as { quote: object }).quote, type: 'CssSelector' } } }]),
      `第 1 条摘录（id ${ID}）无效：selectors.quote.type：应为 "TextQuoteSelector"`,
      `Clipping 1 (id ${ID}) is invalid: selectors.quote.type: Invalid input: expected "TextQuoteSelector"`,
    ],
    [
      'a data: address',
      file([{ ...good, url: 'data:text/html,<script>alert(1)</script>' }]),
      `第 1 条摘录（id ${ID}）无效：url：网址必须是 http 或 https 网页`,
      `Clipping 1 (id ${ID}) is invalid: url: The address must be an http or https web page`,
    ],
    [
      'a tag with a comma',
      file([{ ...good, tags: ['专利,青海'] }]),
      `第 1 条摘录（id ${ID}）无效：tags.0：标签不能含逗号或换行`,
      `Clipping 1 (id ${ID}) is invalid: tags.0: A tag cannot contain a comma or a line break`,
    ],
    [
      'an update before the creation',
      file([{ ...good, updatedAt: 1 }]),
      `第 1 条摘录（id ${ID}）无效：updatedAt：updatedAt 早于 createdAt`,
      `Clipping 1 (id ${ID}) is invalid: updatedAt: updatedAt is earlier than createdAt`,
    ],
    [
      'a position ending before it starts',
      file([{ ...good, selectors: { ...(good.selectors as object), position: { type: 'TextPositionSelector', start: 5, end: 2 } } }]),
      `第 1 条摘录（id ${ID}）无效：selectors.position：TextPositionSelector 的 end 小于 start`,
      `Clipping 1 (id ${ID}) is invalid: selectors.position: The end of TextPositionSelector is before its start`,
    ],
    [
      'a record that is no object',
      file([null]),
      '第 1 条摘录（id 无）无效：（整条）：应为对象，实为空值（null）',
      'Clipping 1 (id none) is invalid: (the whole record): Invalid input: expected object, received null',
    ],
    ['a repeated id', file([good, good]), `第 2 条摘录的 id ${ID} 与前面的重复。`, `Clipping 2 has the id of an earlier one: ${ID}.`],
    ['another format', file([], { format: 'hypothesis', version: 1 }), '不是本扩展导出的摘录文件（缺少 "format": "zwpz-clippings"）。', 'Not a clippings file exported by this extension ("format": "zwpz-clippings" is missing).'],
    ['a newer version', file([], { format: 'zwpz-clippings', version: 2 }), '文件版本 2 不受支持：本扩展读取版本 1。', 'File version 2 is not supported: this extension reads version 1.'],
    ['no version', file([], { format: 'zwpz-clippings' }), '文件版本 undefined 不受支持：本扩展读取版本 1。', 'File version undefined is not supported: this extension reads version 1.'],
    ['no list', JSON.stringify({ format: 'zwpz-clippings', version: 1, clippings: {} }), '文件中没有摘录列表（"clippings" 应为数组）。', 'The file has no list of clippings ("clippings" should be an array).'],
  ])('%s', (_name, text, zh, en) => {
    expect(importMessage(text, 'zh')).toBe(zh);
    expect(importMessage(text, 'en')).toBe(en);
    // And back: nothing of the English stays behind.
    expect(importMessage(text, 'zh')).toBe(zh);
  });

  it('says a file is too large (the message the 250 M limit gives, built without a 250 M string)', () => {
    expect(t('storeImportTooLarge', '300', '250')).toBe('文件过大（300 M 字符），最多 250 M。');
    setLanguage('en');
    expect(t('storeImportTooLarge', '300', '250')).toBe('The file is too large (300 M characters); at most 250 M can be imported.');
  });

  it('says a file is no JSON, with the parser’s own words', () => {
    expect(importMessage('{"format": ', 'zh')).toMatch(/^不是有效的 JSON 文件：\S/);
    expect(importMessage('{"format": ', 'en')).toMatch(/^Not a valid JSON file: \S/);
  });
});

describe('storage errors in the UI language', () => {
  const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
  const closed = Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });
  const upgrading = Object.assign(new Error('blocked'), { name: 'VersionError' });
  const other = Object.assign(new Error('Disk on fire'), { name: 'UnknownError' });
  it.each<[string, unknown, string, string]>([
    ['the quota', quota, '存储空间已满：请导出并删除一些摘录，或在浏览器设置中为本扩展释放空间。', "Storage is full: export and delete some clippings, or free up space for this extension in the browser's settings."],
    ['a closed database', closed, '摘录库已关闭，请重新打开弹窗后再试。', 'The clipping library is closed. Reopen the popup and try again.'],
    ['an upgrade', upgrading, '摘录库正在升级，请关闭扩展的其他页面后再试。', "The clipping library is being upgraded. Close the extension's other pages and try again."],
    ['anything else', other, '无法访问摘录库：Disk on fire', 'Cannot access the clipping library: Disk on fire'],
  ])('%s', (_name, error, zh, en) => {
    setLanguage('zh');
    expect(storageErrorMessage(error)).toBe(zh);
    setLanguage('en');
    expect(storageErrorMessage(error)).toBe(en);
  });
});

describe('other messages in the UI language', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x01, 0x02, 0x00, 0x03]);

  it('a file that is not text', () => {
    setLanguage('zh');
    expect(() => decodeBytes(zip)).toThrow(new NotTextError('不是文本文件（可能是图片、压缩包或 Word 文档），未读取。'));
    expect(new NotTextError().message).toBe('不是文本文件（可能是图片、压缩包或 Word 文档），未读取。');
    setLanguage('en');
    expect(new NotTextError().message).toBe('Not a text file (perhaps an image, an archive or a Word document); it was not read.');
    expect(() => decodeBytes(zip)).toThrow(/^Not a text file/);
  });

  it('a schema’s own message, parsed anywhere (the messaging protocol too)', () => {
    setLanguage('zh');
    expect(webUrlSchema.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe('网址必须是 http 或 https 网页');
    setLanguage('en');
    expect(webUrlSchema.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe('The address must be an http or https web page');
  });

  it('a clipping refused by the store', () => {
    setLanguage('en');
    expect(() => toStored({ ...clipping(), createdAt: -5, updatedAt: -5 }, [])).toThrow(/Too small: at least 0/);
    setLanguage('zh');
    expect(() => toStored({ ...clipping(), createdAt: -5, updatedAt: -5 }, [])).toThrow(/过小：最小为 0/);
  });

  it('zod’s own locale for the issues without words of ours', () => {
    const schema = z.string().check(z.startsWith('user:'));
    setLanguage('zh');
    expect(schema.safeParse('seed:1', { error: zodMessage }).error?.issues[0]?.message).toBe('无效字符串：必须以 "user:" 开头');
    setLanguage('en');
    expect(schema.safeParse('seed:1', { error: zodMessage }).error?.issues[0]?.message).toBe('Invalid string: must start with "user:"');
  });

  it('keeps a good clipping good in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      setLanguage(lang);
      expect(clippingSchema.safeParse(clipping()).success).toBe(true);
      expect(parseImport(file([good]))).toHaveLength(1);
    }
  });
});
