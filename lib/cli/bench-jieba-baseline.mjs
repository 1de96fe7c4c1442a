/**
 * The baseline of `npm run bench -- --cli`: a Node script that loads jieba-wasm and calls `tag()`
 * on each `{"id","text"}` line of stdin, writing one line of words per record (what any tool
 * built on jieba pays before doing anything of its own).
 */
import { createInterface } from 'node:readline';
import * as jieba from 'jieba-wasm/node';

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line.trim()) continue;
  const { id, text } = JSON.parse(line);
  const words = jieba.tag(text, true);
  process.stdout.write(`${JSON.stringify({ id, words: words.length })}\n`);
}
