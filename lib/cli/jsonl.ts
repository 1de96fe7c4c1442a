/** Reading the `{"id", "text"}` JSON Lines the CLIs take on stdin. */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export type TextRecord = { line: number; id: unknown; text: string } | { line: number; error: string };

/**
 * Yields one item per non-empty line of `input`, in order: the record, or an error naming why
 * the line is not a `{"id", "text"}` object (bad JSON, missing or non-string `text`). Never throws
 * for bad lines; the caller decides whether to stop.
 */
export async function* readTextRecords(input: Readable): AsyncGenerator<TextRecord> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!raw.trim()) continue;
    let record: { id?: unknown; text?: unknown };
    try {
      record = JSON.parse(raw) as typeof record;
    } catch (error) {
      yield { line, error: `not JSON (${(error as Error).message})` };
      continue;
    }
    if (typeof record?.text !== 'string') yield { line, error: '"text" must be a string' };
    else yield { line, id: record.id ?? null, text: record.text };
  }
}
