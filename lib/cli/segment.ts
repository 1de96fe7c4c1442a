/**
 * `npm run segment -- [FILE…]`: cuts text with the same `lib/segment` code the extension runs,
 * on jieba-wasm's Node build. Reads the files given (or stdin) and prints one `word/tag` per
 * token, a line of text per line; `--jsonl` reads `{"id","text"}` lines and writes
 * `{"id","tokens"}` lines instead.
 *
 * Exit codes: 0 on success, 1 on an unreadable file, 2 on a bad JSON line (naming its number).
 */
import { readFile } from 'node:fs/promises';
import { nodeSegmenter } from '../segment/node';
import { readTextRecords } from './jsonl';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function jsonl(): Promise<number> {
  const segmenter = nodeSegmenter();
  for await (const record of readTextRecords(process.stdin)) {
    if ('error' in record) {
      process.stderr.write(`line ${record.line}: ${record.error}\n`);
      return 2;
    }
    const tokens = await segmenter.tag(record.text);
    process.stdout.write(`${JSON.stringify({ id: record.id ?? record.line, tokens })}\n`);
  }
  return 0;
}

async function plain(files: string[]): Promise<number> {
  const segmenter = nodeSegmenter();
  const texts: string[] = [];
  try {
    if (files.length === 0) texts.push(await readStdin());
    for (const f of files) texts.push(await readFile(f, 'utf8'));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const tokens = await segmenter.tag(line);
      process.stdout.write(`${tokens.filter((t) => t.word.trim()).map((t) => `${t.word}/${t.tag}`).join(' ')}\n`);
    }
  }
  return 0;
}

const args = process.argv.slice(2);
const code = args.includes('--jsonl') ? await jsonl() : await plain(args.filter((a) => !a.startsWith('--')));
process.exitCode = code;
