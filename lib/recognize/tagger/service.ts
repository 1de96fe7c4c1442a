/**
 * The name tagger of the one context that hosts the recognizer (the offscreen document, or the
 * background as a fallback): loads the model once, on first use or at start, and remembers why
 * it could not (then the recognizer uses the rules alone, and says so).
 */
import type { LoadedTagger, TaggerStatus } from './load';
import type { NameTagger } from './tagger';

export interface TaggerService {
  /** The tagger, or null when the model could not be loaded (see {@link status}). Never rejects. */
  tagger(): Promise<NameTagger | null>;
  status(): TaggerStatus | { state: 'loading' };
}

/** A failed load is tried again after this long (a fetch can fail once; a corrupt file will not mend). */
export const TAGGER_RETRY_MS = 60_000;

/**
 * @param load fetches and checks the model; a rejection is recorded as the status's error.
 */
export function createTaggerService(load: () => Promise<LoadedTagger>, now: () => number = () => Date.now()): TaggerService {
  let loading: Promise<NameTagger | null> | undefined;
  let state: TaggerStatus | { state: 'loading' } = { state: 'loading' };
  let failedAt = 0;

  return {
    tagger() {
      if (loading && state.state === 'failed' && now() - failedAt >= TAGGER_RETRY_MS) loading = undefined;
      loading ??= load().then(
        (loaded) => {
          state = loaded.status;
          return loaded.tagger;
        },
        (error: unknown) => {
          state = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
          failedAt = now();
          console.error('[names] the name model could not be loaded; names come from the rules alone', error);
          return null;
        },
      );
      return loading;
    },
    status: () => state,
  };
}
