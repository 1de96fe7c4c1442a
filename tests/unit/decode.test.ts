import { describe, expect, it } from 'vitest';
import { decodeBytes, NotTextError } from '@/lib/text/decode';

const TEXT = '青海省市场监管局发布《专利导航》，投资15.68亿元。\nSecond line: 12.5%';

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let at = 0;
  if (bom) {
    out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) {
    const c = text.charCodeAt(i);
    out[at + (littleEndian ? 0 : 1)] = c & 0xff;
    out[at + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decodeBytes(bytes)).toEqual({ text: TEXT, encoding: 'UTF-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: TEXT, encoding: 'UTF-8' });
  });

  it('reads UTF-16 in both byte orders, with a mark and without', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const decoded = decodeBytes(utf16(TEXT, le, bom));
        expect(decoded.text).toBe(TEXT);
        expect(decoded.encoding).toBe(le ? 'UTF-16LE' : 'UTF-16BE');
      }
    }
  });

  it('reads GBK as Chinese Windows writes it', () => {
    // 青海 知识产权 in GBK.
    const gbk = new Uint8Array([0xc7, 0xe0, 0xba, 0xa3, 0x20, 0xd6, 0xaa, 0xca, 0xb6, 0xb2, 0xfa, 0xc8, 0xa8]);
    expect(decodeBytes(gbk)).toEqual({ text: '青海 知识产权', encoding: 'GB18030' });
  });

  it('refuses what is not text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    expect(() => decodeBytes(png)).toThrow(NotTextError);
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, ...Array.from({ length: 300 }, (_, i) => (i * 91 + 7) % 256)]);
    expect(() => decodeBytes(zip)).toThrow(/不是文本文件/);
  });
});
