/**
 * Character-bigram similarity for short Chinese texts: used by the seed splitter to match a
 * headline to its article and to tell a section of the current article from a new article.
 * Pure and dependency-free, so it runs at build time and in the extension alike.
 */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Words so common in news that sharing them says nothing about the topic. */
const STOP_BIGRAMS = new Set(
  '我们 他们 进一步 一步 发展 工作 推进 推动 加强 建设 提升 开展 服务 全面 积极 以及 通过 实现 不断 持续 深入 相关 有关 和 的 了 在 是'
    .split(' ')
    .filter((w) => w.length === 2),
);

/**
 * The set of Han-character bigrams of `text` (other characters break bigrams).
 * Never throws; an empty or non-Chinese text gives an empty set.
 */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const ch of text) {
    if (HAN.test(ch)) {
      if (prev) {
        const bg = prev + ch;
        if (!STOP_BIGRAMS.has(bg)) out.add(bg);
      }
      prev = ch;
    } else {
      prev = '';
    }
  }
  return out;
}

/**
 * The share of `part`'s bigrams found in `whole` (0…1): how much of a headline or a short
 * passage the article repeats. 0 when `part` has no bigram.
 */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let hit = 0;
  for (const bg of part) if (whole.has(bg)) hit++;
  return hit / part.size;
}

/** Dice coefficient of two bigram sets (0…1); 0 when both are empty. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let hit = 0;
  for (const bg of small) if (large.has(bg)) hit++;
  return (2 * hit) / (a.size + b.size);
}
