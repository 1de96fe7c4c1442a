import { createJiebaSegmenter, type Segmenter } from '@/lib/segment';

/** A segmenter over fake jieba bindings that records every `add_word` call (word, freq, tag). */
export function recordingSegmenter(): { segmenter: Segmenter; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const segmenter = createJiebaSegmenter({
    cut: () => [],
    tag: () => [],
    tokenize: () => [],
    add_word: (...args) => {
      calls.push(args);
      return 0;
    },
  });
  return { segmenter, calls };
}
