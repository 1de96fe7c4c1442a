/**
 * Making a {@link NameTagger} from model bytes, with the checks and timings a host reports:
 * the offscreen document and Firefox's background page (from the asset's URL), the CLIs and
 * tests (from the file in `public/`).
 */
import { buildLexicons } from './lexicons';
import { FEATURE_VERSION } from './features';
import { ModelFileError, readModelFile } from './model-file';
import { NameTagger } from './tagger';

/** What a host knows about its name tagger: ready, or why the rules are used instead. */
export type TaggerStatus =
  | { state: 'ready'; loadMs: number; bytes: number; rows: number }
  | { state: 'failed'; error: string };

export interface LoadedTagger {
  tagger: NameTagger;
  status: Extract<TaggerStatus, { state: 'ready' }>;
}

/**
 * Checks and loads a model from its bytes.
 *
 * @throws ModelFileError if the bytes are not a valid model for this tagger (see `readModelFile`).
 */
export function taggerFromBytes(bytes: Uint8Array, started = performance.now()): LoadedTagger {
  const model = readModelFile(bytes, FEATURE_VERSION);
  const tagger = new NameTagger(model, buildLexicons());
  return { tagger, status: { state: 'ready', loadMs: performance.now() - started, bytes: bytes.length, rows: model.meta.rows } };
}

/**
 * Fetches a model by URL (an extension asset) and loads it.
 *
 * @throws ModelFileError for an invalid file, Error for a failed fetch (missing asset, HTTP error).
 */
export async function fetchTagger(url: string, fetchImpl: typeof fetch = fetch): Promise<LoadedTagger> {
  const started = performance.now();
  const response = await fetchImpl(url);
  if (!response.ok) throw new Error(`name model: HTTP ${response.status} for ${url}`);
  return taggerFromBytes(new Uint8Array(await response.arrayBuffer()), started);
}

export { ModelFileError };
