/**
 * The name tagger for Node (CLIs, tests, the build's corpus step): the model file in `public/`,
 * loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { taggerFromBytes, type LoadedTagger } from './load';
import { NAME_MODEL_PATH } from './model-path';

/** The repository's root: the nearest folder up from this module with a package.json (bundled CLIs move the module). */
function repositoryRoot(): string {
  let dir = resolve(import.meta.dirname);
  for (let k = 0; k < 6; k++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'public'))) return dir;
    dir = dirname(dir);
  }
  return resolve(import.meta.dirname, '../../..');
}

/** The model file of the repository. */
export const NODE_MODEL_FILE = join(repositoryRoot(), 'public', NAME_MODEL_PATH);

let loaded: LoadedTagger | undefined;

/**
 * The process-wide tagger from `public/models/…`.
 *
 * @throws ModelFileError if the file is invalid, Error (ENOENT) if it is missing: run `npm run train:ner`.
 */
export function nodeTagger(file = NODE_MODEL_FILE): LoadedTagger {
  if (file !== NODE_MODEL_FILE) return taggerFromBytes(readFileSync(file));
  loaded ??= taggerFromBytes(readFileSync(file));
  return loaded;
}
