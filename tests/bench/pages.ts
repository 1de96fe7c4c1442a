/** The pages the page benchmarks load, made from the seed texts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';

/** The seed texts' paragraphs, in file order. */
export const seedParagraphs = readdirSync(join(ROOT, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => readFileSync(join(ROOT, 'seeds', f), 'utf8').split('\n'))
  .map((l) => l.replace(/^#+\s*/, '').trim())
  .filter(Boolean);

/** A page of `chars` characters of seed paragraphs as <p>, in an article layout like the sources'. */
export function articleHtml(chars: number, title: string, tail = ''): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let round = 1; length < chars; round++) {
    for (const p of seedParagraphs) {
      if (length >= chars) break;
      const text = p.slice(0, chars - length);
      paragraphs.push(text);
      length += text.length;
    }
    if (length < chars) paragraphs.push(`（第${round + 1}部分）`);
  }
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:16px/1.8 "Noto Sans CJK SC",sans-serif;max-width:760px;margin:0 auto;padding:16px}</style></head>
<body><header><a href="/">青海新闻网</a> &gt; 要闻</header><article><h1>${title}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article><footer>版权所有 青海新闻网</footer>${tail}</body></html>`;
}
