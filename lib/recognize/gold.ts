/** Reading gold files (JSON Lines of the annotation guide). */
import type { GoldRecord } from './score';

/**
 * Parses JSON Lines gold records.
 * @throws Error naming the line number of the first malformed record.
 */
export function parseGold(jsonl: string): GoldRecord[] {
  const out: GoldRecord[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let r: GoldRecord;
    try {
      r = JSON.parse(line) as GoldRecord;
    } catch (error) {
      throw new Error(`gold line ${i + 1}: ${(error as Error).message}`);
    }
    if (typeof r.id !== 'string' || typeof r.text !== 'string' || !Array.isArray(r.entities)) {
      throw new Error(`gold line ${i + 1}: needs "id", "text" and "entities"`);
    }
    out.push(r);
  });
  return out;
}
