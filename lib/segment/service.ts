/**
 * The segmentation service of the one context that hosts jieba-wasm: loads the module once,
 * on first use, and answers `segment` and `segmenter/status` requests.
 */
import type { Segmenter, UserWord } from './index';

export type SegmenterHostName = 'offscreen' | 'service-worker' | 'background-page';

export interface SegmenterService {
  segment(request: { text: string; mode: 'tag' | 'search' }): Promise<{
    tokens: Awaited<ReturnType<Segmenter['tag']>>;
    host: SegmenterHostName;
    ms: number;
  }>;
  status(): { host: SegmenterHostName; ready: boolean; loadMs: number | null; userWords: number };
  /** The loaded segmenter, for the recognizer running in the same context; loads it if needed. */
  segmenter(): Promise<Segmenter>;
  /** Adds user-dictionary words, loading the segmenter first if needed. */
  addWords(words: readonly UserWord[]): Promise<number>;
}

/**
 * @param load Instantiates the segmenter. If it rejects, the request that triggered it fails
 *   with that error and the next request tries again (a transient fetch failure is not fatal).
 */
export function createSegmenterService(
  host: SegmenterHostName,
  load: () => Promise<{ segmenter: Segmenter; loadMs: number }>,
  now: () => number = () => performance.now(),
): SegmenterService {
  let loading: Promise<Segmenter> | undefined;
  let loadMs: number | null = null;
  let userWords = 0;

  function ready(): Promise<Segmenter> {
    loading ??= load().then(
      (loaded) => {
        loadMs = loaded.loadMs;
        return loaded.segmenter;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  }

  return {
    async segment({ text, mode }) {
      const segmenter = await ready();
      const started = now();
      const tokens = mode === 'search' ? await segmenter.cutForSearch(text) : await segmenter.tag(text);
      return { tokens, host, ms: Math.max(0, now() - started) };
    },
    segmenter: () => ready(),
    status() {
      return { host, ready: loadMs !== null, loadMs, userWords };
    },
    async addWords(words) {
      const added = await (await ready()).addWords(words);
      userWords += added;
      return added;
    },
  };
}
