/**
 * `npm run -s annotate -- --jsonl` as a process: answers in input order, one line per input line
 * (a bad line answered with its error), the same in one thread, as a pipeline of two threads and
 * with a pool of pipelines.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function annotate(input: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['lib/cli/run-bundled.mjs', 'lib/cli/annotate.ts', '--jsonl', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, lines: run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: unknown; entities: Array<{ type: string; text: string }>; error?: string }), stderr: run.stderr };
}

const texts = [
  '青海省人民政府办公厅印发《青海省促进民营经济发展办法》，全年投资15.68亿元。',
  '航天员王亚平在空间站为青少年授课。',
  '海北州市场监管局联合门源县教育局开展校园食品安全检查。',
  '2024年1—9月，全省规模以上工业增加值同比增长8.3%。',
  // Odd input crosses the threads unchanged: lone surrogates, an emoji, an empty text.
  '\uD800西宁市\uDFFF人民政府😀李明同志出席。',
  '',
];

describe('annotate --jsonl', () => {
  const records = [...texts, ...texts, ...texts].map((text, k) => JSON.stringify({ id: `r${k}`, text }));
  records.splice(5, 0, '{"id": "broken"');
  const input = `${records.join('\n')}\n`;

  it('answers every line in order, the same in a pipeline, in a pool of pipelines and in one thread', () => {
    const pooled = annotate(input, '--threads', '4');
    const piped = annotate(input, '--threads', '2');
    const single = annotate(input, '--threads', '1');
    expect(pooled.status).toBe(2);
    expect(pooled.lines).toHaveLength(records.length);
    expect(pooled.lines[5]).toMatchObject({ id: null, entities: [] });
    expect(pooled.lines[5]!.error).toMatch(/JSON/);
    expect(pooled.stderr).toMatch(/line 6:/);
    expect(pooled.lines.filter((l) => !l.error).map((l) => l.id)).toEqual(records.filter((_, k) => k !== 5).map((_, k) => `r${k}`));
    expect(pooled.lines).toEqual(single.lines);
    expect(piped.lines).toEqual(single.lines);
    expect(piped.status).toBe(2);
    expect(pooled.lines[0]!.entities.map((e) => `${e.type} ${e.text}`)).toContain('MONEY 15.68亿元');
  }, 120_000);

  it('refuses a bad thread count', () => {
    const run = annotate('', '--threads', '0');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--threads/);
  });
});
