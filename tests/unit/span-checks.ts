import { expect } from 'vitest';
import type { Span } from '@/lib/recognize/types';

/**
 * Every span lies inside `text`, matches its slice, never splits a surrogate pair, and spans are
 * sorted without overlap.
 */
export function expectValidSpans(text: string, spans: readonly Span[]): void {
  let last = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.text).toBe(text.slice(s.start, s.end));
    for (const at of [s.start, s.end]) {
      const before = text.charCodeAt(at - 1);
      const after = text.charCodeAt(at);
      expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff).toBe(false);
    }
    last = s.end;
  }
}
