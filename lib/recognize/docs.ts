/**
 * Documents: titles in 《》, official document numbers (青市监函〔2024〕144号) and the quoted
 * titles of patents and standards. Pure string rules, found before anything else so that no
 * other span is marked inside a document's name.
 */
import type { Span } from './types';

/** A title in book-title marks; the span excludes the marks. Nested 〈〉 stay inside. */
const BOOK_TITLE = /《([^《》\n]{1,80})》/g;

/**
 * An official document number: issuer code, year in 〔〕 (or [], ［］, （）, ()), serial and 号.
 * The issuer code is a short run of Han characters (青市监函, 国发, 国办发, 青政办).
 */
const DOC_NUMBER = /([\u4e00-\u9fff]{1,10})\s*[〔［[（(]\s*((?:19|20)\d{2})\s*[〕］\]）)]\s*(?:第\s*)?(\d{1,5})\s*号/g;

/** Characters that cannot begin an issuer code: they end the words before it (印发了, 根据, 按照 …). */
const NOT_ISSUER_START = new Set([...'了的据照按和与及见依于为对将把被在以由从经等是']);

/** A quoted title after 专利 / 标准 (发明专利“一种…的方法”). */
const QUOTED_TITLE = /(?:专利|标准|专利申请)\s*[“"「]([^”"」\n]{2,120})[”"」]/g;

/** Finds DOC spans, sorted by start, non-overlapping. Never throws. */
export function findDocs(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.includes('《') ? text.matchAll(BOOK_TITLE) : []) {
    const inner = m[1]!;
    if (!inner.trim()) continue;
    const start = m.index + 1;
    spans.push({ start, end: start + inner.length, type: 'DOC', text: inner });
  }
  // Cheap test first: the number needs a year bracket and 号.
  const hasNumber = text.includes('号') && /[〔［[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]/.test(text);
  for (const m of hasNumber ? text.matchAll(DOC_NUMBER) : []) {
    let code = m[1]!;
    // Keep the issuer code only: cut at the last character that ends the words before it.
    let cut = 0;
    for (let i = 0; i < code.length; i++) if (NOT_ISSUER_START.has(code[i]!)) cut = i + 1;
    code = code.slice(cut);
    if (code.length > 8) code = code.slice(code.length - 8);
    if (!code) continue;
    const start = m.index + m[1]!.length - code.length;
    const end = m.index + m[0].length;
    spans.push({ start, end, type: 'DOC', text: text.slice(start, end) });
  }
  for (const m of text.includes('专利') || text.includes('标准') ? text.matchAll(QUOTED_TITLE) : []) {
    const inner = m[1]!;
    const start = m.index + m[0].length - 1 - inner.length;
    spans.push({ start, end: start + inner.length, type: 'DOC', text: inner });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}
