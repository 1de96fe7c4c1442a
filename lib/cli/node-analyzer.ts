/**
 * The recognizer as the CLIs and the build run it: jieba-wasm's Node build and the name model of
 * `public/models/` (the same recognizer as the extension's offscreen document).
 */
import type { TextAnalyzer } from '../corpus/features';
import { recognize, type RecognizeOptions } from '../recognize';
import { nodeTagger } from '../recognize/tagger/node';
import { nodeSegmenter } from '../segment/node';

let warned = false;

/**
 * Options that give `recognize` the repository's name model. A missing or invalid model file is
 * reported once on stderr and the rules find the names alone, as in the extension.
 */
export function nodeRecognizeOptions(): RecognizeOptions {
  try {
    return { tagger: nodeTagger().tagger };
  } catch (error) {
    if (!warned) console.error(`name model unavailable (${(error as Error).message}); names come from the rules alone. npm run train:ner makes the model.`);
    warned = true;
    return { tagger: null };
  }
}

/** The segmenter's search cut and the recognizer with the name model, for the corpus code. */
export function nodeAnalyzer(): TextAnalyzer {
  const segmenter = nodeSegmenter();
  const options = nodeRecognizeOptions();
  return {
    cutForSearch: (text) => segmenter.cutForSearch(text),
    recognize: (text) => recognize(text, segmenter, options),
  };
}
