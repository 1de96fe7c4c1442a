/**
 * The recognizer as the CLIs and the build run it: jieba-wasm's Node build and the name model of
 * `public/models/` (the same recognizer as the extension's offscreen document).
 */
import type { TextAnalyzer } from '../corpus/features';
import { recognize, type RecognizeOptions } from '../recognize';
import { nodeTagger } from '../recognize/tagger/node';
import { nodeSegmenter } from '../segment/node';

/**
 * Options that give `recognize` the repository's name model.
 *
 * @throws Error if the model file is missing or invalid (`npm run train:ner` makes it).
 */
export function nodeRecognizeOptions(): RecognizeOptions {
  return { tagger: nodeTagger().tagger };
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
